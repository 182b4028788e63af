#include "server/StreamHub.h"

#include "server/AuthStore.h"
#include "server/HttpReply.h"
#include "server/ServerLog.h"
#include "server/TicketStore.h"

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QFuture>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QThreadPool>
#include <QWebSocket>
#include <QtConcurrent/QtConcurrentRun>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {
QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

struct AuthCheck
{
    bool ok = false;
    QString error;
    qint64 seq = 0;
};
} // namespace

StreamHub::StreamHub(const AuthStore &auth, const TicketStore &tickets, QThreadPool &pool, QObject *parent)
    : QObject(parent), m_auth(auth), m_tickets(tickets), m_pool(pool)
{
    m_pingTimer.setInterval(kPingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &StreamHub::pingAll);
    m_pingTimer.start();
}

StreamHub::~StreamHub()
{
    const auto sockets = m_clients + QSet<QWebSocket *>(m_pending.keyBegin(), m_pending.keyEnd());
    for (QWebSocket *socket : sockets) {
        socket->disconnect(this);
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, u"service stopping"_s);
    }
}

void StreamHub::attach(QHttpServer &server)
{
    server.route(u"/api/v1/stream"_s, [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
            return; // write nothing: QAbstractHttpServer hands the socket to its WebSocket server
        HttpReply::error(HttpReply::Status::UpgradeRequired, u"upgrade_required"_s,
                         u"this endpoint speaks WebSocket only"_s)
            .write(std::move(responder));
    });
    connect(&server, &QAbstractHttpServer::newWebSocketConnection, this, [this, s = &server] { acceptPending(s); });
}

void StreamHub::acceptPending(QAbstractHttpServer *server)
{
    while (server->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> owned = server->nextPendingWebSocketConnection();
        if (!owned)
            continue;
        QWebSocket *socket = owned.release();
        socket->setParent(this);
        connect(socket, &QWebSocket::disconnected, this, [this, socket] { forget(socket); });
        if (socket->requestUrl().path() != "/api/v1/stream"_L1) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"no such stream"_s);
            continue;
        }
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &message) { onMessage(socket, message); });
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, socket] { refuse(socket, u"unauthorized"_s); });
        timer->start(kAuthTimeoutMs);
        m_pending.insert(socket, timer);
    }
}

void StreamHub::onMessage(QWebSocket *socket, const QString &message)
{
    QTimer *timer = m_pending.value(socket);
    if (!timer)
        return; // authenticated clients have nothing to say yet; ignore
    timer->stop();
    m_pending.remove(socket);
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString token = object.value("token"_L1).toString();
    if (object.value("type"_L1).toString() != "auth"_L1 || token.isEmpty()) {
        refuse(socket, u"unauthorized"_s);
        return;
    }
    QPointer<QWebSocket> guard(socket);
    // The job touches only the stores (they outlive the pool), never the hub.
    QtConcurrent::run(&m_pool, [&auth = m_auth, &tickets = m_tickets, token] {
        AuthCheck check;
        check.ok = auth.authenticateToken(token, &check.error).has_value();
        if (check.ok && check.error.isEmpty()) {
            const auto seq = tickets.currentSeq(&check.error);
            check.seq = seq.value_or(0);
        }
        return check;
    }).then(this, [this, guard](const AuthCheck &check) {
        if (!guard)
            return;
        if (!check.error.isEmpty()) {
            qCWarning(lcStream) << "stream authentication failed:" << check.error;
            guard->sendTextMessage(compact({{"type"_L1, "error"_L1}, {"code"_L1, "internal"_L1}}));
            guard->close(QWebSocketProtocol::CloseCodeAbnormalDisconnection, u"storage failed"_s);
            return;
        }
        if (!check.ok) {
            refuse(guard, u"unauthorized"_s);
            return;
        }
        // A change committed after the seq was read may already have been published: report the larger.
        m_clients.insert(guard);
        guard->sendTextMessage(compact({{"type"_L1, "ready"_L1}, {"seq"_L1, qMax(check.seq, m_latestSeq)}}));
    });
}

void StreamHub::refuse(QWebSocket *socket, const QString &code)
{
    if (QTimer *timer = m_pending.take(socket))
        timer->stop();
    m_clients.remove(socket);
    socket->sendTextMessage(compact({{"type"_L1, "error"_L1}, {"code"_L1, code}}));
    socket->close(static_cast<QWebSocketProtocol::CloseCode>(kCloseUnauthorized), code);
}

void StreamHub::ticketChanged(qint64 ticketId, qint64 seq)
{
    QMetaObject::invokeMethod(this, [this, ticketId, seq] { publish(ticketId, seq); }, Qt::QueuedConnection);
}

void StreamHub::publish(qint64 ticketId, qint64 seq)
{
    m_latestSeq = qMax(m_latestSeq, seq);
    const QString message = compact({{"type"_L1, "ticket.changed"_L1}, {"ticket_id"_L1, ticketId}, {"seq"_L1, seq}});
    for (QWebSocket *socket : std::as_const(m_clients))
        socket->sendTextMessage(message);
}

void StreamHub::alertChanged(const QString &type, const QJsonObject &alert)
{
    const QString message = compact({{"type"_L1, type}, {"alert"_L1, alert}});
    QMetaObject::invokeMethod(this, [this, message] { broadcast(message); }, Qt::QueuedConnection);
}

void StreamHub::kbChanged(qint64 seq)
{
    const QString message = compact({{"type"_L1, "kb.changed"_L1}, {"seq"_L1, seq}});
    QMetaObject::invokeMethod(this, [this, message] { broadcast(message); }, Qt::QueuedConnection);
}

void StreamHub::broadcast(const QString &message)
{
    for (QWebSocket *socket : std::as_const(m_clients))
        socket->sendTextMessage(message);
}

void StreamHub::forget(QWebSocket *socket)
{
    m_clients.remove(socket);
    m_pending.remove(socket);
    socket->deleteLater();
}

void StreamHub::pingAll()
{
    for (QWebSocket *socket : std::as_const(m_clients))
        socket->ping();
}

} // namespace relaydesk::server

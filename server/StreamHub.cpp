#include "server/StreamHub.h"

#include "server/AuthStore.h"
#include "server/HttpReply.h"
#include "server/ServerLog.h"
#include "server/TicketStore.h"

#include "server/http/Router.h"
#include "server/http/WebSocketConnection.h"

#include <QFuture>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
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
    m_recheckTimer.setInterval(kRecheckIntervalMs);
    connect(&m_recheckTimer, &QTimer::timeout, this, &StreamHub::recheckSessions);
    m_recheckTimer.start();
}

StreamHub::~StreamHub()
{
    QList<WebSocketConnection *> sockets = m_clients.keys();
    sockets += m_pending.keys();
    for (WebSocketConnection *socket : std::as_const(sockets)) {
        socket->disconnect(this);
        socket->close(1001, u"service stopping"_s); // going away
    }
}

void StreamHub::attach(Router &router)
{
    router.webSocket(u"/api/v1/stream"_s, [this](WebSocketConnection *socket) { accept(socket); });
}

void StreamHub::accept(WebSocketConnection *socket)
{
    socket->setParent(this);
    connect(socket, &WebSocketConnection::disconnected, this, [this, socket] { forget(socket); });
    connect(socket, &WebSocketConnection::textMessageReceived, this,
            [this, socket](const QString &message) { onMessage(socket, message); });
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, socket] { refuse(socket, u"unauthorized"_s); });
    timer->start(kAuthTimeoutMs);
    m_pending.insert(socket, timer);
}

void StreamHub::onMessage(WebSocketConnection *socket, const QString &message)
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
    QPointer<WebSocketConnection> guard(socket);
    // The job touches only the stores (they outlive the pool), never the hub.
    QtConcurrent::run(&m_pool, [&auth = m_auth, &tickets = m_tickets, token] {
        AuthCheck check;
        check.ok = auth.authenticateToken(token, &check.error).has_value();
        if (check.ok && check.error.isEmpty()) {
            const auto seq = tickets.currentSeq(&check.error);
            check.seq = seq.value_or(0);
        }
        return check;
    }).then(this, [this, guard, token](const AuthCheck &check) {
        if (!guard || !guard->isOpen())
            return;
        if (!check.error.isEmpty()) {
            qCWarning(lcStream) << "stream authentication failed:" << check.error;
            guard->sendTextMessage(compact({{"type"_L1, "error"_L1}, {"code"_L1, "internal"_L1}}));
            guard->close(1011, u"storage failed"_s); // internal error
            return;
        }
        if (!check.ok) {
            refuse(guard, u"unauthorized"_s);
            return;
        }
        // A change committed after the seq was read may already have been published: report the larger.
        m_clients.insert(guard, token);
        guard->sendTextMessage(compact({{"type"_L1, "ready"_L1}, {"seq"_L1, qMax(check.seq, m_latestSeq)}}));
    });
}

void StreamHub::refuse(WebSocketConnection *socket, const QString &code)
{
    if (QTimer *timer = m_pending.take(socket))
        timer->stop();
    m_clients.remove(socket);
    socket->sendTextMessage(compact({{"type"_L1, "error"_L1}, {"code"_L1, code}}));
    socket->close(quint16(kCloseUnauthorized), code);
}

void StreamHub::ticketChanged(qint64 ticketId, qint64 seq)
{
    QMetaObject::invokeMethod(this, [this, ticketId, seq] { publish(ticketId, seq); }, Qt::QueuedConnection);
}

void StreamHub::publish(qint64 ticketId, qint64 seq)
{
    m_latestSeq = qMax(m_latestSeq, seq);
    const QString message = compact({{"type"_L1, "ticket.changed"_L1}, {"ticket_id"_L1, ticketId}, {"seq"_L1, seq}});
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
        it.key()->sendTextMessage(message);
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
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
        it.key()->sendTextMessage(message);
}

void StreamHub::forget(WebSocketConnection *socket)
{
    m_clients.remove(socket);
    m_pending.remove(socket);
    socket->deleteLater();
}

void StreamHub::sessionEnded(const QString &token)
{
    QMetaObject::invokeMethod(this, [this, token] { endSession(token); }, Qt::QueuedConnection);
}

void StreamHub::endSession(const QString &token)
{
    const QList<WebSocketConnection *> sockets = m_clients.keys(token);
    for (WebSocketConnection *socket : sockets)
        refuse(socket, u"unauthorized"_s);
}

void StreamHub::recheckSessions()
{
    QSet<QString> tokens;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
        tokens.insert(it.value());
    if (tokens.isEmpty())
        return;
    // Expired, revoked, or the user is gone: the job reads only the store, the answer comes back here.
    QtConcurrent::run(&m_pool, [&auth = m_auth, tokens] {
        QStringList ended;
        for (const QString &token : tokens) {
            QString error;
            if (!auth.authenticateToken(token, &error) && error.isEmpty())
                ended.append(token);
        }
        return ended;
    }).then(this, [this](const QStringList &ended) {
        for (const QString &token : ended)
            endSession(token);
    });
}

} // namespace relaydesk::server

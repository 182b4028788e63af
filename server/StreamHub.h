#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class QAbstractHttpServer;
class QHttpServer;
class QThreadPool;
class QWebSocket;

namespace relaydesk::server {

class AuthStore;
class TicketStore;

// GET /api/v1/stream: live change notices over WebSocket. A client authenticates with its first message
// ({"type":"auth","token":...}) within 10 s, gets {"type":"ready","seq":N}, then one
// {"type":"ticket.changed",...} per committed change. Lives on the HTTP thread; ticketChanged() may be
// called from any thread.
class StreamHub final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kAuthTimeoutMs = 10'000;
    static constexpr int kPingIntervalMs = 30'000;
    static constexpr int kCloseUnauthorized = 4401;

    StreamHub(const AuthStore &auth, const TicketStore &tickets, QThreadPool &pool, QObject *parent = nullptr);
    ~StreamHub() override;

    // Registers the /api/v1/stream route (Qt 6.4 upgrades only requests that a route accepted without
    // answering) and takes the upgraded sockets.
    void attach(QHttpServer &server);
    // Thread-safe: queues a notice for every authenticated client.
    void ticketChanged(qint64 ticketId, qint64 seq);
    // Thread-safe: queues {"type": "kb.changed", "seq": N} (the knowledge base's own sequence).
    void kbChanged(qint64 seq);
    // Thread-safe: queues {"type": type, "alert": alert} (alert.raised, alert.changed) for every authenticated client.
    void alertChanged(const QString &type, const QJsonObject &alert);
    int clientCount() const { return int(m_clients.size()); }

private:
    void acceptPending(QAbstractHttpServer *server);
    void onMessage(QWebSocket *socket, const QString &message);
    void refuse(QWebSocket *socket, const QString &code);
    void publish(qint64 ticketId, qint64 seq);
    void broadcast(const QString &message);
    void forget(QWebSocket *socket);
    void pingAll();

    const AuthStore &m_auth;
    const TicketStore &m_tickets;
    QThreadPool &m_pool;
    QSet<QWebSocket *> m_clients;              // authenticated
    QHash<QWebSocket *, QTimer *> m_pending;   // waiting for their auth message
    QTimer m_pingTimer;
    qint64 m_latestSeq = 0;                    // highest seq published so far
};

} // namespace relaydesk::server

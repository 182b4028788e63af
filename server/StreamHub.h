#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class QThreadPool;

namespace relaydesk::server {

class AuthStore;
class Router;
class TicketStore;
class WebSocketConnection;

// GET /api/v1/stream: live change notices over WebSocket. A client authenticates with its first message
// ({"type":"auth","token":...}) within 10 s, gets {"type":"ready","seq":N}, then one
// {"type":"ticket.changed",...} per committed change. A client whose session ends (logout, expiry, user
// removed) is told {"type":"error","code":"unauthorized"} and closed with 4401: at once on logout, within
// kRecheckIntervalMs otherwise. Lives on the service thread; the notifying calls may come from any thread.
class StreamHub final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kAuthTimeoutMs = 10'000;
    static constexpr int kRecheckIntervalMs = 30'000;
    static constexpr int kCloseUnauthorized = 4401;

    StreamHub(const AuthStore &auth, const TicketStore &tickets, QThreadPool &pool, QObject *parent = nullptr);
    ~StreamHub() override;

    // Registers the /api/v1/stream WebSocket endpoint and takes its connections.
    void attach(Router &router);
    // Thread-safe: queues a notice for every authenticated client.
    void ticketChanged(qint64 ticketId, qint64 seq);
    // Thread-safe: queues {"type": "kb.changed", "seq": N} (the knowledge base's own sequence).
    void kbChanged(qint64 seq);
    // Thread-safe: queues {"type": type, "alert": alert} (alert.raised, alert.changed) for every authenticated client.
    void alertChanged(const QString &type, const QJsonObject &alert);
    // Thread-safe: ends the streams opened with this bearer token (it was just revoked).
    void sessionEnded(const QString &token);
    int clientCount() const { return int(m_clients.size()); }

private:
    void accept(WebSocketConnection *socket);
    void onMessage(WebSocketConnection *socket, const QString &message);
    void refuse(WebSocketConnection *socket, const QString &code);
    void publish(qint64 ticketId, qint64 seq);
    void broadcast(const QString &message);
    void forget(WebSocketConnection *socket);
    void recheckSessions();
    void endSession(const QString &token);

    const AuthStore &m_auth;
    const TicketStore &m_tickets;
    QThreadPool &m_pool;
    QHash<WebSocketConnection *, QString> m_clients; // authenticated, with their bearer token
    QHash<WebSocketConnection *, QTimer *> m_pending; // waiting for their auth message
    QTimer m_recheckTimer;
    qint64 m_latestSeq = 0;                    // highest seq published so far
};

} // namespace relaydesk::server

#pragma once

#include "core/Ticket.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

namespace relaydesk::models {

class ApiClient;
class TicketCache;

// Keeps the console's tickets current: the cached state first, then a delta sync from the last cursor,
// then live through the stream (each change notice triggers a coalesced delta sync). Drops reconnect
// with exponential backoff; every state and error is reported, never silent.
class SyncEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)

public:
    enum class State { Idle, LoadingCache, Connecting, Syncing, Live, Reconnecting, SignedOut };
    Q_ENUM(State)

    SyncEngine(ApiClient *api, TicketCache *cache, QObject *parent = nullptr);
    ~SyncEngine() override;

    void start();
    void stop();
    // Fetches what changed now (coalesced with a sync already running).
    void syncNow();
    // The user asked (F5): while waiting out a reconnect backoff, reconnect now (the backoff starts over);
    // otherwise the same as syncNow().
    void reconnectNow();
    // After signing in again: resume syncing and the live stream.
    void resume();
    State state() const { return m_state; }
    qint64 cursor() const { return m_cursor; }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size) { m_pageSize = size; }
    // Backoff bounds (ms); tests shorten them.
    void setBackoff(int firstMs, int maxMs);

signals:
    void stateChanged(relaydesk::models::SyncEngine::State state, const QString &detail);
    void ticketsArrived(const QList<relaydesk::Ticket> &tickets);
    // Something went wrong that the user should know about (translated, plain text).
    void problem(const QString &message);
    // The first complete sync since start() finished (the console is current).
    void caughtUp();
    // A stream message about an alert: `type` alert.raised or alert.changed, `alert` as GET /alerts has it.
    void alertMessage(const QString &type, const QJsonObject &alert);
    // The stream announced a knowledge-base change ({"type": "kb.changed", "seq": N}); KbMirror syncs on it.
    void kbChanged(qint64 seq);

private:
    void setState(State state, const QString &detail = {});
    void fetchPage();
    void openStream();
    void onStreamMessage(const QString &text);
    void onStreamClosed();
    void scheduleReconnect(const QString &why);

    ApiClient *m_api;
    TicketCache *m_cache;
    QWebSocket m_socket;
    QTimer m_reconnectTimer;
    QTimer m_coalesceTimer;
    QTimer m_authTimeout;
    State m_state = State::Idle;
    qint64 m_cursor = 0;
    int m_pageSize = 200;
    int m_attempt = 0;
    int m_backoffFirstMs = 1000;
    int m_backoffMaxMs = 30000;
    bool m_syncing = false;
    bool m_syncAgain = false;
    bool m_streamReady = false;
    bool m_stopped = true;
    bool m_caughtUp = false;
    bool m_reconnectPending = false;
};

} // namespace relaydesk::models

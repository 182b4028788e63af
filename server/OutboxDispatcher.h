#pragma once

#include "server/OutboxStore.h"
#include "server/RegionHealth.h"
#include "server/Tier1Config.h"

#include <QFutureWatcher>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

class QThreadPool;

namespace relaydesk::server {

class GatewayClient;
class StreamHub;
struct AttemptRecord;
struct AttemptRoute;
struct GatewayOutcome;

// One gateway region as the circuit breakers see it now (GET /regions).
struct RegionStatus
{
    QString region;
    QString state;   // healthy, degraded (half-open or waiting out a Retry-After), down (circuit open)
    QString circuit; // closed, open, half_open
    qint64 retryAfterMs = 0; // until requests may go there again
};

// Delivers the outbox: loads pending rows (on start too, so a crash between "decided" and "sent" resumes
// the send), sends each due row through the GatewayClient with its stored Idempotency-Key, and records
// every answer in one transaction (row state, timeline events, ticket status). Picks the region per
// attempt from the per-region circuit breakers (reroute when the home region is unhealthy). Lives on the
// service's thread; database work runs on the worker pool.
class OutboxDispatcher final : public QObject
{
    Q_OBJECT
public:
    OutboxDispatcher(const OutboxStore &store, GatewayClient &client, Tier1Config config, StreamHub &hub,
                     QThreadPool &pool, QObject *parent = nullptr);
    ~OutboxDispatcher() override;

    void start();
    void wake(); // thread-safe: new rows were committed
    int inFlight() const { return int(m_inFlight.size()); }
    // The configured regions' health; call on the dispatcher's (the service's) thread.
    QList<RegionStatus> regions(qint64 now) const;

private:
    void poll();
    void onLoaded(const QList<OutboxRow> &rows);
    // Sends `row` if a region can take it now; otherwise lowers *wakeAt to when one can.
    void dispatch(const OutboxRow &row, qint64 now, qint64 *wakeAt);
    void onAnswered(const OutboxRow &row, AttemptRoute route, const GatewayOutcome &outcome);
    void onRecorded(qint64 rowId, qint64 ticketId, qint64 seq);
    void scheduleAt(qint64 at);
    template <typename T, typename F> void whenReady(QFuture<T> future, F onResult);

    const OutboxStore &m_store;
    GatewayClient &m_client;
    Tier1Config m_config;
    StreamHub &m_hub;
    QThreadPool &m_pool;
    RegionHealth m_health;
    QRandomGenerator m_random;
    QTimer m_timer;
    QSet<qint64> m_inFlight; // row ids sent and not yet recorded
    bool m_loading = false;
    bool m_loadAgain = false;
    bool m_stopping = false;
};

} // namespace relaydesk::server

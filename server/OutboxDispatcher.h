#pragma once

#include "server/OutboxStore.h"
#include "server/RegionHealth.h"
#include "server/Tier1Config.h"

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <optional>

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
// the send), sends due rows through the GatewayClient with their stored Idempotency-Key, concurrently but at
// most Tier1Config::maxInFlightPerRegion per region, and records the answers (row state, timeline events,
// ticket status): the answers that are ready together go in one transaction, while the next ones wait for
// it. Picks the region per attempt from the per-region circuit breakers (reroute when the home region is
// unhealthy). A row stays "in flight" (not sent again) from its send until its answer is recorded; if the
// recording fails it stays pending and is sent again later with the same key. Lives on the service's
// thread; database work runs on the worker pool.
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
    int perRegionLoad() const;
    void onLoaded(const QList<OutboxRow> &rows);
    // Sends `row` if a region can take it now; otherwise lowers *wakeAt to when one can.
    void dispatch(const OutboxRow &row, qint64 now, qint64 *wakeAt);
    void onAnswered(const OutboxRow &row, AttemptRoute route, const GatewayOutcome &outcome);
    void flushRecords(); // writes the queued records in one transaction unless one is being written
    void onRecorded(const QList<AttemptRecord> &records, const std::optional<QList<qint64>> &seqs,
                    const QString &error);
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
    QHash<QString, int> m_regionInFlight; // requests out at the gateway per region (sent, not answered)
    QList<AttemptRecord> m_toRecord;      // answered, waiting for the transaction that records them
    // Rows recorded since the running load began: its snapshot may predate the record, so it skips them.
    QSet<qint64> m_recordedDuringLoad;
    bool m_recording = false;
    bool m_slotWanted = false; // a due row waited for a free slot in its region
    bool m_loading = false;
    bool m_loadAgain = false;
    bool m_stopping = false;
};

} // namespace relaydesk::server

#include "server/OutboxDispatcher.h"

#include "server/GatewayClient.h"
#include "server/OutboxAttempt.h"
#include "server/ServerLog.h"
#include "server/StreamHub.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {
constexpr int kBatch = 200;        // rows loaded per region and poll, beside the ones in flight
constexpr int kMaxRecordBatch = 256; // answers recorded per transaction
constexpr qint64 kNever = std::numeric_limits<qint64>::max();
constexpr qint64 kStorageRetryMs = 5000;
} // namespace

OutboxDispatcher::OutboxDispatcher(const OutboxStore &store, GatewayClient &client, Tier1Config config,
                                   StreamHub &hub, QThreadPool &pool, QObject *parent)
    : QObject(parent), m_store(store), m_client(client), m_config(std::move(config)), m_hub(hub), m_pool(pool),
      m_health(m_config.circuitFailureThreshold, m_config.circuitCoolDownMs),
      m_random(QRandomGenerator::global()->generate())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OutboxDispatcher::poll);
}

OutboxDispatcher::~OutboxDispatcher()
{
    m_stopping = true; // watchers (children) die with us; their results are dropped, rows stay pending
}

int OutboxDispatcher::perRegionLoad() const
{
    // In-flight rows are still pending: load enough to see kBatch others in each region.
    return kBatch + int(m_inFlight.size());
}

template <typename T, typename F> void OutboxDispatcher::whenReady(QFuture<T> future, F onResult)
{
    auto *watcher = new QFutureWatcher<T>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, onResult = std::move(onResult)] {
        watcher->deleteLater();
        if (!m_stopping)
            onResult(watcher->result());
    });
    watcher->setFuture(std::move(future));
}

void OutboxDispatcher::start()
{
    qCInfo(lcServer) << "outbox dispatcher started; resuming pending gateway effects";
    poll();
}

void OutboxDispatcher::wake()
{
    QMetaObject::invokeMethod(this, &OutboxDispatcher::poll, Qt::QueuedConnection);
}

void OutboxDispatcher::poll()
{
    if (m_loading) {
        m_loadAgain = true;
        return;
    }
    m_loading = true;
    m_recordedDuringLoad.clear();
    using Result = std::pair<std::optional<QList<OutboxRow>>, QString>;
    whenReady(QtConcurrent::run(&m_pool,
                                [store = &m_store, limit = perRegionLoad()] {
                                    QString error;
                                    auto rows = store->pending(limit, &error);
                                    return Result(std::move(rows), error);
                                }),
              [this](const Result &result) {
                  m_loading = false;
                  if (!result.first) {
                      qCWarning(lcServer) << "cannot read the outbox:" << result.second;
                      scheduleAt(QDateTime::currentMSecsSinceEpoch() + kStorageRetryMs);
                      return;
                  }
                  onLoaded(*result.first);
                  if (m_loadAgain) {
                      m_loadAgain = false;
                      poll();
                  }
              });
}

void OutboxDispatcher::onLoaded(const QList<OutboxRow> &rows)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 wakeAt = kNever;
    m_slotWanted = false;
    const int limit = perRegionLoad();
    QHash<QString, int> perRegion;
    bool truncated = false;
    for (const OutboxRow &row : rows) {
        if (++perRegion[row.lastRegion.isEmpty() ? row.homeRegion : row.lastRegion] >= limit)
            truncated = true;
        if (m_inFlight.contains(row.id) || m_recordedDuringLoad.contains(row.id))
            continue;
        if (row.nextAt > now) {
            wakeAt = qMin(wakeAt, row.nextAt);
            continue;
        }
        dispatch(row, now, &wakeAt);
    }
    if (truncated)
        wakeAt = qMin(wakeAt, now + 1000);
    scheduleAt(wakeAt);
}

void OutboxDispatcher::dispatch(const OutboxRow &row, qint64 now, qint64 *wakeAt)
{
    const bool resend = row.kind == OutboxRequest::Kind::Resend;
    AttemptRoute route;
    QString target = resend ? (row.lastRegion.isEmpty() ? row.homeRegion : row.lastRegion) : QString();
    if (resend && row.preferReroute && row.attempts > 0) {
        // The diagnosis said the home region is unhealthy: after a failure, go through another one.
        const QString other = m_health.pickHealthy(m_config.regions, target, now);
        if (!other.isEmpty() && other != row.homeRegion) {
            route.reroutedFrom = target;
            target = other;
        }
    }
    if (!m_health.available(target, now)) {
        const QString other = resend ? m_health.pickHealthy(m_config.regions, target, now) : QString();
        if (other.isEmpty()) {
            *wakeAt = qMin(*wakeAt, qMax(now + 1, m_health.availableAt(target)));
            return;
        }
        route.reroutedFrom = target;
        target = other;
    }
    if (m_regionInFlight.value(target) >= m_config.maxInFlightPerRegion) {
        m_slotWanted = true; // the next answer from any region frees a slot and polls again
        return;
    }
    route.region = target;

    QJsonObject body = row.body;
    body.insert("ticket_id"_L1, row.ticketId);
    if (resend && target != row.homeRegion)
        body.insert("region"_L1, target);
    m_health.beginAttempt(target, now);
    m_inFlight.insert(row.id);
    ++m_regionInFlight[target];
    qCDebug(lcServer) << "outbox row" << row.id << "attempt" << row.attempts + 1 << "key" << row.idempotencyKey
                      << "region" << target;
    m_client.send({row.path, QJsonDocument(body).toJson(QJsonDocument::Compact), row.idempotencyKey},
                  [this, row, route](const GatewayOutcome &outcome) { onAnswered(row, route, outcome); });
}

void OutboxDispatcher::onAnswered(const OutboxRow &row, AttemptRoute route, const GatewayOutcome &outcome)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (--m_regionInFlight[route.region] <= 0)
        m_regionInFlight.remove(route.region);
    switch (outcome.kind) {
    case GatewayOutcome::Kind::Delivered:
    case GatewayOutcome::Kind::Duplicate:
    case GatewayOutcome::Kind::Refused: m_health.recordSuccess(route.region); break; // the region answered
    case GatewayOutcome::Kind::Unauthorized: m_health.recordNeutral(route.region); break;
    case GatewayOutcome::Kind::Transient:
        m_health.recordFailure(route.region, now,
                               outcome.httpStatus == 503 && outcome.retryAfterMs > 0 ? now + outcome.retryAfterMs : 0);
        break;
    }
    route.circuit = RegionHealth::toWire(m_health.state(route.region, now));
    route.canReroute = row.kind == OutboxRequest::Kind::Resend
                       && !m_health.pickHealthy(m_config.regions, route.region, now).isEmpty();
    if (outcome.kind == GatewayOutcome::Kind::Unauthorized)
        qCCritical(lcServer) << "the IM gateway rejected our signature: check --gateway-secret-file and the clock";
    m_toRecord.append(settleAttempt(row, route, outcome, m_config, now, m_random.generateDouble()));
    flushRecords();
    if (m_slotWanted)
        poll(); // a row waits for this slot; the answered row itself stays in flight until recorded
}

void OutboxDispatcher::flushRecords()
{
    if (m_recording || m_toRecord.isEmpty())
        return;
    m_recording = true;
    QList<AttemptRecord> records = m_toRecord.mid(0, kMaxRecordBatch);
    m_toRecord.remove(0, records.size());
    using Result = std::pair<std::optional<QList<qint64>>, QString>;
    whenReady(QtConcurrent::run(&m_pool,
                                [store = &m_store, records] {
                                    QString error;
                                    auto seqs = store->recordAll(records, &error);
                                    return Result(std::move(seqs), error);
                                }),
              [this, records](const Result &result) { onRecorded(records, result.first, result.second); });
}

void OutboxDispatcher::onRecorded(const QList<AttemptRecord> &records, const std::optional<QList<qint64>> &seqs,
                                  const QString &error)
{
    m_recording = false;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const AttemptRecord &record = records.at(i);
        m_inFlight.remove(record.rowId);
        if (m_loading)
            m_recordedDuringLoad.insert(record.rowId);
        if (seqs && seqs->at(i) > 0)
            m_hub.ticketChanged(record.ticketId, seqs->at(i));
    }
    if (!seqs) {
        // Not recorded: the rows stay pending and are sent again with the same keys.
        qCWarning(lcServer) << "cannot record" << records.size() << "outbox answers:" << error;
        scheduleAt(QDateTime::currentMSecsSinceEpoch() + kStorageRetryMs);
    }
    flushRecords();
    poll();
}

QList<RegionStatus> OutboxDispatcher::regions(qint64 now) const
{
    QList<RegionStatus> list;
    for (const QString &region : m_config.regions) {
        RegionStatus s;
        s.region = region;
        const RegionHealth::State state = m_health.state(region, now);
        s.circuit = RegionHealth::toWire(state);
        s.retryAfterMs = m_health.available(region, now) ? 0 : qMax(qint64(0), m_health.availableAt(region) - now);
        s.state = state == RegionHealth::State::Open           ? u"down"_s
                  : state == RegionHealth::State::HalfOpen || s.retryAfterMs > 0 ? u"degraded"_s
                                                                                : u"healthy"_s;
        list.append(std::move(s));
    }
    return list;
}

void OutboxDispatcher::scheduleAt(qint64 at)
{
    if (at == kNever)
        return;
    const qint64 delay = qBound(qint64(0), at - QDateTime::currentMSecsSinceEpoch(), qint64(24) * 3600 * 1000);
    if (m_timer.isActive() && m_timer.remainingTime() <= delay)
        return;
    m_timer.start(int(delay));
}

} // namespace relaydesk::server

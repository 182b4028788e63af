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
constexpr int kBatch = 200;
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
    using Result = std::pair<std::optional<QList<OutboxRow>>, QString>;
    whenReady(QtConcurrent::run(&m_pool,
                                [store = &m_store] {
                                    QString error;
                                    auto rows = store->pending(kBatch, &error);
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
    for (const OutboxRow &row : rows) {
        if (m_inFlight.contains(row.id))
            continue;
        if (row.nextAt > now) {
            wakeAt = qMin(wakeAt, row.nextAt);
            continue;
        }
        dispatch(row, now, &wakeAt);
    }
    if (rows.size() == kBatch)
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
    route.region = target;

    QJsonObject body = row.body;
    body.insert("ticket_id"_L1, row.ticketId);
    if (resend && target != row.homeRegion)
        body.insert("region"_L1, target);
    m_health.beginAttempt(target, now);
    m_inFlight.insert(row.id);
    qCDebug(lcServer) << "outbox row" << row.id << "attempt" << row.attempts + 1 << "key" << row.idempotencyKey
                      << "region" << target;
    m_client.send({row.path, QJsonDocument(body).toJson(QJsonDocument::Compact), row.idempotencyKey},
                  [this, row, route](const GatewayOutcome &outcome) { onAnswered(row, route, outcome); });
}

void OutboxDispatcher::onAnswered(const OutboxRow &row, AttemptRoute route, const GatewayOutcome &outcome)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
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
    const AttemptRecord record = settleAttempt(row, route, outcome, m_config, now, m_random.generateDouble());
    using Result = std::pair<std::optional<qint64>, QString>;
    whenReady(QtConcurrent::run(&m_pool,
                                [store = &m_store, record] {
                                    QString error;
                                    auto seq = store->record(record, &error);
                                    return Result(seq, error);
                                }),
              [this, rowId = row.id, ticketId = row.ticketId](const Result &result) {
                  if (!result.first) {
                      // Not recorded: the row stays pending and is sent again with the same key.
                      qCWarning(lcServer) << "cannot record outbox row" << rowId << ":" << result.second;
                      m_inFlight.remove(rowId);
                      scheduleAt(QDateTime::currentMSecsSinceEpoch() + kStorageRetryMs);
                      return;
                  }
                  onRecorded(rowId, ticketId, *result.first);
              });
}

void OutboxDispatcher::onRecorded(qint64 rowId, qint64 ticketId, qint64 seq)
{
    m_inFlight.remove(rowId);
    if (seq > 0)
        m_hub.ticketChanged(ticketId, seq);
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

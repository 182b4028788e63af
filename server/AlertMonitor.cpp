#include "server/AlertMonitor.h"

#include "server/AlertStore.h"
#include "server/MetricsStore.h"
#include "server/ServerLog.h"
#include "server/StreamHub.h"
#include "server/TelemetryStore.h"

#include <QThreadPool>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinuteMs = 60'000;

bool isOpen(const QList<Alert> &open, const QString &kind, const QString &subject)
{
    return std::any_of(open.begin(), open.end(),
                       [&](const Alert &a) { return a.kind == kind && a.subject == subject; });
}

} // namespace

AlertMonitor::AlertMonitor(const TelemetryStore &telemetry, const MetricsStore &metrics,
                           const AlertStore &alerts, StreamHub &hub, QThreadPool &pool, AlertConfig config,
                           SlaTargets sla, std::function<qint64()> clock, QObject *parent)
    : QObject(parent), m_telemetry(telemetry), m_metrics(metrics), m_alerts(alerts), m_hub(hub), m_pool(pool),
      m_config(config), m_sla(sla), m_clock(std::move(clock))
{
    m_timer.setInterval(qMax(1000, m_config.evaluateIntervalMs));
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_pool.start([this] {
            QString error;
            if (!evaluateAll(&error))
                qCWarning(lcServer) << "alert evaluation failed:" << error;
        });
    });
}

AlertMonitor::~AlertMonitor() = default;

void AlertMonitor::start()
{
    m_timer.start();
}

void AlertMonitor::stop()
{
    m_timer.stop();
}

bool AlertMonitor::deliveryConditions(const QStringList &regions, const QList<Alert> &open,
                                      QList<AlertCondition> *conditions, QString *error)
{
    for (const QString &region : regions) {
        const auto latest = m_telemetry.latestMinute(region, error);
        if (!latest) {
            if (!error->isEmpty())
                return false;
            continue;
        }
        const qint64 from = *latest - qint64(m_config.deliveryWindowMinutes) * kMinuteMs -
                            qint64(m_config.baselineHours) * 3'600'000;
        const auto samples = m_telemetry.minutes(region, from, *latest + kMinuteMs, error);
        if (!samples)
            return false;
        conditions->append(AlertRules::delivery(region, *samples, *latest,
                                                isOpen(open, u"delivery_drop"_s, region), m_config));
    }
    return true;
}

bool AlertMonitor::evaluateDelivery(const QMap<QString, QList<qint64>> &minutes, QString *error)
{
    QMutexLocker lock(&m_evaluating);
    const auto open = m_alerts.open(error);
    if (!open)
        return false;
    for (auto it = minutes.begin(); it != minutes.end(); ++it) {
        const QString &region = it.key();
        QList<qint64> points = it.value();
        std::sort(points.begin(), points.end());
        points.erase(std::unique(points.begin(), points.end()), points.end());
        if (points.size() > kMaxReplayMinutes)
            points = points.mid(points.size() - kMaxReplayMinutes);
        if (points.isEmpty()) {
            const auto latest = m_telemetry.latestMinute(region, error);
            if (!latest) {
                if (!error->isEmpty())
                    return false;
                continue;
            }
            points.append(*latest);
        }
        const qint64 from = points.constFirst() - qint64(m_config.deliveryWindowMinutes) * kMinuteMs -
                            qint64(m_config.baselineHours) * 3'600'000;
        const auto samples = m_telemetry.minutes(region, from, points.constLast() + kMinuteMs, error);
        if (!samples)
            return false;
        bool raised = isOpen(*open, u"delivery_drop"_s, region);
        for (qint64 at : std::as_const(points)) {
            const AlertCondition c = AlertRules::delivery(region, *samples, at, raised, m_config);
            // Only state changes are recorded on the way; the newest minute also refreshes the detail.
            if (c.active != raised || at == points.constLast()) {
                if (!apply({c}, error))
                    return false;
                raised = c.active;
            }
        }
    }
    return true;
}

bool AlertMonitor::evaluateAll(QString *error)
{
    QMutexLocker lock(&m_evaluating);
    const qint64 now = m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
    const auto open = m_alerts.open(error);
    if (!open)
        return false;
    const auto regions = m_telemetry.regions(error);
    if (!regions)
        return false;
    QList<AlertCondition> conditions;
    if (!deliveryConditions(*regions, *open, &conditions, error))
        return false;

    const qint64 window = qint64(m_config.inflowWindowMinutes) * kMinuteMs;
    const auto recent = m_metrics.reportsBetween(now - window, now, error);
    const auto previous = recent
                              ? m_metrics.reportsBetween(now - window - 24 * 3'600'000LL, now - window, error)
                              : std::nullopt;
    if (!previous)
        return false;
    conditions.append(
        AlertRules::inflow(*recent, *previous, isOpen(*open, u"inflow_spike"_s, u"reports"_s), m_config));

    const auto escalated = m_metrics.openEscalated(error);
    if (!escalated)
        return false;
    conditions.append(AlertRules::slaRisk(*escalated, m_sla, now, m_config));
    return apply(conditions, error);
}

bool AlertMonitor::apply(const QList<AlertCondition> &conditions, QString *error)
{
    const qint64 now = m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
    const auto changes = m_alerts.apply(conditions, now, error);
    if (!changes)
        return false;
    for (const AlertChange &change : *changes) {
        qCInfo(lcServer) << change.type << change.alert.kind << change.alert.subject << "alert"
                         << change.alert.id;
        m_hub.alertChanged(change.type, encodeAlert(change.alert));
    }
    return true;
}

} // namespace relaydesk::server

#pragma once

#include "server/AlertRules.h"

#include <QMap>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

class QThreadPool;

namespace relaydesk::server {

struct Alert;
class AlertStore;
class MetricsStore;
class StreamHub;
class TelemetryStore;

// Evaluates the alert rules (AlertRules) against storage and records the outcome (AlertStore), pushing
// alert.raised / alert.changed on the stream. The delivery rule runs for a region right after its telemetry
// is stored; every rule runs on a timer (on the worker pool). Evaluations are serialized. Lives on the
// service thread; evaluate*() may be called from any thread.
class AlertMonitor final : public QObject
{
    Q_OBJECT
public:
    AlertMonitor(const TelemetryStore &telemetry, const MetricsStore &metrics, const AlertStore &alerts,
                 StreamHub &hub, QThreadPool &pool, AlertConfig config, SlaTargets sla,
                 std::function<qint64()> clock, QObject *parent = nullptr);
    ~AlertMonitor() override;
    Q_DISABLE_COPY_MOVE(AlertMonitor)

    void start(); // the timer
    void stop();

    // Blocking: run on a worker thread. False with *error set when storage failed.
    // The delivery rule for each region at each of the given minutes in order (the new minutes a telemetry
    // request brought, at most the last kMaxReplayMinutes), so that a batch spanning a whole outage still
    // raises and resolves its alert; an empty list evaluates at the region's newest minute.
    static constexpr int kMaxReplayMinutes = 180;
    bool evaluateDelivery(const QMap<QString, QList<qint64>> &minutes, QString *error);
    bool evaluateAll(QString *error);

private:
    bool apply(const QList<AlertCondition> &conditions, QString *error);
    bool deliveryConditions(const QStringList &regions, const QList<Alert> &open,
                            QList<AlertCondition> *conditions, QString *error);

    const TelemetryStore &m_telemetry;
    const MetricsStore &m_metrics;
    const AlertStore &m_alerts;
    StreamHub &m_hub;
    QThreadPool &m_pool;
    AlertConfig m_config;
    SlaTargets m_sla;
    std::function<qint64()> m_clock;
    QMutex m_evaluating;
    QTimer m_timer;
};

} // namespace relaydesk::server

#pragma once

#include "server/MetricsCalculator.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace relaydesk::server {

// Alert tuning (docs/operations.md "Alert tuning"); defaults in brackets.
struct AlertConfig
{
    // Delivery: a region's success rate over the last `deliveryWindowMinutes` [5] below its baseline (the
    // median of its per-minute rates over the `baselineHours` [24] before the window, from at least
    // `minBaselineSamples` [30] minutes) by more than `deliveryMargin` [0.05]; the window must carry at least
    // `minWindowSent` [50] messages. It clears when the rate is back within `deliveryClearMargin` [0.02].
    int deliveryWindowMinutes = 5;
    int baselineHours = 24;
    int minBaselineSamples = 30;
    qint64 minWindowSent = 50;
    double deliveryMargin = 0.05;
    double deliveryClearMargin = 0.02;
    // Inflow: reports in the last `inflowWindowMinutes` [10] above `inflowFactor` [3] x the average of the
    // same window over the previous 24 h (at least `inflowMinReports` [10] reports); clears at or below
    // `inflowClearFactor` [1.5] x that average.
    int inflowWindowMinutes = 10;
    double inflowFactor = 3.0;
    int inflowMinReports = 10;
    double inflowClearFactor = 1.5;
    // SLA risk: escalated tickets past `slaRiskFraction` [0.8] of a deadline without meeting it.
    double slaRiskFraction = 0.8;
    // How often the timer evaluates every rule [60 s]; each telemetry intake evaluates its regions at once.
    int evaluateIntervalMs = 60'000;
};

// Whether an alert's condition holds now (active) and what it shows.
struct AlertCondition
{
    QString kind;    // delivery_drop, inflow_spike, sla_risk
    QString subject; // the region, "reports", or first_response / resolution
    bool active = false;
    QJsonObject detail;
};

// The alert rules as pure functions (unit-tested without storage). `raised`: an alert for the same kind and
// subject is open (raised or acknowledged); the rules use it for hysteresis.
class AlertRules final
{
public:
    // `samples`: the region's minute rows up to and including the minute `latest` (the newest it reported),
    // covering at least the baseline period.
    static AlertCondition delivery(const QString &region, const QList<TelemetrySample> &samples,
                                   qint64 latest, bool raised, const AlertConfig &config);
    static std::optional<double> median(QList<double> values);
    // `recent`: reports in the window ending now; `previous`: reports in the 24 h before that window.
    static AlertCondition inflow(int recent, int previous, bool raised, const AlertConfig &config);
    // Two conditions (first_response, resolution) over the open escalated tickets.
    static QList<AlertCondition> slaRisk(const QList<TicketHistory> &open, const SlaTargets &targets,
                                         qint64 now, const AlertConfig &config);
};

} // namespace relaydesk::server

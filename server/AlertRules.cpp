#include "server/AlertRules.h"

#include "core/JsonReader.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr int kMaxListedTickets = 20;

QString rfc3339(qint64 ms)
{
    return formatRfc3339(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

double round4(double v)
{
    return std::round(v * 10'000.0) / 10'000.0;
}

} // namespace

std::optional<double> AlertRules::median(QList<double> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 == 1 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

AlertCondition AlertRules::delivery(const QString &region, const QList<TelemetrySample> &samples,
                                    qint64 latest, bool raised, const AlertConfig &config)
{
    AlertCondition c{u"delivery_drop"_s, region, raised, {}};
    const qint64 windowStart = latest - qint64(config.deliveryWindowMinutes - 1) * kMinuteMs;
    const qint64 baselineStart = windowStart - qint64(config.baselineHours) * 3'600'000;
    qint64 sent = 0, failed = 0;
    QList<double> rates;
    for (const TelemetrySample &s : samples) {
        if (s.at >= windowStart && s.at <= latest) {
            sent += s.sent;
            failed += s.failed;
        } else if (s.at >= baselineStart && s.at < windowStart && s.sent > 0) {
            rates.append(double(s.sent - s.failed) / double(s.sent));
        }
    }
    const auto baseline = rates.size() >= config.minBaselineSamples ? median(rates) : std::nullopt;
    if (!baseline || sent < config.minWindowSent)
        return c; // not enough data to decide: an open alert stays open, none is raised
    const double rate = double(sent - failed) / double(sent);
    c.active =
        raised ? rate < *baseline - config.deliveryClearMargin : rate < *baseline - config.deliveryMargin;
    c.detail = {{"region"_L1, region},
                {"success_rate"_L1, round4(rate)},
                {"baseline"_L1, round4(*baseline)},
                {"baseline_samples"_L1, int(rates.size())},
                {"sent"_L1, sent},
                {"failed"_L1, failed},
                {"window_start"_L1, rfc3339(windowStart)},
                {"window_end"_L1, rfc3339(latest + kMinuteMs)}};
    return c;
}

AlertCondition AlertRules::inflow(int recent, int previous, bool raised, const AlertConfig &config)
{
    AlertCondition c{u"inflow_spike"_s, u"reports"_s, false, {}};
    const double windows = 24.0 * 60.0 / double(qMax(1, config.inflowWindowMinutes));
    const double baseline = double(previous) / windows;
    if (raised)
        c.active = recent > config.inflowClearFactor * baseline && recent * 2 >= config.inflowMinReports;
    else
        c.active = recent >= config.inflowMinReports && recent > config.inflowFactor * baseline;
    c.detail = {{"reports"_L1, recent},
                {"baseline"_L1, round4(baseline)},
                {"window_minutes"_L1, config.inflowWindowMinutes},
                {"factor"_L1, config.inflowFactor}};
    return c;
}

QList<AlertCondition> AlertRules::slaRisk(const QList<TicketHistory> &open, const SlaTargets &targets,
                                          qint64 now, const AlertConfig &config)
{
    struct Risk
    {
        QString subject;
        qint64 limit;
        QList<qint64> ids;
        qint64 oldest = 0;
    };
    Risk response{u"first_response"_s, targets.firstResponseMs, {}, 0};
    Risk resolution{u"resolution"_s, targets.resolutionMs, {}, 0};
    for (const TicketHistory &t : open) {
        const auto check = [&](Risk &risk, bool met) {
            if (met || now < t.reportedAt + qint64(config.slaRiskFraction * double(risk.limit)))
                return;
            risk.ids.append(t.id);
            if (risk.oldest == 0 || t.reportedAt < risk.oldest)
                risk.oldest = t.reportedAt;
        };
        check(response, MetricsCalculator::firstResponseAt(t).has_value());
        check(resolution, MetricsCalculator::finalResolutionAt(t).has_value());
    }
    QList<AlertCondition> list;
    for (const Risk &risk : {response, resolution}) {
        AlertCondition c{u"sla_risk"_s, risk.subject, !risk.ids.isEmpty(), {}};
        if (c.active) {
            QJsonArray ids;
            for (qint64 id : risk.ids.mid(0, kMaxListedTickets))
                ids.append(id);
            c.detail = {{"target"_L1, risk.subject},
                        {"tickets"_L1, int(risk.ids.size())},
                        {"ticket_ids"_L1, ids},
                        {"oldest_reported_at"_L1, rfc3339(risk.oldest)},
                        {"limit_minutes"_L1, risk.limit / 60'000}};
        }
        list.append(c);
    }
    return list;
}

} // namespace relaydesk::server

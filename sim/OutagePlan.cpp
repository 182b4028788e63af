#include "sim/OutagePlan.h"

#include <QRegularExpression>

namespace relaydesk::sim {

using namespace Qt::StringLiterals;

namespace {

// "90", "90s", "2m", "1h" -> ms; -1 when malformed.
qint64 parseDuration(const QString &text)
{
    static const QRegularExpression pattern(u"^([0-9]{1,6})([smh]?)$"_s);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return -1;
    const qint64 n = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    return n * (unit == "h"_L1 ? 3'600'000 : unit == "m"_L1 ? 60'000 : 1000);
}

} // namespace

std::optional<Outage> Outage::parse(const QString &text, QString *error)
{
    static const QRegularExpression pattern(u"^([a-z0-9_-]{1,64})@\\+?([0-9]+[smh]?)/([0-9]+[smh]?)$"_s);
    const auto match = pattern.match(text);
    if (!match.hasMatch()) {
        *error = u"an outage is REGION@+START/DURATION, e.g. eu-west@+2m/5m (not \"%1\")"_s.arg(text);
        return std::nullopt;
    }
    Outage outage;
    outage.region = match.captured(1);
    outage.startMs = parseDuration(match.captured(2));
    outage.durationMs = parseDuration(match.captured(3));
    if (outage.startMs < 0 || outage.durationMs <= 0) {
        *error = u"the outage \"%1\" needs a start >= 0 and a duration > 0"_s.arg(text);
        return std::nullopt;
    }
    return outage;
}

std::optional<double> OutagePlan::failureRate(const QString &region, qint64 elapsedMs) const
{
    std::optional<double> rate;
    for (const Outage &o : m_outages) {
        if (o.region == region && o.activeAt(elapsedMs))
            rate = qMax(rate.value_or(0.0), o.failureRate);
    }
    return rate;
}

QStringList OutagePlan::regionsDown(qint64 elapsedMs) const
{
    QStringList regions;
    for (const Outage &o : m_outages) {
        if (o.activeAt(elapsedMs) && !regions.contains(o.region))
            regions.append(o.region);
    }
    return regions;
}

} // namespace relaydesk::sim

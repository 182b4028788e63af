#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace relaydesk::sim {

// A scripted regional outage: from `startMs` after the simulation's start, for `durationMs`, the region's
// send failure rate jumps to `failureRate` and the gateway simulator answers requests routed there with
// failures (region down).
struct Outage
{
    QString region;
    qint64 startMs = 0;
    qint64 durationMs = 0;
    double failureRate = 0.4;

    bool activeAt(qint64 elapsedMs) const { return elapsedMs >= startMs && elapsedMs < startMs + durationMs; }
    // "eu-west@+2m/5m": region, start offset and duration, each a number with s, m or h (plain: seconds).
    // nullopt with *error set when malformed.
    static std::optional<Outage> parse(const QString &text, QString *error);
};

// The outages of one simulation run (simulated time since its start).
class OutagePlan final
{
public:
    void add(const Outage &outage) { m_outages.append(outage); }
    const QList<Outage> &outages() const { return m_outages; }
    bool isEmpty() const { return m_outages.isEmpty(); }
    // The failure rate an outage imposes on the region at that time (the highest), if any.
    std::optional<double> failureRate(const QString &region, qint64 elapsedMs) const;
    QStringList regionsDown(qint64 elapsedMs) const;

private:
    QList<Outage> m_outages;
};

} // namespace relaydesk::sim

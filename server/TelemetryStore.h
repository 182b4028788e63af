#pragma once

#include "server/MetricsCalculator.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace relaydesk::server {

class Database;

// Delivery telemetry (docs/api.md "Telemetry"): per-minute rows per region, replaced on a repeat of the same
// (region, minute), and their hourly sums kept in step in the same transaction. Minute rows are dropped
// once their whole hour is older than 48 h, hourly rows after 400 days. Thread-safe; storage failures
// return false / nullopt with *error set.
class TelemetryStore final
{
public:
    static constexpr qint64 kHourMs = 3'600'000;
    static constexpr qint64 kMinuteRetentionMs = 48 * kHourMs;
    static constexpr qint64 kHourRetentionMs = 400 * 24 * kHourMs;

    explicit TelemetryStore(const Database &database);

    bool store(const QList<TelemetrySample> &rows, qint64 now, QString *error) const;
    // Minute rows (hourly = false) or hourly rows with at in [from, to), ordered by time.
    std::optional<QList<TelemetrySample>> read(qint64 from, qint64 to, bool hourly, QString *error) const;
    std::optional<QList<TelemetrySample>> minutes(const QString &region, qint64 from, qint64 to,
                                                  QString *error) const;
    // The newest minute reported for the region (nullopt: none, or *error set).
    std::optional<qint64> latestMinute(const QString &region, QString *error) const;
    std::optional<QStringList> regions(QString *error) const; // regions with minute rows

    static qint64 hourOf(qint64 at) { return at - at % kHourMs; }
    // The oldest minute row kept at `now`: whole hours only, so an hour still open to writes keeps all its
    // minutes.
    static qint64 minuteHorizon(qint64 now) { return hourOf(now - kMinuteRetentionMs); }

private:
    const Database &m_database;
};

} // namespace relaydesk::server

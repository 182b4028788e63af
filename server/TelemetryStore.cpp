#include "server/TelemetryStore.h"

#include "server/Database.h"

#include <QSet>
#include <QSqlQuery>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

TelemetryStore::TelemetryStore(const Database &database) : m_database(database) {}

bool TelemetryStore::store(const QList<TelemetrySample> &rows, qint64 now, QString *error) const
{
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return false;
    QSqlQuery q(tx.db());
    QSet<std::pair<QString, qint64>> hours;
    for (const TelemetrySample &row : rows) {
        if (!Database::run(q, u"DELETE FROM telemetry_minutes WHERE region = ? AND minute = ?"_s,
                           {row.region, row.at}, error) ||
            !Database::run(q,
                           u"INSERT INTO telemetry_minutes (region, minute, sent, failed, received_at)"
                           " VALUES (?, ?, ?, ?, ?)"_s,
                           {row.region, row.at, row.sent, row.failed, now}, error))
            return false;
        hours.insert({row.region, hourOf(row.at)});
    }
    // Hourly rows are the sums of their minutes, recomputed for every hour touched: a replaced minute
    // replaces its share of the hour too. Intake refuses minutes older than 48 h and pruning keeps whole
    // hours, so a touched hour still has all its minutes.
    for (const auto &[region, hour] : std::as_const(hours)) {
        if (!Database::run(q, u"DELETE FROM telemetry_hours WHERE region = ? AND hour = ?"_s, {region, hour},
                           error) ||
            !Database::run(
                q,
                u"INSERT INTO telemetry_hours (region, hour, sent, failed)"
                " SELECT ?, ?, COALESCE(SUM(sent), 0), COALESCE(SUM(failed), 0) FROM telemetry_minutes"
                " WHERE region = ? AND minute >= ? AND minute < ?"_s,
                {region, hour, region, hour, hour + kHourMs}, error))
            return false;
    }
    if (!Database::run(q, u"DELETE FROM telemetry_minutes WHERE minute < ?"_s, {minuteHorizon(now)}, error) ||
        !Database::run(q, u"DELETE FROM telemetry_hours WHERE hour < ?"_s, {hourOf(now - kHourRetentionMs)},
                       error))
        return false;
    q.finish();
    return tx.commit(error);
}

std::optional<QList<TelemetrySample>> TelemetryStore::read(qint64 from, qint64 to, bool hourly,
                                                           QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    const QString sql =
        hourly ? u"SELECT region, hour, sent, failed FROM telemetry_hours WHERE hour >= ? AND hour < ?"
                 " ORDER BY hour, region"_s
               : u"SELECT region, minute, sent, failed FROM telemetry_minutes"
                 " WHERE minute >= ? AND minute < ? ORDER BY minute, region"_s;
    if (!Database::run(q, sql, {from, to}, error))
        return std::nullopt;
    QList<TelemetrySample> list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                     q.value(3).toLongLong()});
    return list;
}

std::optional<QList<TelemetrySample>> TelemetryStore::minutes(const QString &region, qint64 from, qint64 to,
                                                              QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q,
                       u"SELECT minute, sent, failed FROM telemetry_minutes WHERE region = ? AND minute >= ?"
                       " AND minute < ? ORDER BY minute"_s,
                       {region, from, to}, error))
        return std::nullopt;
    QList<TelemetrySample> list;
    while (q.next())
        list.append({region, q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    return list;
}

std::optional<qint64> TelemetryStore::latestMinute(const QString &region, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT MAX(minute) FROM telemetry_minutes WHERE region = ?"_s, {region}, error))
        return std::nullopt;
    if (!q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<QStringList> TelemetryStore::regions(QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT DISTINCT region FROM telemetry_minutes ORDER BY region"_s, {}, error))
        return std::nullopt;
    QStringList list;
    while (q.next())
        list.append(q.value(0).toString());
    return list;
}

} // namespace relaydesk::server

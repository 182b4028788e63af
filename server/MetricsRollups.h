#pragma once

#include "server/MetricsFacts.h"

#include <QByteArray>
#include <QMap>
#include <QSqlDatabase>

#include <optional>

namespace relaydesk::server {

class Database;

// Maintains the metrics rollups (schema v8, docs/architecture.md "Metrics rollups"): table metric_rollups
// holds, per minute and per hour (grain), series, bucket start and name, the sums of MetricsFacts over every
// ticket and answered survey (the response times as histograms in metric_histograms); metric_rollup_targets names the SLA targets they were built for (no row: not
// built, then writers leave them alone and the service builds them when it starts).
//
// Every writer that changes a ticket's timeline, cause, region or report time, or answers a survey, keeps them
// in step inside its own write transaction: TicketChange around the writes of one ticket (TicketEvents does
// this for every event), surveyAnswered() for a CSAT answer.
class MetricsRollups final
{
public:
    static constexpr qint64 kMinuteMs = 60'000;
    static constexpr qint64 kHourMs = 3'600'000;

    struct Cell
    {
        qint64 n = 0;
        qint64 total = 0;
    };
    // The response-time series live in metric_histograms, one row per grain, series and start whose `bins`
    // encode this (little-endian int32 bin, int64 n, int64 total, by bin): hundreds of bins per hour as rows
    // would make a 30-day read sort them.
    using Histogram = QMap<int, Cell>; // bin -> count and sum of ms
    static bool isHistogram(const QString &series);
    static QByteArray encode(const Histogram &histogram);
    static void addDecoded(const QByteArray &bins, Histogram *into);

    // The SLA targets the rollups were built for; nullopt when not built or (with *error set) on failure.
    static std::optional<SlaTargets> builtFor(QSqlDatabase &db, QString *error);

    // One ticket's rollups across the caller's writes: begin() before them, finish() after (same transaction).
    class TicketChange final
    {
    public:
        // `created`: the ticket row was inserted in this transaction and has no facts applied yet.
        bool begin(QSqlDatabase &db, qint64 ticketId, bool created, QString *error);
        bool finish(QString *error);

    private:
        QSqlDatabase m_db;
        qint64 m_ticketId = 0;
        std::optional<SlaTargets> m_targets; // none: rollups not built, nothing to do
        QList<MetricFact> m_before;
    };

    // A CSAT answer stored in this transaction.
    static bool surveyAnswered(QSqlDatabase &db, qint64 answeredAt, int score, QString *error);

    // Deletes and recomputes every rollup from tickets, events and surveys for `targets`, inside the caller's
    // write transaction; *tickets is how many tickets were read.
    static bool rebuild(QSqlDatabase &db, const SlaTargets &targets, qint64 *tickets, QString *error);
    // rebuild() in its own write transaction unless the rollups were built for `targets` already (a new or
    // upgraded database, or changed targets). Returns the tickets read (0: nothing to do), -1 on failure.
    static qint64 ensure(const Database &database, const SlaTargets &targets, QString *error);

    // Adds after - before to the rollups (both grains).
    static bool apply(QSqlDatabase &db, const QList<MetricFact> &before, const QList<MetricFact> &after,
                      QString *error);
};

} // namespace relaydesk::server

#pragma once

#include "server/MetricsCalculator.h"
#include "server/MetricsFacts.h"

#include <QHash>
#include <QSqlDatabase>

#include <optional>

namespace relaydesk::server {

class Database;

// The metrics series (docs/api.md "Metrics") read from the rollups that MetricsRollups maintains, in the
// shapes MetricsCalculator returns. Whole minutes come from the rollup rows (hourly rows where every hour
// lies inside one bucket), the minute cut by the range's end from the raw rows of the tickets that have a fact
// in it, so the answer equals the computation over all rows (response-time percentiles to the histogram's
// resolution, see MetricsFacts). Each call reads one snapshot. Thread-safe; storage failures return nullopt
// with *error set.
class MetricsRollupReader final
{
public:
    MetricsRollupReader(const Database &database, SlaTargets targets);

    // Whether the rollups answer `range`: its start and bucket are whole minutes (the console's always are).
    static bool covers(const MetricsRange &range);

    std::optional<QList<QMap<QString, int>>> queueDepth(const MetricsRange &range, QString *error) const;
    std::optional<QList<FlowBucket>> flow(const MetricsRange &range, QString *error) const;
    std::optional<QList<QMap<QString, int>>> countBy(const MetricsRange &range, MetricsCalculator::Key key,
                                                     QString *error) const;
    std::optional<QList<ResponseBucket>> response(const MetricsRange &range, QString *error) const;
    std::optional<QList<SlaBucket>> sla(const MetricsRange &range, qint64 now, QString *error) const;
    // Agents with at least one action in the range, by name.
    std::optional<QList<AgentSeries>> agents(const MetricsRange &range, QString *error) const;
    // Answers per score (1..5) per bucket.
    std::optional<QList<QMap<int, int>>> csat(const MetricsRange &range, QString *error) const;

private:
    struct Cell
    {
        qint64 n = 0;
        qint64 total = 0;
    };
    using Buckets = QList<QHash<QString, Cell>>; // per bucket: name -> sums
    using Series = QHash<QString, Buckets>;

    // Where [range.from, end) is read from: hourly rows (grain kHour) where every hour lies in one bucket,
    // minute rows, then the raw rows (grain 0) of the minute cut by `end`.
    struct Span
    {
        qint64 grain;
        qint64 from;
        qint64 to;
    };
    static QList<Span> spans(const MetricsRange &range, qint64 end);
    // Runs `work` on this thread's connection in one read transaction.
    template<typename T, typename F>
    std::optional<T> snapshot(QString *error, F work) const;
    std::optional<Series> read(QSqlDatabase &db, const QStringList &series, const MetricsRange &range,
                               qint64 end, QString *error) const;
    bool readRows(QSqlDatabase &db, qint64 grain, const QStringList &series, const MetricsRange &range,
                  qint64 from, qint64 to, Series *out, QString *error) const;
    bool readWindow(QSqlDatabase &db, const QStringList &series, const MetricsRange &range, qint64 from,
                    qint64 to, Series *out, QString *error) const;
    std::optional<QHash<QString, qint64>> sumBefore(QSqlDatabase &db, const QString &series, qint64 at,
                                                    QString *error) const;

    const Database &m_database;
    SlaTargets m_targets;
};

} // namespace relaydesk::server

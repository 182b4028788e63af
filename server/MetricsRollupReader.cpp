#include "server/MetricsRollupReader.h"

#include "server/Database.h"
#include "server/MetricsRollups.h"
#include "server/MetricsStore.h"

#include <QScopeGuard>
#include <QSqlQuery>

#include <limits>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinute = MetricsRollups::kMinuteMs;
constexpr qint64 kHour = MetricsRollups::kHourMs;

qint64 floorTo(qint64 at, qint64 grain)
{
    const qint64 q = at / grain;
    return (at % grain < 0 ? q - 1 : q) * grain;
}

QString placeholders(qsizetype n)
{
    QStringList marks(n, u"?"_s);
    return marks.join(u", "_s);
}

} // namespace

MetricsRollupReader::MetricsRollupReader(const Database &database, SlaTargets targets)
    : m_database(database), m_targets(targets)
{
}

bool MetricsRollupReader::covers(const MetricsRange &range)
{
    return range.from % kMinute == 0 && range.bucketMs % kMinute == 0 && range.bucketMs > 0;
}

template<typename T, typename F>
std::optional<T> MetricsRollupReader::snapshot(QString *error, F work) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    if (!db.transaction()) {
        *error = u"cannot begin a read transaction"_s;
        return std::nullopt;
    }
    const auto done = qScopeGuard([&db] { db.rollback(); });
    return work(db);
}

bool MetricsRollupReader::readRows(QSqlDatabase &db, qint64 grain, const QStringList &series,
                                   const MetricsRange &range, qint64 from, qint64 to, Series *out,
                                   QString *error) const
{
    if (to <= from)
        return true;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QVariantList values{range.from, range.bucketMs, grain};
    for (const QString &s : series)
        values.append(s);
    values << from << to;
    if (!Database::run(q,
                       u"SELECT series, (start_at - ?) / ?, name, SUM(n), SUM(total) FROM metric_rollups"
                       " WHERE grain = ? AND series IN (%1) AND start_at >= ? AND start_at < ?"
                       " GROUP BY 1, 2, 3"_s.arg(placeholders(series.size())),
                       values, error))
        return false;
    while (q.next()) {
        const int i = q.value(1).toInt();
        Buckets &buckets = (*out)[q.value(0).toString()];
        if (i < 0 || i >= buckets.size())
            continue;
        Cell &cell = buckets[i][q.value(2).toString()];
        cell.n += q.value(3).toLongLong();
        cell.total += q.value(4).toLongLong();
    }
    return true;
}

bool MetricsRollupReader::readWindow(QSqlDatabase &db, const QStringList &series, const MetricsRange &range,
                                     qint64 from, qint64 to, Series *out, QString *error) const
{
    if (to <= from)
        return true;
    QList<MetricFact> facts;
    if (series != QStringList{RollupSeries::Csat}) {
        // Every fact of a ticket is at its report, one of its events or a deadline (report + target).
        const auto tickets = MetricsStore::loadOn(
            db,
            u"t.id IN (SELECT id FROM tickets WHERE created_at >= ? AND created_at < ?"
            " UNION SELECT id FROM tickets WHERE created_at >= ? AND created_at < ?"
            " UNION SELECT id FROM tickets WHERE created_at >= ? AND created_at < ?"
            " UNION SELECT ticket_id FROM ticket_events WHERE at >= ? AND at < ?)"_s,
            {from, to, from - m_targets.firstResponseMs, to - m_targets.firstResponseMs,
             from - m_targets.resolutionMs, to - m_targets.resolutionMs, from, to},
            std::numeric_limits<qint64>::max(), true, error);
        if (!tickets)
            return false;
        for (const TicketHistory &t : *tickets)
            facts += MetricsFacts::ofTicket(t, m_targets);
    }
    if (series.contains(RollupSeries::Csat)) {
        QSqlQuery q(db);
        if (!Database::run(q,
                           u"SELECT answered_at, score FROM surveys WHERE answered_at >= ? AND answered_at < ?"
                           " AND score IS NOT NULL"_s,
                           {from, to}, error))
            return false;
        while (q.next()) {
            if (const auto fact = MetricsFacts::ofSurvey(q.value(0).toLongLong(), q.value(1).toInt()))
                facts.append(*fact);
        }
    }
    for (const MetricFact &f : std::as_const(facts)) {
        if (f.at < from || f.at >= to || !series.contains(f.series))
            continue;
        const int i = range.indexOf(f.at);
        if (i < 0)
            continue;
        Cell &cell = (*out)[f.series][i][f.name];
        cell.n += f.n;
        cell.total += f.total;
    }
    return true;
}

QList<MetricsRollupReader::Span> MetricsRollupReader::spans(const MetricsRange &range, qint64 end)
{
    QList<Span> list;
    end = qMin(end, range.to);
    const qint64 wholeEnd = qMax(range.from, floorTo(end, kMinute));
    qint64 minutesFrom = range.from;
    if (range.bucketMs % kHour == 0 && range.from % kHour == 0) {
        const qint64 hoursEnd = qMax(range.from, floorTo(wholeEnd, kHour));
        list.append({kHour, range.from, hoursEnd});
        minutesFrom = hoursEnd;
    }
    list.append({kMinute, minutesFrom, wholeEnd});
    list.append({0, wholeEnd, end}); // the raw rows
    return list;
}

std::optional<MetricsRollupReader::Series> MetricsRollupReader::read(QSqlDatabase &db, const QStringList &series,
                                                                     const MetricsRange &range, qint64 end,
                                                                     QString *error) const
{
    Series out;
    for (const QString &s : series)
        out.insert(s, Buckets(range.count()));
    for (const Span &span : spans(range, end)) {
        if (!(span.grain > 0 ? readRows(db, span.grain, series, range, span.from, span.to, &out, error)
                             : readWindow(db, series, range, span.from, span.to, &out, error)))
            return std::nullopt;
    }
    return out;
}

std::optional<QHash<QString, qint64>> MetricsRollupReader::sumBefore(QSqlDatabase &db, const QString &series,
                                                                     qint64 at, QString *error) const
{
    QHash<QString, qint64> sums;
    QSqlQuery q(db);
    const qint64 hour = floorTo(at, kHour);
    for (const auto &[grain, from, to] : {std::tuple<qint64, qint64, qint64>{kHour, std::numeric_limits<qint64>::min(), hour},
                                          std::tuple<qint64, qint64, qint64>{kMinute, hour, at}}) {
        if (!Database::run(q,
                           u"SELECT name, SUM(n) FROM metric_rollups WHERE grain = ? AND series = ?"
                           " AND start_at >= ? AND start_at < ? GROUP BY name"_s,
                           {grain, series, from, to}, error))
            return std::nullopt;
        while (q.next())
            sums[q.value(0).toString()] += q.value(1).toLongLong();
    }
    return sums;
}

std::optional<QList<QMap<QString, int>>> MetricsRollupReader::queueDepth(const MetricsRange &range,
                                                                         QString *error) const
{
    return snapshot<QList<QMap<QString, int>>>(error, [&](QSqlDatabase &db)
                                                   -> std::optional<QList<QMap<QString, int>>> {
        auto running = sumBefore(db, RollupSeries::Queue, range.from, error);
        const auto deltas = running ? read(db, {RollupSeries::Queue}, range, range.to, error) : std::nullopt;
        if (!deltas)
            return std::nullopt;
        QList<QMap<QString, int>> out(range.count());
        const Buckets &buckets = deltas->value(RollupSeries::Queue);
        for (int i = 0; i < range.count(); ++i) {
            for (auto it = buckets.at(i).begin(); it != buckets.at(i).end(); ++it)
                (*running)[it.key()] += it->n;
            for (auto it = running->begin(); it != running->end(); ++it) {
                if (it.value() > 0 && MetricsCalculator::isOpenStatus(it.key()))
                    out[i].insert(it.key(), int(it.value()));
            }
        }
        return out;
    });
}

std::optional<QList<FlowBucket>> MetricsRollupReader::flow(const MetricsRange &range, QString *error) const
{
    return snapshot<QList<FlowBucket>>(error, [&](QSqlDatabase &db) -> std::optional<QList<FlowBucket>> {
        const QStringList names{RollupSeries::Inflow, RollupSeries::Outflow, RollupSeries::Reopened};
        const auto sums = read(db, names, range, range.to, error);
        if (!sums)
            return std::nullopt;
        QList<FlowBucket> out(range.count());
        for (int i = 0; i < range.count(); ++i) {
            out[i].inflow = int(sums->value(RollupSeries::Inflow).at(i).value(QString()).n);
            out[i].outflow = int(sums->value(RollupSeries::Outflow).at(i).value(QString()).n);
            out[i].reopened = int(sums->value(RollupSeries::Reopened).at(i).value(QString()).n);
        }
        return out;
    });
}

std::optional<QList<QMap<QString, int>>> MetricsRollupReader::countBy(const MetricsRange &range,
                                                                      MetricsCalculator::Key key,
                                                                      QString *error) const
{
    const QString series = key == MetricsCalculator::Key::Cause    ? RollupSeries::Cause
                           : key == MetricsCalculator::Key::Region ? RollupSeries::Region
                                                                   : RollupSeries::AppVersion;
    return snapshot<QList<QMap<QString, int>>>(error, [&](QSqlDatabase &db)
                                                   -> std::optional<QList<QMap<QString, int>>> {
        const auto sums = read(db, {series}, range, range.to, error);
        if (!sums)
            return std::nullopt;
        QList<QMap<QString, int>> out(range.count());
        const Buckets &buckets = sums->value(series);
        for (int i = 0; i < range.count(); ++i) {
            for (auto it = buckets.at(i).begin(); it != buckets.at(i).end(); ++it) {
                if (it->n > 0)
                    out[i].insert(it.key(), int(it->n));
            }
        }
        return out;
    });
}

std::optional<QList<ResponseBucket>> MetricsRollupReader::response(const MetricsRange &range,
                                                                   QString *error) const
{
    return snapshot<QList<ResponseBucket>>(error, [&](QSqlDatabase &db) -> std::optional<QList<ResponseBucket>> {
        const QStringList names{RollupSeries::FirstResponse, RollupSeries::Resolution};
        QHash<QString, QList<MetricsRollups::Histogram>> histograms;
        for (const QString &name : names)
            histograms.insert(name, QList<MetricsRollups::Histogram>(range.count()));
        QSqlQuery q(db);
        q.setForwardOnly(true);
        for (const Span &span : spans(range, range.to)) {
            if (span.to <= span.from)
                continue;
            if (span.grain > 0) {
                if (!Database::run(q,
                                   u"SELECT series, start_at, bins FROM metric_histograms WHERE grain = ?"
                                   " AND series IN (?, ?) AND start_at >= ? AND start_at < ?"_s,
                                   {span.grain, names.at(0), names.at(1), span.from, span.to}, error))
                    return std::nullopt;
                while (q.next()) {
                    const int i = range.indexOf(q.value(1).toLongLong());
                    if (i >= 0)
                        MetricsRollups::addDecoded(q.value(2).toByteArray(), &histograms[q.value(0).toString()][i]);
                }
                continue;
            }
            Series window;
            for (const QString &name : names)
                window.insert(name, Buckets(range.count()));
            if (!readWindow(db, names, range, span.from, span.to, &window, error))
                return std::nullopt;
            for (const QString &name : names) {
                for (int i = 0; i < range.count(); ++i) {
                    const auto &cells = window.value(name).at(i);
                    for (auto it = cells.begin(); it != cells.end(); ++it) {
                        MetricsRollups::Cell &cell = histograms[name][i][it.key().toInt()];
                        cell.n += it->n;
                        cell.total += it->total;
                    }
                }
            }
        }
        const auto percentiles = [](const MetricsRollups::Histogram &histogram) {
            QList<MetricsFacts::Bin> bins;
            bins.reserve(histogram.size());
            for (auto it = histogram.begin(); it != histogram.end(); ++it)
                bins.append({it.key(), it->n, it->total});
            return MetricsFacts::percentiles(bins);
        };
        QList<ResponseBucket> out(range.count());
        for (int i = 0; i < range.count(); ++i) {
            out[i].firstResponse = percentiles(histograms.value(RollupSeries::FirstResponse).at(i));
            out[i].resolution = percentiles(histograms.value(RollupSeries::Resolution).at(i));
        }
        return out;
    });
}

std::optional<QList<SlaBucket>> MetricsRollupReader::sla(const MetricsRange &range, qint64 now,
                                                         QString *error) const
{
    return snapshot<QList<SlaBucket>>(error, [&](QSqlDatabase &db) -> std::optional<QList<SlaBucket>> {
        // Only deadlines already past count: the rows end at `now`.
        const auto sums =
            read(db, {RollupSeries::SlaFirstResponse, RollupSeries::SlaResolution}, range, now, error);
        if (!sums)
            return std::nullopt;
        QList<SlaBucket> out(range.count());
        for (int i = 0; i < range.count(); ++i) {
            out[i].firstResponseBreaches = int(sums->value(RollupSeries::SlaFirstResponse).at(i).value(QString()).n);
            out[i].resolutionBreaches = int(sums->value(RollupSeries::SlaResolution).at(i).value(QString()).n);
        }
        return out;
    });
}

std::optional<QList<AgentSeries>> MetricsRollupReader::agents(const MetricsRange &range, QString *error) const
{
    return snapshot<QList<AgentSeries>>(error, [&](QSqlDatabase &db) -> std::optional<QList<AgentSeries>> {
        const auto sums = read(db, {RollupSeries::AgentActions, RollupSeries::AgentResolved}, range, range.to, error);
        if (!sums)
            return std::nullopt;
        QMap<QString, AgentSeries> byName;
        const Buckets &actions = sums->value(RollupSeries::AgentActions);
        const Buckets &resolved = sums->value(RollupSeries::AgentResolved);
        for (int i = 0; i < range.count(); ++i) {
            for (auto it = actions.at(i).begin(); it != actions.at(i).end(); ++it) {
                if (it->n <= 0)
                    continue;
                AgentSeries &s = byName[it.key()];
                if (s.username.isEmpty())
                    s = {it.key(), QList<int>(range.count(), 0), QList<int>(range.count(), 0)};
                s.actions[i] = int(it->n);
                s.resolved[i] = int(resolved.at(i).value(it.key()).n);
            }
        }
        return byName.values();
    });
}

std::optional<QList<QMap<int, int>>> MetricsRollupReader::csat(const MetricsRange &range, QString *error) const
{
    return snapshot<QList<QMap<int, int>>>(error, [&](QSqlDatabase &db) -> std::optional<QList<QMap<int, int>>> {
        const auto sums = read(db, {RollupSeries::Csat}, range, range.to, error);
        if (!sums)
            return std::nullopt;
        QList<QMap<int, int>> out(range.count());
        const Buckets &buckets = sums->value(RollupSeries::Csat);
        for (int i = 0; i < range.count(); ++i) {
            for (auto it = buckets.at(i).begin(); it != buckets.at(i).end(); ++it) {
                if (it->n > 0)
                    out[i].insert(it.key().toInt(), int(it->n));
            }
        }
        return out;
    });
}

} // namespace relaydesk::server

#include "server/MetricsRollups.h"

#include "server/Database.h"
#include "server/MetricsStore.h"

#include <QHash>
#include <QtEndian>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kForever = std::numeric_limits<qint64>::max();
constexpr qint64 kRebuildChunk = 20'000; // ticket ids per pass of a rebuild

struct Key
{
    qint64 grain = 0;
    QString series;
    qint64 start = 0;
    QString name;
    bool operator==(const Key &other) const
    {
        return grain == other.grain && start == other.start && series == other.series && name == other.name;
    }
};

size_t qHash(const Key &k, size_t seed = 0)
{
    return qHashMulti(seed, k.grain, k.series, k.start, k.name);
}

using Cell = MetricsRollups::Cell;
using Sums = QHash<Key, Cell>;

qint64 floorTo(qint64 at, qint64 grain)
{
    const qint64 q = at / grain;
    return (at % grain < 0 ? q - 1 : q) * grain;
}

void accumulate(Sums &sums, const MetricFact &f, qint64 sign)
{
    for (const qint64 grain : {MetricsRollups::kMinuteMs, MetricsRollups::kHourMs}) {
        Cell &cell = sums[Key{grain, f.series, floorTo(f.at, grain), f.name}];
        cell.n += sign * f.n;
        cell.total += sign * f.total;
    }
}

struct HistogramKey
{
    qint64 grain = 0;
    QString series;
    qint64 start = 0;
    bool operator==(const HistogramKey &other) const
    {
        return grain == other.grain && start == other.start && series == other.series;
    }
};

size_t qHash(const HistogramKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.grain, k.series, k.start);
}

bool fail(QSqlQuery &q, const QString &what, QString *error)
{
    Database::noteFailure(q.lastError());
    *error = u"%1: %2"_s.arg(what, q.lastError().text());
    return false;
}

// Adds the histogram deltas into their rows (read, add, write back; a row left empty goes).
bool writeHistograms(QSqlDatabase &db, const QHash<HistogramKey, MetricsRollups::Histogram> &deltas, QString *error)
{
    if (deltas.isEmpty())
        return true;
    QSqlQuery read(db), upsert(db), remove(db);
    if (!read.prepare(u"SELECT bins FROM metric_histograms WHERE grain = ? AND series = ? AND start_at = ?"_s) ||
        !upsert.prepare(u"INSERT INTO metric_histograms (grain, series, start_at, bins) VALUES (?, ?, ?, ?)"
                        " ON CONFLICT (grain, series, start_at) DO UPDATE SET bins = excluded.bins"_s) ||
        !remove.prepare(u"DELETE FROM metric_histograms WHERE grain = ? AND series = ? AND start_at = ?"_s))
        return fail(read, u"cannot prepare the histogram statements"_s, error);
    for (auto it = deltas.begin(); it != deltas.end(); ++it) {
        const QVariantList key{it.key().grain, it.key().series, it.key().start};
        for (int i = 0; i < 3; ++i)
            read.bindValue(i, key.at(i));
        if (!read.exec())
            return fail(read, u"cannot read a histogram"_s, error);
        MetricsRollups::Histogram merged;
        if (read.next())
            MetricsRollups::addDecoded(read.value(0).toByteArray(), &merged);
        read.finish();
        for (auto d = it->begin(); d != it->end(); ++d) {
            Cell &cell = merged[d.key()];
            cell.n += d->n;
            cell.total += d->total;
            if (cell.n == 0 && cell.total == 0)
                merged.remove(d.key());
        }
        QSqlQuery &q = merged.isEmpty() ? remove : upsert;
        for (int i = 0; i < 3; ++i)
            q.bindValue(i, key.at(i));
        if (!merged.isEmpty())
            q.bindValue(3, MetricsRollups::encode(merged));
        if (!q.exec())
            return fail(q, u"cannot write a histogram"_s, error);
    }
    return true;
}

// Upserts the non-zero sums, kBatch rows per statement (one statement per row costs most of a rebuild).
bool write(QSqlDatabase &db, const Sums &sums, QString *error)
{
    constexpr int kBatch = 64;
    QList<Sums::const_iterator> rows;
    rows.reserve(sums.size());
    QHash<HistogramKey, MetricsRollups::Histogram> histograms;
    for (auto it = sums.begin(); it != sums.end(); ++it) {
        if (it->n == 0 && it->total == 0)
            continue;
        if (MetricsRollups::isHistogram(it.key().series)) {
            Cell &cell = histograms[HistogramKey{it.key().grain, it.key().series, it.key().start}][it.key().name.toInt()];
            cell.n += it->n;
            cell.total += it->total;
        } else {
            rows.append(it);
        }
    }
    if (!writeHistograms(db, histograms, error))
        return false;
    QSqlQuery q(db);
    int prepared = -1; // rows in the prepared statement
    for (qsizetype done = 0; done < rows.size();) {
        const int n = int(qMin<qsizetype>(kBatch, rows.size() - done));
        if (n != prepared) {
            QStringList values(n, u"(?, ?, ?, ?, ?, ?)"_s);
            const QString sql =
                u"INSERT INTO metric_rollups (grain, series, start_at, name, n, total) VALUES %1"
                " ON CONFLICT (grain, series, start_at, name) DO UPDATE SET n = metric_rollups.n + excluded.n,"
                " total = metric_rollups.total + excluded.total"_s.arg(values.join(u", "_s));
            if (!q.prepare(sql)) {
                Database::noteFailure(q.lastError());
                *error = u"cannot prepare the rollup upsert: %1"_s.arg(q.lastError().text());
                return false;
            }
            prepared = n;
        }
        for (int i = 0; i < n; ++i) {
            const auto &it = rows.at(done + i);
            const int at = 6 * i;
            q.bindValue(at, it.key().grain);
            q.bindValue(at + 1, it.key().series);
            q.bindValue(at + 2, it.key().start);
            q.bindValue(at + 3, it.key().name.isNull() ? QString::fromLatin1("") : it.key().name); // not NULL
            q.bindValue(at + 4, it->n);
            q.bindValue(at + 5, it->total);
        }
        if (!q.exec()) {
            Database::noteFailure(q.lastError());
            *error = u"cannot update the metrics rollups: %1"_s.arg(q.lastError().text());
            return false;
        }
        done += n;
    }
    return true;
}

std::optional<QList<MetricFact>> factsOf(QSqlDatabase &db, qint64 ticketId, const SlaTargets &targets,
                                         QString *error)
{
    const auto tickets = MetricsStore::loadOn(db, u"t.id = ?"_s, {ticketId}, kForever, true, error);
    if (!tickets)
        return std::nullopt;
    return tickets->isEmpty() ? QList<MetricFact>{} : MetricsFacts::ofTicket(tickets->constFirst(), targets);
}

} // namespace

bool MetricsRollups::isHistogram(const QString &series)
{
    return series == RollupSeries::FirstResponse || series == RollupSeries::Resolution;
}

QByteArray MetricsRollups::encode(const Histogram &histogram)
{
    QByteArray bytes(histogram.size() * 20, Qt::Uninitialized);
    char *p = bytes.data();
    for (auto it = histogram.begin(); it != histogram.end(); ++it) {
        qToLittleEndian<qint32>(it.key(), p);
        qToLittleEndian<qint64>(it->n, p + 4);
        qToLittleEndian<qint64>(it->total, p + 12);
        p += 20;
    }
    return bytes;
}

void MetricsRollups::addDecoded(const QByteArray &bins, Histogram *into)
{
    const char *p = bins.constData();
    for (qsizetype i = 0; i + 20 <= bins.size(); i += 20) {
        Cell &cell = (*into)[qFromLittleEndian<qint32>(p + i)];
        cell.n += qFromLittleEndian<qint64>(p + i + 4);
        cell.total += qFromLittleEndian<qint64>(p + i + 12);
    }
}

std::optional<SlaTargets> MetricsRollups::builtFor(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT first_response_ms, resolution_ms FROM metric_rollup_targets"_s, {}, error))
        return std::nullopt;
    if (!q.next())
        return std::nullopt;
    SlaTargets targets;
    targets.firstResponseMs = q.value(0).toLongLong();
    targets.resolutionMs = q.value(1).toLongLong();
    return targets;
}

bool MetricsRollups::TicketChange::begin(QSqlDatabase &db, qint64 ticketId, bool created, QString *error)
{
    m_db = db;
    m_ticketId = ticketId;
    m_targets = builtFor(db, error);
    if (!m_targets)
        return error->isEmpty();
    if (created)
        return true;
    auto before = factsOf(db, ticketId, *m_targets, error);
    if (!before)
        return false;
    m_before = std::move(*before);
    return true;
}

bool MetricsRollups::TicketChange::finish(QString *error)
{
    if (!m_targets)
        return true;
    const auto after = factsOf(m_db, m_ticketId, *m_targets, error);
    if (!after)
        return false;
    return apply(m_db, m_before, *after, error);
}

bool MetricsRollups::surveyAnswered(QSqlDatabase &db, qint64 answeredAt, int score, QString *error)
{
    const auto targets = builtFor(db, error);
    if (!targets)
        return error->isEmpty();
    const auto fact = MetricsFacts::ofSurvey(answeredAt, score);
    return !fact || apply(db, {}, {*fact}, error);
}

bool MetricsRollups::apply(QSqlDatabase &db, const QList<MetricFact> &before, const QList<MetricFact> &after,
                           QString *error)
{
    Sums sums;
    for (const MetricFact &f : before)
        accumulate(sums, f, -1);
    for (const MetricFact &f : after)
        accumulate(sums, f, 1);
    return write(db, sums, error);
}

bool MetricsRollups::rebuild(QSqlDatabase &db, const SlaTargets &targets, qint64 *tickets, QString *error)
{
    *tickets = 0;
    QSqlQuery q(db);
    // SQLite: a page cache big enough for the rebuilt table, so that the transaction does not spill pages to
    // the WAL over and over while it builds (the connection's default is restored after).
    const bool sqlite = db.driverName() == "QSQLITE"_L1;
    qint64 cacheSize = 0;
    if (sqlite && Database::run(q, u"PRAGMA cache_size"_s, {}, error) && q.next()) {
        cacheSize = q.value(0).toLongLong();
        q.finish();
        if (!Database::run(q, u"PRAGMA cache_size = -262144"_s, {}, error)) // 256 MiB
            return false;
    }
    const auto restore = qScopeGuard([&] {
        QString ignored;
        QSqlQuery pragma(db);
        if (sqlite)
            Database::run(pragma, u"PRAGMA cache_size = %1"_s.arg(cacheSize), {}, &ignored);
    });
    if (!Database::run(q, u"DELETE FROM metric_rollups"_s, {}, error) ||
        !Database::run(q, u"DELETE FROM metric_histograms"_s, {}, error) ||
        !Database::run(q, u"DELETE FROM metric_rollup_targets"_s, {}, error) ||
        !Database::run(q, u"SELECT MIN(id), MAX(id) FROM tickets"_s, {}, error))
        return false;
    const bool any = q.next() && !q.value(0).isNull();
    const qint64 first = any ? q.value(0).toLongLong() : 0;
    const qint64 last = any ? q.value(1).toLongLong() : -1;
    q.finish();
    for (qint64 lo = first; any && lo <= last; lo += kRebuildChunk) {
        const auto histories = MetricsStore::loadOn(db, u"t.id >= ? AND t.id < ?"_s, {lo, lo + kRebuildChunk},
                                                    kForever, true, error);
        if (!histories)
            return false;
        Sums sums;
        for (const TicketHistory &t : *histories) {
            for (const MetricFact &f : MetricsFacts::ofTicket(t, targets))
                accumulate(sums, f, 1);
        }
        *tickets += histories->size();
        if (!write(db, sums, error))
            return false;
    }
    if (!Database::run(q,
                       u"SELECT answered_at, score FROM surveys WHERE answered_at IS NOT NULL AND score IS NOT NULL"_s,
                       {}, error))
        return false;
    Sums surveys;
    while (q.next()) {
        if (const auto fact = MetricsFacts::ofSurvey(q.value(0).toLongLong(), q.value(1).toInt()))
            accumulate(surveys, *fact, 1);
    }
    q.finish();
    if (!write(db, surveys, error))
        return false;
    return Database::run(q, u"INSERT INTO metric_rollup_targets (first_response_ms, resolution_ms) VALUES (?, ?)"_s,
                         {targets.firstResponseMs, targets.resolutionMs}, error);
}

qint64 MetricsRollups::ensure(const Database &database, const SlaTargets &targets, QString *error)
{
    WriteTransaction tx(database);
    if (!tx.begin(error))
        return -1;
    const auto built = builtFor(tx.db(), error);
    if (!error->isEmpty())
        return -1;
    if (built && built->firstResponseMs == targets.firstResponseMs && built->resolutionMs == targets.resolutionMs)
        return 0;
    qint64 tickets = 0;
    if (!rebuild(tx.db(), targets, &tickets, error) || !tx.commit(error))
        return -1;
    return tickets;
}

} // namespace relaydesk::server

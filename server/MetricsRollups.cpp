#include "server/MetricsRollups.h"

#include "server/Database.h"
#include "server/MetricsStore.h"

#include <QHash>
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

struct Cell
{
    qint64 n = 0;
    qint64 total = 0;
};

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

bool write(QSqlDatabase &db, const Sums &sums, QString *error)
{
    if (sums.isEmpty())
        return true;
    QSqlQuery q(db);
    const QString sql =
        u"INSERT INTO metric_rollups (grain, series, start_at, name, n, total) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (grain, series, start_at, name) DO UPDATE SET n = metric_rollups.n + excluded.n,"
        " total = metric_rollups.total + excluded.total"_s;
    if (!q.prepare(sql)) {
        Database::noteFailure(q.lastError());
        *error = u"cannot prepare the rollup upsert: %1"_s.arg(q.lastError().text());
        return false;
    }
    for (auto it = sums.begin(); it != sums.end(); ++it) {
        if (it->n == 0 && it->total == 0)
            continue;
        q.bindValue(0, it.key().grain);
        q.bindValue(1, it.key().series);
        q.bindValue(2, it.key().start);
        q.bindValue(3, it.key().name.isNull() ? QString::fromLatin1("") : it.key().name); // "" is not NULL
        q.bindValue(4, it->n);
        q.bindValue(5, it->total);
        if (!q.exec()) {
            Database::noteFailure(q.lastError());
            *error = u"cannot update the metrics rollups: %1"_s.arg(q.lastError().text());
            return false;
        }
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
    if (!Database::run(q, u"DELETE FROM metric_rollups"_s, {}, error) ||
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

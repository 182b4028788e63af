#include "server/MetricsStore.h"

#include "server/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlQuery>

#include <limits>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

MetricsStore::MetricsStore(const Database &database) : m_database(database) {}

std::optional<QList<TicketHistory>> MetricsStore::load(const QString &where, const QVariantList &values,
                                                       qint64 eventsBefore, bool withEvents, QString *error,
                                                       const QString &eventKinds) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    // One read transaction: the tickets and their events are one snapshot.
    if (!db.transaction()) {
        *error = u"cannot begin a read transaction"_s;
        return std::nullopt;
    }
    const auto done = qScopeGuard([&db] { db.rollback(); });
    return loadOn(db, where, values, eventsBefore, withEvents, error, eventKinds);
}

std::optional<QList<TicketHistory>> MetricsStore::loadOn(QSqlDatabase &db, const QString &where,
                                                         const QVariantList &values, qint64 eventsBefore,
                                                         bool withEvents, QString *error, const QString &eventKinds)
{
    QSqlQuery q(db);
    q.setForwardOnly(true); // rows are read once, in order: the driver need not keep them
    // `where` may use only `t` (tickets).
    if (!Database::run(q,
                       u"SELECT t.id, t.created_at, t.cause, r.region, r.app_version FROM tickets t"
                       " JOIN reports r ON r.id = t.report_id WHERE "_s +
                           where + u" ORDER BY t.id"_s,
                       values, error))
        return std::nullopt;
    QList<TicketHistory> list;
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        TicketHistory t;
        t.id = q.value(0).toLongLong();
        t.reportedAt = q.value(1).toLongLong();
        t.cause = q.value(2).toString();
        t.region = q.value(3).toString();
        t.appVersion = q.value(4).toString();
        index.insert(t.id, list.size());
        list.append(t);
    }
    q.finish();
    if (list.isEmpty() || !withEvents)
        return list;
    if (!Database::run(q,
                       u"SELECT e.ticket_id, e.at, e.actor, e.kind,"
                       " CASE WHEN e.kind IN ('gateway_attempt', 'transferred') THEN e.detail ELSE '' END"
                       " FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id"
                       " WHERE e.at < ? AND "_s +
                           (eventKinds.isEmpty() ? QString() : u"e.kind IN (%1) AND "_s.arg(eventKinds)) + where +
                           u" ORDER BY e.ticket_id, e.at, e.id"_s,
                       QVariantList{eventsBefore} + values, error))
        return std::nullopt;
    while (q.next()) {
        const auto it = index.constFind(q.value(0).toLongLong());
        if (it == index.constEnd())
            continue;
        HistoryEvent e;
        e.at = q.value(1).toLongLong();
        e.actor = q.value(2).toString();
        e.kind = q.value(3).toString();
        const QString detail = q.value(4).toString();
        if (!detail.isEmpty()) {
            const QJsonObject object = QJsonDocument::fromJson(detail.toUtf8()).object();
            e.outcome = object.value("outcome"_L1).toString();
            e.assignee = object.value("assignee"_L1).toString();
        }
        list[*it].events.append(e);
    }
    return list;
}

std::optional<QList<TicketHistory>> MetricsStore::histories(qint64 from, qint64 to, qint64 reportedSince,
                                                            bool withEvents, QString *error) const
{
    return load(u"t.created_at < ? AND (t.updated_at >= ? OR t.created_at >= ?)"_s, {to, from, reportedSince},
                std::numeric_limits<qint64>::max(), withEvents, error);
}

std::optional<QMap<QString, int>> MetricsStore::unchangedByStatus(qint64 from, qint64 to,
                                                                  QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(
            q,
            u"SELECT status, COUNT(*) FROM tickets WHERE created_at < ? AND updated_at < ? GROUP BY status"_s,
            {to, from}, error))
        return std::nullopt;
    QMap<QString, int> counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toInt());
    return counts;
}

std::optional<QList<TicketHistory>> MetricsStore::openEscalated(QString *error) const
{
    // Only the events that decide a first response and a final resolution (what the SLA-risk rule asks):
    // a fraction of the timeline.
    return load(u"t.status IN ('escalated', 'claimed', 'waiting_user', 'reopened') AND t.id > ?"_s, {0},
                std::numeric_limits<qint64>::max(), true, error,
                u"'replied', 'gateway_attempt', 'resolved', 'resolved_auto', 'closed', 'reopened'"_s);
}

std::optional<int> MetricsStore::reportsBetween(qint64 from, qint64 to, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT COUNT(*) FROM tickets WHERE created_at >= ? AND created_at < ?"_s,
                       {from, to}, error) ||
        !q.next())
        return std::nullopt;
    return q.value(0).toInt();
}

std::optional<QMap<QString, int>> MetricsStore::openClaims(QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q,
                       u"SELECT assignee, COUNT(*) FROM tickets WHERE assignee IS NOT NULL"
                       " AND status IN ('claimed', 'waiting_user') GROUP BY assignee"_s,
                       {}, error))
        return std::nullopt;
    QMap<QString, int> counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toInt());
    return counts;
}

std::optional<QList<MetricsStore::SurveyAnswer>> MetricsStore::surveys(qint64 from, qint64 to,
                                                                       QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QList<SurveyAnswer> list;
    QSqlQuery q(db);
    if (!Database::run(
            q,
            u"SELECT answered_at, score FROM surveys WHERE answered_at IS NOT NULL AND score IS NOT NULL"
            " AND answered_at >= ? AND answered_at < ? ORDER BY answered_at"_s,
            {from, to}, error))
        return std::nullopt;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toInt()});
    return list;
}

} // namespace relaydesk::server

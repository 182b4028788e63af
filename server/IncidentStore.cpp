#include "server/IncidentStore.h"

#include "server/Database.h"

#include <QSqlQuery>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

IncidentStore::IncidentStore(const Database &database, qint64 windowMs)
    : m_database(database), m_windowMs(windowMs)
{}

std::optional<QList<IncidentTicket>> IncidentStore::tickets(const QString &signature, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const bool all = signature.isEmpty();
    if (!Database::run(q,
                       u"SELECT id, signature, status, created_at FROM tickets WHERE "_s +
                           (all ? u"signature IS NOT NULL AND signature <> ''"_s : u"signature = ?"_s),
                       all ? QVariantList() : QVariantList{signature}, error))
        return std::nullopt;
    QList<IncidentTicket> list;
    while (q.next()) {
        IncidentTicket t;
        t.id = q.value(0).toLongLong();
        t.signature = q.value(1).toString();
        t.status = fromWire<TicketStatus>(q.value(2).toString()).value_or(TicketStatus::Escalated);
        t.createdAt = q.value(3).toLongLong();
        list.append(std::move(t));
    }
    return list;
}

std::optional<QList<Incident>> IncidentStore::list(QString *error) const
{
    const auto all = tickets({}, error);
    if (!all)
        return std::nullopt;
    return groupIncidents(*all, m_windowMs);
}

std::optional<Incident> IncidentStore::find(const QString &id, QString *error) const
{
    const qint64 first = incidentFirstTicket(id);
    if (first <= 0)
        return std::nullopt;
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT signature FROM tickets WHERE id = ?"_s, {first}, error))
        return std::nullopt;
    if (!q.next() || q.value(0).isNull())
        return std::nullopt;
    const QString signature = q.value(0).toString();
    q.finish();
    if (signature.isEmpty() || incidentId(signature, first) != id)
        return std::nullopt;
    const auto same = tickets(signature, error);
    if (!same)
        return std::nullopt;
    for (const Incident &incident : groupIncidents(*same, m_windowMs)) {
        if (incident.id == id)
            return incident;
    }
    return std::nullopt;
}

} // namespace relaydesk::server

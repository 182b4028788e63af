#pragma once

#include "server/Incident.h"

#include <optional>

namespace relaydesk::server {

class Database;

// Incidents are not stored: they are grouped on demand from the tickets' diagnosis signatures (indexed,
// schema v3) with the service's window (docs/api.md, "Incidents"). Thread-safe; storage failures return
// nullopt with *error set.
class IncidentStore final
{
public:
    static constexpr qint64 kDefaultWindowMs = 2LL * 60 * 60 * 1000;

    IncidentStore(const Database &database, qint64 windowMs);

    qint64 windowMs() const { return m_windowMs; }
    // Every incident, newest activity first.
    std::optional<QList<Incident>> list(QString *error) const;
    // The incident `id` names; nullopt with *error empty when there is none (any more).
    std::optional<Incident> find(const QString &id, QString *error) const;

private:
    std::optional<QList<IncidentTicket>> tickets(const QString &signature, QString *error) const;

    const Database &m_database;
    qint64 m_windowMs;
};

} // namespace relaydesk::server

#pragma once

#include "core/Enums.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace relaydesk::server {

// A ticket as incident grouping sees it.
struct IncidentTicket
{
    qint64 id = 0;
    QString signature; // the diagnosis signature, cause|error_code|region|app_version
    TicketStatus status = TicketStatus::Escalated;
    qint64 createdAt = 0; // ms since the epoch: when the report arrived
};

// Tickets with one diagnosis signature whose consecutive reports are at most the window apart
// (docs/api.md, "Incidents").
struct Incident
{
    QString id; // "{first ticket id}-{12 hex digits of SHA-256(signature)}": stable while the incident grows
    QString signature;
    QString cause;
    QString errorCode;
    QString region;
    QString appVersion;
    QList<qint64> ticketIds; // oldest first
    QList<qint64> openTicketIds;
    qint64 firstAt = 0;
    qint64 lastAt = 0;

    bool isOpen() const { return !openTicketIds.isEmpty(); }
};

// Incident grouping, pure (unit-tested): `tickets` in any order; a ticket joins the previous one of its
// signature when it arrived at most `windowMs` after it, otherwise it starts a new group. Groups of fewer
// than `minTickets` tickets are not incidents. The result is ordered by last report, newest first.
QList<Incident> groupIncidents(QList<IncidentTicket> tickets, qint64 windowMs, int minTickets = 2);

QString incidentId(const QString &signature, qint64 firstTicketId);
// The first ticket id an incident id names, 0 when `id` is malformed.
qint64 incidentFirstTicket(const QString &id);
// Not resolved, resolved_auto or closed.
bool incidentCountsAsOpen(TicketStatus status);

QJsonObject encodeIncident(const Incident &incident);

} // namespace relaydesk::server

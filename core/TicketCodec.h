#pragma once

#include "Decoded.h"
#include "Ticket.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace relaydesk {

// The ticket as served by GET /api/v1/tickets[/{id}] (docs/api.md): its own state at the top level,
// the report's facts nested as in the intake contract.
QJsonObject encodeTicket(const Ticket &ticket);
Decoded<Ticket> decodeTicket(const QJsonObject &json);

QJsonObject encodeTicketEvent(const TicketEvent &event);
Decoded<TicketEvent> decodeTicketEvent(const QJsonObject &json);

// A page of the delta feed: {"tickets": [...], "next": SEQ, "has_more": bool}.
struct TicketPage
{
    QList<Ticket> tickets;
    qint64 next = 0;
    bool hasMore = false;
};
QJsonObject encodeTicketPage(const TicketPage &page);
Decoded<TicketPage> decodeTicketPage(const QJsonObject &json);

Decoded<QList<TicketEvent>> decodeTicketEvents(const QJsonObject &json); // {"events": [...]}

} // namespace relaydesk

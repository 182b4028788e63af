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

// The delta feed's hot path: the JSON text of encodeTicketPage(page), except that each ticket's diagnosis is
// given as JSON text (`diagnoses[i]` for `page.tickets[i]`; empty: null) and copied in as it is instead of
// being parsed and built again. The text must be encodeDiagnosis output (the service stores exactly that);
// tickets' own `diagnosis` members are ignored. Parsing the result gives the same object as
// encodeTicketPage with the diagnoses decoded (tests/core RoundTripTests).
QByteArray encodeTicketPageJson(const TicketPage &page, const QList<QByteArray> &diagnoses);

} // namespace relaydesk

#pragma once

#include "Ticket.h"

#include <QByteArray>
#include <QByteArrayView>

namespace relaydesk {

// The JSON text of encodeTicket(ticket), written directly (no QJsonObject), for the delta feed's hot path. The
// diagnosis is given as JSON text (as the service stores it, encodeDiagnosis output; empty: null) and copied
// in; ticket.diagnosis is ignored. Parsing the result gives exactly encodeTicket's object (tests/core).
void appendTicketJson(QByteArray &out, const Ticket &ticket, QByteArrayView diagnosisJson);

} // namespace relaydesk

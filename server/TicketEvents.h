#pragma once

#include "server/TriagePolicy.h"

#include <QSqlDatabase>
#include <QString>

namespace relaydesk::server {

// Appends timeline events inside the caller's write transaction.
class TicketEvents final
{
public:
    static bool insert(QSqlDatabase &db, qint64 ticketId, qint64 at, const TriageStep &step, QString *error);
};

} // namespace relaydesk::server

#pragma once

#include "server/TriagePolicy.h"

#include <QSqlDatabase>
#include <QString>

namespace relaydesk::server {

// Appends timeline events inside the caller's write transaction, keeping the metrics rollups in step
// (MetricsRollups::TicketChange around the inserts).
class TicketEvents final
{
public:
    static bool insert(QSqlDatabase &db, qint64 ticketId, qint64 at, const TriageStep &step, QString *error);
    // `created`: the ticket row was inserted in this transaction (its rollups are added whole).
    static bool insertAll(QSqlDatabase &db, qint64 ticketId, qint64 at, const QList<TriageStep> &steps,
                          QString *error, bool created = false);
};

} // namespace relaydesk::server

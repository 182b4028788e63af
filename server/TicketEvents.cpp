#include "server/TicketEvents.h"

#include "server/Counters.h"
#include "server/Database.h"
#include "server/MetricsRollups.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

bool TicketEvents::insert(QSqlDatabase &db, qint64 ticketId, qint64 at, const TriageStep &step, QString *error)
{
    return insertAll(db, ticketId, at, {step}, error);
}

bool TicketEvents::insertAll(QSqlDatabase &db, qint64 ticketId, qint64 at, const QList<TriageStep> &steps,
                             QString *error, bool created)
{
    if (steps.isEmpty() && !created)
        return true;
    MetricsRollups::TicketChange rollups;
    if (!rollups.begin(db, ticketId, created, error))
        return false;
    QSqlQuery q(db);
    for (const TriageStep &step : steps) {
        const qint64 id = Counters::next(db, u"event_id"_s, error);
        if (id < 0)
            return false;
        if (!Database::run(q,
                           u"INSERT INTO ticket_events (id, ticket_id, at, actor, kind, summary, detail)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                           {id, ticketId, at, step.actor, step.kind, step.summary,
                            QString::fromUtf8(QJsonDocument(step.detail).toJson(QJsonDocument::Compact))},
                           error))
            return false;
    }
    return rollups.finish(error);
}

} // namespace relaydesk::server

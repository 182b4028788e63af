#pragma once

#include "server/ServiceContext.h"

#include <QFuture>
#include "server/http/HttpTypes.h"
#include <QJsonObject>
#include <QList>
#include <QString>

namespace relaydesk::server {

struct HttpRequestData;
struct RegionStatus;
enum class ActionVerb;

// What a bulk action did to one ticket of the incident.
struct BulkOutcome
{
    qint64 ticketId = 0;
    QString status; // done, skipped, failed
    QString reason; // done: empty; skipped/failed: the refusal's code (claimed_by_other, invalid_status, ...)
    QString message;     // the refusal's message, for the console
    QString holder;      // claimed_by_other: who holds the claim
    qint64 actionId = 0; // done: the ticket's own action
    bool coalesced = false;
    bool replayed = false; // the stored answer of an earlier call with the same bulk key
    QJsonObject encode() const;
};

// POST /incidents/{id}/resend|reroute|reply (docs/api.md, "Incidents"): the single-ticket action for every
// open ticket of the incident, each with its own idempotent action and timeline events. A ticket's keys
// derive from the bulk Idempotency-Key and its id (ticketKey), so a retried bulk call replays instead of
// acting twice. Tickets nobody holds are claimed first; tickets another agent holds are skipped. Runs on
// the service's pool in chunks, each chunk its own task, so a big incident neither blocks the HTTP thread
// nor holds one worker for the whole run.
class IncidentBulk final
{
public:
    static constexpr int kChunk = 20;

    static QFuture<HttpResponse> start(const ServiceContext &context, const HttpRequestData &request,
                                              ActionVerb verb, const QString &incidentId,
                                              const QList<RegionStatus> &regions);

    // "bulk-{32 hex of SHA-256(bulk key)}-t{ticket}-{step}"
    static QString ticketKey(const QString &bulkKey, qint64 ticketId, ActionVerb step);
    // Claim (when needed) and act on one ticket.
    static BulkOutcome actOn(const ServiceContext &context, const QString &actor, const QString &bulkKey,
                             ActionVerb verb, const QJsonObject &input, qint64 ticketId);
};

} // namespace relaydesk::server

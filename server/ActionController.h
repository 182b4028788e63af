#pragma once

#include "server/AuthStore.h"
#include "server/ServiceContext.h"
#include "server/TicketActions.h"

#include "server/http/HttpTypes.h"

#include <optional>

namespace relaydesk::server {
class Router;
}

namespace relaydesk::server {

struct HttpRequestData;
struct RegionStatus;

// Agent actions and what their dialogs need (docs/api.md, "Agent actions"):
// POST /api/v1/tickets/{id}/{claim,release,resend,reroute,reply,transfer,note,resolve,reopen},
// GET /api/v1/tickets/{id}/related, GET /api/v1/regions. Register before TicketController.
class ActionController final
{
public:
    explicit ActionController(const ServiceContext &context);

    void registerRoutes(Router &server);

    // The steps of an action, shared with the incident bulk actions (IncidentController) so that both
    // decide alike. The caller may act (agent, lead, admin) with a usable Idempotency-Key, else *refusal:
    static std::optional<Principal> authorize(const ServiceContext &context, const HttpRequestData &request,
                                              std::optional<HttpResponse> *refusal);
    // The body of `verb` parsed and validated (fields, region against `regions`, assignee, a gateway for
    // gateway verbs), else *refusal:
    static std::optional<QJsonObject> readInput(const ServiceContext &context, ActionVerb verb, const QByteArray &body,
                                                const QList<RegionStatus> &regions,
                                                std::optional<HttpResponse> *refusal);
    // Carries out a validated call (ActionStore), then pushes ticket.changed and wakes the dispatcher;
    // nullopt with *error set when storage failed.
    static std::optional<ActionAnswer> perform(const ServiceContext &context, const ActionCall &call, QString *error);
    // The regions' health; call on the HTTP (= dispatcher) thread.
    static QList<RegionStatus> regionSnapshot(const ServiceContext &context);

private:
    HttpResponse act(const HttpRequestData &request, ActionVerb verb, qint64 id,
                            const QList<RegionStatus> &regions) const;
    HttpResponse related(const HttpRequestData &request, qint64 id) const;
    HttpResponse regions(const HttpRequestData &request, const QList<RegionStatus> &regions) const;
    HttpResponse agents(const HttpRequestData &request) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

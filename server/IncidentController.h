#pragma once

#include "server/ServiceContext.h"

#include "server/http/HttpTypes.h"

namespace relaydesk::server {
class Router;
}

namespace relaydesk::server {

struct HttpRequestData;

// Incidents (docs/api.md, "Incidents"): GET /api/v1/incidents?state=open|resolved|all,
// GET /api/v1/incidents/{id}, and the bulk actions POST /api/v1/incidents/{id}/{resend,reroute,reply}
// (IncidentBulk).
class IncidentController final
{
public:
    explicit IncidentController(const ServiceContext &context);

    void registerRoutes(Router &server);

private:
    HttpResponse list(const HttpRequestData &request) const;
    HttpResponse incident(const HttpRequestData &request, const QString &id) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

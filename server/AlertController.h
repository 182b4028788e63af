#pragma once

#include "server/ServiceContext.h"

#include "server/http/HttpTypes.h"

namespace relaydesk::server {
class Router;
}

namespace relaydesk::server {

struct HttpRequestData;

// GET /api/v1/alerts?state=&since=&limit= (agent, lead, admin) and POST /api/v1/alerts/{id}/acknowledge
// (lead, admin; Idempotency-Key) (docs/api.md "Alerts").
class AlertController final
{
public:
    explicit AlertController(const ServiceContext &context);

    void registerRoutes(Router &server);

private:
    HttpResponse list(const HttpRequestData &request) const;
    HttpResponse acknowledge(const HttpRequestData &request, qint64 id) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

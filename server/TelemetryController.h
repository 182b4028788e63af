#pragma once

#include "server/ServiceContext.h"

#include "server/http/HttpTypes.h"

namespace relaydesk::server {
class Router;
}

namespace relaydesk::server {

struct HttpRequestData;

// POST /api/v1/telemetry: per-region, per-minute delivery counts from the IM platform (client key, like
// report intake; docs/api.md "Telemetry"). After storing, the delivery alert rule runs for the regions sent.
class TelemetryController final
{
public:
    explicit TelemetryController(const ServiceContext &context);

    void registerRoutes(Router &server);

private:
    HttpResponse intake(const HttpRequestData &request) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

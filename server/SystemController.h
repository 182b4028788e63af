#pragma once

#include "server/ServiceContext.h"

namespace relaydesk::server {
class Router;
}

namespace relaydesk::server {

// GET /api/v1/health.
class SystemController final
{
public:
    explicit SystemController(const ServiceContext &context);

    void registerRoutes(Router &server);

private:
    ServiceContext m_context;
};

} // namespace relaydesk::server

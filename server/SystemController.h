#pragma once

#include "server/ServiceContext.h"

class QHttpServer;

namespace relaydesk::server {

// GET /api/v1/health, and the JSON 404 for every unknown route.
class SystemController final
{
public:
    explicit SystemController(const ServiceContext &context);

    void registerRoutes(QHttpServer &server);

private:
    ServiceContext m_context;
};

} // namespace relaydesk::server

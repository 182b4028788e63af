#pragma once

#include "server/ServiceContext.h"

#include <QFuture>
#include "server/http/HttpTypes.h"

namespace relaydesk::server {
class Router;
}

namespace relaydesk::server {

struct HttpRequestData;

// POST /api/v1/reports: report intake from IM clients (docs/api.md).
class IntakeController final
{
public:
    explicit IntakeController(const ServiceContext &context);

    void registerRoutes(Router &server);

private:
    QFuture<HttpResponse> handle(const HttpRequest &request);
    HttpResponse intake(const HttpRequestData &request) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

#pragma once

#include "server/ServiceContext.h"

#include <QFuture>
#include "server/http/HttpTypes.h"

namespace relaydesk::server {
class Router;
}

namespace relaydesk::server {

struct HttpRequestData;

// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/me.
class AuthController final
{
public:
    explicit AuthController(const ServiceContext &context);

    void registerRoutes(Router &server);

private:
    HttpResponse login(const HttpRequestData &request) const;
    HttpResponse logout(const HttpRequestData &request) const;
    HttpResponse me(const HttpRequestData &request) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

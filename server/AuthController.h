#pragma once

#include "server/ServiceContext.h"

#include <QFuture>
#include <QHttpServerResponse>

class QHttpServer;
class QHttpServerRequest;

namespace relaydesk::server {

struct HttpRequestData;

// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/me.
class AuthController final
{
public:
    explicit AuthController(const ServiceContext &context);

    void registerRoutes(QHttpServer &server);

private:
    QHttpServerResponse login(const HttpRequestData &request) const;
    QHttpServerResponse logout(const HttpRequestData &request) const;
    QHttpServerResponse me(const HttpRequestData &request) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

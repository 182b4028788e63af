#pragma once

#include "server/ServiceContext.h"

#include <QFuture>
#include <QHttpServerResponse>

class QHttpServer;
class QHttpServerRequest;

namespace relaydesk::server {

struct HttpRequestData;

// POST /api/v1/reports: report intake from IM clients (docs/api.md).
class IntakeController final
{
public:
    explicit IntakeController(const ServiceContext &context);

    void registerRoutes(QHttpServer &server);

private:
    QFuture<QHttpServerResponse> handle(const QHttpServerRequest &request);
    QHttpServerResponse intake(const HttpRequestData &request) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

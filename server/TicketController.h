#pragma once

#include "server/ServiceContext.h"

#include <QFuture>
#include "server/http/HttpTypes.h"

namespace relaydesk::server {
class Router;
}

namespace relaydesk::server {

struct HttpRequestData;

// GET /api/v1/tickets (delta feed), /tickets/{id}, /tickets/{id}/log (HTTP Range), /tickets/{id}/events.
class TicketController final
{
public:
    explicit TicketController(const ServiceContext &context);

    void registerRoutes(Router &server);

private:
    HttpResponse list(const HttpRequestData &request) const;
    HttpResponse ticket(const HttpRequestData &request, qint64 id) const;
    HttpResponse log(const HttpRequestData &request, qint64 id) const;
    HttpResponse events(const HttpRequestData &request, qint64 id) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

#pragma once

#include "server/ServiceContext.h"

#include <QFuture>
#include <QHttpServerResponse>

class QHttpServer;
class QHttpServerRequest;

namespace relaydesk::server {

struct HttpRequestData;

// GET /api/v1/tickets (delta feed), /tickets/{id}, /tickets/{id}/log (HTTP Range), /tickets/{id}/events.
class TicketController final
{
public:
    explicit TicketController(const ServiceContext &context);

    void registerRoutes(QHttpServer &server);

private:
    QHttpServerResponse list(const HttpRequestData &request) const;
    QHttpServerResponse ticket(const HttpRequestData &request, qint64 id) const;
    QHttpServerResponse log(const HttpRequestData &request, qint64 id) const;
    QHttpServerResponse events(const HttpRequestData &request, qint64 id) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

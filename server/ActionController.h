#pragma once

#include "server/ServiceContext.h"

#include <QHttpServerResponse>

class QHttpServer;

namespace relaydesk::server {

struct HttpRequestData;
struct RegionStatus;
enum class ActionVerb;

// Agent actions and what their dialogs need (docs/api.md, "Agent actions"):
// POST /api/v1/tickets/{id}/{claim,release,resend,reroute,reply,transfer,note,resolve,reopen},
// GET /api/v1/tickets/{id}/related, GET /api/v1/regions. Register before TicketController.
class ActionController final
{
public:
    explicit ActionController(const ServiceContext &context);

    void registerRoutes(QHttpServer &server);

private:
    QHttpServerResponse act(const HttpRequestData &request, ActionVerb verb, qint64 id,
                            const QList<RegionStatus> &regions) const;
    QHttpServerResponse related(const HttpRequestData &request, qint64 id) const;
    QHttpServerResponse regions(const HttpRequestData &request, const QList<RegionStatus> &regions) const;
    QList<RegionStatus> regionSnapshot() const; // on the HTTP (= dispatcher) thread

    ServiceContext m_context;
};

} // namespace relaydesk::server

#pragma once

#include "server/ServiceContext.h"

#include <QHttpServerResponse>

class QHttpServer;

namespace relaydesk::server {

struct HttpRequestData;

// Incidents (docs/api.md, "Incidents"): GET /api/v1/incidents?state=open|resolved|all,
// GET /api/v1/incidents/{id}, and the bulk actions POST /api/v1/incidents/{id}/{resend,reroute,reply}
// (IncidentBulk).
class IncidentController final
{
public:
    explicit IncidentController(const ServiceContext &context);

    void registerRoutes(QHttpServer &server);

private:
    QHttpServerResponse list(const HttpRequestData &request) const;
    QHttpServerResponse incident(const HttpRequestData &request, const QString &id) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

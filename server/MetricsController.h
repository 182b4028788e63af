#pragma once

#include "server/ServiceContext.h"

#include "server/http/HttpTypes.h"

namespace relaydesk::server {
class Router;
}

namespace relaydesk::server {

struct HttpRequestData;
struct MetricsRange;

// GET /api/v1/metrics/{queue,flow,causes,regions,app-versions,delivery,response,sla,csat,agents}: time series
// for the dashboard over `from`, `to` and `bucket` (docs/api.md "Metrics"). Roles agent, lead and admin.
class MetricsController final
{
public:
    enum class Series
    {
        Queue,
        Flow,
        Causes,
        Regions,
        AppVersions,
        Delivery,
        Response,
        Sla,
        Csat,
        Agents
    };

    explicit MetricsController(const ServiceContext &context);

    void registerRoutes(Router &server);

private:
    HttpResponse answer(const HttpRequestData &request, Series series) const;
    QJsonObject compute(Series series, const MetricsRange &range, qint64 now, QString *error) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

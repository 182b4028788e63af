#pragma once

#include "server/ServiceContext.h"

#include "server/http/HttpTypes.h"

namespace relaydesk::server {
class Router;
}

namespace relaydesk::server {

struct HttpRequestData;

// POST /api/v1/surveys/{token} (docs/api.md, "Surveys"): the IM user's CSAT answer. No session: the
// single-use token from the survey notice is the credential.
class SurveyController final
{
public:
    explicit SurveyController(const ServiceContext &context);

    void registerRoutes(Router &server);

private:
    HttpResponse answer(const HttpRequestData &request, const QString &token) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

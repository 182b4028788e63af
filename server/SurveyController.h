#pragma once

#include "server/ServiceContext.h"

#include <QHttpServerResponse>

class QHttpServer;

namespace relaydesk::server {

struct HttpRequestData;

// POST /api/v1/surveys/{token} (docs/api.md, "Surveys"): the IM user's CSAT answer. No session: the
// single-use token from the survey notice is the credential.
class SurveyController final
{
public:
    explicit SurveyController(const ServiceContext &context);

    void registerRoutes(QHttpServer &server);

private:
    QHttpServerResponse answer(const HttpRequestData &request, const QString &token) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

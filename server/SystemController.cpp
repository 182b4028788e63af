#include "server/SystemController.h"

#include "server/HttpReply.h"
#include "server/http/Router.h"

namespace relaydesk::server {

using namespace Qt::StringLiterals;

SystemController::SystemController(const ServiceContext &context) : m_context(context) {}

void SystemController::registerRoutes(Router &server)
{
    // Unknown routes are the router's own JSON 404.
    server.route(u"/api/v1/health"_s, [this](const HttpRequest &request) {
        if (request.method() != HttpMethod::Get)
            return HttpReply::methodNotAllowed();
        return HttpReply::json({{"status"_L1, "ok"_L1},
                                {"version"_L1, QStringLiteral(RELAYDESK_VERSION)},
                                {"schema_version"_L1, m_context.schemaVersion}});
    });
}

} // namespace relaydesk::server

#include "server/SystemController.h"

#include "server/HttpReply.h"

#include <QHttpServer>
#include <QHttpServerResponder>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

SystemController::SystemController(const ServiceContext &context) : m_context(context) {}

void SystemController::registerRoutes(QHttpServer &server)
{
    server.route(u"/api/v1/health"_s, [this](const QHttpServerRequest &request) {
        if (request.method() != QHttpServerRequest::Method::Get)
            return HttpReply::methodNotAllowed();
        return HttpReply::json({{"status"_L1, "ok"_L1},
                                {"version"_L1, QStringLiteral(RELAYDESK_VERSION)},
                                {"schema_version"_L1, m_context.schemaVersion}});
    });
    server.setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        HttpReply::notFound(u"no such route"_s).write(std::move(responder));
    });
}

} // namespace relaydesk::server

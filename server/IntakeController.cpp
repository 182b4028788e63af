#include "server/IntakeController.h"

#include "core/Limits.h"
#include "core/LogPayload.h"
#include "core/ReportCodec.h"
#include "server/AuthStore.h"
#include "server/HttpReply.h"
#include "server/HttpRequestData.h"
#include "server/OutboxDispatcher.h"
#include "server/ReportStore.h"
#include "server/ServerLog.h"
#include "server/StreamHub.h"
#include "server/TriagePolicy.h"

#include "server/http/Router.h"

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using Status = HttpReply::Status;

namespace {
bool isJsonContentType(const QByteArray &contentType)
{
    if (contentType.isEmpty())
        return true; // lenient: clients that send no type still send JSON
    const QByteArray mime = contentType.split(';').constFirst().trimmed();
    return mime.compare("application/json", Qt::CaseInsensitive) == 0;
}
} // namespace

IntakeController::IntakeController(const ServiceContext &context) : m_context(context) {}

void IntakeController::registerRoutes(Router &server)
{
    server.route(u"/api/v1/reports"_s, [this](const HttpRequest &request) { return handle(request); });
}

QFuture<HttpResponse> IntakeController::handle(const HttpRequest &request)
{
    if (request.method() != HttpMethod::Post)
        return HttpReply::ready(HttpReply::methodNotAllowed());
    HttpRequestData data = HttpRequestData::from(request);
    if (data.bearer().isEmpty())
        return HttpReply::ready(HttpReply::unauthorized(u"an Authorization: Bearer <client key> header is required"_s));
    if (data.body.size() > limits::kMaxReportBody)
        return HttpReply::ready(HttpReply::error(Status::PayloadTooLarge, u"payload_too_large"_s,
                                                 u"the body is larger than %1 bytes"_s.arg(limits::kMaxReportBody)));
    return HttpReply::onPool(m_context.pool, [this, data = std::move(data)] {
        // A phone that dropped the connection before its report was taken gets no 202 and sends it again.
        return data.clientGone() ? HttpReply::clientGone() : intake(data);
    });
}

HttpResponse IntakeController::intake(const HttpRequestData &request) const
{
    QString error;
    const auto keyId = m_context.auth->authenticateClientKey(request.bearer(), &error);
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot check the client key: %1"_s.arg(error));
    if (!keyId)
        return HttpReply::unauthorized(u"the client key is unknown or revoked"_s);
    if (!isJsonContentType(request.contentType))
        return HttpReply::error(Status::UnsupportedMediaType, u"unsupported_media_type"_s,
                                u"the body must be application/json"_s);

    const auto json = parseJsonObject(request.body);
    if (!json.ok())
        return HttpReply::error(Status::BadRequest, u"bad_json"_s, json.error().message);
    const auto decoded = decodeReport(json.value());
    if (!decoded.ok())
        return HttpReply::error(Status::UnprocessableEntity, u"validation_failed"_s, decoded.error().toString(),
                                decoded.error().path);
    const Report &report = decoded.value();

    const LogDecodeResult log =
        decodeLogPayload(report.log, limits::kMaxCompressedLog, limits::kMaxUncompressedLog);
    switch (log.status) {
    case LogDecodeResult::Status::Ok:
        break;
    case LogDecodeResult::Status::TooLarge:
        return HttpReply::error(Status::PayloadTooLarge, u"payload_too_large"_s, log.error.toString(), log.error.path);
    case LogDecodeResult::Status::Invalid:
        return HttpReply::error(Status::UnprocessableEntity, u"validation_failed"_s, log.error.toString(),
                                log.error.path);
    }

    // A retry of a stored report is answered before triage does any work.
    if (auto existing = m_context.reports->findByClientReportId(*keyId, report.clientReportId, &error))
        return HttpReply::json({{"report_id"_L1, existing->reportId}, {"ticket_id"_L1, existing->ticketId},
                                {"duplicate"_L1, true}},
                               Status::Accepted);
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot look up the report: %1"_s.arg(error));

    const TriageDecision decision = m_context.triage->decide(report, log.text);
    const auto stored = m_context.reports->store(report, log.text, *keyId, decision, &error);
    if (!stored)
        return HttpReply::internal(u"cannot store the report: %1"_s.arg(error));
    if (!stored->duplicate) {
        m_context.hub->ticketChanged(stored->ticketId, stored->seq);
        if (stored->outboxRows > 0 && m_context.dispatcher)
            m_context.dispatcher->wake();
        qCInfo(lcServer) << "report" << stored->reportId << "stored as ticket" << stored->ticketId << "seq"
                         << stored->seq;
    }
    return HttpReply::json({{"report_id"_L1, stored->reportId}, {"ticket_id"_L1, stored->ticketId},
                            {"duplicate"_L1, stored->duplicate}},
                           Status::Accepted);
}

} // namespace relaydesk::server

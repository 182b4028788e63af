#include "server/SurveyController.h"

#include "core/Limits.h"
#include "core/ReportCodec.h"
#include "server/HttpReply.h"
#include "server/HttpRequestData.h"
#include "server/ServerLog.h"
#include "server/StreamHub.h"
#include "server/SurveyStore.h"

#include "server/http/Router.h"
#include <QRegularExpression>

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using Method = HttpMethod;
using Status = HttpReply::Status;

namespace {

// Tokens are Secrets::generate(): 43 base64url characters. Anything else cannot be a survey.
bool plausibleToken(const QString &token)
{
    static const QRegularExpression shape(u"^[A-Za-z0-9_-]{16,128}$"_s);
    return shape.match(token).hasMatch();
}

} // namespace

SurveyController::SurveyController(const ServiceContext &context) : m_context(context) {}

void SurveyController::registerRoutes(Router &server)
{
    server.route(u"/api/v1/surveys/<arg>"_s, [this](const QString &token, const HttpRequest &request) {
        if (request.method() != Method::Post)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        return HttpReply::onPool(m_context.pool, [this, token, data = HttpRequestData::from(request)] {
            return answer(data, token);
        });
    });
}

HttpResponse SurveyController::answer(const HttpRequestData &request, const QString &token) const
{
    if (!m_context.surveys)
        return HttpReply::notFound(u"no such survey"_s);
    const auto json = parseJsonObject(request.body);
    if (!json.ok())
        return HttpReply::error(Status::BadRequest, u"bad_json"_s, json.error().message);
    const QJsonObject body = json.value();
    const QJsonValue score = body.value("score"_L1);
    if (!score.isDouble() || score.toDouble() != double(score.toInteger()) || score.toInteger() < 1 ||
        score.toInteger() > 5)
        return HttpReply::error(Status::UnprocessableEntity, u"validation_failed"_s,
                                u"score must be an integer from 1 to 5"_s, u"score"_s);
    const QJsonValue comment = body.value("comment"_L1);
    if (!comment.isUndefined() && !comment.isNull() &&
        (!comment.isString() || comment.toString().size() > limits::kMaxCsatComment))
        return HttpReply::error(
            Status::UnprocessableEntity, u"validation_failed"_s,
            u"comment must be a string of at most %1 characters"_s.arg(limits::kMaxCsatComment),
            u"comment"_s);
    if (!plausibleToken(token))
        return HttpReply::notFound(u"no such survey"_s);

    QString error;
    const auto answer =
        m_context.surveys->answer(token, int(score.toInteger()), comment.toString().trimmed(), &error);
    if (!answer)
        return HttpReply::internal(u"cannot record the survey: %1"_s.arg(error));
    if (answer->seq > 0) {
        m_context.hub->ticketChanged(answer->ticketId, answer->seq);
        qCInfo(lcServer) << "survey answered for ticket" << answer->ticketId << "score" << score.toInteger();
    }
    return HttpResponse(answer->body, Status(answer->status));
}

} // namespace relaydesk::server

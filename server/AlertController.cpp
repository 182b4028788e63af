#include "server/AlertController.h"

#include "core/JsonReader.h"
#include "server/AgentGate.h"
#include "server/AlertStore.h"
#include "server/HttpReply.h"
#include "server/HttpRequestData.h"
#include "server/ServerLog.h"
#include "server/StreamHub.h"

#include "server/http/Router.h"
#include <QJsonArray>

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using Method = HttpMethod;
using Status = HttpReply::Status;

namespace {

constexpr int kMaxKey = 255;
constexpr int kDefaultLimit = 100;
constexpr int kMaxLimit = 500;

HttpResponse invalid(const QString &field, const QString &message)
{
    return HttpReply::error(Status::UnprocessableEntity, u"invalid_parameter"_s, message, field);
}

} // namespace

AlertController::AlertController(const ServiceContext &context) : m_context(context) {}

void AlertController::registerRoutes(Router &server)
{
    server.route(u"/api/v1/alerts"_s, [this](const HttpRequest &request) {
        if (request.method() != Method::Get)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        return HttpReply::onPool(m_context.pool,
                                 [this, data = HttpRequestData::from(request)] { return list(data); });
    });
    server.route(u"/api/v1/alerts/<arg>/acknowledge"_s, [this](const QString &idText,
                                                               const HttpRequest &request) {
        if (request.method() != Method::Post)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        const qint64 id = parsePathId(idText);
        return HttpReply::onPool(m_context.pool, [this, id, data = HttpRequestData::from(request)] {
            return acknowledge(data, id);
        });
    });
}

HttpResponse AlertController::list(const HttpRequestData &request) const
{
    std::optional<HttpResponse> refusal;
    const auto principal = AgentGate::check(*m_context.auth, request, &refusal);
    if (!principal)
        return std::move(*refusal);
    if (principal->role == Role::Trainer)
        return HttpReply::error(Status::Forbidden, u"forbidden"_s, u"trainers cannot read alerts"_s);
    const QString state = request.query.queryItemValue(u"state"_s);
    static const QStringList states{u"raised"_s, u"acknowledged"_s, u"resolved"_s, u"open"_s};
    if (request.query.hasQueryItem(u"state"_s) && !states.contains(state))
        return invalid(u"state"_s, u"state must be one of %1"_s.arg(states.join(u", "_s)));
    qint64 since = 0;
    if (request.query.hasQueryItem(u"since"_s)) {
        const auto time = parseRfc3339(request.query.queryItemValue(u"since"_s, QUrl::FullyDecoded));
        if (!time)
            return invalid(u"since"_s, u"since must be an RFC 3339 time with an offset"_s);
        since = time->toMSecsSinceEpoch();
    }
    int limit = kDefaultLimit;
    if (request.query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = request.query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxLimit)
            return invalid(u"limit"_s, u"limit must be 1-%1"_s.arg(kMaxLimit));
    }
    QString error;
    const auto alerts = m_context.alerts->list(state, since, limit, &error);
    if (!alerts)
        return HttpReply::internal(u"cannot read alerts: %1"_s.arg(error));
    QJsonArray array;
    for (const Alert &a : *alerts)
        array.append(encodeAlert(a));
    return HttpReply::json({{"alerts"_L1, array}});
}

HttpResponse AlertController::acknowledge(const HttpRequestData &request, qint64 id) const
{
    std::optional<HttpResponse> refusal;
    const auto principal = AgentGate::check(*m_context.auth, request, &refusal);
    if (!principal)
        return std::move(*refusal);
    if (principal->role != Role::Lead && principal->role != Role::Admin)
        return HttpReply::error(Status::Forbidden, u"forbidden"_s,
                                u"only leads and admins acknowledge alerts"_s);
    if (request.idempotencyKey.isEmpty())
        return HttpReply::error(Status::BadRequest, u"missing_idempotency_key"_s,
                                u"an Idempotency-Key header is required"_s);
    if (request.idempotencyKey.size() > kMaxKey)
        return HttpReply::error(Status::BadRequest, u"invalid_idempotency_key"_s,
                                u"the Idempotency-Key is longer than %1 bytes"_s.arg(kMaxKey));
    if (id <= 0)
        return HttpReply::notFound(u"no such alert"_s);
    QString error;
    std::optional<Alert> changed;
    const auto answer =
        m_context.alerts->acknowledge(id, principal->username, QString::fromLatin1(request.idempotencyKey),
                                      m_context.now(), &changed, &error);
    if (!answer)
        return HttpReply::internal(u"cannot acknowledge the alert: %1"_s.arg(error));
    if (changed) {
        qCInfo(lcServer) << principal->username << "acknowledged alert" << id;
        m_context.hub->alertChanged(u"alert.changed"_s, encodeAlert(*changed));
    }
    HttpResponse response(answer->body, Status(answer->status));
    if (answer->replayed)
        response.addHeader("Idempotent-Replayed", "true");
    return response;
}

} // namespace relaydesk::server

#include "server/ActionController.h"

#include "core/ReportCodec.h"
#include "core/TicketCodec.h"
#include "server/ActionStore.h"
#include "server/AgentGate.h"
#include "server/AuthStore.h"
#include "server/HttpReply.h"
#include "server/HttpRequestData.h"
#include "server/OutboxDispatcher.h"
#include "server/ServerLog.h"
#include "server/StreamHub.h"
#include "server/TicketStore.h"

#include <QDateTime>
#include <QHttpServer>
#include <QJsonArray>
#include <QRegularExpression>

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using Method = QHttpServerRequest::Method;
using Status = HttpReply::Status;

namespace {

constexpr int kMaxKey = 255;

qint64 parseId(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 && !text.startsWith(u'+') ? id : 0;
}

QHttpServerResponse invalid(const QString &field, const QString &message, const QString &code = u"validation_failed"_s)
{
    return HttpReply::error(Status::UnprocessableEntity, code, message, field);
}

// A string field: absent is "" unless required; present must be a string of 1..max characters.
std::optional<QHttpServerResponse> checkString(const QJsonObject &body, QLatin1StringView name, bool required, int max)
{
    const QJsonValue v = body.value(name);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return invalid(name, u"%1 is required"_s.arg(name));
        return std::nullopt;
    }
    if (!v.isString())
        return invalid(name, u"%1 must be a string"_s.arg(name));
    const QString text = v.toString();
    if (text.trimmed().isEmpty() || text.size() > max)
        return invalid(name, u"%1 must be 1 to %2 characters"_s.arg(name).arg(max));
    return std::nullopt;
}

QJsonObject encodeRegion(const RegionStatus &r)
{
    return {{"region"_L1, r.region}, {"state"_L1, r.state}, {"circuit"_L1, r.circuit},
            {"retry_after_ms"_L1, r.retryAfterMs}};
}

} // namespace

ActionController::ActionController(const ServiceContext &context) : m_context(context) {}

QList<RegionStatus> ActionController::regionSnapshot() const
{
    if (m_context.dispatcher)
        return m_context.dispatcher->regions(QDateTime::currentMSecsSinceEpoch());
    QList<RegionStatus> list;
    for (const QString &region : m_context.regions)
        list.append({region, u"healthy"_s, u"closed"_s, 0});
    return list;
}

void ActionController::registerRoutes(QHttpServer &server)
{
    static const QList<std::pair<QString, ActionVerb>> verbs{
        {u"claim"_s, ActionVerb::Claim},       {u"release"_s, ActionVerb::Release}, {u"resend"_s, ActionVerb::Resend},
        {u"reroute"_s, ActionVerb::Reroute},   {u"reply"_s, ActionVerb::Reply},     {u"transfer"_s, ActionVerb::Transfer},
        {u"note"_s, ActionVerb::Note},         {u"resolve"_s, ActionVerb::Resolve}, {u"reopen"_s, ActionVerb::Reopen}};
    for (const auto &[name, verb] : verbs) {
        server.route(u"/api/v1/tickets/<arg>/"_s + name,
                     [this, verb](const QString &idText, const QHttpServerRequest &request) {
                         if (request.method() != Method::Post)
                             return HttpReply::ready(HttpReply::methodNotAllowed());
                         const qint64 id = parseId(idText);
                         const bool regional = verb == ActionVerb::Resend || verb == ActionVerb::Reroute;
                         return HttpReply::onPool(m_context.pool, [this, verb, id, data = HttpRequestData::from(request),
                                                                   regions = regional ? regionSnapshot()
                                                                                      : QList<RegionStatus>()] {
                             return act(data, verb, id, regions);
                         });
                     });
    }
    server.route(u"/api/v1/tickets/<arg>/related"_s, [this](const QString &idText, const QHttpServerRequest &request) {
        if (request.method() != Method::Get)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        const qint64 id = parseId(idText);
        return HttpReply::onPool(m_context.pool,
                                 [this, id, data = HttpRequestData::from(request)] { return related(data, id); });
    });
    server.route(u"/api/v1/regions"_s, [this](const QHttpServerRequest &request) {
        if (request.method() != Method::Get)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        return HttpReply::onPool(m_context.pool, [this, data = HttpRequestData::from(request),
                                                  snapshot = regionSnapshot()] { return regions(data, snapshot); });
    });
}

QHttpServerResponse ActionController::act(const HttpRequestData &request, ActionVerb verb, qint64 id,
                                          const QList<RegionStatus> &regions) const
{
    std::optional<QHttpServerResponse> refusal;
    const auto principal = AgentGate::check(*m_context.auth, request, &refusal);
    if (!principal)
        return std::move(*refusal);
    if (principal->role == Role::Trainer)
        return HttpReply::error(Status::Forbidden, u"forbidden"_s, u"trainers cannot act on tickets"_s);
    if (request.idempotencyKey.isEmpty())
        return HttpReply::error(Status::BadRequest, u"missing_idempotency_key"_s,
                                u"an Idempotency-Key header is required"_s);
    if (request.idempotencyKey.size() > kMaxKey)
        return HttpReply::error(Status::BadRequest, u"invalid_idempotency_key"_s,
                                u"the Idempotency-Key is longer than %1 bytes"_s.arg(kMaxKey));
    if (id <= 0)
        return HttpReply::notFound(u"no such ticket"_s);

    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        const auto json = parseJsonObject(request.body);
        if (!json.ok())
            return HttpReply::error(Status::BadRequest, u"bad_json"_s, json.error().message);
        body = json.value();
    }
    std::optional<QHttpServerResponse> bad;
    switch (verb) {
    case ActionVerb::Claim:
    case ActionVerb::Release: break;
    case ActionVerb::Resend:
    case ActionVerb::Reroute: {
        bad = checkString(body, "region"_L1, verb == ActionVerb::Reroute, 64);
        if (bad)
            break;
        const QString region = body.value("region"_L1).toString();
        if (region.isEmpty())
            break;
        const auto it = std::find_if(regions.begin(), regions.end(),
                                     [&](const RegionStatus &r) { return r.region == region; });
        if (it == regions.end())
            bad = invalid(u"region"_s, u"unknown region \"%1\""_s.arg(region), u"unknown_region"_s);
        else if (it->state == "down"_L1)
            bad = invalid(u"region"_s, u"region %1 is down (circuit open)"_s.arg(region), u"region_unavailable"_s);
        break;
    }
    case ActionVerb::Reply:
        if (!(bad = checkString(body, "locale"_L1, true, 35)) && !(bad = checkString(body, "title"_L1, true, 200)))
            bad = checkString(body, "body"_L1, true, 4000);
        break;
    case ActionVerb::Transfer: {
        if (!body.contains("queue"_L1) && !body.contains("assignee"_L1)) {
            bad = invalid(u"queue"_s, u"give a queue, an assignee or both"_s);
            break;
        }
        if ((bad = checkString(body, "queue"_L1, false, 64)) || (bad = checkString(body, "assignee"_L1, false, 128)))
            break;
        static const QRegularExpression queueName(u"^[a-z0-9_-]+$"_s);
        if (body.contains("queue"_L1) && !queueName.match(body.value("queue"_L1).toString()).hasMatch()) {
            bad = invalid(u"queue"_s, u"a queue name is lowercase letters, digits, - and _"_s);
            break;
        }
        const QString assignee = body.value("assignee"_L1).toString();
        if (!assignee.isEmpty()) {
            QString error;
            const auto user = m_context.auth->findUser(assignee, &error);
            if (!error.isEmpty())
                return HttpReply::internal(u"cannot look up the assignee: %1"_s.arg(error));
            if (!user || user->role == Role::Trainer)
                bad = invalid(u"assignee"_s, u"no agent \"%1\""_s.arg(assignee), u"unknown_assignee"_s);
        }
        break;
    }
    case ActionVerb::Note: bad = checkString(body, "text"_L1, true, 4000); break;
    case ActionVerb::Resolve:
        if (!(bad = checkString(body, "resolution"_L1, true, 32))
            && !resolutionCodes().contains(body.value("resolution"_L1).toString()))
            bad = invalid(u"resolution"_s, u"resolution must be one of %1"_s.arg(resolutionCodes().join(u", "_s)));
        break;
    case ActionVerb::Reopen: bad = checkString(body, "reason"_L1, false, 1000); break;
    }
    if (bad)
        return std::move(*bad);
    const bool gateway = verb == ActionVerb::Resend || verb == ActionVerb::Reroute || verb == ActionVerb::Reply;
    if (gateway && !m_context.dispatcher)
        return HttpReply::error(Status::ServiceUnavailable, u"no_gateway"_s,
                                u"no IM gateway is configured, so the service cannot send"_s);

    const ActionCall call{verb, principal->username, QString::fromLatin1(request.idempotencyKey), id, body};
    QString error;
    const auto answer = m_context.actions->perform(call, &error);
    if (!answer)
        return HttpReply::internal(u"cannot %1 the ticket: %2"_s.arg(toWire(verb), error));
    if (answer->seq > 0)
        m_context.hub->ticketChanged(answer->ticketId, answer->seq);
    if (answer->outbox)
        m_context.dispatcher->wake();
    if (answer->status < 300 && !answer->replayed)
        qCInfo(lcServer) << principal->username << toWire(verb) << "ticket" << id << "seq" << answer->seq;
    QHttpServerResponse response(answer->body, Status(answer->status));
    if (answer->replayed)
        response.addHeader("Idempotent-Replayed", "true");
    return response;
}

QHttpServerResponse ActionController::related(const HttpRequestData &request, qint64 id) const
{
    std::optional<QHttpServerResponse> refusal;
    if (!AgentGate::check(*m_context.auth, request, &refusal))
        return std::move(*refusal);
    QString error;
    const auto list = id > 0 ? m_context.tickets->related(id, 50, &error) : std::nullopt;
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot read related tickets: %1"_s.arg(error));
    if (!list)
        return HttpReply::notFound(u"no such ticket"_s);
    QJsonArray array;
    for (const Ticket &t : *list)
        array.append(encodeTicket(t));
    return HttpReply::json({{"tickets"_L1, array}});
}

QHttpServerResponse ActionController::regions(const HttpRequestData &request, const QList<RegionStatus> &regions) const
{
    std::optional<QHttpServerResponse> refusal;
    if (!AgentGate::check(*m_context.auth, request, &refusal))
        return std::move(*refusal);
    QJsonArray array;
    for (const RegionStatus &r : regions)
        array.append(encodeRegion(r));
    return QHttpServerResponse(array);
}

} // namespace relaydesk::server

#include "server/ActionController.h"

#include "core/ReportCodec.h"
#include "core/TicketCodec.h"
#include "server/ActionStore.h"
#include "server/AgentGate.h"
#include "server/AuthStore.h"
#include "server/HttpReply.h"
#include "server/HttpRequestData.h"
#include "server/KbStore.h"
#include "server/OutboxDispatcher.h"
#include "server/ServerLog.h"
#include "server/StreamHub.h"
#include "server/TicketStore.h"

#include <QDateTime>
#include "server/http/Router.h"
#include <QJsonArray>
#include <QRegularExpression>

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using Method = HttpMethod;
using Status = HttpReply::Status;

namespace {

constexpr int kMaxKey = 255;

HttpResponse invalid(const QString &field, const QString &message, const QString &code = u"validation_failed"_s)
{
    return HttpReply::error(Status::UnprocessableEntity, code, message, field);
}

// A string field: absent is "" unless required; present must be a string of 1..max characters.
std::optional<HttpResponse> checkString(const QJsonObject &body, QLatin1StringView name, bool required, int max)
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

// The optional `kb_articles` of a reply (usage feedback): at most 10 ids of existing KB articles.
std::optional<HttpResponse> checkKbArticles(const QJsonObject &body, const KbStore *kb)
{
    const QJsonValue v = body.value("kb_articles"_L1);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isArray())
        return invalid(u"kb_articles"_s, u"kb_articles must be an array of article ids"_s);
    const QJsonArray array = v.toArray();
    if (array.size() > 10)
        return invalid(u"kb_articles"_s, u"kb_articles may name at most 10 articles"_s);
    QStringList ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString text = array.at(i).toString();
        if (!array.at(i).isString() || text.isEmpty() || text.size() > 128)
            return invalid(u"kb_articles[%1]"_s.arg(i), u"kb_articles[%1] must be an article id"_s.arg(i));
        ids.append(text);
    }
    if (ids.isEmpty() || !kb)
        return std::nullopt;
    QString error;
    const auto missing = kb->missing(ids, &error);
    if (!missing)
        return HttpReply::internal(u"cannot look up the articles: %1"_s.arg(error));
    if (missing->isEmpty())
        return std::nullopt;
    return invalid(u"kb_articles[%1]"_s.arg(ids.indexOf(missing->first())),
                   u"no article \"%1\""_s.arg(missing->first()), u"unknown_article"_s);
}

QJsonObject encodeRegion(const RegionStatus &r)
{
    return {{"region"_L1, r.region}, {"state"_L1, r.state}, {"circuit"_L1, r.circuit},
            {"retry_after_ms"_L1, r.retryAfterMs}};
}

} // namespace

ActionController::ActionController(const ServiceContext &context) : m_context(context) {}

QList<RegionStatus> ActionController::regionSnapshot(const ServiceContext &context)
{
    if (context.dispatcher)
        return context.dispatcher->regions(QDateTime::currentMSecsSinceEpoch());
    QList<RegionStatus> list;
    for (const QString &region : context.regions)
        list.append({region, u"healthy"_s, u"closed"_s, 0});
    return list;
}

void ActionController::registerRoutes(Router &server)
{
    static const QList<std::pair<QString, ActionVerb>> verbs{
        {u"claim"_s, ActionVerb::Claim},       {u"release"_s, ActionVerb::Release}, {u"resend"_s, ActionVerb::Resend},
        {u"reroute"_s, ActionVerb::Reroute},   {u"reply"_s, ActionVerb::Reply},     {u"transfer"_s, ActionVerb::Transfer},
        {u"note"_s, ActionVerb::Note},         {u"resolve"_s, ActionVerb::Resolve}, {u"reopen"_s, ActionVerb::Reopen}};
    for (const auto &[name, verb] : verbs) {
        server.route(u"/api/v1/tickets/<arg>/"_s + name,
                     [this, verb](const QString &idText, const HttpRequest &request) {
                         if (request.method() != Method::Post)
                             return HttpReply::ready(HttpReply::methodNotAllowed());
                         const qint64 id = parsePathId(idText);
                         const bool regional = verb == ActionVerb::Resend || verb == ActionVerb::Reroute;
                         return HttpReply::onPool(m_context.pool, [this, verb, id, data = HttpRequestData::from(request),
                                                                   regions = regional ? regionSnapshot(m_context)
                                                                                      : QList<RegionStatus>()] {
                             return act(data, verb, id, regions);
                         });
                     });
    }
    server.route(u"/api/v1/tickets/<arg>/related"_s, [this](const QString &idText, const HttpRequest &request) {
        if (request.method() != Method::Get)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        const qint64 id = parsePathId(idText);
        return HttpReply::onPool(m_context.pool,
                                 [this, id, data = HttpRequestData::from(request)] { return related(data, id); });
    });
    server.route(u"/api/v1/regions"_s, [this](const HttpRequest &request) {
        if (request.method() != Method::Get)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        return HttpReply::onPool(m_context.pool, [this, data = HttpRequestData::from(request),
                                                  snapshot = regionSnapshot(m_context)] {
            return regions(data, snapshot);
        });
    });
    server.route(u"/api/v1/agents"_s, [this](const HttpRequest &request) {
        if (request.method() != Method::Get)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        return HttpReply::onPool(m_context.pool, [this, data = HttpRequestData::from(request)] { return agents(data); });
    });
}

std::optional<Principal> ActionController::authorize(const ServiceContext &context, const HttpRequestData &request,
                                                    std::optional<HttpResponse> *refusal)
{
    auto principal = AgentGate::check(*context.auth, request, refusal);
    if (!principal)
        return std::nullopt;
    if (principal->role == Role::Trainer)
        refusal->emplace(HttpReply::error(Status::Forbidden, u"forbidden"_s, u"trainers cannot act on tickets"_s));
    else if (request.idempotencyKey.isEmpty())
        refusal->emplace(HttpReply::error(Status::BadRequest, u"missing_idempotency_key"_s,
                                          u"an Idempotency-Key header is required"_s));
    else if (request.idempotencyKey.size() > kMaxKey)
        refusal->emplace(HttpReply::error(Status::BadRequest, u"invalid_idempotency_key"_s,
                                          u"the Idempotency-Key is longer than %1 bytes"_s.arg(kMaxKey)));
    if (*refusal)
        return std::nullopt;
    return principal;
}

std::optional<QJsonObject> ActionController::readInput(const ServiceContext &context, ActionVerb verb,
                                                       const QByteArray &raw, const QList<RegionStatus> &regions,
                                                       std::optional<HttpResponse> *refusal)
{
    QJsonObject body;
    if (!raw.trimmed().isEmpty()) {
        const auto json = parseJsonObject(raw);
        if (!json.ok()) {
            refusal->emplace(HttpReply::error(Status::BadRequest, u"bad_json"_s, json.error().message));
            return std::nullopt;
        }
        body = json.value();
    }
    std::optional<HttpResponse> &bad = *refusal;
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
            const auto user = context.auth->findUser(assignee, &error);
            if (!error.isEmpty()) {
                bad = HttpReply::internal(u"cannot look up the assignee: %1"_s.arg(error));
                break;
            }
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
    if (!bad && verb == ActionVerb::Reply)
        bad = checkKbArticles(body, context.kb);
    if (bad)
        return std::nullopt;
    const bool gateway = verb == ActionVerb::Resend || verb == ActionVerb::Reroute || verb == ActionVerb::Reply;
    if (gateway && !context.dispatcher) {
        bad = HttpReply::error(Status::ServiceUnavailable, u"no_gateway"_s,
                               u"no IM gateway is configured, so the service cannot send"_s);
        return std::nullopt;
    }
    return body;
}

std::optional<ActionAnswer> ActionController::perform(const ServiceContext &context, const ActionCall &call,
                                                      QString *error)
{
    auto answer = context.actions->perform(call, error);
    if (!answer)
        return std::nullopt;
    if (answer->seq > 0)
        context.hub->ticketChanged(answer->ticketId, answer->seq);
    if (answer->outbox)
        context.dispatcher->wake();
    // Usage feedback: the KB articles the reply quoted (validated by readInput), once per reply.
    const QJsonArray kbArticles = call.input.value("kb_articles"_L1).toArray();
    if (call.verb == ActionVerb::Reply && !kbArticles.isEmpty() && context.kb && answer->status == 202
        && !answer->replayed) {
        QStringList ids;
        for (const QJsonValue &v : kbArticles)
            ids.append(v.toString());
        QString kbError;
        if (!context.kb->recordUsage(answer->ticketId, answer->body.value("action_id"_L1).toInteger(), ids, call.actor,
                                     &kbError))
            qCWarning(lcServer) << "cannot record knowledge base usage:" << kbError;
    }
    if (answer->status < 300 && !answer->replayed)
        qCInfo(lcServer) << call.actor << toWire(call.verb) << "ticket" << call.ticketId << "seq" << answer->seq;
    return answer;
}

HttpResponse ActionController::act(const HttpRequestData &request, ActionVerb verb, qint64 id,
                                          const QList<RegionStatus> &regions) const
{
    std::optional<HttpResponse> refusal;
    const auto principal = authorize(m_context, request, &refusal);
    if (!principal)
        return std::move(*refusal);
    if (id <= 0)
        return HttpReply::notFound(u"no such ticket"_s);
    const auto body = readInput(m_context, verb, request.body, regions, &refusal);
    if (!body)
        return std::move(*refusal);

    const ActionCall call{verb, principal->username, QString::fromLatin1(request.idempotencyKey), id, *body};
    QString error;
    const auto answer = perform(m_context, call, &error);
    if (!answer)
        return HttpReply::internal(u"cannot %1 the ticket: %2"_s.arg(toWire(verb), error));
    HttpResponse response(answer->body, Status(answer->status));
    if (answer->replayed)
        response.addHeader("Idempotent-Replayed", "true");
    return response;
}

HttpResponse ActionController::related(const HttpRequestData &request, qint64 id) const
{
    std::optional<HttpResponse> refusal;
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

HttpResponse ActionController::regions(const HttpRequestData &request, const QList<RegionStatus> &regions) const
{
    std::optional<HttpResponse> refusal;
    if (!AgentGate::check(*m_context.auth, request, &refusal))
        return std::move(*refusal);
    QJsonArray array;
    for (const RegionStatus &r : regions)
        array.append(encodeRegion(r));
    return HttpResponse(array);
}

HttpResponse ActionController::agents(const HttpRequestData &request) const
{
    std::optional<HttpResponse> refusal;
    if (!AgentGate::check(*m_context.auth, request, &refusal))
        return std::move(*refusal);
    QString error;
    const auto agents = m_context.auth->assignableAgents(&error);
    if (!agents)
        return HttpReply::internal(u"cannot list the agents: %1"_s.arg(error));
    return HttpResponse(encodeAssignableAgents(*agents));
}

} // namespace relaydesk::server

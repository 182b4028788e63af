#include "server/IncidentController.h"

#include "server/ActionController.h"
#include "server/AgentGate.h"
#include "server/HttpReply.h"
#include "server/HttpRequestData.h"
#include "server/IncidentBulk.h"
#include "server/IncidentStore.h"
#include "server/OutboxDispatcher.h"

#include "server/http/Router.h"
#include <QJsonArray>

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using Method = HttpMethod;
using Status = HttpReply::Status;

IncidentController::IncidentController(const ServiceContext &context) : m_context(context) {}

void IncidentController::registerRoutes(Router &server)
{
    static const QList<std::pair<QString, ActionVerb>> verbs{{u"resend"_s, ActionVerb::Resend},
                                                             {u"reroute"_s, ActionVerb::Reroute},
                                                             {u"reply"_s, ActionVerb::Reply}};
    // Most specific first: the router takes the first rule that matches.
    for (const auto &[name, verb] : verbs) {
        server.route(u"/api/v1/incidents/<arg>/"_s + name,
                     [this, verb](const QString &id, const HttpRequest &request) {
                         if (request.method() != Method::Post)
                             return HttpReply::ready(HttpReply::methodNotAllowed());
                         const bool regional = verb == ActionVerb::Resend || verb == ActionVerb::Reroute;
                         return IncidentBulk::start(m_context, HttpRequestData::from(request), verb, id,
                                                    regional ? ActionController::regionSnapshot(m_context)
                                                             : QList<RegionStatus>());
                     });
    }
    server.route(u"/api/v1/incidents/<arg>"_s, [this](const QString &id, const HttpRequest &request) {
        if (request.method() != Method::Get)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        return HttpReply::onPool(
            m_context.pool, [this, id, data = HttpRequestData::from(request)] { return incident(data, id); });
    });
    server.route(u"/api/v1/incidents"_s, [this](const HttpRequest &request) {
        if (request.method() != Method::Get)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        return HttpReply::onPool(m_context.pool,
                                 [this, data = HttpRequestData::from(request)] { return list(data); });
    });
}

HttpResponse IncidentController::list(const HttpRequestData &request) const
{
    std::optional<HttpResponse> refusal;
    if (!AgentGate::check(*m_context.auth, request, &refusal))
        return std::move(*refusal);
    const QString state = request.query.hasQueryItem(u"state"_s)
                              ? request.query.queryItemValue(u"state"_s, QUrl::FullyDecoded)
                              : u"open"_s;
    if (state != "open"_L1 && state != "resolved"_L1 && state != "all"_L1)
        return HttpReply::error(Status::BadRequest, u"invalid_parameter"_s,
                                u"state must be open, resolved or all"_s, u"state"_s);
    QString error;
    const auto incidents = m_context.incidents->list(&error);
    if (!incidents)
        return HttpReply::internal(u"cannot list incidents: %1"_s.arg(error));
    QJsonArray array;
    for (const Incident &i : *incidents) {
        if (state == "all"_L1 || (state == "open"_L1) == i.isOpen())
            array.append(encodeIncident(i));
    }
    return HttpReply::json({{"incidents"_L1, array}, {"window_ms"_L1, m_context.incidents->windowMs()}});
}

HttpResponse IncidentController::incident(const HttpRequestData &request, const QString &id) const
{
    std::optional<HttpResponse> refusal;
    if (!AgentGate::check(*m_context.auth, request, &refusal))
        return std::move(*refusal);
    QString error;
    const auto found = m_context.incidents->find(id, &error);
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot read the incident: %1"_s.arg(error));
    if (!found)
        return HttpReply::notFound(u"no such incident"_s);
    return HttpReply::json(encodeIncident(*found));
}

} // namespace relaydesk::server

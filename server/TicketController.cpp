#include "server/TicketController.h"

#include "core/TicketCodec.h"
#include "server/AgentGate.h"
#include "server/ByteRange.h"
#include "server/HttpReply.h"
#include "server/HttpRequestData.h"
#include "server/TicketStore.h"

#include "server/http/Router.h"
#include <QJsonArray>

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using Method = HttpMethod;
using Status = HttpReply::Status;

namespace {

std::optional<qint64> queryInt(const QUrlQuery &query, const QString &key, qint64 fallback, qint64 min, qint64 max)
{
    if (!query.hasQueryItem(key))
        return fallback;
    const QString text = query.queryItemValue(key, QUrl::FullyDecoded);
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

} // namespace

TicketController::TicketController(const ServiceContext &context) : m_context(context) {}

void TicketController::registerRoutes(Router &server)
{
    using Handler = HttpResponse (TicketController::*)(const HttpRequestData &, qint64) const;
    const auto routeWithId = [this, &server](const QString &path, Handler handler) {
        server.route(path, [this, handler](const QString &idText, const HttpRequest &request) {
            if (request.method() != Method::Get)
                return HttpReply::ready(HttpReply::methodNotAllowed());
            const qint64 id = parsePathId(idText);
            return HttpReply::onPool(m_context.pool, [this, handler, id, data = HttpRequestData::from(request)] {
                return data.clientGone() ? HttpReply::clientGone() : (this->*handler)(data, id);
            });
        });
    };
    // Most specific first: the router takes the first rule that matches.
    routeWithId(u"/api/v1/tickets/<arg>/log"_s, &TicketController::log);
    routeWithId(u"/api/v1/tickets/<arg>/events"_s, &TicketController::events);
    routeWithId(u"/api/v1/tickets/<arg>"_s, &TicketController::ticket);
    server.route(u"/api/v1/tickets"_s, [this](const HttpRequest &request) {
        if (request.method() != Method::Get)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        return HttpReply::onPool(m_context.pool, [this, data = HttpRequestData::from(request)] {
            return data.clientGone() ? HttpReply::clientGone() : list(data);
        });
    });
}

HttpResponse TicketController::list(const HttpRequestData &request) const
{
    std::optional<HttpResponse> refusal;
    if (!AgentGate::check(*m_context.auth, request, &refusal))
        return std::move(*refusal);
    const auto since = queryInt(request.query, u"since"_s, 0, 0, std::numeric_limits<qint64>::max());
    if (!since)
        return HttpReply::error(Status::BadRequest, u"invalid_parameter"_s, u"since must be an integer >= 0"_s,
                                u"since"_s);
    const auto limit = queryInt(request.query, u"limit"_s, 100, 1, 500);
    if (!limit)
        return HttpReply::error(Status::BadRequest, u"invalid_parameter"_s, u"limit must be an integer 1-500"_s,
                                u"limit"_s);
    QString error;
    QList<QByteArray> diagnoses;
    const auto page = m_context.tickets->changedSince(*since, int(*limit), &error, &diagnoses);
    if (!page)
        return HttpReply::internal(u"cannot list tickets: %1"_s.arg(error));
    // The stored diagnoses go out as stored: parsing and rebuilding them was most of a page's cost.
    return HttpResponse("application/json", encodeTicketPageJson(*page, diagnoses));
}

HttpResponse TicketController::ticket(const HttpRequestData &request, qint64 id) const
{
    std::optional<HttpResponse> refusal;
    if (!AgentGate::check(*m_context.auth, request, &refusal))
        return std::move(*refusal);
    QString error;
    const auto ticket = id > 0 ? m_context.tickets->ticket(id, &error) : std::nullopt;
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot read the ticket: %1"_s.arg(error));
    if (!ticket)
        return HttpReply::notFound(u"no such ticket"_s);
    return HttpReply::json(encodeTicket(*ticket));
}

HttpResponse TicketController::log(const HttpRequestData &request, qint64 id) const
{
    std::optional<HttpResponse> refusal;
    if (!AgentGate::check(*m_context.auth, request, &refusal))
        return std::move(*refusal);
    QString error;
    const auto size = id > 0 ? m_context.tickets->logSize(id, &error) : std::nullopt;
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot read the log: %1"_s.arg(error));
    if (!size)
        return HttpReply::notFound(u"no such ticket"_s);

    static const QByteArray kMime = "text/plain; charset=utf-8";
    ByteRange range{0, *size - 1};
    const bool partial = !request.range.isEmpty();
    if (partial) {
        const auto parsed = ByteRange::parse(request.range, *size);
        if (!parsed) {
            HttpResponse response = HttpReply::error(Status::RequestRangeNotSatisfiable,
                                                            u"range_not_satisfiable"_s,
                                                            u"the range cannot be served from %1 bytes"_s.arg(*size));
            response.addHeader("Content-Range", "bytes */" + QByteArray::number(*size));
            response.addHeader("Accept-Ranges", "bytes");
            return response;
        }
        range = *parsed;
    }
    auto bytes = m_context.tickets->logBytes(id, range.first, *size == 0 ? 0 : range.length(), &error);
    if (!bytes)
        return HttpReply::internal(u"cannot read the log: %1"_s.arg(error));
    HttpResponse response(kMime, std::move(*bytes), partial ? Status::PartialContent : Status::Ok);
    response.addHeader("Accept-Ranges", "bytes");
    if (partial)
        response.addHeader("Content-Range", "bytes " + QByteArray::number(range.first) + '-'
                                                + QByteArray::number(range.last) + '/' + QByteArray::number(*size));
    return response;
}

HttpResponse TicketController::events(const HttpRequestData &request, qint64 id) const
{
    std::optional<HttpResponse> refusal;
    if (!AgentGate::check(*m_context.auth, request, &refusal))
        return std::move(*refusal);
    QString error;
    const bool exists = id > 0 && m_context.tickets->exists(id, &error);
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot read the ticket: %1"_s.arg(error));
    if (!exists)
        return HttpReply::notFound(u"no such ticket"_s);
    const auto events = m_context.tickets->events(id, &error);
    if (!events)
        return HttpReply::internal(u"cannot read the events: %1"_s.arg(error));
    QJsonArray array;
    for (const TicketEvent &event : *events)
        array.append(encodeTicketEvent(event));
    return HttpReply::json({{"events"_L1, array}});
}

} // namespace relaydesk::server

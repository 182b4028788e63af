#include "ApiClient.h"

#include "core/JsonReader.h"
#include "core/ReportCodec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include <limits>

namespace relaydesk::models {

using namespace Qt::StringLiterals;

ApiClient::ApiClient(QNetworkAccessManager *network, QUrl baseUrl, QObject *parent)
    : QObject(parent), m_network(network), m_baseUrl(std::move(baseUrl))
{
}

QUrl ApiClient::url(const QString &path) const
{
    QUrl u = m_baseUrl;
    QString base = u.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    u.setPath(base + u"/api/v1"_s + path);
    return u;
}

QUrl ApiClient::streamUrl() const
{
    QUrl u = url(u"/stream"_s);
    u.setScheme(m_baseUrl.scheme() == "https"_L1 ? u"wss"_s : u"ws"_s);
    return u;
}

static QNetworkRequest makeRequest(const QUrl &url, const QString &token, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    // Never follow redirects: a redirect from the API is a misconfiguration, and following it could
    // send the bearer token somewhere else.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"relaydesk/" RELAYDESK_VERSION ""_s);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    return request;
}

QNetworkReply *ApiClient::get(const QString &path, const QList<std::pair<QString, QString>> &query)
{
    QUrl u = url(path);
    if (!query.isEmpty()) {
        QUrlQuery q;
        for (const auto &[k, v] : query)
            q.addQueryItem(k, v);
        u.setQuery(q);
    }
    return m_network->get(makeRequest(u, m_token, m_timeoutMs));
}

QNetworkReply *ApiClient::postJson(const QString &path, const QJsonObject &body, const QString &idempotencyKey)
{
    QNetworkRequest request = makeRequest(url(path), m_token, m_timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey.toUtf8());
    return m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ApiError ApiClient::errorFromReply(QNetworkReply *reply, const QByteArray &body)
{
    ApiError e;
    e.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (e.httpStatus == 0) {
        switch (reply->error()) {
        case QNetworkReply::NoError:
            e.kind = ApiError::Kind::Protocol;
            e.message = QCoreApplication::translate("ApiClient", "The service sent no HTTP status.");
            return e;
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            e.kind = ApiError::Kind::Timeout;
            e.message = QCoreApplication::translate("ApiClient", "The service did not answer in time.");
            return e;
        default:
            e.kind = ApiError::Kind::Network;
            e.message = QCoreApplication::translate("ApiClient", "Cannot reach the service: %1")
                            .arg(reply->errorString());
            return e;
        }
    }
    if (e.httpStatus >= 200 && e.httpStatus < 300)
        return e;
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    const QJsonObject error = answer.value("error"_L1).toObject();
    e.code = error.value("code"_L1).toString();
    e.field = error.value("field"_L1).toString();
    e.holder = answer.value("holder"_L1).toString(error.value("holder"_L1).toString());
    const QString serverMessage = error.value("message"_L1).toString().left(500);
    const QString detail = serverMessage.isEmpty() ? reply->errorString() : serverMessage;
    if (e.httpStatus == 401) {
        e.kind = ApiError::Kind::Unauthorized;
        e.message = e.code == "invalid_credentials"_L1
                        ? QCoreApplication::translate("ApiClient", "Wrong user name or password.")
                        : QCoreApplication::translate("ApiClient", "Your session has expired. Please sign in again.");
    } else if (e.httpStatus >= 500) {
        e.kind = ApiError::Kind::Server;
        e.message = QCoreApplication::translate("ApiClient", "The service failed (HTTP %1): %2")
                        .arg(e.httpStatus).arg(detail);
    } else if (e.httpStatus >= 300 && e.httpStatus < 400) {
        e.kind = ApiError::Kind::Protocol;
        e.message = QCoreApplication::translate("ApiClient", "The service redirected to another address; "
                                                             "check the server URL.");
    } else {
        e.kind = ApiError::Kind::Client;
        if (e.code == "claimed_by_other"_L1)
            e.message = QCoreApplication::translate("ApiClient", "%1 is working on this ticket.").arg(e.holder);
        else if (e.code == "not_claimed"_L1)
            e.message = QCoreApplication::translate("ApiClient", "Claim the ticket before acting on it.");
        else if (e.code == "invalid_status"_L1)
            e.message = QCoreApplication::translate("ApiClient", "The ticket's status does not allow this: %1")
                            .arg(detail);
        else if (e.code == "forbidden"_L1)
            e.message = QCoreApplication::translate("ApiClient", "Your role does not allow this action.");
        else if (e.code == "region_unavailable"_L1)
            e.message = QCoreApplication::translate("ApiClient", "That region is down; choose another one.");
        else
            e.message = QCoreApplication::translate("ApiClient", "The service refused the request (HTTP %1): %2")
                            .arg(e.httpStatus).arg(detail);
    }
    return e;
}

void ApiClient::handle(QNetworkReply *reply,
                       std::function<void(QNetworkReply *, const QByteArray &, const ApiError &)> done)
{
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        const ApiError error = errorFromReply(reply, body);
        if (error.kind == ApiError::Kind::Unauthorized && error.code != "invalid_credentials"_L1)
            emit unauthorized();
        done(reply, body, error);
    });
}

namespace {
template <typename T> ApiResult<T> protocolError(const DecodeError &error)
{
    ApiResult<T> r;
    r.error.kind = ApiError::Kind::Protocol;
    r.error.message = QCoreApplication::translate("ApiClient", "The service sent an answer this console "
                                                               "does not understand: %1")
                          .arg(error.toString());
    return r;
}

template <typename T, typename Decode>
void decodeJson(const QByteArray &body, const ApiError &error, Decode decode,
                const std::function<void(ApiResult<T>)> &done)
{
    if (error.kind != ApiError::Kind::None)
        return done(ApiResult<T>{std::nullopt, error});
    const auto json = parseJsonObject(body);
    if (!json.ok())
        return done(protocolError<T>(json.error()));
    Decoded<T> decoded = decode(json.value());
    if (!decoded.ok())
        return done(protocolError<T>(decoded.error()));
    done(ApiResult<T>{std::move(decoded).value(), {}});
}

Decoded<Session> decodeSession(const QJsonObject &json, const QString &token)
{
    JsonReader r(json);
    Session s;
    s.username = r.requiredString("username"_L1, 256);
    s.role = r.requiredEnum<Role>("role"_L1);
    s.token = token.isEmpty() ? r.requiredString("token"_L1, 1024) : token;
    if (!r.ok())
        return r.error();
    return s;
}
Decoded<ActionStatus> decodeActionStatus(const QJsonObject &json)
{
    JsonReader r(json);
    ActionStatus a;
    a.actionId = r.requiredInt("action_id"_L1, 1, std::numeric_limits<qint64>::max());
    a.ticketId = r.optionalInt("ticket_id"_L1, 0, std::numeric_limits<qint64>::max(), 0);
    a.status = r.requiredString("status"_L1, 32);
    a.coalesced = json.value("coalesced"_L1).toBool();
    if (!r.ok())
        return r.error();
    return a;
}

Decoded<QList<Ticket>> decodeTicketList(const QJsonObject &json)
{
    QList<Ticket> list;
    const QJsonArray array = json.value("tickets"_L1).toArray();
    for (const QJsonValue &v : array) {
        auto t = decodeTicket(v.toObject());
        if (!t.ok())
            return t.error();
        list.append(std::move(t).value());
    }
    return list;
}

Decoded<QList<RegionState>> decodeRegions(const QJsonArray &array)
{
    QList<RegionState> list;
    for (const QJsonValue &v : array) {
        JsonReader r(v.toObject());
        RegionState s;
        s.region = r.requiredString("region"_L1, 64);
        s.state = r.requiredString("state"_L1, 16);
        s.circuit = r.requiredString("circuit"_L1, 16);
        s.retryAfterMs = r.optionalInt("retry_after_ms"_L1, 0, std::numeric_limits<qint64>::max(), 0);
        if (!r.ok())
            return r.error();
        list.append(std::move(s));
    }
    return list;
}
} // namespace

void ApiClient::login(const QString &username, const QString &password, std::function<void(ApiResult<Session>)> done)
{
    QNetworkReply *reply = postJson(u"/auth/login"_s, {{"username"_L1, username}, {"password"_L1, password}});
    handle(reply, [this, done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
        decodeJson<Session>(body, error, [](const QJsonObject &o) { return decodeSession(o, {}); },
                            [this, &done](ApiResult<Session> r) {
                                if (r.ok())
                                    m_token = r.value->token;
                                done(std::move(r));
                            });
    });
}

void ApiClient::fetchMe(std::function<void(ApiResult<Session>)> done)
{
    handle(get(u"/me"_s), [this, done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
        decodeJson<Session>(body, error, [this](const QJsonObject &o) { return decodeSession(o, m_token); }, done);
    });
}

void ApiClient::logout(std::function<void(ApiResult<bool>)> done)
{
    handle(postJson(u"/auth/logout"_s, {}), [done = std::move(done)](QNetworkReply *, const QByteArray &, const ApiError &error) {
        if (error.kind != ApiError::Kind::None)
            return done(ApiResult<bool>{std::nullopt, error});
        done(ApiResult<bool>{true, {}});
    });
}

void ApiClient::fetchTickets(qint64 since, int limit, std::function<void(ApiResult<TicketPage>)> done)
{
    QNetworkReply *reply =
        get(u"/tickets"_s, {{u"since"_s, QString::number(since)}, {u"limit"_s, QString::number(limit)}});
    handle(reply, [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
        decodeJson<TicketPage>(body, error, decodeTicketPage, done);
    });
}

void ApiClient::fetchEvents(qint64 ticketId, std::function<void(ApiResult<QList<TicketEvent>>)> done)
{
    handle(get(u"/tickets/%1/events"_s.arg(ticketId)),
           [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
               decodeJson<QList<TicketEvent>>(body, error, decodeTicketEvents, done);
           });
}

void ApiClient::fetchLog(qint64 ticketId, std::function<void(ApiResult<QByteArray>)> done)
{
    handle(get(u"/tickets/%1/log"_s.arg(ticketId)),
           [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
               if (error.kind != ApiError::Kind::None)
                   return done(ApiResult<QByteArray>{std::nullopt, error});
               done(ApiResult<QByteArray>{body, {}});
           });
}

void ApiClient::ticketAction(qint64 ticketId, const QString &verb, const QString &key, const QJsonObject &body,
                             std::function<void(ApiResult<Ticket>)> done)
{
    handle(postJson(u"/tickets/%1/%2"_s.arg(ticketId).arg(verb), body, key),
           [done = std::move(done)](QNetworkReply *, const QByteArray &answer, const ApiError &error) {
               decodeJson<Ticket>(answer, error, decodeTicket, done);
           });
}

void ApiClient::gatewayAction(qint64 ticketId, const QString &verb, const QString &key, const QJsonObject &body,
                              std::function<void(ApiResult<ActionStatus>)> done)
{
    handle(postJson(u"/tickets/%1/%2"_s.arg(ticketId).arg(verb), body, key),
           [done = std::move(done)](QNetworkReply *, const QByteArray &answer, const ApiError &error) {
               decodeJson<ActionStatus>(answer, error, decodeActionStatus, done);
           });
}

void ApiClient::claim(qint64 ticketId, const QString &key, std::function<void(ApiResult<Ticket>)> done)
{
    ticketAction(ticketId, u"claim"_s, key, {}, std::move(done));
}

void ApiClient::release(qint64 ticketId, const QString &key, std::function<void(ApiResult<Ticket>)> done)
{
    ticketAction(ticketId, u"release"_s, key, {}, std::move(done));
}

void ApiClient::resend(qint64 ticketId, const QString &key, std::optional<QString> region,
                       std::function<void(ApiResult<ActionStatus>)> done)
{
    QJsonObject body;
    if (region && !region->isEmpty())
        body.insert("region"_L1, *region);
    gatewayAction(ticketId, u"resend"_s, key, body, std::move(done));
}

void ApiClient::reroute(qint64 ticketId, const QString &key, const QString &region,
                        std::function<void(ApiResult<ActionStatus>)> done)
{
    gatewayAction(ticketId, u"reroute"_s, key, {{"region"_L1, region}}, std::move(done));
}

void ApiClient::reply(qint64 ticketId, const QString &key, const QString &locale, const QString &title,
                      const QString &body, std::function<void(ApiResult<ActionStatus>)> done)
{
    gatewayAction(ticketId, u"reply"_s, key, {{"locale"_L1, locale}, {"title"_L1, title}, {"body"_L1, body}},
                  std::move(done));
}

void ApiClient::transfer(qint64 ticketId, const QString &key, std::optional<QString> queue,
                         std::optional<QString> assignee, std::function<void(ApiResult<Ticket>)> done)
{
    QJsonObject body;
    if (queue)
        body.insert("queue"_L1, *queue);
    if (assignee)
        body.insert("assignee"_L1, *assignee);
    ticketAction(ticketId, u"transfer"_s, key, body, std::move(done));
}

void ApiClient::note(qint64 ticketId, const QString &key, const QString &text, std::function<void(ApiResult<Ticket>)> done)
{
    ticketAction(ticketId, u"note"_s, key, {{"text"_L1, text}}, std::move(done));
}

void ApiClient::resolve(qint64 ticketId, const QString &key, const QString &resolution,
                        std::function<void(ApiResult<Ticket>)> done)
{
    ticketAction(ticketId, u"resolve"_s, key, {{"resolution"_L1, resolution}}, std::move(done));
}

void ApiClient::reopen(qint64 ticketId, const QString &key, const QString &reason,
                       std::function<void(ApiResult<Ticket>)> done)
{
    QJsonObject body;
    if (!reason.isEmpty())
        body.insert("reason"_L1, reason);
    ticketAction(ticketId, u"reopen"_s, key, body, std::move(done));
}

void ApiClient::fetchRegions(std::function<void(ApiResult<QList<RegionState>>)> done)
{
    handle(get(u"/regions"_s), [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
        using Result = ApiResult<QList<RegionState>>;
        if (error.kind != ApiError::Kind::None)
            return done(Result{std::nullopt, error});
        QJsonParseError parse;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parse);
        if (!document.isArray())
            return done(protocolError<QList<RegionState>>(DecodeError{{}, u"expected a JSON array"_s}));
        auto decoded = decodeRegions(document.array());
        if (!decoded.ok())
            return done(protocolError<QList<RegionState>>(decoded.error()));
        done(Result{std::move(decoded).value(), {}});
    });
}

void ApiClient::fetchRelated(qint64 ticketId, std::function<void(ApiResult<QList<Ticket>>)> done)
{
    handle(get(u"/tickets/%1/related"_s.arg(ticketId)),
           [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
               decodeJson<QList<Ticket>>(body, error, decodeTicketList, done);
           });
}

} // namespace relaydesk::models

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

QNetworkReply *ApiClient::sendJson(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    QNetworkRequest request = makeRequest(url(path), m_token, m_timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    return m_network->sendCustomRequest(request, verb, QJsonDocument(body).toJson(QJsonDocument::Compact));
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
        else if (e.code == "version_conflict"_L1)
            e.message = QCoreApplication::translate("ApiClient", "Someone else changed this article after you opened "
                                                                 "it: %1").arg(detail);
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
Decoded<QList<KbVersionInfo>> decodeKbVersions(const QJsonObject &json)
{
    QList<KbVersionInfo> list;
    const QJsonValue versions = json.value("versions"_L1);
    if (!versions.isArray())
        return DecodeError{u"versions"_s, u"must be an array"_s};
    const QJsonArray array = versions.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        JsonReader r(array.at(i).toObject());
        KbVersionInfo v;
        v.version = int(r.requiredInt("version"_L1, 1, std::numeric_limits<int>::max()));
        v.author = r.requiredString("author"_L1, 256, true);
        const QDateTime at = r.requiredTime("at"_L1);
        v.atMs = at.isValid() ? at.toMSecsSinceEpoch() : 0;
        const QString status = r.requiredString("status"_L1, 16);
        v.title = r.requiredString("title"_L1, 1000, true);
        const auto parsed = kb::statusFromWire(status);
        if (r.ok() && !parsed)
            r.fail("status"_L1, u"unknown status"_s);
        if (!r.ok()) {
            DecodeError e = r.error();
            e.path = u"versions[%1].%2"_s.arg(i).arg(e.path);
            return e;
        }
        v.status = *parsed;
        list.append(std::move(v));
    }
    return list;
}

Decoded<QList<kb::DiffHunk>> decodeHunks(const QJsonValue &value, const QString &where)
{
    if (!value.isArray())
        return DecodeError{where, u"must be an array"_s};
    QList<kb::DiffHunk> hunks;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        const QString op = o.value("op"_L1).toString();
        kb::DiffHunk h;
        if (op == "equal"_L1)
            h.op = kb::DiffHunk::Op::Equal;
        else if (op == "insert"_L1)
            h.op = kb::DiffHunk::Op::Insert;
        else if (op == "delete"_L1)
            h.op = kb::DiffHunk::Op::Delete;
        else
            return DecodeError{u"%1[%2].op"_s.arg(where).arg(i), u"must be equal, insert or delete"_s};
        const QJsonValue lines = o.value("lines"_L1);
        if (!lines.isArray())
            return DecodeError{u"%1[%2].lines"_s.arg(where).arg(i), u"must be an array of strings"_s};
        for (const QJsonValue &line : lines.toArray())
            h.lines.append(line.toString());
        hunks.append(std::move(h));
    }
    return hunks;
}

QString compactJson(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

Decoded<KbDiff> decodeKbDiff(const QJsonObject &json)
{
    JsonReader r(json);
    KbDiff d;
    d.from = int(r.requiredInt("from"_L1, 1, std::numeric_limits<int>::max()));
    d.to = int(r.requiredInt("to"_L1, 1, std::numeric_limits<int>::max()));
    if (!r.ok())
        return r.error();
    auto title = decodeHunks(json.value("title"_L1), u"title"_s);
    if (!title.ok())
        return title.error();
    auto body = decodeHunks(json.value("body"_L1), u"body"_s);
    if (!body.ok())
        return body.error();
    d.title = std::move(title).value();
    d.body = std::move(body).value();
    for (const QJsonValue &v : json.value("fields"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        d.fields.append({o.value("field"_L1).toString(), compactJson(o.value("from"_L1)), compactJson(o.value("to"_L1))});
    }
    return d;
}

Decoded<QList<KbUsageCount>> decodeKbUsage(const QJsonObject &json)
{
    const QJsonValue articles = json.value("articles"_L1);
    if (!articles.isArray())
        return DecodeError{u"articles"_s, u"must be an array"_s};
    QList<KbUsageCount> list;
    const QJsonArray array = articles.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        JsonReader r(array.at(i).toObject());
        KbUsageCount u;
        u.id = r.requiredString("id"_L1, 128);
        u.title = r.requiredString("title"_L1, 1000, true);
        u.inserted = int(r.requiredInt("inserted"_L1, 0, std::numeric_limits<int>::max()));
        u.resolved = int(r.requiredInt("resolved"_L1, 0, std::numeric_limits<int>::max()));
        if (!r.ok()) {
            DecodeError e = r.error();
            e.path = u"articles[%1].%2"_s.arg(i).arg(e.path);
            return e;
        }
        list.append(std::move(u));
    }
    return list;
}

QString kbPath(const QString &id, const QString &rest = {})
{
    return u"/kb/articles/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)) + rest;
}

QJsonObject baseBody(int baseVersion)
{
    QJsonObject body;
    if (baseVersion > 0)
        body.insert("base_version"_L1, baseVersion);
    return body;
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
                      const QString &body, std::function<void(ApiResult<ActionStatus>)> done,
                      const QStringList &kbArticles)
{
    QJsonObject json{{"locale"_L1, locale}, {"title"_L1, title}, {"body"_L1, body}};
    if (!kbArticles.isEmpty())
        json.insert("kb_articles"_L1, QJsonArray::fromStringList(kbArticles));
    gatewayAction(ticketId, u"reply"_s, key, json, std::move(done));
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

void ApiClient::fetchAssignableAgents(std::function<void(ApiResult<QList<AssignableAgent>>)> done)
{
    handle(get(u"/agents"_s), [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
        decodeJson<QList<AssignableAgent>>(body, error, decodeAssignableAgents, done);
    });
}

void ApiClient::getObject(const QString &path, const QList<std::pair<QString, QString>> &query,
                          std::function<void(ApiResult<QJsonObject>)> done)
{
    handle(get(path, query), [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
        decodeJson<QJsonObject>(body, error, [](const QJsonObject &o) { return Decoded<QJsonObject>(o); }, done);
    });
}

void ApiClient::postObject(const QString &path, const QJsonObject &body, const QString &idempotencyKey,
                           std::function<void(ApiResult<QJsonObject>)> done)
{
    handle(postJson(path, body, idempotencyKey),
           [done = std::move(done)](QNetworkReply *, const QByteArray &answer, const ApiError &error) {
               decodeJson<QJsonObject>(answer, error, [](const QJsonObject &o) { return Decoded<QJsonObject>(o); },
                                       done);
           });
}

void ApiClient::fetchRelated(qint64 ticketId, std::function<void(ApiResult<QList<Ticket>>)> done)
{
    handle(get(u"/tickets/%1/related"_s.arg(ticketId)),
           [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
               decodeJson<QList<Ticket>>(body, error, decodeTicketList, done);
           });
}

void ApiClient::fetchKbArticles(qint64 since, int limit, bool includeDrafts,
                                std::function<void(ApiResult<kb::ArticlePage>)> done)
{
    QList<std::pair<QString, QString>> query{{u"since"_s, QString::number(since)}, {u"limit"_s, QString::number(limit)}};
    if (includeDrafts)
        query.append({u"include_drafts"_s, u"1"_s});
    handle(get(u"/kb/articles"_s, query),
           [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
               decodeJson<kb::ArticlePage>(body, error, kb::decodeArticlePage, done);
           });
}

void ApiClient::fetchKbArticle(const QString &id, std::function<void(ApiResult<kb::ArticleRecord>)> done)
{
    kbWrite(get(kbPath(id)), std::move(done));
}

void ApiClient::kbWrite(QNetworkReply *reply, std::function<void(ApiResult<kb::ArticleRecord>)> done)
{
    handle(reply, [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
        decodeJson<kb::ArticleRecord>(body, error, kb::decodeArticleRecord, done);
    });
}

void ApiClient::createKbArticle(const kb::Article &article, std::function<void(ApiResult<kb::ArticleRecord>)> done)
{
    QJsonObject body = kb::encodeArticle(article);
    for (const auto key : {"version"_L1, "author"_L1, "updated_at"_L1})
        body.remove(key);
    kbWrite(postJson(u"/kb/articles"_s, body), std::move(done));
}

void ApiClient::updateKbArticle(const kb::Article &article, int baseVersion,
                                std::function<void(ApiResult<kb::ArticleRecord>)> done)
{
    QJsonObject body = kb::encodeArticle(article);
    for (const auto key : {"version"_L1, "author"_L1, "updated_at"_L1})
        body.remove(key);
    body.insert("base_version"_L1, baseVersion);
    kbWrite(sendJson("PUT", kbPath(article.id), body), std::move(done));
}

void ApiClient::publishKbArticle(const QString &id, int baseVersion, std::function<void(ApiResult<kb::ArticleRecord>)> done)
{
    kbWrite(postJson(kbPath(id, u"/publish"_s), baseBody(baseVersion)), std::move(done));
}

void ApiClient::archiveKbArticle(const QString &id, int baseVersion, std::function<void(ApiResult<kb::ArticleRecord>)> done)
{
    kbWrite(postJson(kbPath(id, u"/archive"_s), baseBody(baseVersion)), std::move(done));
}

void ApiClient::deleteKbArticle(const QString &id, int baseVersion, std::function<void(ApiResult<kb::ArticleRecord>)> done)
{
    kbWrite(sendJson("DELETE", kbPath(id), baseBody(baseVersion)), std::move(done));
}

void ApiClient::restoreKbArticle(const QString &id, int version, int baseVersion,
                                 std::function<void(ApiResult<kb::ArticleRecord>)> done)
{
    QJsonObject body = baseBody(baseVersion);
    body.insert("version"_L1, version);
    kbWrite(postJson(kbPath(id, u"/restore"_s), body), std::move(done));
}

void ApiClient::fetchKbVersions(const QString &id, std::function<void(ApiResult<QList<KbVersionInfo>>)> done)
{
    handle(get(kbPath(id, u"/versions"_s)),
           [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
               decodeJson<QList<KbVersionInfo>>(body, error, decodeKbVersions, done);
           });
}

void ApiClient::fetchKbVersion(const QString &id, int version, std::function<void(ApiResult<kb::Article>)> done)
{
    handle(get(kbPath(id, u"/versions/%1"_s.arg(version))),
           [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
               decodeJson<kb::Article>(body, error, kb::decodeArticle, done);
           });
}

void ApiClient::fetchKbDiff(const QString &id, int from, int to, std::function<void(ApiResult<KbDiff>)> done)
{
    handle(get(kbPath(id, u"/diff"_s), {{u"from"_s, QString::number(from)}, {u"to"_s, QString::number(to)}}),
           [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
               decodeJson<KbDiff>(body, error, decodeKbDiff, done);
           });
}

void ApiClient::fetchKbUsage(std::function<void(ApiResult<QList<KbUsageCount>>)> done)
{
    handle(get(u"/kb/usage"_s), [done = std::move(done)](QNetworkReply *, const QByteArray &body, const ApiError &error) {
        decodeJson<QList<KbUsageCount>>(body, error, decodeKbUsage, done);
    });
}

} // namespace relaydesk::models

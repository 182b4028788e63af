#include "ApiClient.h"

#include "core/JsonReader.h"
#include "core/ReportCodec.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

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

QNetworkReply *ApiClient::postJson(const QString &path, const QJsonObject &body)
{
    QNetworkRequest request = makeRequest(url(path), m_token, m_timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
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
    const QJsonObject error = QJsonDocument::fromJson(body).object().value("error"_L1).toObject();
    e.code = error.value("code"_L1).toString();
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

} // namespace relaydesk::models

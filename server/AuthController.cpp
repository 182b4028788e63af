#include "server/AuthController.h"

#include "core/JsonReader.h"
#include "core/ReportCodec.h"
#include "server/AgentGate.h"
#include "server/AuthStore.h"
#include "server/HttpReply.h"
#include "server/StreamHub.h"
#include "server/HttpRequestData.h"
#include "server/ServerLog.h"

#include "server/http/Router.h"

#include <QCryptographicHash>

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using Method = HttpMethod;
using Status = HttpReply::Status;

namespace {

// What the log says about a user name that failed to sign in: the first 12 hex digits of its SHA-256, enough
// to tell repeated attempts on one name apart, never the text (it may be a password typed in the wrong field).
QString nameDigest(const QString &name)
{
    return u"#"_s + QString::fromLatin1(
                        QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
}

} // namespace

AuthController::AuthController(const ServiceContext &context) : m_context(context) {}

void AuthController::registerRoutes(Router &server)
{
    const auto route = [this, &server](const QString &path, Method method,
                                       HttpResponse (AuthController::*handler)(const HttpRequestData &) const) {
        server.route(path, [this, method, handler](const HttpRequest &request) {
            if (request.method() != method)
                return HttpReply::ready(HttpReply::methodNotAllowed());
            return HttpReply::onPool(m_context.pool, [this, handler, data = HttpRequestData::from(request)] {
                return (this->*handler)(data);
            });
        });
    };
    route(u"/api/v1/auth/login"_s, Method::Post, &AuthController::login);
    route(u"/api/v1/auth/logout"_s, Method::Post, &AuthController::logout);
    route(u"/api/v1/me"_s, Method::Get, &AuthController::me);
}

HttpResponse AuthController::login(const HttpRequestData &request) const
{
    const auto json = parseJsonObject(request.body);
    if (!json.ok())
        return HttpReply::error(Status::BadRequest, u"bad_json"_s, json.error().message);
    JsonReader reader(json.value());
    const QString username = reader.requiredString("username"_L1, 128);
    const QString password = reader.requiredString("password"_L1, 1024);
    if (!reader.ok())
        return HttpReply::error(Status::UnprocessableEntity, u"validation_failed"_s, reader.error().toString(),
                                reader.error().path);
    QString error;
    const AuthStore::LoginOutcome outcome =
        m_context.auth->login(username, password, request.peer, m_context.pool, &error, request.gone);
    using Kind = AuthStore::LoginOutcome::Kind;
    switch (outcome.kind) {
    case Kind::Ok:
        break;
    case Kind::ClientGone:
        return HttpReply::clientGone();
    case Kind::Failed:
        return HttpReply::internal(u"cannot check the password: %1"_s.arg(error));
    case Kind::TooManyAttempts:
    case Kind::Busy: {
        const bool limited = outcome.kind == Kind::TooManyAttempts;
        if (limited)
            qCInfo(lcServer).noquote() << "sign-in refused (too many failed attempts) for user" << nameDigest(username)
                                       << "from" << request.peer.toString();
        HttpResponse response = limited ? HttpReply::error(Status::TooManyRequests, u"too_many_attempts"_s,
                                                           u"too many failed sign-ins; try again later"_s)
                                        : HttpReply::error(Status::ServiceUnavailable, u"unavailable"_s,
                                                           u"too many sign-ins at once; try again"_s);
        response.addHeader("Retry-After", QByteArray::number(qMax(1, outcome.retryAfterSeconds)));
        return response;
    }
    case Kind::Invalid:
        // The name is logged as a digest: people type their password into the name field.
        qCInfo(lcServer).noquote() << "failed login for user" << nameDigest(username) << "from"
                                   << request.peer.toString();
        return HttpReply::error(Status::Unauthorized, u"invalid_credentials"_s, u"unknown user or wrong password"_s);
    }
    const auto &principal = outcome.principal;
    const auto session = m_context.auth->createSession(*principal, &error);
    if (!session)
        return HttpReply::internal(u"cannot create a session: %1"_s.arg(error));
    return HttpReply::json({{"token"_L1, session->token},
                            {"role"_L1, toWire(principal->role)},
                            {"username"_L1, principal->username},
                            {"expires_at"_L1, formatRfc3339(session->expiresAt)}});
}

HttpResponse AuthController::logout(const HttpRequestData &request) const
{
    std::optional<HttpResponse> refusal;
    if (!AgentGate::check(*m_context.auth, request, &refusal))
        return std::move(*refusal);
    QString error;
    if (!m_context.auth->revokeToken(request.bearer(), &error))
        return HttpReply::internal(u"cannot revoke the token: %1"_s.arg(error));
    m_context.hub->sessionEnded(request.bearer()); // its live streams end now, not at the next check
    return HttpResponse(Status::NoContent);
}

HttpResponse AuthController::me(const HttpRequestData &request) const
{
    std::optional<HttpResponse> refusal;
    const auto principal = AgentGate::check(*m_context.auth, request, &refusal);
    if (!principal)
        return std::move(*refusal);
    return HttpReply::json({{"username"_L1, principal->username}, {"role"_L1, toWire(principal->role)}});
}

} // namespace relaydesk::server

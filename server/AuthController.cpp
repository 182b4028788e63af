#include "server/AuthController.h"

#include "core/JsonReader.h"
#include "core/ReportCodec.h"
#include "server/AgentGate.h"
#include "server/AuthStore.h"
#include "server/HttpReply.h"
#include "server/HttpRequestData.h"
#include "server/ServerLog.h"

#include <QHttpServer>

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using Method = QHttpServerRequest::Method;
using Status = HttpReply::Status;

AuthController::AuthController(const ServiceContext &context) : m_context(context) {}

void AuthController::registerRoutes(QHttpServer &server)
{
    const auto route = [this, &server](const QString &path, Method method,
                                       QHttpServerResponse (AuthController::*handler)(const HttpRequestData &) const) {
        server.route(path, [this, method, handler](const QHttpServerRequest &request) {
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

QHttpServerResponse AuthController::login(const HttpRequestData &request) const
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
    const auto principal = m_context.auth->verifyPassword(username, password, &error);
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot check the password: %1"_s.arg(error));
    if (!principal) {
        qCInfo(lcServer) << "failed login for" << username.left(128);
        return HttpReply::error(Status::Unauthorized, u"invalid_credentials"_s, u"unknown user or wrong password"_s);
    }
    const auto session = m_context.auth->createSession(*principal, &error);
    if (!session)
        return HttpReply::internal(u"cannot create a session: %1"_s.arg(error));
    return HttpReply::json({{"token"_L1, session->token},
                            {"role"_L1, toWire(principal->role)},
                            {"username"_L1, principal->username},
                            {"expires_at"_L1, formatRfc3339(session->expiresAt)}});
}

QHttpServerResponse AuthController::logout(const HttpRequestData &request) const
{
    std::optional<QHttpServerResponse> refusal;
    if (!AgentGate::check(*m_context.auth, request, &refusal))
        return std::move(*refusal);
    QString error;
    if (!m_context.auth->revokeToken(request.bearer(), &error))
        return HttpReply::internal(u"cannot revoke the token: %1"_s.arg(error));
    return QHttpServerResponse(Status::NoContent);
}

QHttpServerResponse AuthController::me(const HttpRequestData &request) const
{
    std::optional<QHttpServerResponse> refusal;
    const auto principal = AgentGate::check(*m_context.auth, request, &refusal);
    if (!principal)
        return std::move(*refusal);
    return HttpReply::json({{"username"_L1, principal->username}, {"role"_L1, toWire(principal->role)}});
}

} // namespace relaydesk::server

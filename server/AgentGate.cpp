#include "server/AgentGate.h"

#include "server/HttpReply.h"
#include "server/HttpRequestData.h"

namespace relaydesk::server {

using namespace Qt::StringLiterals;

std::optional<Principal> AgentGate::check(const AuthStore &auth, const HttpRequestData &request,
                                          std::optional<HttpResponse> *refusal)
{
    const QString token = request.bearer();
    if (token.isEmpty()) {
        refusal->emplace(HttpReply::unauthorized(u"an Authorization: Bearer token is required"_s));
        return std::nullopt;
    }
    QString error;
    auto principal = auth.authenticateToken(token, &error);
    if (!error.isEmpty()) {
        refusal->emplace(HttpReply::internal(u"cannot check the token: %1"_s.arg(error)));
        return std::nullopt;
    }
    if (!principal)
        refusal->emplace(HttpReply::unauthorized(u"the token is unknown or expired"_s));
    return principal;
}

} // namespace relaydesk::server

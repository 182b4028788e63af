#pragma once

#include "server/AuthStore.h"

#include "server/http/HttpTypes.h"

#include <optional>

namespace relaydesk::server {

struct HttpRequestData;

// The check in front of every agent endpoint, run on a worker thread: resolves the bearer token to a
// principal, or yields the answer to send instead (401, or 500 when storage failed).
class AgentGate final
{
public:
    static std::optional<Principal> check(const AuthStore &auth, const HttpRequestData &request,
                                          std::optional<HttpResponse> *refusal);
};

} // namespace relaydesk::server

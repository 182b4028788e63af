#pragma once

#include "server/ServiceContext.h"

#include "server/http/HttpTypes.h"

#include <optional>

namespace relaydesk::server {
class Router;
}

namespace relaydesk::server {

struct HttpRequestData;
struct KbWrite;
struct Principal;

// The knowledge base (docs/api.md, "Knowledge base"): GET /api/v1/kb/articles (delta sync), article CRUD
// with versions (every edit a new version, base_version against lost updates), publish / archive / delete /
// restore, versions and diff, and GET /api/v1/kb/usage. Writes are for trainers, leads and admins. Every
// write pushes kb.changed on the stream.
class KbController final
{
public:
    static constexpr qsizetype kMaxBody = 512 * 1024;

    explicit KbController(const ServiceContext &context);

    void registerRoutes(Router &server);

private:
    enum class Verb
    {
        Publish,
        Archive,
        Restore
    };

    HttpResponse list(const HttpRequestData &request) const;
    HttpResponse create(const HttpRequestData &request) const;
    HttpResponse get(const HttpRequestData &request, const QString &id) const;
    HttpResponse edit(const HttpRequestData &request, const QString &id) const;
    HttpResponse remove(const HttpRequestData &request, const QString &id) const;
    HttpResponse change(const HttpRequestData &request, const QString &id, Verb verb) const;
    HttpResponse versions(const HttpRequestData &request, const QString &id) const;
    HttpResponse version(const HttpRequestData &request, const QString &id,
                                const QString &version) const;
    HttpResponse diff(const HttpRequestData &request, const QString &id) const;
    HttpResponse usage(const HttpRequestData &request) const;

    // The principal when it may edit the KB, else the answer (401, 403, 500) in *refusal.
    std::optional<Principal> editor(const HttpRequestData &request,
                                    std::optional<HttpResponse> *refusal) const;
    // The answer to a write, and the kb.changed push when it changed something.
    HttpResponse answer(const std::optional<KbWrite> &write, const QString &error, const QString &what,
                               int createdStatus = 200) const;

    ServiceContext m_context;
};

} // namespace relaydesk::server

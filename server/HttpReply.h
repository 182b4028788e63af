#pragma once

#include <QFuture>
#include "server/Database.h"
#include "server/http/HttpTypes.h"
#include <QJsonObject>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace relaydesk::server {

// Building answers: every error is `{"error": {"code", "message"[, "field"]}}` (docs/api.md).
class HttpReply final
{
public:
    using Status = HttpStatus;

    static HttpResponse json(const QJsonObject &body, Status status = Status::Ok);
    static HttpResponse error(Status status, const QString &code, const QString &message,
                                     const QString &field = {});
    static HttpResponse unauthorized(const QString &message = QStringLiteral("a valid bearer token is required"));
    static HttpResponse notFound(const QString &message = QStringLiteral("no such resource"));
    static HttpResponse methodNotAllowed();
    // A failure the client cannot fix. `detail` (it may hold SQL and file paths) goes to the log only, under
    // a short random incident id; the client gets that id and a generic message: 503 `unavailable` when the
    // storage itself failed on this thread (Database::storageUnavailable(): cannot open, locked past the busy
    // timeout, disk full, read-only, I/O error), else 500 `internal`.
    static HttpResponse internal(const QString &detail);
    // 503 `unavailable`, the detail logged under an incident id like internal().
    static HttpResponse unavailable(const QString &detail);
    static QString newIncidentId(); // 10 characters of [0-9a-z]

    // Runs `work` (returning a HttpResponse) on `pool`; an escaping exception becomes a 500, so a
    // request is always answered.
    template <typename F> static QFuture<HttpResponse> onPool(QThreadPool *pool, F work)
    {
        return QtConcurrent::run(pool, [work = std::move(work)]() -> HttpResponse {
            Database::clearStorageFailure(); // a failure of an earlier request on this thread is not ours
            try {
                return work();
            } catch (const std::exception &e) {
                return internal(QString::fromLocal8Bit(e.what()));
            } catch (...) {
                return internal(QStringLiteral("unexpected failure"));
            }
        });
    }
    static QFuture<HttpResponse> ready(HttpResponse response);
    // What a job answers when it finds its client gone before it began (HttpRequestData::clientGone): the
    // engine has closed that connection and sends nothing; the work is simply not done.
    static HttpResponse clientGone();
};

} // namespace relaydesk::server

#pragma once

#include <QFuture>
#include <QHttpServerResponse>
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
    using Status = QHttpServerResponse::StatusCode;

    static QHttpServerResponse json(const QJsonObject &body, Status status = Status::Ok);
    static QHttpServerResponse error(Status status, const QString &code, const QString &message,
                                     const QString &field = {});
    static QHttpServerResponse unauthorized(const QString &message = QStringLiteral("a valid bearer token is required"));
    static QHttpServerResponse notFound(const QString &message = QStringLiteral("no such resource"));
    static QHttpServerResponse methodNotAllowed();
    static QHttpServerResponse internal(const QString &message);
    static QHttpServerResponse unavailable(const QString &message);

    // Runs `work` (returning a QHttpServerResponse) on `pool`; an escaping exception becomes a 500, so a
    // request is always answered.
    template <typename F> static QFuture<QHttpServerResponse> onPool(QThreadPool *pool, F work)
    {
        return QtConcurrent::run(pool, [work = std::move(work)]() -> QHttpServerResponse {
            try {
                return work();
            } catch (const std::exception &e) {
                return internal(QString::fromLocal8Bit(e.what()));
            } catch (...) {
                return internal(QStringLiteral("unexpected failure"));
            }
        });
    }
    static QFuture<QHttpServerResponse> ready(QHttpServerResponse response);
};

} // namespace relaydesk::server

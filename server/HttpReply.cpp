#include "server/HttpReply.h"

#include "server/ServerLog.h"

#include <QPromise>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

QHttpServerResponse HttpReply::json(const QJsonObject &body, Status status)
{
    return QHttpServerResponse(body, status);
}

QHttpServerResponse HttpReply::error(Status status, const QString &code, const QString &message, const QString &field)
{
    QJsonObject error{{"code"_L1, code}, {"message"_L1, message}};
    if (!field.isEmpty())
        error.insert("field"_L1, field);
    QHttpServerResponse response(QJsonObject{{"error"_L1, error}}, status);
    if (status == Status::Unauthorized)
        response.addHeader("WWW-Authenticate", "Bearer");
    return response;
}

QHttpServerResponse HttpReply::unauthorized(const QString &message)
{
    return error(Status::Unauthorized, u"unauthorized"_s, message);
}

QHttpServerResponse HttpReply::notFound(const QString &message)
{
    return error(Status::NotFound, u"not_found"_s, message);
}

QHttpServerResponse HttpReply::methodNotAllowed()
{
    return error(Status::MethodNotAllowed, u"method_not_allowed"_s, u"this method is not allowed here"_s);
}

QHttpServerResponse HttpReply::internal(const QString &message)
{
    qCWarning(lcServer) << "internal error:" << message;
    return error(Status::InternalServerError, u"internal"_s, message);
}

QHttpServerResponse HttpReply::unavailable(const QString &message)
{
    return error(Status::ServiceUnavailable, u"unavailable"_s, message);
}

QFuture<QHttpServerResponse> HttpReply::ready(QHttpServerResponse response)
{
    QPromise<QHttpServerResponse> promise;
    QFuture<QHttpServerResponse> future = promise.future();
    promise.start();
    promise.addResult(std::move(response));
    promise.finish();
    return future;
}

} // namespace relaydesk::server

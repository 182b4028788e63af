#include "server/HttpReply.h"

#include "server/ServerLog.h"

#include "server/http/Router.h"

#include <QRandomGenerator>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

HttpResponse HttpReply::json(const QJsonObject &body, Status status)
{
    return HttpResponse(body, status);
}

HttpResponse HttpReply::error(Status status, const QString &code, const QString &message, const QString &field)
{
    QJsonObject error{{"code"_L1, code}, {"message"_L1, message}};
    if (!field.isEmpty())
        error.insert("field"_L1, field);
    HttpResponse response(QJsonObject{{"error"_L1, error}}, status);
    if (status == Status::Unauthorized)
        response.addHeader("WWW-Authenticate", "Bearer");
    return response;
}

HttpResponse HttpReply::unauthorized(const QString &message)
{
    return error(Status::Unauthorized, u"unauthorized"_s, message);
}

HttpResponse HttpReply::notFound(const QString &message)
{
    return error(Status::NotFound, u"not_found"_s, message);
}

HttpResponse HttpReply::methodNotAllowed()
{
    return error(Status::MethodNotAllowed, u"method_not_allowed"_s, u"this method is not allowed here"_s);
}

QString HttpReply::newIncidentId()
{
    static constexpr char kAlphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QString id(10, Qt::Uninitialized);
    for (QChar &c : id)
        c = QLatin1Char(kAlphabet[QRandomGenerator::global()->bounded(36)]);
    return id;
}

namespace {

// Messages of storage failures (SQLite's and Database's own) for details that did not pass through a
// Database call on this thread.
bool looksUnavailable(const QString &detail)
{
    static const char *const kMarkers[] = {"database is locked",  "database table is locked", "unable to open database",
                                           "cannot open database", "cannot create database",  "disk is full",
                                           "disk I/O error",      "readonly database",        "out of memory"};
    for (const char *marker : kMarkers) {
        if (detail.contains(QLatin1StringView(marker), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

HttpResponse incident(HttpStatus status, const QString &code, const QString &message, const QString &detail)
{
    const QString id = HttpReply::newIncidentId();
    qCWarning(lcServer).noquote() << (status == HttpStatus::ServiceUnavailable ? "storage unavailable" : "internal error")
                                  << "incident" << id << ":" << detail;
    HttpResponse response(
        QJsonObject{{"error"_L1, QJsonObject{{"code"_L1, code}, {"message"_L1, message}, {"incident"_L1, id}}}},
        status);
    if (status == HttpStatus::ServiceUnavailable)
        response.addHeader("Retry-After", "5");
    return response;
}

} // namespace

HttpResponse HttpReply::internal(const QString &detail)
{
    if (Database::storageUnavailable() || looksUnavailable(detail)) {
        Database::clearStorageFailure();
        return unavailable(detail);
    }
    return incident(Status::InternalServerError, u"internal"_s, u"an internal error occurred"_s, detail);
}

HttpResponse HttpReply::unavailable(const QString &detail)
{
    return incident(Status::ServiceUnavailable, u"unavailable"_s,
                    u"the service's storage is unavailable; try again later"_s, detail);
}

HttpResponse HttpReply::clientGone()
{
    return error(Status::ServiceUnavailable, QStringLiteral("client_gone"), QStringLiteral("the client has gone"));
}

QFuture<HttpResponse> HttpReply::ready(HttpResponse response)
{
    return Router::ready(std::move(response));
}

} // namespace relaydesk::server

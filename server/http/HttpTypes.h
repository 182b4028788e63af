#pragma once

#include <atomic>
#include <memory>

#include <QByteArray>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

namespace relaydesk::server {

// The service's own request and response types: the controllers see these, never the HTTP engine's
// (server/http/HttpEngine.cpp), so the engine is one module that can be replaced.

enum class HttpStatus : int {
    Continue = 100,
    Ok = 200,
    Created = 201,
    Accepted = 202,
    NoContent = 204,
    PartialContent = 206,
    BadRequest = 400,
    Unauthorized = 401,
    Forbidden = 403,
    NotFound = 404,
    MethodNotAllowed = 405,
    RequestTimeout = 408,
    Conflict = 409,
    Gone = 410,
    LengthRequired = 411,
    PreconditionFailed = 412,
    PayloadTooLarge = 413,
    UriTooLong = 414,
    UnsupportedMediaType = 415,
    RequestRangeNotSatisfiable = 416,
    UnprocessableEntity = 422,
    UpgradeRequired = 426,
    TooManyRequests = 429,
    RequestHeaderFieldsTooLarge = 431,
    InternalServerError = 500,
    NotImplemented = 501,
    ServiceUnavailable = 503,
};

enum class HttpMethod { Unknown, Get, Head, Post, Put, Patch, Delete, Options };

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// One request, complete (headers and body), as the engine read and validated it.
class HttpRequest final
{
public:
    using Method = HttpMethod;

    HttpRequest() = default;
    HttpRequest(HttpMethod method, QByteArray target, HttpHeaders headers, QByteArray body, QHostAddress peer);

    HttpMethod method() const { return m_method; }
    const QByteArray &target() const { return m_target; } // as sent: path and query, percent-encoded
    QByteArray path() const;                               // the target before '?', still encoded
    QUrl url() const;                                      // path and query (host-less)
    QUrlQuery query() const;
    const HttpHeaders &headers() const { return m_headers; }
    QByteArray value(QByteArrayView name) const;           // first header of that name (case-insensitive), trimmed
    const QByteArray &body() const { return m_body; }
    const QHostAddress &peer() const { return m_peer; }

    // Set by the engine once the client has closed or reset its connection: nobody will read the answer, so
    // work not yet begun (a queued job, a password hash) can be skipped. Read from any thread.
    using GoneFlag = std::shared_ptr<const std::atomic<bool>>;
    void setGoneFlag(GoneFlag flag) { m_gone = std::move(flag); }
    const GoneFlag &goneFlag() const { return m_gone; }
    bool clientGone() const { return m_gone && m_gone->load(std::memory_order_relaxed); }

private:
    HttpMethod m_method = HttpMethod::Unknown;
    QByteArray m_target;
    HttpHeaders m_headers;
    QByteArray m_body;
    QHostAddress m_peer;
    GoneFlag m_gone;
};

// One answer: status, headers and a body the engine sends with its Content-Length.
class HttpResponse final
{
public:
    using StatusCode = HttpStatus;

    explicit HttpResponse(HttpStatus status = HttpStatus::Ok);
    HttpResponse(const QJsonObject &json, HttpStatus status = HttpStatus::Ok);
    HttpResponse(const QJsonArray &json, HttpStatus status = HttpStatus::Ok);
    HttpResponse(QByteArray mimeType, QByteArray body, HttpStatus status = HttpStatus::Ok);

    HttpStatus statusCode() const { return m_status; }
    const QByteArray &mimeType() const { return m_mimeType; }
    const QByteArray &data() const { return m_body; }
    const HttpHeaders &headers() const { return m_headers; }
    void addHeader(QByteArray name, QByteArray value);

private:
    HttpStatus m_status = HttpStatus::Ok;
    QByteArray m_mimeType;
    QByteArray m_body;
    HttpHeaders m_headers;
};

// A path segment that names a row: 1 to 18 ASCII digits without a leading zero, else 0 (no such
// resource). "01", " 1", "1\0" and "+1" name nothing.
qint64 parsePathId(const QString &text);

} // namespace relaydesk::server

#pragma once

#include <QByteArray>
#include "server/http/HttpTypes.h"
#include <QUrl>
#include <QUrlQuery>

namespace relaydesk::server {

// What a handler needs from a request, copied on the HTTP thread so that worker threads never touch
// the HttpRequest (it is only valid during the route call).
struct HttpRequestData
{
    HttpMethod method = HttpMethod::Unknown;
    QHostAddress peer;
    QUrl url;
    QUrlQuery query;
    QByteArray authorization;
    QByteArray contentType;
    QByteArray range;
    QByteArray idempotencyKey; // the Idempotency-Key header of agent actions
    QByteArray body;
    HttpRequest::GoneFlag gone; // see HttpRequest::clientGone

    static HttpRequestData from(const HttpRequest &request);
    bool clientGone() const { return gone && gone->load(std::memory_order_relaxed); }
    // The secret of an `Authorization: Bearer <secret>` header, empty when absent or malformed.
    QString bearer() const;
};

} // namespace relaydesk::server

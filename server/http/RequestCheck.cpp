#include "server/http/RequestCheck.h"

#include <boost/asio/error.hpp>
#include <boost/beast/core/error.hpp>

namespace relaydesk::server::http_detail {

namespace http = boost::beast::http;
namespace net = boost::asio;
using namespace Qt::StringLiterals;

namespace {

HttpMethod methodOf(http::verb verb)
{
    switch (verb) {
    case http::verb::get:
        return HttpMethod::Get;
    case http::verb::head: // answered as a GET whose body the engine leaves out
        return HttpMethod::Get;
    case http::verb::post:
        return HttpMethod::Post;
    case http::verb::put:
        return HttpMethod::Put;
    case http::verb::patch:
        return HttpMethod::Patch;
    case http::verb::delete_:
        return HttpMethod::Delete;
    case http::verb::options:
        return HttpMethod::Options;
    default:
        return HttpMethod::Unknown;
    }
}

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

Refusal tooLarge(const HttpLimits &limits)
{
    return {HttpStatus::PayloadTooLarge, "payload_too_large", u"the body is larger than %1 bytes"_s.arg(limits.maxBody)};
}

} // namespace

void configureParser(RequestParser &parser, const HttpLimits &limits)
{
    parser.header_limit(std::uint32_t(limits.maxHeader));
    parser.body_limit(std::uint64_t(limits.maxBody));
}

std::optional<Refusal> refusalForParseError(boost::beast::error_code ec, const HttpLimits &limits)
{
    if (ec == http::error::end_of_stream || ec == http::error::partial_message || ec == net::error::eof
        || ec == net::error::connection_reset || ec == net::error::operation_aborted
        || ec == boost::beast::error::timeout)
        return std::nullopt;
    if (ec == http::error::body_limit)
        return tooLarge(limits);
    if (ec == http::error::header_limit)
        return Refusal{HttpStatus::RequestHeaderFieldsTooLarge, "header_too_large",
                       u"the request line and header are larger than %1 bytes"_s.arg(limits.maxHeader)};
    return Refusal{HttpStatus::BadRequest, "bad_request",
                   u"malformed request: %1"_s.arg(QString::fromStdString(ec.message()))};
}

std::optional<Refusal> checkHead(const RequestParser &parser, const HttpLimits &limits)
{
    const auto &request = parser.get();
    const std::string_view target = request.target();
    if (target.size() > std::size_t(limits.maxUri))
        return Refusal{HttpStatus::UriTooLong, "uri_too_long",
                       u"the request target is longer than %1 bytes"_s.arg(limits.maxUri)};
    if (target.empty() || target.front() != '/')
        return Refusal{HttpStatus::BadRequest, "bad_request", u"the request target must be a path"_s};
    if (request.version() >= 11 && request.find(http::field::host) == request.end())
        return Refusal{HttpStatus::BadRequest, "bad_request", u"an HTTP/1.1 request needs a Host header"_s};
    // RFC 9112 6.3: a request whose Transfer-Encoding does not end in chunked has no knowable length.
    if (request.find(http::field::transfer_encoding) != request.end() && !parser.chunked())
        return Refusal{HttpStatus::BadRequest, "bad_request", u"Transfer-Encoding must end in chunked"_s};
    if (request.find(http::field::content_length) != request.end() && parser.chunked())
        return Refusal{HttpStatus::BadRequest, "bad_request", u"Content-Length and Transfer-Encoding together"_s};
    const auto length = parser.content_length();
    if (length && *length > std::uint64_t(limits.maxBody))
        return tooLarge(limits);
    return std::nullopt;
}

HttpRequest toHttpRequest(const http::request<http::string_body> &message, const QHostAddress &peer)
{
    HttpHeaders headers;
    for (const auto &field : message)
        headers.append({bytes(field.name_string()), bytes(field.value())});
    return HttpRequest(methodOf(message.method()), bytes(message.target()), std::move(headers),
                       bytes(message.body()), peer);
}

} // namespace relaydesk::server::http_detail

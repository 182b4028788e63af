#pragma once

// The engine's judgement of a request, apart from its sockets so that the fuzz target
// (tests/fuzz/fuzz_http_request.cpp) exercises exactly what the server runs.

#include "server/http/HttpLimits.h"
#include "server/http/HttpTypes.h"

#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <QString>

#include <optional>

namespace relaydesk::server::http_detail {

using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

// Why a request is refused before its handler sees it; the connection is closed after the answer.
struct Refusal
{
    HttpStatus status = HttpStatus::BadRequest;
    const char *code = "bad_request";
    QString message;
};

// A fresh parser with the header and body limits set.
void configureParser(RequestParser &parser, const HttpLimits &limits);

// What a parse error means for the client; nullopt for errors that leave nobody to answer (end of stream,
// reset, timeout).
std::optional<Refusal> refusalForParseError(boost::beast::error_code ec, const HttpLimits &limits);

// Checks a complete request head: target size and form, Host on HTTP/1.1, RFC 9112 framing (a
// Transfer-Encoding must end in chunked, never together with Content-Length), the announced length.
std::optional<Refusal> checkHead(const RequestParser &parser, const HttpLimits &limits);

// The request as the handlers see it (headers in order, the body copied once). A HEAD is shown to them as
// a GET: the engine sends the answer's header (with the length of its body) and not the body.
HttpRequest toHttpRequest(const boost::beast::http::request<boost::beast::http::string_body> &message,
                          const QHostAddress &peer);

} // namespace relaydesk::server::http_detail

// The service's HTTP request boundary: bytes off the socket through Beast's parser with the service's limits,
// the engine's own checks (server/http/RequestCheck), the request as handlers see it and the router. The
// input is fed in pieces (the first byte picks their size) as a network delivers it. Invariants: a refusal
// names a 4xx status and a code; an accepted head obeys every limit; nothing crashes or leaks.
#include "server/ByteRange.h"
#include "server/http/RequestCheck.h"
#include "server/http/Router.h"

#include <boost/asio/buffer.hpp>

#include <cstdlib>

using namespace relaydesk::server;
using namespace relaydesk::server::http_detail;

namespace {

const HttpLimits &limits()
{
    static const HttpLimits l = [] {
        HttpLimits x;
        x.maxBody = 64 * 1024; // small, so that the fuzzer reaches the limit
        x.maxHeader = 4096;
        x.maxUri = 1024;
        return x;
    }();
    return l;
}

const Router &router()
{
    static const Router r = [] {
        Router x;
        x.route(QStringLiteral("/api/v1/tickets/<arg>/log"), [](const QString &id, const HttpRequest &request) {
            const qint64 ticket = parsePathId(id);
            if (ticket > 0 && QString::number(ticket) != id)
                std::abort(); // a path id names exactly its decimal text
            const auto range = ByteRange::parse(request.value("range"), 1000);
            if (range && (range->first < 0 || range->last >= 1000 || range->first > range->last))
                std::abort();
            return HttpResponse(HttpStatus::Ok);
        });
        x.route(QStringLiteral("/api/v1/kb/articles/<arg>/versions/<arg>"),
                [](const QString &, const QString &, const HttpRequest &request) {
                    (void)request.query().queryItemValue(QStringLiteral("since"));
                    return HttpResponse(HttpStatus::Ok);
                });
        x.webSocket(QStringLiteral("/api/v1/stream"), [](WebSocketConnection *) {});
        return x;
    }();
    return r;
}

void check(const std::optional<Refusal> &refusal)
{
    if (refusal && (int(refusal->status) < 400 || int(refusal->status) > 499 || !refusal->code))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t piece = 1 + data[0] % 64;
    ++data;
    --size;
    RequestParser parser;
    configureParser(parser, limits());
    parser.eager(true);
    boost::beast::error_code ec;
    std::size_t offset = 0;
    std::string pending; // what the parser has not consumed yet, as a stream buffer keeps it
    while (offset < size && !parser.is_done()) {
        const std::size_t n = std::min(piece, size - offset);
        pending.append(reinterpret_cast<const char *>(data + offset), n);
        offset += n;
        const std::size_t used = parser.put(boost::asio::buffer(pending), ec);
        pending.erase(0, used);
        if (ec == boost::beast::http::error::need_more) {
            ec = {};
            continue;
        }
        if (ec)
            break;
        if (parser.is_header_done() && !parser.is_done()) {
            const auto refusal = checkHead(parser, limits());
            check(refusal);
            if (refusal)
                return 0;
        }
    }
    if (!ec && !parser.is_done() && offset >= size)
        parser.put_eof(ec);
    if (ec) {
        check(refusalForParseError(ec, limits()));
        return 0;
    }
    if (!parser.is_done())
        return 0;
    const auto refusal = checkHead(parser, limits());
    check(refusal);
    if (refusal)
        return 0;
    if (parser.get().target().size() > std::size_t(limits().maxUri) || parser.get().body().size() > std::size_t(limits().maxBody))
        std::abort();
    const HttpRequest request = toHttpRequest(parser.get(), QHostAddress::LocalHost);
    (void)request.url();
    (void)request.query();
    (void)request.value("authorization");
    const QFuture<HttpResponse> answer = router().dispatch(request);
    if (!answer.isFinished())
        std::abort(); // these routes answer at once
    return 0;
}

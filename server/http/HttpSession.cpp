// One HTTP/1.1 connection: reads one request at a time (pipelined requests wait in the buffer, so
// answers leave in order), enforces the limits while reading, hands the complete request to the
// service thread and writes the answer when it is ready. A client that goes away meanwhile costs a
// failed write, nothing more.

#include "server/http/EngineDetail.h"
#include "server/http/RequestCheck.h"
#include "server/http/Router.h"
#include "server/ServerLog.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/span_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <QFuture>
#include <QMetaObject>

#include <array>
#include <chrono>
#include <optional>

namespace relaydesk::server::http_detail {

namespace http = beast::http;
using namespace Qt::StringLiterals;

namespace {

std::chrono::milliseconds ms(int value)
{
    return std::chrono::milliseconds(value);
}

class HttpSession final : public Connection, public std::enable_shared_from_this<HttpSession>
{
public:
    static constexpr std::size_t kMaxDrain = 64 * 1024 * 1024;

    HttpSession(Core &core, tcp::socket socket, QHostAddress peer, ConnectionSlot slot)
        : m_core(core), m_stream(std::move(socket)), m_peer(std::move(peer)), m_slot(std::move(slot))
    {
    }

    void start(bool admitted)
    {
        net::dispatch(m_stream.get_executor(), [self = shared_from_this(), admitted] {
            if (admitted)
                self->readRequest();
            else
                self->fail(HttpStatus::ServiceUnavailable, "too_many_connections",
                           u"the service has too many open connections; try again shortly"_s);
        });
    }

    void shutdown() override
    {
        net::post(m_stream.get_executor(), [self = shared_from_this()] { self->closeNow(); });
    }

    // From any thread, through the gate: the answer to the request being handled.
    void respond(HttpResponse response)
    {
        net::post(m_stream.get_executor(),
                  [self = shared_from_this(), response = std::move(response)]() mutable { self->write(std::move(response)); });
    }

private:
    void readRequest()
    {
        if (m_closed)
            return;
        m_parser.emplace();
        configureParser(*m_parser, m_core.limits);
        if (m_buffer.size() > 0) {
            readHeader(); // the next pipelined request is already here
            return;
        }
        // Waiting for a new request is idle time; its header has its own, shorter deadline from the first byte.
        m_stream.expires_after(ms(m_core.limits.idleTimeoutMs));
        m_stream.async_read_some(m_buffer.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
            if (ec) {
                self->closeNow();
                return;
            }
            self->m_buffer.commit(n);
            self->readHeader();
        });
    }

    void readHeader()
    {
        m_stream.expires_after(ms(m_core.limits.headerTimeoutMs));
        http::async_read_header(m_stream, m_buffer, *m_parser,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(beast::error_code ec)
    {
        if (ec) {
            if (const auto refusal = refusalForParseError(ec, m_core.limits))
                fail(*refusal);
            else
                closeNow(); // gone, or too slow: the stream closed itself on its deadline
            return;
        }
        if (const auto refusal = checkHead(*m_parser, m_core.limits)) {
            fail(*refusal);
            return;
        }
        const auto &request = m_parser->get();
        const std::string_view target = request.target();
        const std::string_view path = target.substr(0, target.find('?'));
        if (beast::websocket::is_upgrade(request)
            && m_core.router.webSocketHandler(QByteArray(path.data(), qsizetype(path.size())))) {
            upgrade(QByteArray(path.data(), qsizetype(path.size())));
            return;
        }
        const auto expect = request.find(http::field::expect);
        if (expect != request.end() && beast::iequals(expect->value(), "100-continue") && !m_parser->is_done()) {
            m_continue.emplace(http::status::continue_, request.version());
            m_stream.expires_after(ms(m_core.limits.writeTimeoutMs));
            http::async_write(m_stream, *m_continue, [self = shared_from_this()](beast::error_code e, std::size_t) {
                self->m_continue.reset();
                if (e) {
                    self->closeNow();
                    return;
                }
                self->readBody();
            });
            return;
        }
        readBody();
    }

    void readBody()
    {
        if (m_parser->is_done()) {
            onBody({});
            return;
        }
        m_stream.expires_after(ms(m_core.limits.bodyTimeoutMs));
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onBody(ec); });
    }

    void onBody(beast::error_code ec)
    {
        if (ec) {
            if (const auto refusal = refusalForParseError(ec, m_core.limits))
                fail(*refusal);
            else
                closeNow();
            return;
        }
        m_stream.expires_never(); // the handler may take its time; the answer's write has a deadline
        auto message = m_parser->release();
        m_parser.reset();
        m_keepAlive = message.keep_alive();
        m_version = message.version();
        m_head = message.method() == http::verb::head;
        HttpRequest request = toHttpRequest(message, m_peer);
        m_gone = std::make_shared<std::atomic<bool>>(false);
        request.setGoneFlag(m_gone);
        dispatch(std::move(request));
        watchPeer();
    }

    // While the handler works, notice a client that has gone (reset, or closed its side: HTTP clients do not
    // half-close to wait for an answer), so that it stops counting against the limits at once. Data instead
    // is the next pipelined request: it waits in the socket until this answer is out.
    void watchPeer()
    {
        m_awaiting = true;
        m_stream.socket().async_wait(tcp::socket::wait_read, [self = shared_from_this()](beast::error_code ec) {
            if (!self->m_awaiting || ec == net::error::operation_aborted)
                return;
            if (!ec) {
                char byte = 0;
                beast::error_code peek;
                const std::size_t n = self->m_stream.socket().receive(net::buffer(&byte, 1),
                                                                      tcp::socket::message_peek, peek);
                if (!peek && n > 0)
                    return; // a pipelined request
            }
            self->closeNow();
        });
    }

    void dispatch(HttpRequest request)
    {
        std::weak_ptr<HttpSession> weak = shared_from_this();
        const std::shared_ptr<Gate> gate = m_core.gate;
        Router *router = &m_core.router;
        // Handlers run on the service thread; the answer comes back through the gate from whichever thread
        // finishes it. The session is held by the engine meanwhile, the continuation only knows it weakly.
        QMetaObject::invokeMethod(
            m_core.dispatcher,
            [weak, gate, router, request = std::move(request)] {
                if (request.clientGone())
                    return; // it left while the request waited for the service thread: nobody to answer
                const auto deliver = [weak, gate](HttpResponse response) {
                    gate->run([&] {
                        if (auto session = weak.lock())
                            session->respond(std::move(response));
                    });
                };
                QFuture<HttpResponse> future;
                try {
                    future = router->dispatch(request);
                } catch (const std::exception &e) {
                    qCWarning(lcServer) << "route failed:" << e.what();
                    deliver(engineError(HttpStatus::InternalServerError, "internal", u"unexpected failure"_s));
                    return;
                }
                future.then(QtFuture::Launch::Sync, deliver)
                    .onFailed([deliver] {
                        deliver(engineError(HttpStatus::InternalServerError, "internal", u"unexpected failure"_s));
                    })
                    .onCanceled([deliver] {
                        deliver(engineError(HttpStatus::ServiceUnavailable, "unavailable", u"the service is stopping"_s));
                    });
            },
            Qt::QueuedConnection);
    }

    void write(HttpResponse response)
    {
        if (m_closed)
            return;
        if (m_awaiting) {
            m_awaiting = false;
            beast::error_code ignored;
            m_stream.socket().cancel(ignored); // the peer watch; nothing else is pending now
        }
        m_body = response.data();
        m_response.emplace(http::status(int(response.statusCode())), m_version);
        if (!response.mimeType().isEmpty())
            m_response->set(http::field::content_type,
                            std::string_view(response.mimeType().constData(), std::size_t(response.mimeType().size())));
        for (const auto &[name, value] : response.headers())
            m_response->insert(std::string_view(name.constData(), std::size_t(name.size())),
                               std::string_view(value.constData(), std::size_t(value.size())));
        m_response->keep_alive(m_keepAlive);
        if (m_head) { // the length of what a GET would send, and no body (RFC 9110 9.3.2)
            m_response->content_length(std::uint64_t(m_body.size()));
            m_body.clear();
        } else {
            m_response->body() = boost::span<const char>(m_body.constData(), std::size_t(m_body.size()));
            m_response->prepare_payload();
        }
        m_serializer.emplace(*m_response);
        writeSome();
    }

    // The write deadline is for progress, not for the whole answer: a 64 MiB log to a slow phone may take
    // minutes, a client that reads nothing for writeTimeoutMs is dropped.
    void writeSome()
    {
        m_stream.expires_after(ms(m_core.limits.writeTimeoutMs));
        http::async_write_some(m_stream, *m_serializer, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (!ec && !self->m_serializer->is_done()) {
                self->writeSome();
                return;
            }
            self->m_serializer.reset();
            self->m_response.reset();
            self->m_body.clear();
            if (ec) {
                self->closeNow();
                return;
            }
            if (!self->m_keepAlive) {
                self->lingerAndClose();
                return;
            }
            self->readRequest();
        });
    }

    void fail(const Refusal &refusal) { fail(refusal.status, refusal.code, refusal.message); }

    // An error the engine answers itself: the connection cannot be trusted for another request.
    void fail(HttpStatus status, const char *code, const QString &message)
    {
        m_head = false;
        m_parser.reset();
        m_keepAlive = false;
        write(engineError(status, code, message));
    }

    // Half-close and discard what the client still sends (a body past the limit, say) for a while, so that it
    // reads the answer instead of a reset; bounded in bytes and time, it costs a 4 KiB buffer.
    void lingerAndClose()
    {
        beast::error_code ignored;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        m_stream.expires_after(std::chrono::seconds(10));
        drain();
    }

    void drain()
    {
        m_stream.async_read_some(net::buffer(m_drain), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
            self->m_drained += n;
            if (ec || self->m_drained > kMaxDrain) {
                self->closeNow();
                return;
            }
            self->drain();
        });
    }

    void upgrade(QByteArray path)
    {
        auto request = std::make_unique<UpgradeRequest>();
        request->request = m_parser->release();
        request->path = std::move(path);
        m_parser.reset();
        m_stream.expires_never();
        m_closed = true; // the stream now belongs to the WebSocket session
        startWebSocket(m_core, std::move(m_stream), std::move(request), std::move(m_slot));
        m_core.forget(this);
    }

    void closeNow()
    {
        if (m_closed)
            return;
        m_closed = true;
        if (m_gone)
            m_gone->store(true, std::memory_order_relaxed);
        beast::error_code ignored;
        m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        m_stream.close();
        m_core.forget(this); // may end this session: nothing after it
    }

    Core &m_core;
    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    QHostAddress m_peer;
    ConnectionSlot m_slot;
    std::optional<RequestParser> m_parser;
    std::optional<http::response<http::empty_body>> m_continue;
    std::optional<http::response<http::span_body<const char>>> m_response;
    std::optional<http::response_serializer<http::span_body<const char>>> m_serializer;
    QByteArray m_body; // what m_response's body points into
    std::shared_ptr<std::atomic<bool>> m_gone; // of the request being handled (HttpRequest::clientGone)
    std::array<char, 4096> m_drain{};
    std::size_t m_drained = 0;
    unsigned m_version = 11;
    bool m_keepAlive = true;
    bool m_head = false; // the request being answered is a HEAD
    bool m_awaiting = false; // a request is with its handler
    bool m_closed = false;
};

} // namespace

void startHttpSession(Core &core, tcp::socket socket, QHostAddress peer, std::string peerKey, bool admitted)
{
    ConnectionSlot slot = admitted ? ConnectionSlot(&core, std::move(peerKey)) : ConnectionSlot();
    auto session = std::make_shared<HttpSession>(core, std::move(socket), std::move(peer), std::move(slot));
    core.keep(session);
    session->start(admitted);
}

} // namespace relaydesk::server::http_detail

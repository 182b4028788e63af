// One WebSocket connection on the I/O thread, and its face on the service thread
// (WebSocketConnection). Messages out are queued and written one at a time; a peer that stops reading
// while the queue is over its limit is dropped; pings and the idle deadline are Beast's.

#include "server/http/EngineDetail.h"
#include "server/http/Router.h"
#include "server/http/WebSocketConnection.h"
#include "server/ServerLog.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <QMetaObject>
#include <QPointer>

#include <deque>

namespace relaydesk::server {

namespace http_detail {

namespace websocket = beast::websocket;

class WsSession final : public Connection, public std::enable_shared_from_this<WsSession>
{
public:
    WsSession(Core &core, beast::tcp_stream stream, ConnectionSlot slot)
        : m_core(core), m_ws(std::move(stream)), m_slot(std::move(slot))
    {
    }

    void accept(std::unique_ptr<UpgradeRequest> request)
    {
        websocket::stream_base::timeout timeout;
        timeout.handshake_timeout = std::chrono::milliseconds(m_core.limits.headerTimeoutMs);
        timeout.idle_timeout = std::chrono::milliseconds(m_core.limits.idleTimeoutMs);
        timeout.keep_alive_pings = true; // a ping at half the idle time; silence for all of it ends the connection
        m_ws.set_option(timeout);
        m_ws.read_message_max(std::size_t(m_core.limits.maxWebSocketMessage));
        m_path = request->path;
        UpgradeRequest *raw = request.get();
        m_ws.async_accept(raw->request, [self = shared_from_this(), request = std::move(request)](beast::error_code ec) {
            if (ec) {
                self->finish();
                return;
            }
            self->announce();
        });
    }

    void shutdown() override
    {
        net::post(m_ws.get_executor(), [self = shared_from_this()] {
            self->enqueueClose(websocket::close_code::going_away, "service stopping");
        });
    }

    // Thread-safe (called through the gate).
    void send(std::string text)
    {
        net::post(m_ws.get_executor(), [self = shared_from_this(), text = std::move(text)]() mutable {
            self->enqueue({std::move(text), false, 0, {}});
        });
    }
    void close(quint16 code, std::string reason)
    {
        net::post(m_ws.get_executor(), [self = shared_from_this(), code, reason = std::move(reason)]() mutable {
            self->enqueueClose(code, std::move(reason));
        });
    }
    // Thread-safe: the service-side object now exists; start reading.
    void attach(QPointer<WebSocketConnection> connection)
    {
        net::post(m_ws.get_executor(), [self = shared_from_this(), connection] {
            self->m_connection = connection;
            self->read();
        });
    }

private:
    struct Outgoing
    {
        std::string text;
        bool close = false;
        quint16 code = 0;
        std::string reason;
    };

    // The upgrade is done: create the service-side object there, hand it to the route's handler.
    void announce()
    {
        std::weak_ptr<WsSession> weak = shared_from_this();
        const std::shared_ptr<Gate> gate = m_core.gate;
        Router *router = &m_core.router;
        QMetaObject::invokeMethod(
            m_core.dispatcher,
            [weak, gate, router, path = m_path] {
                const Router::WebSocketHandler *handler = router->webSocketHandler(path);
                auto *connection = new WebSocketConnection(weak, gate, path);
                const QPointer<WebSocketConnection> guard(connection);
                bool attached = false;
                gate->run([&] {
                    if (auto session = weak.lock()) {
                        session->attach(guard);
                        attached = true;
                    }
                });
                if (!attached || !handler) { // gone already, or the engine is stopping
                    connection->m_open = false;
                    delete connection;
                    return;
                }
                (*handler)(connection);
            },
            Qt::QueuedConnection);
    }

    void read()
    {
        m_ws.async_read(m_in, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) {
                self->finish();
                return;
            }
            if (self->m_ws.got_text()) {
                const std::string text = beast::buffers_to_string(self->m_in.data());
                self->toService([message = QString::fromUtf8(text.data(), qsizetype(text.size()))](
                                    WebSocketConnection &c) { c.onMessage(message); });
            }
            self->m_in.consume(self->m_in.size());
            self->read();
        });
    }

    template <typename F> void toService(F f)
    {
        QMetaObject::invokeMethod(
            m_core.dispatcher,
            [connection = m_connection, f = std::move(f)] {
                if (connection)
                    f(*connection);
            },
            Qt::QueuedConnection);
    }

    void enqueue(Outgoing out)
    {
        if (m_finished || m_closing)
            return;
        m_backlog += qint64(out.text.size());
        if (m_backlog > m_core.limits.maxWebSocketBacklog) {
            qCWarning(lcStream) << "dropping a WebSocket client that does not read (" << m_backlog << "bytes queued)";
            abort();
            return;
        }
        m_queue.push_back(std::move(out));
        if (m_queue.size() == 1)
            writeNext();
    }

    void enqueueClose(quint16 code, std::string reason)
    {
        if (m_finished || m_closing)
            return;
        m_queue.push_back({{}, true, code, std::move(reason)});
        m_closing = true;
        if (m_queue.size() == 1)
            writeNext();
    }

    void writeNext()
    {
        if (m_queue.empty() || m_finished)
            return;
        Outgoing &out = m_queue.front();
        if (out.close) {
            m_ws.async_close(websocket::close_reason(websocket::close_code(out.code), out.reason),
                             [self = shared_from_this()](beast::error_code) {
                                 self->m_queue.clear();
                                 // the read loop ends with the close handshake (or its timeout)
                             });
            return;
        }
        m_ws.text(true);
        m_ws.async_write(net::buffer(out.text), [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) {
                self->abort();
                return;
            }
            self->m_backlog -= qint64(self->m_queue.front().text.size());
            self->m_queue.pop_front();
            self->writeNext();
        });
    }

    void abort()
    {
        beast::error_code ignored;
        beast::get_lowest_layer(m_ws).socket().shutdown(tcp::socket::shutdown_both, ignored);
        beast::get_lowest_layer(m_ws).close();
        finish();
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_queue.clear();
        toService([](WebSocketConnection &c) { c.onClosed(); });
        m_core.forget(this);
    }

    Core &m_core;
    websocket::stream<beast::tcp_stream> m_ws;
    ConnectionSlot m_slot;
    beast::flat_buffer m_in;
    QByteArray m_path;
    QPointer<WebSocketConnection> m_connection; // dereferenced on the service thread only
    std::deque<Outgoing> m_queue;
    qint64 m_backlog = 0;
    bool m_closing = false;
    bool m_finished = false;
};

void startWebSocket(Core &core, beast::tcp_stream stream, std::unique_ptr<UpgradeRequest> request,
                    ConnectionSlot slot)
{
    auto session = std::make_shared<WsSession>(core, std::move(stream), std::move(slot));
    core.keep(session);
    session->accept(std::move(request));
}

} // namespace http_detail

WebSocketConnection::WebSocketConnection(std::weak_ptr<http_detail::WsSession> session,
                                         std::shared_ptr<http_detail::Gate> gate, QByteArray path, QObject *parent)
    : QObject(parent), m_session(std::move(session)), m_gate(std::move(gate)), m_path(std::move(path))
{
}

WebSocketConnection::~WebSocketConnection()
{
    if (m_open)
        close(1001, QStringLiteral("going away"));
}

void WebSocketConnection::sendTextMessage(const QString &message)
{
    if (!m_open)
        return;
    std::string text = message.toStdString();
    m_gate->run([&] {
        if (auto session = m_session.lock())
            session->send(std::move(text));
    });
}

void WebSocketConnection::close(quint16 code, const QString &reason)
{
    if (!m_open)
        return;
    std::string text = reason.toStdString();
    m_gate->run([&] {
        if (auto session = m_session.lock())
            session->close(code, std::move(text));
    });
}

void WebSocketConnection::onMessage(const QString &message)
{
    if (m_open)
        emit textMessageReceived(message);
}

void WebSocketConnection::onClosed()
{
    if (!m_open)
        return;
    m_open = false;
    emit disconnected();
}

} // namespace relaydesk::server

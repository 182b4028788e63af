#pragma once

// Internals of the Boost.Beast engine shared by its .cpp files (server/http/HttpEngine.cpp,
// HttpSession.cpp, WsSession.cpp). Nothing outside server/http includes this.

#include "server/http/HttpLimits.h"
#include "server/http/HttpTypes.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <QHostAddress>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

class QObject;

namespace relaydesk::server {
class Router;
}

namespace relaydesk::server::http_detail {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

// Guards hand-offs from other threads (the service thread, the database pool) into the I/O threads:
// once the engine stops, nothing more is posted, so nothing touches a stopped I/O context.
struct Gate
{
    std::mutex mutex;
    bool open = true;

    template <typename F> bool run(F &&f)
    {
        std::lock_guard lock(mutex);
        if (!open)
            return false;
        f();
        return true;
    }
};

class Core;

// Counts one connection against the total and its peer's share for as long as it lives.
class ConnectionSlot
{
public:
    ConnectionSlot() = default;
    ConnectionSlot(Core *core, std::string peer) : m_core(core), m_peer(std::move(peer)) {}
    ConnectionSlot(ConnectionSlot &&other) noexcept;
    ConnectionSlot &operator=(ConnectionSlot &&other) noexcept;
    ConnectionSlot(const ConnectionSlot &) = delete;
    ConnectionSlot &operator=(const ConnectionSlot &) = delete;
    ~ConnectionSlot();

private:
    void release();
    Core *m_core = nullptr;
    std::string m_peer;
};

// Anything the engine keeps alive and may have to end on stop.
class Connection
{
public:
    virtual ~Connection() = default;
    virtual void shutdown() = 0; // thread-safe: ends the connection soon (on its own strand)
};

// Everything a session needs from its engine. Sessions never outlive it: the engine ends the
// sessions it holds and then the I/O context that holds the rest, before this goes.
class Core
{
public:
    Core(Router &router, HttpLimits limits, QObject *dispatcher);

    Router &router;
    const HttpLimits limits;
    QObject *const dispatcher; // lives on the service thread: requests are handled there
    std::shared_ptr<Gate> gate = std::make_shared<Gate>();

    // Admission: false when the total or this peer's share is used up.
    bool admit(const std::string &peer);
    void release(const std::string &peer);

    void keep(std::shared_ptr<Connection> connection);
    void forget(Connection *connection);
    std::vector<std::shared_ptr<Connection>> all() const;
    bool waitUntilEmpty(int timeoutMs);

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_empty;
    std::unordered_map<std::string, int> m_perPeer;
    int m_total = 0;
    std::unordered_map<Connection *, std::shared_ptr<Connection>> m_live;

public:
    // Last, so it goes first: the handlers it still holds end their sessions, which release their slots.
    net::io_context io;
};

// An error answer built by the engine itself (framing, limits, timeouts): `{"error":{code,message}}`.
HttpResponse engineError(HttpStatus status, const char *code, const QString &message);

// Starts serving one accepted socket (HttpSession.cpp). `admitted` false: answer 503 and close.
void startHttpSession(Core &core, tcp::socket socket, QHostAddress peer, std::string peerKey, bool admitted);

// Takes over an upgraded connection (WsSession.cpp).
struct UpgradeRequest
{
    boost::beast::http::request<boost::beast::http::string_body> request;
    QByteArray path;
};
void startWebSocket(Core &core, beast::tcp_stream stream, std::unique_ptr<UpgradeRequest> request,
                    ConnectionSlot slot);

} // namespace relaydesk::server::http_detail

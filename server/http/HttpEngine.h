#pragma once

#include "server/http/HttpLimits.h"

#include <QHostAddress>
#include <QString>

#include <memory>
#include <thread>
#include <vector>

class QObject;

namespace relaydesk::server {

class Router;
namespace http_detail {
class Core;
}

// The service's HTTP/1.1 and WebSocket server, on Boost.Beast. Sockets run on their own I/O threads;
// each complete request is handed to `router` on the thread that creates the engine (the service
// thread), and its answer goes back whenever the handler's future finishes, from any thread.
// Framing is strict (RFC 9112: conflicting Content-Length, Content-Length with chunked, a
// Transfer-Encoding that does not end in chunked, a signed or non-decimal length: 400 and close);
// pipelined requests are answered in order; every limit in HttpLimits is enforced while reading.
class HttpEngine final
{
public:
    HttpEngine(Router &router, HttpLimits limits);
    ~HttpEngine(); // closes every connection (WebSockets with 1001), then stops the I/O threads

    HttpEngine(const HttpEngine &) = delete;
    HttpEngine &operator=(const HttpEngine &) = delete;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }

private:
    void accept();

    std::unique_ptr<QObject> m_dispatcher;
    std::unique_ptr<http_detail::Core> m_core;
    struct Acceptor;
    std::unique_ptr<Acceptor> m_acceptor;
    std::vector<std::thread> m_threads;
    quint16 m_port = 0;
};

} // namespace relaydesk::server

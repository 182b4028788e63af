#include "server/http/HttpEngine.h"

#include "server/http/EngineDetail.h"
#include "server/http/Router.h"
#include "server/ServerLog.h"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include <QJsonObject>
#include <QObject>
#include <QThread>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace http_detail {

ConnectionSlot::ConnectionSlot(ConnectionSlot &&other) noexcept
    : m_core(std::exchange(other.m_core, nullptr)), m_peer(std::move(other.m_peer))
{
}

ConnectionSlot &ConnectionSlot::operator=(ConnectionSlot &&other) noexcept
{
    if (this != &other) {
        release();
        m_core = std::exchange(other.m_core, nullptr);
        m_peer = std::move(other.m_peer);
    }
    return *this;
}

ConnectionSlot::~ConnectionSlot()
{
    release();
}

void ConnectionSlot::release()
{
    if (m_core)
        m_core->release(m_peer);
    m_core = nullptr;
}

Core::Core(Router &r, HttpLimits l, QObject *d) : router(r), limits(l), dispatcher(d) {}

bool Core::admit(const std::string &peer)
{
    std::lock_guard lock(m_mutex);
    int &mine = m_perPeer[peer];
    if (m_total >= limits.maxConnections || mine >= limits.maxConnectionsPerIp) {
        if (mine == 0)
            m_perPeer.erase(peer);
        return false;
    }
    ++mine;
    ++m_total;
    return true;
}

void Core::release(const std::string &peer)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_perPeer.find(peer);
    if (it != m_perPeer.end() && --it->second <= 0)
        m_perPeer.erase(it);
    --m_total;
}

void Core::keep(std::shared_ptr<Connection> connection)
{
    std::lock_guard lock(m_mutex);
    Connection *key = connection.get();
    m_live.emplace(key, std::move(connection));
}

void Core::forget(Connection *connection)
{
    std::shared_ptr<Connection> last; // released outside the lock: its destructor releases its slot
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_live.find(connection);
        if (it == m_live.end())
            return;
        last = std::move(it->second);
        m_live.erase(it);
        if (m_live.empty())
            m_empty.notify_all();
    }
}

std::vector<std::shared_ptr<Connection>> Core::all() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::shared_ptr<Connection>> list;
    list.reserve(m_live.size());
    for (const auto &[key, connection] : m_live)
        list.push_back(connection);
    return list;
}

bool Core::waitUntilEmpty(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    return m_empty.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_live.empty(); });
}

HttpResponse engineError(HttpStatus status, const char *code, const QString &message)
{
    return HttpResponse(QJsonObject{{"error"_L1, QJsonObject{{"code"_L1, QString::fromLatin1(code)},
                                                             {"message"_L1, message}}}},
                        status);
}

} // namespace http_detail

using namespace http_detail;

struct HttpEngine::Acceptor
{
    explicit Acceptor(net::io_context &io) : acceptor(net::make_strand(io)), retry(acceptor.get_executor()) {}
    tcp::acceptor acceptor;
    net::steady_timer retry; // after EMFILE and the like: wait, do not spin
};

HttpEngine::HttpEngine(Router &router, HttpLimits limits) : m_dispatcher(std::make_unique<QObject>())
{
    m_dispatcher->setObjectName(u"relaydesk-http-dispatch"_s);
    m_core = std::make_unique<Core>(router, limits, m_dispatcher.get());
    m_acceptor = std::make_unique<Acceptor>(m_core->io);
}

HttpEngine::~HttpEngine()
{
    if (!m_threads.empty()) {
        net::post(m_acceptor->acceptor.get_executor(), [a = m_acceptor.get()] {
            beast::error_code ignored;
            a->acceptor.close(ignored);
            a->retry.cancel();
        });
        for (const auto &connection : m_core->all())
            connection->shutdown();
        // Let the close frames and the last answers go out, briefly; then stop whatever is left.
        m_core->waitUntilEmpty(500);
    }
    {
        std::lock_guard lock(m_core->gate->mutex);
        m_core->gate->open = false; // nothing posted from other threads from now on
    }
    m_core->io.stop();
    for (std::thread &thread : m_threads)
        thread.join();
    m_threads.clear();
    m_acceptor.reset();
    // The sessions it still holds go first (their sockets need the I/O context), then the context with
    // any handler it never ran; requests queued for the service thread die with the dispatcher.
    for (const auto &connection : m_core->all())
        m_core->forget(connection.get());
    m_dispatcher.reset();
    m_core.reset();
    if (m_port != 0)
        qCDebug(lcServer) << "HTTP engine on port" << m_port << "stopped";
}

bool HttpEngine::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!m_threads.empty()) {
        *error = u"already listening"_s;
        return false;
    }
    beast::error_code ec;
    QString host = address.toString();
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        host = u"0.0.0.0"_s;
    else if (address == QHostAddress::AnyIPv6)
        host = u"::"_s;
    else if (address == QHostAddress::LocalHost)
        host = u"127.0.0.1"_s;
    const auto ip = net::ip::make_address(host.toStdString(), ec);
    if (ec) {
        *error = u"cannot listen on %1: not an address"_s.arg(address.toString());
        return false;
    }
    const tcp::endpoint endpoint(ip, port);
    tcp::acceptor &acceptor = m_acceptor->acceptor;
    const auto failed = [&](const char *step) {
        *error = u"cannot listen on %1:%2: %3 (%4)"_s.arg(host).arg(port).arg(QString::fromStdString(ec.message()),
                                                                           QString::fromLatin1(step));
        beast::error_code ignored;
        acceptor.close(ignored);
        return false;
    };
    if (acceptor.open(endpoint.protocol(), ec); ec)
        return failed("open");
    if (acceptor.set_option(net::socket_base::reuse_address(true), ec); ec)
        return failed("reuse_address");
    if (acceptor.bind(endpoint, ec); ec)
        return failed("bind");
    if (acceptor.listen(net::socket_base::max_listen_connections, ec); ec)
        return failed("listen");
    m_port = acceptor.local_endpoint(ec).port();
    accept();
    const int threads = qMax(1, m_core->limits.ioThreads);
    for (int i = 0; i < threads; ++i) {
        m_threads.emplace_back([core = m_core.get(), i] {
            QThread::currentThread()->setObjectName(u"relaydesk-http-%1"_s.arg(i));
            core->io.run();
        });
    }
    return true;
}

void HttpEngine::accept()
{
    Acceptor *a = m_acceptor.get();
    Core *core = m_core.get();
    a->acceptor.async_accept(net::make_strand(core->io), [this, a, core](beast::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || !a->acceptor.is_open())
            return;
        if (ec) {
            // Out of descriptors or memory: the listening socket stays; try again in a moment.
            qCWarning(lcServer) << "accept failed:" << ec.message().c_str();
            a->retry.expires_after(std::chrono::milliseconds(50));
            a->retry.async_wait([this](beast::error_code e) {
                if (!e)
                    accept();
            });
            return;
        }
        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        const auto remote = socket.remote_endpoint(ec);
        if (ec) { // reset before it was accepted: nobody to answer (and no address to count it against)
            socket.close(ignored);
            accept();
            return;
        }
        std::string key = remote.address().to_string();
        const bool admitted = core->admit(key);
        QHostAddress peer(QString::fromStdString(key));
        startHttpSession(*core, std::move(socket), std::move(peer), std::move(key), admitted);
        accept();
    });
}

} // namespace relaydesk::server

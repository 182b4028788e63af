#include "HttpLoad.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/http/parser.hpp>

#include <QProcess>
#include <QString>

#include <algorithm>
#include <chrono>
#include <memory>

namespace relaydesk::bench {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

double LoadResult::percentile(double p) const
{
    if (latenciesMs.empty())
        return 0;
    std::vector<double> sorted = latenciesMs;
    std::sort(sorted.begin(), sorted.end());
    const auto index = std::min(sorted.size() - 1, std::size_t(p / 100.0 * double(sorted.size())));
    return sorted[index];
}

QString LoadResult::summary() const
{
    return QStringLiteral("%1 req in %2 s = %3 rps, p50 %4 ms, p99 %5 ms, %6 failed")
        .arg(requests)
        .arg(seconds, 0, 'f', 2)
        .arg(rps(), 0, 'f', 0)
        .arg(percentile(50), 0, 'f', 2)
        .arg(percentile(99), 0, 'f', 2)
        .arg(failures);
}

namespace {

struct Shared
{
    const LoadOptions &options;
    const std::function<std::string(qint64)> &request;
    Clock::time_point deadline;
    qint64 issued = 0;
    LoadResult result;
};

class Client : public std::enable_shared_from_this<Client>
{
public:
    Client(net::io_context &io, Shared &shared) : m_stream(io), m_shared(shared) {}

    void start(const tcp::endpoint &endpoint)
    {
        m_stream.async_connect(endpoint, [self = shared_from_this()](beast::error_code ec) {
            if (ec) {
                ++self->m_shared.result.failures;
                return;
            }
            self->next();
        });
    }

private:
    void next()
    {
        Shared &s = m_shared;
        if (Clock::now() >= s.deadline || (s.options.total >= 0 && s.issued >= s.options.total))
            return;
        m_out = s.request(s.issued++);
        m_started = Clock::now();
        net::async_write(m_stream, net::buffer(m_out), [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) {
                ++self->m_shared.result.failures;
                return;
            }
            self->m_parser.emplace();
            self->m_parser->body_limit(256 * 1024 * 1024);
            http::async_read(self->m_stream, self->m_buffer, *self->m_parser,
                             [self](beast::error_code e, std::size_t) { self->done(e); });
        });
    }

    void done(beast::error_code ec)
    {
        Shared &s = m_shared;
        if (ec) {
            ++s.result.failures;
            return;
        }
        const int status = int(m_parser->get().result_int());
        ++s.result.requests;
        if (status < 200 || status > 299)
            ++s.result.failures;
        s.result.latenciesMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - m_started).count());
        if (!m_parser->get().keep_alive())
            return;
        next();
    }

    beast::tcp_stream m_stream;
    Shared &m_shared;
    beast::flat_buffer m_buffer;
    std::optional<http::response_parser<http::string_body>> m_parser;
    std::string m_out;
    Clock::time_point m_started;
};

} // namespace

LoadResult runLoad(const LoadOptions &options, const std::function<std::string(qint64)> &request)
{
    net::io_context io;
    Shared shared{options, request, {}, 0, {}};
    const auto begin = Clock::now();
    shared.deadline = begin + std::chrono::milliseconds(qint64(options.seconds * 1000));
    const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), options.port);
    for (int i = 0; i < options.connections; ++i)
        std::make_shared<Client>(io, shared)->start(endpoint);
    io.run();
    shared.result.seconds = std::chrono::duration<double>(Clock::now() - begin).count();
    return shared.result;
}

std::string postRequest(const std::string &path, const std::string &auth, const std::string &body)
{
    return "POST " + path + " HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer " + auth
           + "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string getRequest(const std::string &path, const std::string &auth)
{
    return "GET " + path + " HTTP/1.1\r\nHost: bench\r\n" + (auth.empty() ? "" : "Authorization: Bearer " + auth + "\r\n")
           + "\r\n";
}

int runAdmin(const QString &exe, const QStringList &args, const QByteArray &input, QByteArray *output)
{
    QProcess p;
    p.start(exe, args);
    if (!p.waitForStarted())
        return -1;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        return -1;
    if (output)
        *output = p.readAllStandardOutput().trimmed();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace relaydesk::bench

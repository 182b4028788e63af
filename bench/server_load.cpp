// The service under a team's load, on loopback: the real relaydesk-server process, a closed-loop client
// (bench/HttpLoad), and in the same run the server's cheapest endpoint (GET /health) at the same concurrency as
// the anchor, so each line is a ratio that holds on a busy machine.
//   intake: POST /reports with the simulator's reports (gzip logs), diagnosis included (goal >= 1,000/s)
//   feed:   GET /tickets?since=S&limit=50 at 50 connections over the stored tickets (goal >= 5,000 rps, p99 < 20 ms)
// Usage: server_load --server PATH [--tickets N] [--seconds S] [--feed-connections C] [--intake-connections C]
//        [--log-scale X]
// Exits 1 when a goal is missed (after printing everything).
#include "HttpLoad.h"

#include "core/ReportCodec.h"
#include "sim/ReportGenerator.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace relaydesk;

namespace {

QTextStream out(stdout);

// One blocking request (setup only).
std::string call(quint16 port, const std::string &request)
{
    namespace net = boost::asio;
    namespace http = boost::beast::http;
    net::io_context io;
    net::ip::tcp::socket socket(io);
    socket.connect({net::ip::make_address("127.0.0.1"), port});
    net::write(socket, net::buffer(request));
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(socket, buffer, response);
    return response.body();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption serverOption(u"server"_s, u"relaydesk-server binary."_s, u"PATH"_s);
    const QCommandLineOption ticketsOption(u"tickets"_s, u"Reports to post (and tickets in the feed)."_s, u"N"_s, u"5000"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Length of each timed phase."_s, u"S"_s, u"8"_s);
    const QCommandLineOption feedOption(u"feed-connections"_s, u"Connections for the feed."_s, u"C"_s, u"50"_s);
    const QCommandLineOption intakeOption(u"intake-connections"_s, u"Connections for intake."_s, u"C"_s, u"16"_s);
    const QCommandLineOption scaleOption(u"log-scale"_s, u"Simulator log size factor."_s, u"X"_s, u"1.0"_s);
    parser.addOptions({serverOption, ticketsOption, secondsOption, feedOption, intakeOption, scaleOption});
    parser.process(app);
    const QString exe = parser.value(serverOption);
    const int tickets = parser.value(ticketsOption).toInt();
    const double seconds = parser.value(secondsOption).toDouble();
    const int feedConnections = parser.value(feedOption).toInt();
    const int intakeConnections = parser.value(intakeOption).toInt();
    if (exe.isEmpty() || tickets < 1 || seconds <= 0) {
        out << "usage: server_load --server PATH [--tickets N] [--seconds S]\n";
        return 2;
    }

    QTemporaryDir dir;
    const QString db = dir.filePath(u"bench.db"_s);
    QByteArray key;
    if (bench::runAdmin(exe, {u"--db"_s, db, u"add-client-key"_s, u"bench"_s}, {}, &key) != 0
        || bench::runAdmin(exe, {u"--db"_s, db, u"add-user"_s, u"bench"_s, u"--role"_s, u"agent"_s}, "bench password long\n",
                 nullptr)
               != 0) {
        out << "cannot prepare the database\n";
        return 2;
    }
    QProcess server;
    server.setStandardErrorFile(dir.filePath(u"server.log"_s)); // one line per report: not for the terminal
    server.start(exe, {u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s, u"--max-connections-per-ip"_s, u"1000"_s});
    // The "listening on" line (a wrapper such as heaptrack or perf may print its own lines first).
    QRegularExpressionMatch match;
    while (!match.hasMatch() && (server.canReadLine() || server.waitForReadyRead(30000)))
        match = QRegularExpression(u"^listening on .*:(\\d+)\\s*$"_s).match(QString::fromUtf8(server.readLine()));
    if (!match.hasMatch()) {
        out << "the server did not start\n";
        return 2;
    }
    const quint16 port = quint16(match.captured(1).toUInt());
    const QJsonObject login = QJsonDocument::fromJson(QByteArray::fromStdString(call(
        port, bench::postRequest("/api/v1/auth/login", "-", R"({"username":"bench","password":"bench password long"})"))))
                                  .object();
    const std::string token = login.value("token"_L1).toString().toStdString();

    // The reports, generated before the clock starts.
    sim::GeneratorOptions generatorOptions;
    generatorOptions.seed = 77;
    generatorOptions.logScale = parser.value(scaleOption).toDouble();
    sim::ReportGenerator generator(generatorOptions);
    std::vector<std::string> bodies;
    bodies.reserve(std::size_t(tickets));
    qint64 bodyBytes = 0;
    for (int i = 0; i < tickets; ++i) {
        const QByteArray json = QJsonDocument(encodeReport(generator.next().report)).toJson(QJsonDocument::Compact);
        bodyBytes += json.size();
        bodies.push_back(json.toStdString());
    }
    const std::string clientKey = key.toStdString();
    out << "server_load: " << tickets << " simulator reports, mean body " << bodyBytes / tickets / 1024
        << " KiB (gzip+base64 logs), " << seconds << " s phases\n";
    out.flush();

    bench::LoadOptions anchorOptions{port, intakeConnections, seconds, -1};
    const bench::LoadResult healthIntake = bench::runLoad(anchorOptions, [](qint64) { return bench::getRequest("/api/v1/health"); });
    bench::LoadOptions intakeOptions{port, intakeConnections, 600, tickets};
    const bench::LoadResult intake = bench::runLoad(
        intakeOptions, [&](qint64 i) { return bench::postRequest("/api/v1/reports", clientKey, bodies[std::size_t(i)]); });
    out << "anchor  GET /health      x" << intakeConnections << ": " << healthIntake.summary() << '\n';
    out << "intake  POST /reports    x" << intakeConnections << ": " << intake.summary() << '\n';
    out << "        ratio intake/health " << QString::number(intake.rps() / healthIntake.rps(), 'f', 4)
        << "; goal >= 1000 reports/s: " << (intake.rps() >= 1000 ? "met" : "MISSED") << '\n';
    out.flush();

    bench::LoadOptions feedAnchor{port, feedConnections, seconds, -1};
    const bench::LoadResult healthFeed = bench::runLoad(feedAnchor, [](qint64) { return bench::getRequest("/api/v1/health"); });
    QRandomGenerator random(5);
    const bench::LoadResult feed = bench::runLoad(feedAnchor, [&](qint64) {
        return bench::getRequest("/api/v1/tickets?since=" + std::to_string(random.bounded(tickets)) + "&limit=50", token);
    });
    out << "anchor  GET /health      x" << feedConnections << ": " << healthFeed.summary() << '\n';
    out << "feed    GET /tickets 50  x" << feedConnections << ": " << feed.summary() << '\n';
    const bool feedMet = feed.rps() >= 5000 && feed.percentile(99) < 20;
    out << "        ratio feed/health " << QString::number(feed.rps() / healthFeed.rps(), 'f', 4)
        << "; goal >= 5000 rps and p99 < 20 ms: " << (feedMet ? "met" : "MISSED") << '\n';
    out.flush();

    server.terminate();
    server.waitForFinished(30000);
    const bool failures = intake.failures > 0 || feed.failures > 0;
    if (failures)
        out << "FAILED requests seen (see above)\n";
    return (intake.rps() >= 1000 && feedMet && !failures) ? 0 : 1;
}

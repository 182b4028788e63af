// Tier 1's outbox under a surge, on loopback: the real relaydesk-server with --gateway pointed at the simulator's
// gateway (sim/GatewaySimulator, in this process on its own thread, default behaviour: no added latency, network
// causes fail their first attempt half the time with a 503, a dropped connection, a lost answer or a 20 s stall),
// N simulator reports of true cause network or server (the ones tier 1 resends) posted at once, and the time
// until no ticket is left in reported/diagnosed/auto_handling (read from the database, read-only, every 50 ms).
// Tickets/s drained = tickets tier 1 resent / (first post -> none left), and 95 % of them / (first post -> 95 %
// settled), which the goal is on: the default gateway timeout (10 s) holds every stalled first attempt, so 1,000
// tickets cannot drain in under ~13 s (~70/s), and the last few wait out the policy (circuit cool-down 30 s,
// backoff). The anchor, in the same run: GET /api/v1/health at the dispatcher's per-region bound.
// Usage: outbox_drain_bench --server PATH [--reports N] [--latency-ms L] [--per-region P] [--seed S]
//        [--goal R] [--timeout S]
// Exits 1 when fewer than R tickets/s drain to 95 % (default 50), a message is delivered twice, or a request fails.
#include "HttpLoad.h"

#include "core/ReportCodec.h"
#include "sim/GatewaySimulator.h"
#include "sim/ReportGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace relaydesk;

namespace {

QTextStream out(stdout);
const QByteArray kSecret = "outbox-drain-bench-secret";

// The gateway simulator on its own thread (the load client below blocks this one).
class GatewayThread
{
public:
    GatewayThread() { m_thread.start(); m_context.moveToThread(&m_thread); }
    ~GatewayThread()
    {
        run([this] { m_gateway.reset(); });
        m_thread.quit();
        m_thread.wait();
    }
    template <typename F> void run(F f) { QMetaObject::invokeMethod(&m_context, f, Qt::BlockingQueuedConnection); }
    std::unique_ptr<sim::GatewaySimulator> &gateway() { return m_gateway; }

private:
    QThread m_thread;
    QObject m_context;
    std::unique_ptr<sim::GatewaySimulator> m_gateway;
};

// Tickets not yet settled by tier 1, and tickets tier 1 resent, read from the server's database.
struct DbCounts
{
    qint64 unsettled = -1;
    qint64 resent = 0;
    qint64 tickets = 0;
};

DbCounts counts(const QString &path)
{
    DbCounts c;
    QSqlDatabase db = QSqlDatabase::database(u"watch"_s, false);
    if (!db.isValid()) {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"watch"_s);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"_s);
    }
    if (!db.isOpen() && !db.open())
        return c;
    QSqlQuery q(db);
    if (q.exec(u"SELECT (SELECT COUNT(*) FROM tickets WHERE status IN ('reported', 'diagnosed', 'auto_handling')),"
               " (SELECT COUNT(DISTINCT ticket_id) FROM outbox WHERE kind = 'resend'), (SELECT COUNT(*) FROM tickets)"_s)
        && q.next()) {
        c.unsettled = q.value(0).toLongLong();
        c.resent = q.value(1).toLongLong();
        c.tickets = q.value(2).toLongLong();
    }
    return c;
}

// Pending outbox rows per region ("region due/all"), for the progress lines.
QString pendingByRegion(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::database(u"watch"_s);
    QSqlQuery q(db);
    QStringList parts;
    if (q.exec(u"SELECT CASE WHEN last_region = '' THEN home_region ELSE last_region END AS r,"
               " SUM(next_at <= CAST(strftime('%s', 'now') AS INTEGER) * 1000), COUNT(*) FROM outbox"
               " WHERE state = 'pending' GROUP BY r ORDER BY r"_s)) {
        while (q.next())
            parts << u"%1 %2/%3"_s.arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    }
    Q_UNUSED(path)
    return parts.join(u", "_s);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption serverOption(u"server"_s, u"relaydesk-server binary."_s, u"PATH"_s);
    const QCommandLineOption reportsOption(u"reports"_s, u"Reports to post (network/server true cause)."_s, u"N"_s,
                                           u"1000"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"Gateway latency added to every answer."_s, u"MS"_s,
                                           u"0"_s);
    const QCommandLineOption perRegionOption(u"per-region"_s,
                                             u"dispatch.max_in_flight_per_region in the policy (default: not set, "
                                             "the server's default)."_s,
                                             u"P"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Simulator seed."_s, u"S"_s, u"11"_s);
    const QCommandLineOption goalOption(u"goal"_s, u"Tickets/s to drain 95 % of them at least."_s, u"R"_s, u"50"_s);
    const QCommandLineOption timeoutOption(u"timeout"_s, u"Give up after this many seconds."_s, u"S"_s, u"900"_s);
    const QCommandLineOption policyOption(u"policy"_s, u"Tier-1 policy JSON (replaces the default {} and --per-region)."_s,
                                          u"JSON"_s);
    const QCommandLineOption intakeOption(u"intake-connections"_s, u"Connections posting the reports."_s, u"C"_s,
                                          u"16"_s);
    parser.addOptions(
        {serverOption, reportsOption, latencyOption, perRegionOption, seedOption, goalOption, timeoutOption, intakeOption,
         policyOption});
    parser.process(app);
    const QString exe = parser.value(serverOption);
    const int reports = parser.value(reportsOption).toInt();
    const int latencyMs = parser.value(latencyOption).toInt();
    const int perRegion = parser.isSet(perRegionOption) ? parser.value(perRegionOption).toInt() : 32;
    const double goal = parser.value(goalOption).toDouble();
    const double timeoutS = parser.value(timeoutOption).toDouble();
    const int intakeConnections = parser.value(intakeOption).toInt();
    const quint32 seed = parser.value(seedOption).toUInt();
    if (exe.isEmpty() || reports < 1 || perRegion < 1) {
        out << "usage: outbox_drain_bench --server PATH [--reports N] [--latency-ms L] [--per-region P]\n";
        return 2;
    }

    QTemporaryDir dir;
    const QString db = dir.filePath(u"drain.db"_s);
    const QString secretFile = dir.filePath(u"gateway.secret"_s);
    const QString policyFile = dir.filePath(u"policy.json"_s);
    {
        QFile f(secretFile);
        f.open(QIODevice::WriteOnly);
        f.write(kSecret + '\n');
        QFile p(policyFile);
        p.open(QIODevice::WriteOnly);
        p.write(parser.isSet(policyOption) ? parser.value(policyOption).toUtf8()
                : parser.isSet(perRegionOption)
                    ? QByteArray(R"({"dispatch": {"max_in_flight_per_region": )" + QByteArray::number(perRegion) + "}}")
                    : QByteArray("{}"));
    }
    QByteArray key;
    if (bench::runAdmin(exe, {u"--db"_s, db, u"add-client-key"_s, u"bench"_s}, {}, &key) != 0) {
        out << "cannot prepare the database\n";
        return 2;
    }

    // The reports tier 1 resends (true cause network or server), generated before the clock starts, each one's
    // truth registered with the gateway as relaydesk-sim does.
    sim::GeneratorOptions generatorOptions;
    generatorOptions.seed = seed;
    generatorOptions.logScale = 0.2; // small logs: the intake is not what is measured here
    sim::ReportGenerator generator(generatorOptions);
    std::vector<sim::GeneratedReport> generated;
    std::vector<std::string> bodies;
    while (int(bodies.size()) < reports) {
        sim::GeneratedReport g = generator.next();
        if (g.trueCause != Cause::Network && g.trueCause != Cause::Server)
            continue;
        bodies.push_back(QJsonDocument(encodeReport(g.report)).toJson(QJsonDocument::Compact).toStdString());
        generated.push_back(std::move(g));
    }

    GatewayThread gatewayThread;
    QString error;
    QUrl gatewayUrl;
    gatewayThread.run([&] {
        auto &gateway = gatewayThread.gateway();
        gateway = std::make_unique<sim::GatewaySimulator>(kSecret, seed);
        gateway->setRegionDegraded(generator.degradedRegion(), true);
        gateway->setLatency(latencyMs);
        for (const sim::GeneratedReport &g : generated)
            gateway->registerTruth(g.report.message.clientMessageId, g.trueCause, g.family, g.report.failure.region);
        if (gateway->listen(QHostAddress::LocalHost, 0, &error))
            gatewayUrl = gateway->baseUrl();
    });
    if (gatewayUrl.isEmpty()) {
        out << "the gateway did not start: " << error << '\n';
        return 2;
    }

    QProcess server;
    server.setStandardErrorFile(dir.filePath(u"server.log"_s));
    server.start(exe, {u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s, u"--max-connections-per-ip"_s, u"1000"_s,
                       u"--gateway"_s, gatewayUrl.toString(), u"--gateway-secret-file"_s, secretFile, u"--policy"_s,
                       policyFile});
    server.waitForReadyRead(30000);
    const auto match = QRegularExpression(u":(\\d+)\\s*$"_s).match(QString::fromUtf8(server.readLine()));
    if (!match.hasMatch()) {
        out << "the server did not start\n";
        return 2;
    }
    const quint16 port = quint16(match.captured(1).toUInt());
    out << "outbox_drain: " << reports << " simulator reports (network/server true cause), gateway latency "
        << latencyMs << " ms, degraded region " << generator.degradedRegion() << ", per-region bound "
        << (parser.isSet(perRegionOption) ? QString::number(perRegion) : u"server default"_s) << '\n';
    out.flush();

    // The surge: every report posted as fast as intake takes them, the drain watched from the first post.
    QElapsedTimer clock;
    clock.start();
    const std::string clientKey = key.toStdString();
    std::atomic<bool> intakeDone{false};
    bench::LoadResult intake;
    double intakeSeconds = 0;
    QThread *intakeThread = QThread::create([&] {
        bench::LoadOptions intakeOptions{port, intakeConnections, 600, reports};
        intake = bench::runLoad(intakeOptions,
                                [&](qint64 i) { return bench::postRequest("/api/v1/reports", clientKey, bodies[std::size_t(i)]); });
        intakeSeconds = double(clock.elapsed()) / 1000.0;
        intakeDone = true;
    });
    intakeThread->start();
    DbCounts last;
    double drainSeconds = -1;
    double p95Seconds = -1; // 95 % of the resent tickets settled
    int peakInFlight = 0;
    int inFlightNow = 0;
    qint64 nextProgress = 5000;
    while (double(clock.elapsed()) / 1000.0 < timeoutS) {
        QThread::msleep(50);
        last = counts(db);
        gatewayThread.run([&] {
            peakInFlight = gatewayThread.gateway()->maxInFlight();
            inFlightNow = gatewayThread.gateway()->inFlight();
        });
        if (clock.elapsed() >= nextProgress) {
            nextProgress += 5000;
            out << "  " << clock.elapsed() / 1000 << " s: " << last.unsettled << " unsettled, " << inFlightNow
                << " in flight at the gateway; pending due/all: " << pendingByRegion(db) << "\n";
            out.flush();
        }
        if (p95Seconds < 0 && intakeDone && last.tickets >= intake.requests && last.resent > 0
            && double(last.unsettled) <= 0.05 * double(last.resent))
            p95Seconds = double(clock.elapsed()) / 1000.0;
        if (intakeDone && last.unsettled == 0 && last.tickets >= intake.requests) {
            drainSeconds = double(clock.elapsed()) / 1000.0;
            break;
        }
    }
    intakeThread->wait();
    delete intakeThread;

    qint64 doubleDeliveries = 0;
    qint64 attempts = 0;
    gatewayThread.run([&] {
        for (const sim::GatewayDelivery &d : gatewayThread.gateway()->deliveries()) {
            doubleDeliveries += qMax(0, d.delivered - 1);
            attempts += d.attempts;
        }
        for (const sim::GeneratedReport &g : generated)
            doubleDeliveries += qMax(0, gatewayThread.gateway()->deliveriesForMessage(g.report.message.clientMessageId) - 1);
    });

    bench::LoadOptions anchorOptions{port, perRegion, 4, -1};
    const bench::LoadResult health = bench::runLoad(anchorOptions, [](qint64) {
        return std::string("GET /api/v1/health HTTP/1.1\r\nHost: bench\r\n\r\n");
    });

    const double rateAll = drainSeconds > 0 ? double(last.resent) / drainSeconds : 0;
    // The goal is on 95 %: the last few tickets wait out policy (circuit cool-down 30 s, backoff), not throughput.
    const double rate = p95Seconds > 0 ? 0.95 * double(last.resent) / p95Seconds : 0;
    out << "intake  POST /reports    x" << intakeConnections << ": " << intake.summary() << '\n';
    out << "drain   " << last.resent << " tickets resent by tier 1 (of " << last.tickets << "), " << attempts
        << " gateway attempts, at most " << peakInFlight << " in flight at the gateway, "
        << doubleDeliveries << " delivered twice\n";
    if (drainSeconds < 0)
        out << "        NOT DRAINED after " << timeoutS << " s: " << last.unsettled << " tickets still unsettled\n";
    else
        out << "        none left in auto_handling after " << QString::number(drainSeconds, 'f', 2)
            << " s (intake took " << QString::number(intakeSeconds, 'f', 2) << " s): "
            << QString::number(rateAll, 'f', 1) << " tickets/s; 95 % after " << QString::number(p95Seconds, 'f', 2)
            << " s: " << QString::number(rate, 'f', 1) << " tickets/s\n";
    out << "anchor  GET /health      x" << perRegion << ": " << health.summary() << '\n';
    out << "        ratio drain tickets/s / health rps " << QString::number(rate / qMax(1.0, health.rps()), 'f', 5)
        << "; goal >= " << goal << " tickets/s to 95 %: " << (rate >= goal ? "met" : "MISSED") << '\n';
    out.flush();

    server.terminate();
    server.waitForFinished(30000);
    QSqlDatabase::removeDatabase(u"watch"_s);
    const bool failures = intake.failures > 0 || health.failures > 0 || doubleDeliveries > 0;
    if (failures)
        out << "FAILED requests or double deliveries seen (see above)\n";
    return (rate >= goal && !failures) ? 0 : 1;
}

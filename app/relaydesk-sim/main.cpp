// relaydesk-sim: composition root. Parses options, builds the generator and the uploader (or dumper) and the
// IM gateway simulator, runs.
#include "sim/GatewaySimulator.h"
#include "sim/ReportDumper.h"
#include "sim/ReportGenerator.h"
#include "sim/ReportUploader.h"
#include "sim/TelemetryReporter.h"
#include "core/ShutdownSignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace relaydesk;

namespace {

enum ExitCode { Ok = 0, SomeFailed = 1, Usage = 2, Unreachable = 3, DumpFailed = 4, GatewayFailed = 5 };

int fail(const QString &message, int code)
{
    QTextStream(stderr) << "relaydesk-sim: " << message << '\n';
    return code;
}

// "HOST:PORT" (IPv6 as [::1]:PORT); false when malformed.
bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint value = text.mid(colon + 1).toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    *port = quint16(value);
    if (host == "localhost"_L1)
        host = u"127.0.0.1"_s;
    return address->setAddress(host);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"relaydesk-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RELAYDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Simulated IM devices: generates realistic failed-message reports with device logs and posts them to "
        "a Relaydesk service (POST /api/v1/reports), or writes them as JSON files with --dump."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(u"server"_s, u"Service base URL, e.g. http://127.0.0.1:8080."_s, u"URL"_s);
    const QCommandLineOption key(u"client-key"_s, u"Client key for report intake (Authorization: Bearer)."_s,
                                 u"KEY"_s);
    const QCommandLineOption rate(u"rate"_s, u"Reports per second; 0 = as fast as the window allows."_s, u"R"_s,
                                  u"10"_s);
    const QCommandLineOption count(u"count"_s, u"Number of reports; 0 = until interrupted (not with --dump)."_s,
                                   u"N"_s, u"100"_s);
    const QCommandLineOption seed(u"seed"_s, u"Random seed; the same seed gives the same reports. Default: clock."_s,
                                  u"S"_s);
    const QCommandLineOption start(u"start"_s,
                                   u"reported_at of the first report (RFC 3339). Default: now when posting, "
                                   "2026-03-17T08:00:00Z with --dump."_s,
                                   u"TIME"_s);
    const QCommandLineOption dump(u"dump"_s, u"Write N report JSON files and truth.jsonl into DIR instead of posting."_s,
                                  u"DIR"_s);
    const QCommandLineOption inFlight(u"in-flight"_s, u"Maximum concurrent requests."_s, u"N"_s, u"4"_s);
    const QCommandLineOption logScale(u"log-scale"_s, u"Multiplier for the number of log lines (default 1)."_s,
                                      u"F"_s, u"1"_s);
    const QCommandLineOption quiet(u"quiet"_s, u"Print only the summary line."_s);
    const QCommandLineOption gatewayListen(u"gateway-listen"_s,
                                           u"Serve the IM gateway (docs/gateway.md) on HOST:PORT (port 0: any free "
                                           "port) until SIGINT/SIGTERM; with --server, posted reports' true causes "
                                           "decide the gateway's answers."_s,
                                           u"HOST:PORT"_s);
    const QCommandLineOption gatewaySecret(u"gateway-secret"_s, u"Shared secret for gateway request signatures."_s,
                                           u"SECRET"_s);
    const QCommandLineOption gatewaySecretFile(u"gateway-secret-file"_s, u"Read the gateway secret from FILE."_s,
                                               u"FILE"_s);
    const QCommandLineOption telemetry(u"telemetry"_s,
                                       u"Also post per-region, per-minute delivery telemetry to --server "
                                       "(POST /api/v1/telemetry)."_s);
    const QCommandLineOption telemetryOnly(u"telemetry-only"_s, u"Post telemetry only, no reports."_s);
    const QCommandLineOption telemetryRegions(u"telemetry-regions"_s,
                                              u"Comma-separated regions (default eu-west,us-east,ap-south,cn-north)."_s,
                                              u"LIST"_s);
    const QCommandLineOption telemetryStart(u"telemetry-start"_s,
                                            u"Simulated time of the first telemetry minute (RFC 3339). Default: now."_s,
                                            u"TIME"_s);
    const QCommandLineOption telemetryMinuteMs(u"telemetry-minute-ms"_s,
                                               u"Real milliseconds per simulated minute (default 60000: real time)."_s,
                                               u"MS"_s, u"60000"_s);
    const QCommandLineOption telemetryMinutes(u"telemetry-minutes"_s,
                                              u"Simulated minutes to post; 0 = until interrupted."_s, u"N"_s, u"0"_s);
    const QCommandLineOption outage(u"outage"_s,
                                    u"Scripted outage REGION@+START/DURATION in simulated time, e.g. eu-west@+2m/5m: "
                                    "the region's failure rate jumps and the gateway (with --gateway-listen) answers "
                                    "503 for it. Repeatable."_s,
                                    u"SPEC"_s);
    parser.addOptions({server, key, rate, count, seed, start, dump, inFlight, logScale, quiet, gatewayListen,
                       gatewaySecret, gatewaySecretFile, telemetry, telemetryOnly, telemetryRegions, telemetryStart,
                       telemetryMinuteMs, telemetryMinutes, outage});
    parser.process(app);

    bool ok = false;
    const double reportsPerSecond = parser.value(rate).toDouble(&ok);
    if (!ok || reportsPerSecond < 0)
        return fail(u"--rate must be a number >= 0"_s, Usage);
    const qint64 reports = parser.value(count).toLongLong(&ok);
    if (!ok || reports < 0)
        return fail(u"--count must be an integer >= 0"_s, Usage);
    const int window = parser.value(inFlight).toInt(&ok);
    if (!ok || window < 1 || window > 64)
        return fail(u"--in-flight must be 1-64"_s, Usage);
    const double scale = parser.value(logScale).toDouble(&ok);
    if (!ok || scale <= 0 || scale > 20)
        return fail(u"--log-scale must be a number in (0, 20]"_s, Usage);

    sim::GeneratorOptions options;
    options.seed = quint32(QDateTime::currentMSecsSinceEpoch());
    if (parser.isSet(seed)) {
        options.seed = parser.value(seed).toUInt(&ok);
        if (!ok)
            return fail(u"--seed must be an unsigned 32-bit integer"_s, Usage);
    }
    options.logScale = scale;
    options.spacingMs = reportsPerSecond > 0 ? qMax<qint64>(1, qint64(1000.0 / reportsPerSecond)) : 1000;
    if (parser.isSet(start)) {
        options.start = QDateTime::fromString(parser.value(start), Qt::ISODateWithMs);
        if (!options.start.isValid() || options.start.timeSpec() == Qt::LocalTime)
            return fail(u"--start must be an RFC 3339 time with offset, e.g. 2026-03-17T08:00:00Z"_s, Usage);
    } else if (!parser.isSet(dump)) {
        options.start = QDateTime::currentDateTimeUtc();
    }
    sim::ReportGenerator generator(options);

    const bool withTelemetry = parser.isSet(telemetry) || parser.isSet(telemetryOnly);
    sim::OutagePlan outages;
    for (const QString &spec : parser.values(outage)) {
        QString error;
        const auto parsed = sim::Outage::parse(spec, &error);
        if (!parsed)
            return fail(u"--outage: %1"_s.arg(error), Usage);
        outages.add(*parsed);
    }
    const int minuteMs = parser.value(telemetryMinuteMs).toInt(&ok);
    if (!ok || minuteMs < 1)
        return fail(u"--telemetry-minute-ms must be an integer >= 1"_s, Usage);
    const int telemetryCount = parser.value(telemetryMinutes).toInt(&ok);
    if (!ok || telemetryCount < 0)
        return fail(u"--telemetry-minutes must be an integer >= 0"_s, Usage);
    QDateTime telemetryFirst = QDateTime::currentDateTimeUtc();
    if (parser.isSet(telemetryStart)) {
        telemetryFirst = QDateTime::fromString(parser.value(telemetryStart), Qt::ISODateWithMs);
        if (!telemetryFirst.isValid() || telemetryFirst.timeSpec() == Qt::LocalTime)
            return fail(u"--telemetry-start must be an RFC 3339 time with offset"_s, Usage);
    }
    if (withTelemetry && parser.isSet(dump))
        return fail(u"--telemetry cannot be combined with --dump"_s, Usage);

    std::unique_ptr<sim::GatewaySimulator> gateway;
    std::unique_ptr<ShutdownSignals> shutdown;
    if (parser.isSet(gatewayListen)) {
        if (parser.isSet(dump))
            return fail(u"--gateway-listen cannot be combined with --dump"_s, Usage);
        QHostAddress address;
        quint16 port = 0;
        if (!parseListen(parser.value(gatewayListen), &address, &port))
            return fail(u"--gateway-listen must be HOST:PORT, e.g. 127.0.0.1:0"_s, Usage);
        QByteArray secret = parser.value(gatewaySecret).toUtf8();
        if (parser.isSet(gatewaySecretFile)) {
            QFile file(parser.value(gatewaySecretFile));
            if (!file.open(QIODevice::ReadOnly))
                return fail(u"cannot read --gateway-secret-file: %1"_s.arg(file.errorString()), Usage);
            secret = file.readAll().trimmed();
        }
        if (secret.isEmpty())
            return fail(u"--gateway-listen needs --gateway-secret or --gateway-secret-file"_s, Usage);
        gateway = std::make_unique<sim::GatewaySimulator>(secret, options.seed);
        gateway->setRegionDegraded(generator.degradedRegion(), true);
        QString error;
        if (!gateway->listen(address, port, &error))
            return fail(error, GatewayFailed);
        QTextStream(stdout) << "gateway listening on " << gateway->baseUrl().toString() << Qt::endl;
        shutdown = std::make_unique<ShutdownSignals>();
        QObject::connect(shutdown.get(), &ShutdownSignals::shutdownRequested, &app, [&app] { app.exit(Ok); });
        if (!withTelemetry) {
            // Without telemetry (whose simulated clock drives them) outages run in real time from now.
            for (const sim::Outage &o : outages.outages()) {
                QTimer::singleShot(o.startMs, &app, [&gateway, o] { gateway->setRegionDown(o.region, true); });
                QTimer::singleShot(o.startMs + o.durationMs, &app,
                                   [&gateway, o] { gateway->setRegionDown(o.region, false); });
            }
        }
        if (!parser.isSet(server))
            return QCoreApplication::exec();
    }

    if (parser.isSet(dump)) {
        if (reports == 0)
            return fail(u"--dump needs --count N > 0"_s, Usage);
        QString error;
        if (!sim::ReportDumper(generator).dump(parser.value(dump), reports, &error))
            return fail(error, DumpFailed);
        QTextStream(stdout) << "wrote " << reports << " reports to " << parser.value(dump) << " (seed "
                            << options.seed << ")\n";
        return Ok;
    }

    if (!parser.isSet(server) || !parser.isSet(key))
        return fail(u"--server and --client-key are required (or use --dump DIR); see --help"_s, Usage);
    const QUrl url = QUrl::fromUserInput(parser.value(server));
    if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1))
        return fail(u"--server must be an http(s) URL"_s, Usage);

    QNetworkAccessManager network;
    std::unique_ptr<sim::TelemetryReporter> reporter;
    if (withTelemetry) {
        reporter = std::make_unique<sim::TelemetryReporter>(&network, options.seed);
        reporter->setServer(url);
        reporter->setClientKey(parser.value(key));
        if (parser.isSet(telemetryRegions))
            reporter->setRegions(parser.value(telemetryRegions).split(u',', Qt::SkipEmptyParts));
        reporter->setStart(telemetryFirst);
        reporter->setMinuteIntervalMs(minuteMs);
        reporter->setMinutes(telemetryCount);
        reporter->setOutages(outages);
        reporter->setGateway(gateway.get());
        QObject::connect(reporter.get(), &sim::TelemetryReporter::failed, &app, [](const QString &reason) {
            QTextStream(stderr) << "relaydesk-sim: telemetry: " << reason << '\n';
        });
        QObject::connect(reporter.get(), &sim::TelemetryReporter::finished, &app, [&] {
            QTextStream(stdout) << "telemetry: " << reporter->minutesAccepted() << " minutes accepted\n";
            if (parser.isSet(telemetryOnly) && !gateway)
                app.exit(Ok);
        });
        reporter->start();
        if (parser.isSet(telemetryOnly))
            return QCoreApplication::exec();
    }
    sim::ReportUploader uploader(&network, [&generator, &gateway] {
        sim::GeneratedReport generated = generator.next();
        if (gateway)
            gateway->registerTruth(generated.report.message.clientMessageId, generated.trueCause, generated.family,
                                   generated.report.failure.region);
        return generated.report;
    });
    uploader.setServer(url);
    uploader.setClientKey(parser.value(key));
    uploader.setRate(reportsPerSecond);
    uploader.setCount(reports);
    uploader.setMaxInFlight(window);
    const bool verbose = !parser.isSet(quiet);
    if (verbose)
        QTextStream(stderr) << "relaydesk-sim: seed " << options.seed << ", posting to " << url.toString() << '\n';
    QObject::connect(&uploader, &sim::ReportUploader::reportFailed, &app,
                     [verbose](const QString &id, const QString &reason) {
                         if (verbose)
                             QTextStream(stderr) << "relaydesk-sim: report " << id << " failed: " << reason << '\n';
                     });
    QObject::connect(&uploader, &sim::ReportUploader::finished, &app, [&] {
        const sim::UploadStats s = uploader.stats();
        QTextStream(stdout) << "sent " << s.sent << ", accepted " << s.accepted << ", duplicates " << s.duplicates
                            << ", failed " << s.failed << '\n';
        if (uploader.serverUnreachable()) {
            QTextStream(stderr) << "relaydesk-sim: error: cannot reach " << url.toString() << ": "
                                << uploader.lastError() << '\n';
            if (!gateway)
                app.exit(Unreachable);
        } else if (!gateway) {
            app.exit(s.failed > 0 ? SomeFailed : Ok);
        }
    });
    uploader.start();
    return QCoreApplication::exec();
}

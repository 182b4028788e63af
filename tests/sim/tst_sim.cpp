#include "HttpResponder.h"

#include "sim/ReportGenerator.h"
#include "sim/ReportUploader.h"
#include "sim/SignatureTables.h"

#include "core/Limits.h"
#include "core/LogPayload.h"
#include "core/ReportCodec.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace relaydesk;
using namespace relaydesk::sim;
using namespace Qt::StringLiterals;

namespace {

// Line formats from DOMAIN.md (logcat: verbatim; it matches all of Loghub Android_2k).
const QRegularExpression kLogcat(uR"(^(\d\d-\d\d)\s+(\d\d:\d\d:\d\d\.\d{3})\s+(\d+)\s+(\d+)\s+([VDIWEFA])\s+(.*?)\s*:\s(.*)$)"_s);
const QRegularExpression kIos(
    uR"(^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6})([+-]\d{4})\s+(0x[0-9a-f]+)\s+(Default|Info|Debug|Error|Fault)\s+(0x[0-9a-f]+)\s+(\d+)\s+(\d+)\s+(.+?):\s(.*)$)"_s);
const QRegularExpression kElectron(
    uR"(^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})\] \[(error|warn|info|verbose|debug|silly)\] \((\S+)\) (.*)$)"_s);
const QRegularExpression kLeftover(uR"(\{(int|hex|pick):|\{[a-z]+\})"_s);

// What each family must leave in the log, independent of the simulator's own tables.
const QHash<QString, QString> kMarkers = {
    {u"unknown_host"_s, u"UnknownHostException|Code=-1003|ENOTFOUND"_s},
    {u"dns_eai_again"_s, u"EAI_AGAIN|Code=-1003"_s},
    {u"ssl_trust_anchor"_s, u"Trust anchor for certification path not found|Code=-1202|ERR_CERT_AUTHORITY_INVALID"_s},
    {u"socket_timeout"_s, u"SocketTimeoutException|Code=-1001|ETIMEDOUT"_s},
    {u"connection_reset"_s, u"Connection reset|Code=-1005|ECONNRESET"_s},
    {u"offline"_s, u"Code=-1009|ERR_INTERNET_DISCONNECTED|no network"_s},
    {u"captive_portal"_s, u"Portal detected|captive network|detectportal"_s},
    {u"http_503"_s, u"\\b503\\b.*SERVICE_UNAVAILABLE|SERVICE_UNAVAILABLE"_s},
    {u"http_502"_s, u"BAD_GATEWAY"_s},
    {u"http_500"_s, u"RPC_CALL_FAIL"_s},
    {u"http_504"_s, u"GATEWAY_TIMEOUT"_s},
    {u"worker_busy"_s, u"WORKER_BUSY_TOO_LONG_RETRY"_s},
    {u"rate_limited"_s, u"Retry-After: \\d+"_s},
    {u"flood_wait"_s, u"FLOOD_WAIT_\\d+"_s},
    {u"dc_migrate"_s, u"NETWORK_MIGRATE_\\d"_s},
    {u"android_fatal_exception"_s, u"E AndroidRuntime: FATAL EXCEPTION: main"_s},
    {u"android_anr"_s, u"ANR in im\\.kite\\.android"_s},
    {u"ios_uncaught_exception"_s, u"Terminating app due to uncaught exception"_s},
    {u"electron_render_process_gone"_s, u"render-process-gone"_s},
    {u"deprecated_version"_s, u"CLIENT_VERSION_DEPRECATED"_s},
    {u"clock_out_of_sync"_s, u"error-message-ts-out-of-sync"_s},
    {u"local_store_error"_s, u"SQLITE_FULL|database or disk is full|QuotaExceededError"_s},
    {u"spam_rejected"_s, u"M_FORBIDDEN.*probable spam"_s},
    {u"chat_write_forbidden"_s, u"CHAT_WRITE_FORBIDDEN"_s},
    {u"user_blocked"_s, u"USER_IS_BLOCKED"_s},
    {u"privacy_restricted"_s, u"USER_PRIVACY_RESTRICTED"_s},
    {u"consent_not_given"_s, u"M_CONSENT_NOT_GIVEN"_s},
    {u"media_too_large"_s, u"M_TOO_LARGE|PayloadTooLarge"_s},
    {u"message_too_long"_s, u"MESSAGE_TOO_LONG"_s},
    {u"event_too_large"_s, u"M_TOO_LARGE"_s},
    {u"empty_message"_s, u"MESSAGE_EMPTY"_s},
    {u"recipient_not_found"_s, u"M_NOT_FOUND"_s},
    {u"peer_id_invalid"_s, u"PEER_ID_INVALID"_s},
    {u"user_deactivated"_s, u"USER_DEACTIVATED"_s},
    {u"invalid_mime_type"_s, u"InvalidMimeType"_s},
    {u"media_invalid"_s, u"MEDIA_INVALID"_s},
};

int regionOffsetMinutes(const QString &region)
{
    if (region.startsWith("cn-"_L1) || region == "ap-southeast"_L1)
        return 480;
    return region == "us-east"_L1 ? -300 : 0;
}

// Device-local time of a rendered line, as UTC milliseconds (using the report's year for logcat).
qint64 lineTimeUtc(const QString &line, LogFormat format, int year, int offsetMinutes)
{
    QDateTime local;
    if (format == LogFormat::Logcat) {
        local = QDateTime::fromString(QString::number(year) + u'-' + line.left(18), u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    } else if (format == LogFormat::Ios) {
        local = QDateTime::fromString(line.left(23), u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    } else {
        local = QDateTime::fromString(line.mid(1, 23), u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    }
    local.setTimeSpec(Qt::UTC);
    return local.toMSecsSinceEpoch() - qint64(offsetMinutes) * 60000;
}

QByteArray logText(const Report &r)
{
    return decodeLogPayload(r.log, limits::kMaxCompressedLog, limits::kMaxUncompressedLog).text;
}

GeneratorOptions options(quint32 seed, double scale, LogEncoding encoding)
{
    GeneratorOptions o;
    o.seed = seed;
    o.logScale = scale;
    o.logEncoding = encoding;
    return o;
}

} // namespace

class TestSim final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameSeedSameReports();
    void differentSeedDifferentReports();
    void proportions();
    void everyReportDecodes();
    void gzipReportsRoundTrip();
    void failureFieldsMatchTheCause();
    void signatureIsInTheLog();
    void logsParseAsTheirFormat();
    void logSizesAreRealistic();
    void uploaderHonoursRetryAfter();
    void uploaderRetries5xxThenGivesUp();
    void uploaderNeverRetries4xx();
    void uploaderCountsDuplicates();
    void uploaderRetriesDroppedConnection();
    void uploaderReportsUnreachableServer();

private:
    struct Upload
    {
        UploadStats stats;
        bool unreachable = false;
    };
    Upload upload(HttpResponder *responder, int count, int maxAttempts, quint16 port = 0);

    QList<GeneratedReport> m_reports; // 2,000 reports, text logs, smaller logs
};

void TestSim::initTestCase()
{
    ReportGenerator generator(options(2024, 0.15, LogEncoding::Text));
    for (int i = 0; i < 2000; ++i)
        m_reports.append(generator.next());
}

void TestSim::sameSeedSameReports()
{
    ReportGenerator a(options(99, 0.3, LogEncoding::GzipBase64));
    ReportGenerator b(options(99, 0.3, LogEncoding::GzipBase64));
    for (int i = 0; i < 40; ++i) {
        const GeneratedReport ra = a.next();
        const GeneratedReport rb = b.next();
        QCOMPARE(QJsonDocument(encodeReport(ra.report)).toJson(), QJsonDocument(encodeReport(rb.report)).toJson());
        QCOMPARE(ra.trueCause, rb.trueCause);
        QCOMPARE(ra.family, rb.family);
    }
}

void TestSim::differentSeedDifferentReports()
{
    ReportGenerator a(options(99, 0.3, LogEncoding::Text));
    ReportGenerator b(options(100, 0.3, LogEncoding::Text));
    QSet<QString> idsA;
    int identical = 0;
    for (int i = 0; i < 40; ++i) {
        const GeneratedReport ra = a.next();
        const GeneratedReport rb = b.next();
        idsA.insert(ra.report.clientReportId);
        QVERIFY(!idsA.contains(rb.report.clientReportId));
        identical += encodeReport(ra.report) == encodeReport(rb.report);
    }
    QCOMPARE(identical, 0);
}

void TestSim::proportions()
{
    QHash<Cause, int> causes;
    QHash<Platform, int> platforms;
    QHash<LogFormat, int> formats;
    QHash<QString, int> families, regions, locales;
    QSet<QString> ids;
    for (const GeneratedReport &g : std::as_const(m_reports)) {
        ++causes[g.trueCause];
        ++platforms[g.report.device.platform];
        ++formats[g.report.log.format];
        ++families[g.family];
        ++regions[g.report.failure.region];
        ++locales[g.report.user.locale.left(2)];
        ids.insert(g.report.clientReportId);
    }
    QCOMPARE(ids.size(), m_reports.size());
    const auto percent = [&](int n) { return 100.0 * n / double(m_reports.size()); };
    const struct
    {
        Cause cause;
        double low, high;
    } expected[] = {{Cause::Network, 35, 45}, {Cause::Server, 21, 29}, {Cause::Client, 9, 15},
                    {Cause::Policy, 7, 13},   {Cause::User, 10, 16}};
    for (const auto &e : expected) {
        const double p = percent(causes.value(e.cause));
        QVERIFY2(p >= e.low && p <= e.high, qPrintable(u"%1: %2%"_s.arg(toWire(e.cause)).arg(p)));
    }
    QCOMPARE(causes.value(Cause::Unknown), 0);
    QVERIFY2(percent(platforms.value(Platform::Android)) > 48 && percent(platforms.value(Platform::Android)) < 62,
             "android share");
    QVERIFY2(percent(platforms.value(Platform::Ios)) > 19 && percent(platforms.value(Platform::Ios)) < 31, "ios share");
    for (Platform p : {Platform::Web, Platform::Windows, Platform::Macos, Platform::Linux})
        QVERIFY2(platforms.value(p) > 0, qPrintable(toWire(p)));
    for (LogFormat f : {LogFormat::Logcat, LogFormat::Ios, LogFormat::Electron})
        QVERIFY2(formats.value(f) > 50, qPrintable(toWire(f)));
    QCOMPARE(formats.size(), 3);
    for (Cause c : {Cause::Network, Cause::Server, Cause::Client, Cause::Policy, Cause::User})
        for (const SignatureFamily &f : tables::familiesOf(c))
            QVERIFY2(families.value(QString::fromLatin1(f.name)) > 0, f.name);
    QCOMPARE(regions.size(), 5);
    QVERIFY(locales.value(u"zh"_s) > 400);
    QVERIFY(locales.value(u"en"_s) > 300);
}

void TestSim::everyReportDecodes()
{
    for (const GeneratedReport &g : std::as_const(m_reports)) {
        const QByteArray body = QJsonDocument(encodeReport(g.report)).toJson(QJsonDocument::Compact);
        QVERIFY(body.size() < limits::kMaxReportBody);
        const auto json = parseJsonObject(body);
        QVERIFY(json.ok());
        const auto decoded = decodeReport(json.value());
        QVERIFY2(decoded.ok(), qPrintable(g.report.clientReportId + u": "_s + decoded.error().toString()));
        QCOMPARE(encodeReport(decoded.value()), encodeReport(g.report));
    }
}

void TestSim::gzipReportsRoundTrip()
{
    ReportGenerator generator(options(7, 0.5, LogEncoding::GzipBase64));
    for (int i = 0; i < 300; ++i) {
        const GeneratedReport g = generator.next();
        QCOMPARE(g.report.log.encoding, LogEncoding::GzipBase64);
        const auto decoded = decodeReport(encodeReport(g.report));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
        const LogDecodeResult log =
            decodeLogPayload(decoded.value().log, limits::kMaxCompressedLog, limits::kMaxUncompressedLog);
        QCOMPARE(log.status, LogDecodeResult::Status::Ok);
        QVERIFY(log.text.size() > 1000);
        QVERIFY(QString::fromUtf8(log.text).contains(g.evidence.constLast()));
    }
}

void TestSim::failureFieldsMatchTheCause()
{
    for (const GeneratedReport &g : std::as_const(m_reports)) {
        const FailureInfo &f = g.report.failure;
        const QString what = g.family + u" "_s + f.errorCode;
        switch (g.trueCause) {
        case Cause::Network: QVERIFY2(f.httpStatus == 0, qPrintable(what)); break;
        case Cause::Server:
            QVERIFY2(f.httpStatus >= 500 || f.httpStatus == 429 || f.httpStatus == 303, qPrintable(what));
            QVERIFY2(f.attempts >= 1, qPrintable(what));
            break;
        case Cause::Policy:
        case Cause::User:
            // A 4xx other than 429 is never network or server, and they are not retried.
            QVERIFY2(f.httpStatus >= 400 && f.httpStatus < 500 && f.httpStatus != 429, qPrintable(what));
            QCOMPARE(f.attempts, 1);
            break;
        default: break;
        }
        if (f.errorCode == "M_TOO_LARGE"_L1) {
            const bool upload = f.endpoint == "/v1/media/upload"_L1;
            QCOMPARE(g.trueCause, upload ? Cause::Policy : Cause::User);
            if (upload)
                QVERIFY(g.report.message.sizeBytes > 100 * 1024 * 1024);
            else
                QVERIFY(g.report.message.sizeBytes > 65536);
        }
        if (g.family == "message_too_long"_L1)
            QVERIFY(g.report.message.sizeBytes > 4096);
        if (g.family == "offline"_L1)
            QCOMPARE(g.report.device.network, NetworkType::Offline);
        if (g.family == "flood_wait"_L1)
            QVERIFY(QRegularExpression(u"^FLOOD_WAIT_\\d+$"_s).match(f.errorCode).hasMatch());
        QVERIFY(g.report.message.sentAt < g.report.reportedAt);
        QVERIFY(!g.report.failure.region.isEmpty());
    }
}

void TestSim::signatureIsInTheLog()
{
    for (const GeneratedReport &g : std::as_const(m_reports)) {
        const QString text = QString::fromUtf8(logText(g.report));
        QVERIFY2(!g.evidence.isEmpty(), qPrintable(g.family));
        for (const QString &line : g.evidence)
            QVERIFY2(text.contains(u'\n' + line + u'\n'), qPrintable(line));
        QVERIFY2(kMarkers.contains(g.family), qPrintable(g.family));
        const QRegularExpression marker(kMarkers.value(g.family));
        QVERIFY2(std::any_of(g.evidence.begin(), g.evidence.end(),
                             [&](const QString &line) { return marker.match(line).hasMatch(); }),
                 qPrintable(g.family + u": "_s + g.evidence.join(u'\n')));
        // The failure happened between sending and reporting, in device time.
        const int offset = regionOffsetMinutes(g.report.failure.region);
        for (const QString &line : g.evidence) {
            const qint64 t = lineTimeUtc(line, g.report.log.format, g.report.message.sentAt.date().year(), offset);
            QVERIFY2(t >= g.report.message.sentAt.toMSecsSinceEpoch() && t <= g.report.reportedAt.toMSecsSinceEpoch(),
                     qPrintable(line));
        }
    }
}

void TestSim::logsParseAsTheirFormat()
{
    for (const GeneratedReport &g : std::as_const(m_reports)) {
        const QString text = QString::fromUtf8(logText(g.report));
        QVERIFY(text.endsWith(u'\n'));
        QStringList lines = text.split(u'\n');
        lines.removeLast();
        const LogFormat format = g.report.log.format;
        QCOMPARE(format, g.report.device.platform == Platform::Android ? LogFormat::Logcat
                         : (g.report.device.platform == Platform::Ios || g.report.device.platform == Platform::Macos)
                             ? LogFormat::Ios
                             : LogFormat::Electron);
        if (format == LogFormat::Ios) {
            QVERIFY(lines.first().startsWith(u"Timestamp"_s)); // `log show` prints a header
            lines.removeFirst();
        }
        const QRegularExpression &re = format == LogFormat::Logcat ? kLogcat : format == LogFormat::Ios ? kIos : kElectron;
        const int offset = regionOffsetMinutes(g.report.failure.region);
        const int year = g.report.message.sentAt.date().year();
        qint64 previous = 0;
        for (const QString &line : std::as_const(lines)) {
            const auto m = re.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(toWire(format) + u": "_s + line));
            QVERIFY2(!kLeftover.match(line).hasMatch(), qPrintable(line));
            if (format == LogFormat::Ios)
                QCOMPARE(m.captured(2), u"%1%2%3"_s.arg(offset < 0 ? u"-"_s : u"+"_s)
                                            .arg(qAbs(offset) / 60, 2, 10, QLatin1Char('0'))
                                            .arg(qAbs(offset) % 60, 2, 10, QLatin1Char('0')));
            const qint64 t = lineTimeUtc(line, format, year, offset);
            QVERIFY2(t >= previous, qPrintable(line)); // time never runs backwards
            QVERIFY2(t <= g.report.reportedAt.toMSecsSinceEpoch(), qPrintable(line));
            previous = t;
        }
        QVERIFY(lineTimeUtc(lines.first(), format, year, offset) < g.report.message.sentAt.toMSecsSinceEpoch());
    }
}

void TestSim::logSizesAreRealistic()
{
    ReportGenerator generator(options(11, 1.0, LogEncoding::GzipBase64));
    QList<qsizetype> sizes;
    for (int i = 0; i < 60; ++i)
        sizes.append(logText(generator.next().report).size());
    std::sort(sizes.begin(), sizes.end());
    QVERIFY2(sizes.first() >= 10 * 1024, qPrintable(QString::number(sizes.first())));
    QVERIFY2(sizes.at(30) >= 30 * 1024 && sizes.at(30) <= 400 * 1024, qPrintable(QString::number(sizes.at(30))));
    QVERIFY2(sizes.last() <= 1536 * 1024, qPrintable(QString::number(sizes.last())));
}

TestSim::Upload TestSim::upload(HttpResponder *responder, int count, int maxAttempts, quint16 port)
{
    QNetworkAccessManager network;
    int next = 0;
    ReportUploader uploader(&network, [&] {
        Report r = m_reports.at(next++).report;
        return r;
    });
    uploader.setServer(QUrl(u"http://127.0.0.1:%1"_s.arg(responder ? responder->port() : port)));
    uploader.setClientKey(u"ck-test"_s);
    uploader.setRate(0);
    uploader.setCount(count);
    uploader.setMaxInFlight(1);
    uploader.setMaxAttempts(maxAttempts);
    uploader.setBackoff(20, 100);
    QSignalSpy finished(&uploader, &ReportUploader::finished);
    uploader.start();
    if (finished.isEmpty())
        [&] { QVERIFY(finished.wait(30000)); }();
    return {uploader.stats(), uploader.serverUnreachable()};
}

void TestSim::uploaderHonoursRetryAfter()
{
    HttpResponder responder;
    QVERIFY(responder.listen());
    responder.enqueue({503, R"({"error":{"code":"unavailable","message":"shutting down"}})", {{"Retry-After", "2"}}});
    responder.enqueue({202, R"({"report_id":1,"ticket_id":1,"duplicate":false})", {}});
    const Upload result = upload(&responder, 1, 5);
    QCOMPARE(result.stats.sent, 1);
    QCOMPARE(result.stats.accepted, 1);
    QCOMPARE(result.stats.failed, 0);
    QCOMPARE(result.stats.retries, 1);
    const auto &requests = responder.requests();
    QCOMPARE(requests.size(), 2);
    for (const auto &request : requests) {
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/api/v1/reports"));
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer ck-test"));
        QVERIFY(request.headers.value("content-type").startsWith("application/json"));
    }
    QCOMPARE(requests.at(1).body, requests.at(0).body); // the same report, same client_report_id
    const auto json = parseJsonObject(requests.at(0).body);
    QVERIFY(json.ok());
    QVERIFY(decodeReport(json.value()).ok());
    // Never sooner than Retry-After (the backoff alone would have been ~20 ms).
    QVERIFY2(requests.at(1).receivedAtMs - requests.at(0).receivedAtMs >= 1900,
             qPrintable(QString::number(requests.at(1).receivedAtMs - requests.at(0).receivedAtMs)));
}

void TestSim::uploaderRetries5xxThenGivesUp()
{
    HttpResponder responder;
    QVERIFY(responder.listen());
    responder.enqueue({500, R"({"error":{"code":"internal","message":"db"}})", {}});
    responder.enqueue({502, {}, {}});
    responder.enqueue({429, R"({"error":{"code":"rate_limited","message":"slow down"}})", {{"Retry-After", "0"}}});
    responder.enqueue({503, {}, {}});
    responder.enqueue({202, R"({"report_id":2,"ticket_id":2,"duplicate":false})", {}});
    const Upload result = upload(&responder, 1, 4);
    QCOMPARE(responder.requests().size(), 4); // 4 attempts, then it gives up: the 202 is never asked for
    QCOMPARE(result.stats.failed, 1);
    QCOMPARE(result.stats.accepted, 0);
    QCOMPARE(result.stats.retries, 3);
    QVERIFY(!result.unreachable);
}

void TestSim::uploaderNeverRetries4xx()
{
    for (int status : {400, 401, 413, 415, 422}) {
        HttpResponder responder;
        QVERIFY(responder.listen());
        responder.enqueue({status, R"({"error":{"code":"validation_failed","message":"no","field":"device.platform"}})",
                           {{"Retry-After", "1"}}});
        responder.enqueue({202, R"({"report_id":3,"ticket_id":3,"duplicate":false})", {}});
        const Upload result = upload(&responder, 1, 5);
        QCOMPARE(responder.requests().size(), 1);
        QCOMPARE(result.stats.failed, 1);
        QCOMPARE(result.stats.retries, 0);
    }
}

void TestSim::uploaderCountsDuplicates()
{
    HttpResponder responder;
    QVERIFY(responder.listen());
    responder.enqueue({202, R"({"report_id":4,"ticket_id":4,"duplicate":false})", {}});
    responder.enqueue({202, R"({"report_id":4,"ticket_id":4,"duplicate":true})", {}});
    responder.enqueue({202, R"({"report_id":5,"ticket_id":5,"duplicate":false})", {}});
    const Upload result = upload(&responder, 3, 5);
    QCOMPARE(result.stats.sent, 3);
    QCOMPARE(result.stats.accepted, 2);
    QCOMPARE(result.stats.duplicates, 1);
    QCOMPARE(result.stats.failed, 0);
    QCOMPARE(responder.requests().size(), 3);
}

void TestSim::uploaderRetriesDroppedConnection()
{
    HttpResponder responder;
    QVERIFY(responder.listen());
    HttpResponder::Canned drop;
    drop.dropConnection = true;
    responder.enqueue(drop);
    responder.enqueue({202, R"({"report_id":6,"ticket_id":6,"duplicate":false})", {}});
    const Upload result = upload(&responder, 1, 5);
    QCOMPARE(result.stats.accepted, 1);
    QCOMPARE(result.stats.failed, 0);
    QCOMPARE(responder.requests().size(), 2);
}

void TestSim::uploaderReportsUnreachableServer()
{
    quint16 port = 0;
    {
        QTcpServer probe; // find a port nobody listens on
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const Upload result = upload(nullptr, 5, 3, port);
    QVERIFY(result.unreachable);
    QCOMPARE(result.stats.accepted, 0);
    QCOMPARE(result.stats.sent, result.stats.failed); // nothing lost from the count
    QVERIFY(result.stats.sent < 5);                    // it stopped instead of grinding through all five
}

QTEST_GUILESS_MAIN(TestSim)
#include "tst_sim.moc"

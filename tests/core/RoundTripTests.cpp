#include "JsonPaths.h"
#include "TestCodecs.h"

#include "core/diagnosis/DiagnosisCodec.h"

#include "core/LogPayload.h"
#include "core/ReportCodec.h"
#include "core/TicketCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace relaydesk;
using namespace relaydesk::test;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(int h, int m, int s, int ms) { return QDateTime(QDate(2026, 3, 17), QTime(h, m, s, ms), Qt::UTC); }

Report fullReport()
{
    Report r;
    r.clientReportId = u"r-roundtrip"_s;
    r.reportedAt = at(16, 14, 2, 5);
    r.user = {u"u-1842"_s, u"王芳"_s, u"zh_CN"_s};
    r.device = {Platform::Ios, u"17.4"_s, u"iPhone15,2"_s, u"8.4.1"_s, NetworkType::Wifi, u"China Unicom"_s};
    r.message = {u"m-1"_s, u"g-2"_s, u"g-2"_s, MessageKind::Video, qint64(1) << 33, at(16, 13, 38, 811), u"[视频]"_s};
    r.failure = {u"/v1/media/upload"_s, 413, u"M_TOO_LARGE"_s, u"Upload exceeds 104857600 bytes"_s, u"cn-east"_s, 1};
    r.comment = u"视频发不出去 \"quoted\" \\ back\nslash"_s;
    r.log = encodeLogPayload("2026-03-17 16:13:38.811000+0800 0x1 Error 0x0 1 0 Kite: boom\n", LogFormat::Ios,
                             LogEncoding::GzipBase64);
    return r;
}

void compareReports(const Report &a, const Report &b)
{
    QCOMPARE(a.clientReportId, b.clientReportId);
    QCOMPARE(a.reportedAt, b.reportedAt);
    QCOMPARE(a.user.id, b.user.id);
    QCOMPARE(a.user.displayName, b.user.displayName);
    QCOMPARE(a.user.locale, b.user.locale);
    QCOMPARE(a.device.platform, b.device.platform);
    QCOMPARE(a.device.osVersion, b.device.osVersion);
    QCOMPARE(a.device.model, b.device.model);
    QCOMPARE(a.device.appVersion, b.device.appVersion);
    QCOMPARE(a.device.network, b.device.network);
    QCOMPARE(a.device.carrier, b.device.carrier);
    QCOMPARE(a.message.clientMessageId, b.message.clientMessageId);
    QCOMPARE(a.message.conversationId, b.message.conversationId);
    QCOMPARE(a.message.recipientId, b.message.recipientId);
    QCOMPARE(a.message.kind, b.message.kind);
    QCOMPARE(a.message.sizeBytes, b.message.sizeBytes);
    QCOMPARE(a.message.sentAt, b.message.sentAt);
    QCOMPARE(a.message.preview, b.message.preview);
    QCOMPARE(a.failure.endpoint, b.failure.endpoint);
    QCOMPARE(a.failure.httpStatus, b.failure.httpStatus);
    QCOMPARE(a.failure.errorCode, b.failure.errorCode);
    QCOMPARE(a.failure.errorMessage, b.failure.errorMessage);
    QCOMPARE(a.failure.region, b.failure.region);
    QCOMPARE(a.failure.attempts, b.failure.attempts);
    QCOMPARE(a.comment, b.comment);
    QCOMPARE(a.log.format, b.log.format);
    QCOMPARE(a.log.encoding, b.log.encoding);
    QCOMPARE(a.log.data, b.log.data);
}

Ticket fullTicket(qint64 id)
{
    Ticket t;
    t.id = id;
    t.reportId = id + 100;
    t.seq = id * 10;
    t.status = TicketStatus::Claimed;
    t.cause = Cause::Policy;
    t.queue = u"tier2"_s;
    t.assignee = id % 2 ? u"alice"_s : QString();
    t.createdAt = at(16, 14, 3, 0);
    t.updatedAt = at(16, 20, 0, 999);
    t.clientReportId = u"r-%1"_s.arg(id);
    t.userId = u"u-1"_s;
    t.userName = u"Emma Clarke"_s;
    t.userLocale = u"en_GB"_s;
    t.platform = Platform::Web;
    t.osVersion = u"Chrome 122 / Windows 10"_s;
    t.deviceModel = QString();
    t.appVersion = u"2024.03.2"_s;
    t.network = NetworkType::Ethernet;
    t.carrier = u"Vodafone"_s;
    t.clientMessageId = u"m-%1"_s.arg(id);
    t.conversationId = u"c-1"_s;
    t.recipientId = u"u-2"_s;
    t.messageKind = MessageKind::Text;
    t.messageSize = 17;
    t.sentAt = at(16, 13, 38, 0);
    t.preview = u"see you tonight"_s;
    t.endpoint = u"/v1/messages/send"_s;
    t.httpStatus = 403;
    t.errorCode = u"M_FORBIDDEN"_s;
    t.errorMessage = u"Message rejected as probable spam"_s;
    t.region = u"eu-west"_s;
    t.attempts = 1;
    t.comment = u"why is my message flagged as spam??"_s;
    t.logFormat = LogFormat::Electron;
    t.logSize = 183004;
    if (id % 2)
        t.csat = Csat{4, u"快 thanks"_s, at(17, 2, 0, 5)};
    return t;
}

void compareTickets(const Ticket &a, const Ticket &b)
{
    // The encoder is the reference: two tickets are equal when they encode identically.
    QCOMPARE(QJsonDocument(encodeTicket(a)).toJson(), QJsonDocument(encodeTicket(b)).toJson());
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.seq, b.seq);
    QCOMPARE(a.status, b.status);
    QCOMPARE(a.assignee, b.assignee);
    QCOMPARE(a.updatedAt, b.updatedAt);
    QCOMPARE(a.platform, b.platform);
    QCOMPARE(a.logSize, b.logSize);
    QCOMPARE(a.errorCode, b.errorCode);
}

} // namespace

void TestCodecs::reportRoundTrip()
{
    const Report original = fullReport();
    // Through bytes, as on the wire.
    const QByteArray body = QJsonDocument(encodeReport(original)).toJson(QJsonDocument::Compact);
    const auto json = relaydesk::parseJsonObject(body);
    QVERIFY(json.ok());
    const auto decoded = decodeReport(json.value());
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
    compareReports(decoded.value(), original);
    const auto log = decodeLogPayload(decoded.value().log, 1 << 20, 1 << 20);
    QCOMPARE(log.status, LogDecodeResult::Status::Ok);
    QVERIFY(log.text.endsWith("Kite: boom\n"));
}

void TestCodecs::reportWithoutLogRoundTrip()
{
    Report original = fullReport();
    original.log = {};
    original.comment.clear();
    original.device.carrier.clear();
    const auto decoded = decodeReport(encodeReport(original));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
    compareReports(decoded.value(), original);
}

void TestCodecs::ticketRoundTrip()
{
    for (qint64 id : {1, 2}) {
        const Ticket original = fullTicket(id);
        const QJsonObject json = encodeTicket(original);
        if (id == 2)
            QVERIFY(json.value("assignee"_L1).isNull());
        const auto decoded = decodeTicket(json);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
        compareTickets(decoded.value(), original);
        QCOMPARE(decoded.value().csat.has_value(), id == 1);
        if (id == 1) {
            QCOMPARE(decoded.value().csat->score, 4);
            QCOMPARE(decoded.value().csat->comment, u"快 thanks"_s);
            QCOMPARE(decoded.value().csat->answeredAt, original.csat->answeredAt);
        } else {
            QVERIFY(json.value("csat"_L1).isNull());
        }
    }
    // Services from before surveys send no csat at all.
    QJsonObject old = encodeTicket(fullTicket(1));
    old.remove("csat"_L1);
    const auto decodedOld = decodeTicket(old);
    QVERIFY2(decodedOld.ok(), qPrintable(decodedOld.error().toString()));
    QVERIFY(!decodedOld.value().csat);
}

void TestCodecs::ticketEventsRoundTrip()
{
    QList<TicketEvent> events;
    events.append({1, 7, at(16, 14, 3, 0), u"system"_s, u"reported"_s, u"report received"_s, {}});
    events.append({2, 7, at(16, 14, 4, 0), u"tier1"_s, u"escalated"_s, u"policy: no auto-retry"_s,
                   QJsonObject{{"queue"_L1, "tier2"_L1}, {"rules"_L1, QJsonArray{"M_FORBIDDEN"_L1}}}});
    QJsonArray array;
    for (const TicketEvent &e : events)
        array.append(encodeTicketEvent(e));
    const auto decoded = decodeTicketEvents(QJsonObject{{"events"_L1, array}});
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
    QCOMPARE(decoded.value().size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(encodeTicketEvent(decoded.value().at(i)), encodeTicketEvent(events.at(i)));
        QCOMPARE(decoded.value().at(i).at, events.at(i).at);
    }
    QCOMPARE(decoded.value().at(1).detail.value("queue"_L1).toString(), u"tier2"_s);
}

void TestCodecs::ticketPageRoundTrip()
{
    TicketPage page; // not const: the serialised form below adds diagnoses
    page.tickets = {fullTicket(1), fullTicket(2), fullTicket(3)};
    page.next = 30;
    page.hasMore = true;
    const auto decoded = decodeTicketPage(encodeTicketPage(page));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
    QCOMPARE(decoded.value().tickets.size(), 3);
    for (int i = 0; i < 3; ++i)
        compareTickets(decoded.value().tickets.at(i), page.tickets.at(i));
    QCOMPARE(decoded.value().next, 30);
    QCOMPARE(decoded.value().hasMore, true);
    // The feed's serialised form with the diagnoses given as stored text parses to the same object.
    for (qsizetype i = 0; i < page.tickets.size(); ++i) {
        Diagnosis d;
        d.cause = i == 0 ? Cause::Network : Cause::Server;
        d.confidence = 0.875;
        d.summary = u"连接超时 \"quoted\" \\ back\nslash"_s;
        d.evidence = {{12, u"NET_TIMEOUT"_s, u"the request timed out after 30 s"_s}, {0, u"HTTP_503"_s, u"服务器忙"_s}};
        d.action = RecommendedAction::WaitAndRetry;
        d.signature = u"network|E_TIMEOUT|cn-north|8.4.1"_s;
        d.rulesVersion = u"2026.11.1"_s;
        page.tickets[i].diagnosis = d;
    }
    // Text that needs escaping, characters outside the BMP, times with milliseconds, a negative size.
    page.tickets[2].userName = u"emoji \U0001F600 \x01 \"q\" \\ \u00e9 \u7535"_s;
    page.tickets[2].preview = u"tab\there\nnewline\r\x1f end"_s;
    page.tickets[2].comment = QString();
    page.tickets[2].messageSize = -1;
    page.tickets[2].sentAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'007, Qt::UTC);
    page.tickets[2].createdAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'070, QTimeZone(8 * 3600));
    page.tickets[2].updatedAt = QDateTime();
    QList<QByteArray> diagnoses;
    TicketPage withoutDiagnoses = page;
    for (Ticket &t : withoutDiagnoses.tickets) {
        diagnoses.append(t.diagnosis ? QJsonDocument(encodeDiagnosis(*t.diagnosis)).toJson(QJsonDocument::Compact)
                                     : QByteArray());
        t.diagnosis.reset();
    }
    QVERIFY(std::any_of(diagnoses.cbegin(), diagnoses.cend(), [](const QByteArray &d) { return !d.isEmpty(); }));
    diagnoses[1].clear(); // and a ticket without one
    TicketPage expected = page;
    expected.tickets[1].diagnosis.reset();
    QJsonParseError parseError;
    const QJsonDocument fast = QJsonDocument::fromJson(encodeTicketPageJson(withoutDiagnoses, diagnoses), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(fast.object(), encodeTicketPage(expected));
    QCOMPARE(QJsonDocument::fromJson(encodeTicketPageJson({}, {})).object(), encodeTicketPage({}));
    const auto empty = decodeTicketPage(encodeTicketPage({}));
    QVERIFY(empty.ok());
    QVERIFY(empty.value().tickets.isEmpty());
    QCOMPARE(empty.value().hasMore, false);
}

void TestCodecs::ticketPageErrors_data()
{
    QTest::addColumn<QJsonObject>("page");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    TicketPage page;
    page.tickets = {fullTicket(1), fullTicket(2), fullTicket(3)};
    page.next = 30;
    const QJsonObject good = encodeTicketPage(page);
    const auto withTicket = [&](int index, const QString &path, const QJsonValue &value, bool remove) {
        QJsonArray tickets = good.value("tickets"_L1).toArray();
        QJsonObject t = tickets.at(index).toObject();
        t = remove ? without(t, path) : withValue(t, path, value);
        tickets.replace(index, t);
        QJsonObject out = good;
        out.insert("tickets"_L1, tickets);
        return out;
    };
    QTest::newRow("platform missing") << withTicket(1, u"device.platform"_s, {}, true)
                                      << u"tickets[1].device.platform"_s << u"is required"_s;
    QTest::newRow("platform unknown") << withTicket(2, u"device.platform"_s, u"symbian"_s, false)
                                      << u"tickets[2].device.platform"_s
                                      << u"unknown value \"symbian\" (expected one of: android, ios, macos, windows, "
                                         "linux, web)"_s;
    QTest::newRow("status unknown") << withTicket(0, u"status"_s, u"open"_s, false) << u"tickets[0].status"_s
                                    << u"unknown value \"open\" (expected one of: reported, diagnosed, auto_handling, "
                                       "resolved_auto, escalated, claimed, waiting_user, resolved, closed, reopened)"_s;
    QTest::newRow("seq zero") << withTicket(1, u"seq"_s, 0, false) << u"tickets[1].seq"_s
                              << u"must be between 1 and 4611686018427387903"_s;
    QTest::newRow("log size") << withTicket(1, u"log.size_bytes"_s, 67108865, false) << u"tickets[1].log.size_bytes"_s
                              << u"must be between 0 and 67108864"_s;
    QTest::newRow("sent_at bad") << withTicket(0, u"message.sent_at"_s, u"yesterday"_s, false)
                                 << u"tickets[0].message.sent_at"_s
                                 << u"must be an RFC 3339 date-time with offset, e.g. 2026-03-17T16:13:38Z"_s;
    QJsonObject notArray = good;
    notArray.insert("tickets"_L1, QJsonObject());
    QTest::newRow("tickets not array") << notArray << u"tickets"_s << u"must be an array"_s;
    QJsonObject element = good;
    element.insert("tickets"_L1, QJsonArray{encodeTicket(fullTicket(1)), 5});
    QTest::newRow("element not object") << element << u"tickets[1]"_s << u"must be an object"_s;
    QTest::newRow("next missing") << without(good, u"next"_s) << u"next"_s << u"is required"_s;
    QTest::newRow("has_more string") << withValue(good, u"has_more"_s, u"yes"_s) << u"has_more"_s
                                     << u"must be a boolean"_s;
    QTest::newRow("csat score") << withTicket(0, u"csat.score"_s, 6, false) << u"tickets[0].csat.score"_s
                                << u"must be between 1 and 5"_s;
    QTest::newRow("csat answered_at") << withTicket(0, u"csat.answered_at"_s, {}, true)
                                      << u"tickets[0].csat.answered_at"_s << u"is required"_s;
    QTest::newRow("csat not object") << withTicket(1, u"csat"_s, 5, false) << u"tickets[1].csat"_s
                                     << u"must be an object or null"_s;
    QTest::newRow("has_more missing") << without(good, u"has_more"_s) << u"has_more"_s << u"must be a boolean"_s;
}

void TestCodecs::ticketPageErrors()
{
    QFETCH(QJsonObject, page);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const auto decoded = decodeTicketPage(page);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().path, path);
    QCOMPARE(decoded.error().message, message);
}

void TestCodecs::ticketEventsErrorPath()
{
    const QJsonObject good = encodeTicketEvent({1, 7, at(16, 14, 3, 0), u"system"_s, u"reported"_s, {}, {}});
    const QJsonObject bad = withValue(good, u"at"_s, u"2026-03-17T16:14:03"_s);
    const auto decoded = decodeTicketEvents(QJsonObject{{"events"_L1, QJsonArray{good, bad}}});
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().path, u"events[1].at"_s);
    const auto detail = decodeTicketEvents(
        QJsonObject{{"events"_L1, QJsonArray{withValue(good, u"detail"_s, QJsonArray())}}});
    QVERIFY(!detail.ok());
    QCOMPARE(detail.error().path, u"events[0].detail"_s);
    QVERIFY(!decodeTicketEvents(QJsonObject()).ok());
}

void TestCodecs::parseJsonObject_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::newRow("object") << QByteArray(R"({"a": 1})") << QString();
    QTest::newRow("empty object") << QByteArray("{}") << QString();
    QTest::newRow("utf8") << QByteArray(R"({"c": "发不出去"})") << QString();
    QTest::newRow("not json") << QByteArray("hello") << u"invalid JSON"_s;
    QTest::newRow("empty") << QByteArray() << u"invalid JSON"_s;
    QTest::newRow("truncated") << QByteArray(R"({"a": )") << u"invalid JSON"_s;
    QTest::newRow("trailing garbage") << QByteArray(R"({"a": 1} x)") << u"invalid JSON"_s;
    QTest::newRow("array") << QByteArray("[1, 2]") << u"the body must be a JSON object"_s;
    QTest::newRow("empty array") << QByteArray("[]") << u"the body must be a JSON object"_s;
}

void TestCodecs::parseJsonObject()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    const auto parsed = relaydesk::parseJsonObject(body);
    QCOMPARE(parsed.ok(), error.isEmpty());
    if (!error.isEmpty()) {
        QVERIFY(parsed.error().path.isEmpty());
        QVERIFY2(parsed.error().message.startsWith(error), qPrintable(parsed.error().message));
    }
}

#include "JsonPaths.h"
#include "TestCodecs.h"

#include "core/JsonReader.h"
#include "core/ReportCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace relaydesk;
using namespace relaydesk::test;
using namespace Qt::StringLiterals;

void TestCodecs::integerRanges_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("number"); // JSON text, so 1.0 and 1e3 stay what a client sent
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("message");
    const QString sizeRange = u"must be between 0 and 1099511627776"_s;
    QTest::newRow("size 0") << u"message.size_bytes"_s << QByteArray("0") << true << QString();
    QTest::newRow("size 2^40") << u"message.size_bytes"_s << QByteArray("1099511627776") << true << QString();
    QTest::newRow("size 2^40+1") << u"message.size_bytes"_s << QByteArray("1099511627777") << false << sizeRange;
    QTest::newRow("size -1") << u"message.size_bytes"_s << QByteArray("-1") << false << sizeRange;
    QTest::newRow("size 1.5") << u"message.size_bytes"_s << QByteArray("1.5") << false << u"must be an integer"_s;
    QTest::newRow("size 1e300") << u"message.size_bytes"_s << QByteArray("1e300") << false << sizeRange;
    const QString statusRule = u"must be 0 (no response) or an HTTP status 100-599"_s;
    QTest::newRow("status 0") << u"failure.http_status"_s << QByteArray("0") << true << QString();
    QTest::newRow("status 1") << u"failure.http_status"_s << QByteArray("1") << false << statusRule;
    QTest::newRow("status 99") << u"failure.http_status"_s << QByteArray("99") << false << statusRule;
    QTest::newRow("status 100") << u"failure.http_status"_s << QByteArray("100") << true << QString();
    QTest::newRow("status 599") << u"failure.http_status"_s << QByteArray("599") << true << QString();
    QTest::newRow("status 200.0") << u"failure.http_status"_s << QByteArray("200.0") << true << QString();
    QTest::newRow("status 600") << u"failure.http_status"_s << QByteArray("600") << false
                                << u"must be between 0 and 599"_s;
    QTest::newRow("status -1") << u"failure.http_status"_s << QByteArray("-1") << false
                               << u"must be between 0 and 599"_s;
    QTest::newRow("status 503.5") << u"failure.http_status"_s << QByteArray("503.5") << false
                                  << u"must be an integer"_s;
    QTest::newRow("attempts 0") << u"failure.attempts"_s << QByteArray("0") << true << QString();
    QTest::newRow("attempts 1000") << u"failure.attempts"_s << QByteArray("1000") << true << QString();
    QTest::newRow("attempts 1001") << u"failure.attempts"_s << QByteArray("1001") << false
                                   << u"must be between 0 and 1000"_s;
    QTest::newRow("attempts -1") << u"failure.attempts"_s << QByteArray("-1") << false
                                 << u"must be between 0 and 1000"_s;
    QTest::newRow("attempts 2.5") << u"failure.attempts"_s << QByteArray("2.5") << false << u"must be an integer"_s;
    QTest::newRow("attempts 1e3") << u"failure.attempts"_s << QByteArray("1e3") << true << QString();
}

void TestCodecs::integerRanges()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, number);
    QFETCH(bool, valid);
    QFETCH(QString, message);
    // Splice the number in as JSON text.
    const QByteArray marker = "\"@@NUMBER@@\"";
    QByteArray body = QJsonDocument(withValue(validReportJson(), path, u"@@NUMBER@@"_s)).toJson();
    body.replace(marker, number);
    const auto json = relaydesk::parseJsonObject(body);
    QVERIFY(json.ok());
    const auto decoded = decodeReport(json.value());
    QCOMPARE(decoded.ok(), valid);
    if (valid) {
        QCOMPARE(valueAt(encodeReport(decoded.value()), path).toDouble(), QJsonDocument::fromJson(
            "[" + number + "]").array().at(0).toDouble());
        return;
    }
    QCOMPARE(decoded.error().path, path);
    QCOMPARE(decoded.error().message, message);
}

void TestCodecs::times_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: must be rejected
    const auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
    };
    QTest::newRow("Z") << u"2026-03-17T16:13:38Z"_s << utc(2026, 3, 17, 16, 13, 38, 0);
    QTest::newRow("millis") << u"2026-03-17T16:13:38.811Z"_s << utc(2026, 3, 17, 16, 13, 38, 811);
    QTest::newRow("one digit fraction") << u"2026-03-17T16:13:38.5Z"_s << utc(2026, 3, 17, 16, 13, 38, 500);
    QTest::newRow("nanos") << u"2026-03-17T16:13:38.123456789Z"_s << utc(2026, 3, 17, 16, 13, 38, 123);
    QTest::newRow("+08:00") << u"2026-03-17T16:13:38+08:00"_s << utc(2026, 3, 17, 8, 13, 38, 0);
    QTest::newRow("-05:30") << u"2026-03-17T23:00:00-05:30"_s << utc(2026, 3, 18, 4, 30, 0, 0);
    QTest::newRow("lowercase") << u"2026-03-17t16:13:38z"_s << utc(2026, 3, 17, 16, 13, 38, 0);
    QTest::newRow("space separator") << u"2026-03-17 16:13:38Z"_s << utc(2026, 3, 17, 16, 13, 38, 0);
    QTest::newRow("leap day") << u"2024-02-29T00:00:00Z"_s << utc(2024, 2, 29, 0, 0, 0, 0);
    QTest::newRow("last UTC instant") << u"9999-12-31T23:59:59.999Z"_s << utc(9999, 12, 31, 23, 59, 59, 999);
    QTest::newRow("first UTC instant") << u"0001-01-01T00:00:00Z"_s << utc(1, 1, 1, 0, 0, 0, 0);
    QTest::newRow("past 9999 in UTC") << u"9999-12-31T23:59:59-01:00"_s << QDateTime();
    QTest::newRow("before 0001 in UTC") << u"0001-01-01T00:30:00+01:00"_s << QDateTime();
    QTest::newRow("year 0000") << u"0000-06-01T00:00:00Z"_s << QDateTime();
    QTest::newRow("no offset") << u"2026-03-17T16:13:38"_s << QDateTime();
    QTest::newRow("no offset millis") << u"2026-03-17T16:13:38.811"_s << QDateTime();
    QTest::newRow("offset without colon") << u"2026-03-17T16:13:38+0800"_s << QDateTime();
    QTest::newRow("offset 24h") << u"2026-03-17T16:13:38+24:00"_s << QDateTime();
    QTest::newRow("offset 60 min") << u"2026-03-17T16:13:38+05:60"_s << QDateTime();
    QTest::newRow("Feb 30") << u"2026-02-30T10:00:00Z"_s << QDateTime();
    QTest::newRow("Feb 29 non-leap") << u"2025-02-29T00:00:00Z"_s << QDateTime();
    QTest::newRow("month 13") << u"2026-13-01T00:00:00Z"_s << QDateTime();
    QTest::newRow("month 00") << u"2026-00-10T00:00:00Z"_s << QDateTime();
    QTest::newRow("hour 24") << u"2026-03-17T24:00:00Z"_s << QDateTime();
    QTest::newRow("minute 61") << u"2026-03-17T16:61:00Z"_s << QDateTime();
    QTest::newRow("second 60") << u"2026-03-17T16:13:60Z"_s << QDateTime();
    QTest::newRow("date only") << u"2026-03-17"_s << QDateTime();
    QTest::newRow("local style") << u"17/03/2026 16:13"_s << QDateTime();
    QTest::newRow("epoch string") << u"1773764018"_s << QDateTime();
    QTest::newRow("empty fraction") << u"2026-03-17T16:13:38.Z"_s << QDateTime();
    QTest::newRow("trailing text") << u"2026-03-17T16:13:38Z junk"_s << QDateTime();
}

void TestCodecs::times()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    for (const QString &path : {u"reported_at"_s, u"message.sent_at"_s}) {
        const auto decoded = decodeReport(withValue(validReportJson(), path, text));
        if (expected.isValid()) {
            QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
            const QDateTime got = path == "reported_at"_L1 ? decoded.value().reportedAt : decoded.value().message.sentAt;
            QCOMPARE(got, expected);
            QCOMPARE(got.timeSpec(), Qt::UTC);
        } else {
            QVERIFY2(!decoded.ok(), qPrintable(text));
            QCOMPARE(decoded.error().path, path);
            QVERIFY2(decoded.error().message.contains(u"RFC 3339"_s) || text.isEmpty(),
                     qPrintable(decoded.error().message));
        }
    }
}

void TestCodecs::timeKeepsInstantAcrossOffsets()
{
    const auto a = parseRfc3339(u"2026-03-17T16:13:38.811+08:00"_s);
    const auto b = parseRfc3339(u"2026-03-17T08:13:38.811Z"_s);
    QVERIFY(a && b);
    QCOMPARE(*a, *b);
    QCOMPARE(formatRfc3339(*a), u"2026-03-17T08:13:38.811Z"_s);
    QCOMPARE(formatRfc3339(QDateTime()), QString());
    // Whatever is accepted can be written back and read again (tickets echo report times to consoles).
    for (const QString &text : {u"9999-12-31T23:59:59+05:00"_s, u"0001-01-01T00:00:00-03:00"_s}) {
        const auto t = parseRfc3339(text);
        QVERIFY(t);
        QCOMPARE(parseRfc3339(formatRfc3339(*t)), t);
    }
}

#include "JsonPaths.h"
#include "TestCodecs.h"

#include "core/Limits.h"
#include "core/ReportCodec.h"

#include <QJsonArray>
#include <QTest>

using namespace relaydesk;
using namespace relaydesk::test;
using namespace Qt::StringLiterals;

void TestCodecs::validReportDecodes()
{
    const auto decoded = decodeReport(validReportJson());
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
    const Report &r = decoded.value();
    QCOMPARE(r.clientReportId, u"r-7f3a0001"_s);
    QCOMPARE(r.reportedAt, QDateTime(QDate(2026, 3, 17), QTime(16, 14, 2), Qt::UTC));
    QCOMPARE(r.user.displayName, u"王芳"_s);
    QCOMPARE(r.user.locale, u"zh_CN"_s);
    QCOMPARE(r.device.platform, Platform::Android);
    QCOMPARE(r.device.network, NetworkType::Cellular);
    QCOMPARE(r.device.carrier, u"China Mobile"_s);
    QCOMPARE(r.message.kind, MessageKind::Text);
    QCOMPARE(r.message.sizeBytes, 42);
    QCOMPARE(r.message.preview, u"晚上见"_s);
    QCOMPARE(r.failure.httpStatus, 503);
    QCOMPARE(r.failure.attempts, 3);
    QCOMPARE(r.failure.region, u"cn-north"_s);
    QCOMPARE(r.comment, u"发不出去"_s);
    QCOMPARE(r.log.format, LogFormat::Logcat);
    QCOMPARE(r.log.encoding, LogEncoding::Text);
    QVERIFY(r.log.data.startsWith("03-17 16:13:38.811"));
}

void TestCodecs::missingRequiredField_data()
{
    QTest::addColumn<QString>("path");
    for (const char *path :
         {"client_report_id", "reported_at", "user", "user.id", "user.locale", "device", "device.platform",
          "device.os_version", "device.app_version", "message", "message.client_message_id", "message.conversation_id",
          "message.recipient_id", "message.kind", "message.sent_at", "failure", "failure.endpoint",
          "failure.http_status", "failure.region", "failure.attempts", "log.data"})
        QTest::newRow(path) << QString::fromLatin1(path);
}

void TestCodecs::missingRequiredField()
{
    QFETCH(QString, path);
    const auto missing = decodeReport(without(validReportJson(), path));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().path, path);
    QCOMPARE(missing.error().message, u"is required"_s);
    // null counts as absent
    const auto null = decodeReport(withValue(validReportJson(), path, QJsonValue(QJsonValue::Null)));
    QVERIFY(!null.ok());
    QCOMPARE(null.error().path, path);
    QCOMPARE(null.error().message, u"is required"_s);
}

void TestCodecs::nullOptionalFieldIsAbsent_data()
{
    QTest::addColumn<QString>("path");
    for (const char *path : {"user.display_name", "device.model", "device.network", "device.carrier",
                             "message.size_bytes", "message.preview", "failure.error_code", "failure.error_message",
                             "comment", "log", "log.format", "log.encoding"})
        QTest::newRow(path) << QString::fromLatin1(path);
}

void TestCodecs::nullOptionalFieldIsAbsent()
{
    QFETCH(QString, path);
    for (const QJsonObject &json :
         {withValue(validReportJson(), path, QJsonValue(QJsonValue::Null)), without(validReportJson(), path)}) {
        const auto decoded = decodeReport(json);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
        const Report &r = decoded.value();
        if (path == "device.network"_L1)
            QCOMPARE(r.device.network, NetworkType::Unknown);
        if (path == "message.size_bytes"_L1)
            QCOMPARE(r.message.sizeBytes, 0);
        if (path == "log"_L1) {
            QVERIFY(r.log.data.isEmpty());
            QCOMPARE(r.log.format, LogFormat::Auto);
        }
        if (path == "log.format"_L1)
            QCOMPARE(r.log.format, LogFormat::Auto);
        if (path == "log.encoding"_L1)
            QCOMPARE(r.log.encoding, LogEncoding::Text);
        if (path == "comment"_L1)
            QVERIFY(r.comment.isEmpty());
        if (path == "user.display_name"_L1)
            QVERIFY(r.user.displayName.isEmpty());
    }
}

void TestCodecs::wrongType_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("id number") << u"client_report_id"_s << QJsonValue(42) << u"must be a string, got a number"_s;
    QTest::newRow("user.id bool") << u"user.id"_s << QJsonValue(true) << u"must be a string, got a boolean"_s;
    QTest::newRow("platform array") << u"device.platform"_s << QJsonValue(QJsonArray{u"android"_s})
                                    << u"must be a string, got an array"_s;
    QTest::newRow("size string") << u"message.size_bytes"_s << QJsonValue(u"12"_s)
                                 << u"must be an integer, got a string"_s;
    QTest::newRow("status object") << u"failure.http_status"_s << QJsonValue(QJsonObject())
                                   << u"must be an integer, got an object"_s;
    QTest::newRow("attempts bool") << u"failure.attempts"_s << QJsonValue(false)
                                   << u"must be an integer, got a boolean"_s;
    QTest::newRow("time number") << u"reported_at"_s << QJsonValue(1700000000) << u"must be a string, got a number"_s;
    QTest::newRow("user string") << u"user"_s << QJsonValue(u"u-1"_s) << u"must be an object, got a string"_s;
    QTest::newRow("device array") << u"device"_s << QJsonValue(QJsonArray()) << u"must be an object, got an array"_s;
    QTest::newRow("message number") << u"message"_s << QJsonValue(1) << u"must be an object, got a number"_s;
    QTest::newRow("failure bool") << u"failure"_s << QJsonValue(true) << u"must be an object, got a boolean"_s;
    QTest::newRow("log number") << u"log"_s << QJsonValue(5) << u"must be an object, got a number"_s;
    QTest::newRow("log.data number") << u"log.data"_s << QJsonValue(5) << u"must be a string, got a number"_s;
    QTest::newRow("comment object") << u"comment"_s << QJsonValue(QJsonObject()) << u"must be a string, got an object"_s;
    QTest::newRow("network number") << u"device.network"_s << QJsonValue(1) << u"must be a string, got a number"_s;
}

void TestCodecs::wrongType()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    const auto decoded = decodeReport(withValue(validReportJson(), path, value));
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().path, path);
    QCOMPARE(decoded.error().message, message);
}

void TestCodecs::unknownEnumValue_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("valid");
    QTest::newRow("platform") << u"device.platform"_s << u"blackberry"_s << u"android, ios, macos, windows, linux, web"_s;
    QTest::newRow("platform case") << u"device.platform"_s << u"Android"_s
                                   << u"android, ios, macos, windows, linux, web"_s;
    QTest::newRow("network") << u"device.network"_s << u"5g"_s << u"wifi, cellular, ethernet, offline, unknown"_s;
    QTest::newRow("kind") << u"message.kind"_s << u"sticker"_s << u"text, image, file, voice, video"_s;
    QTest::newRow("format") << u"log.format"_s << u"json"_s << u"auto, logcat, ios, syslog, electron, text"_s;
    QTest::newRow("encoding") << u"log.encoding"_s << u"zip"_s << u"text, gzip+base64"_s;
    QTest::newRow("empty") << u"message.kind"_s << u""_s << QString();
}

void TestCodecs::unknownEnumValue()
{
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QString, valid);
    const auto decoded = decodeReport(withValue(validReportJson(), path, value));
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().path, path);
    if (valid.isEmpty()) {
        QCOMPARE(decoded.error().message, u"must not be empty"_s);
        return;
    }
    QCOMPARE(decoded.error().message, u"unknown value \"%1\" (expected one of: %2)"_s.arg(value, valid));
}

void TestCodecs::unknownFieldsAreIgnored()
{
    QJsonObject json = withValue(validReportJson(), u"device.screen"_s, u"1080x2400"_s);
    json = withValue(json, u"extension"_s, QJsonObject{{"nested"_L1, QJsonArray{1, 2}}});
    const auto decoded = decodeReport(json);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
}

void TestCodecs::stringLimits_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("fill"); // one character, repeated
    const struct
    {
        const char *path;
        qsizetype limit;
    } fields[] = {{"client_report_id", limits::kMaxIdLength},   {"user.id", limits::kMaxIdLength},
                  {"user.display_name", limits::kMaxShortText}, {"user.locale", 35},
                  {"device.os_version", limits::kMaxShortText}, {"device.model", limits::kMaxShortText},
                  {"device.app_version", limits::kMaxShortText}, {"device.carrier", limits::kMaxShortText},
                  {"message.client_message_id", limits::kMaxIdLength},
                  {"message.conversation_id", limits::kMaxIdLength},
                  {"message.recipient_id", limits::kMaxIdLength}, {"message.preview", limits::kMaxTextLength},
                  {"failure.endpoint", limits::kMaxEndpointLength}, {"failure.error_code", limits::kMaxIdLength},
                  {"failure.error_message", limits::kMaxTextLength}, {"failure.region", 64},
                  {"comment", limits::kMaxTextLength}};
    for (const auto &f : fields) {
        QTest::newRow(f.path) << QString::fromLatin1(f.path) << int(f.limit) << u"x"_s;
        QTest::newRow(qPrintable(QString::fromLatin1(f.path) + u" CJK"_s))
            << QString::fromLatin1(f.path) << int(f.limit) << u"好"_s;
    }
}

void TestCodecs::stringLimits()
{
    QFETCH(QString, path);
    QFETCH(int, limit);
    QFETCH(QString, fill);
    const QString atLimit = fill.repeated(limit);
    const auto ok = decodeReport(withValue(validReportJson(), path, atLimit));
    QVERIFY2(ok.ok(), qPrintable(ok.error().toString()));
    QCOMPARE(valueAt(encodeReport(ok.value()), path).toString(), atLimit);

    const auto tooLong = decodeReport(withValue(validReportJson(), path, atLimit + fill));
    QVERIFY(!tooLong.ok());
    QCOMPARE(tooLong.error().path, path);
    QCOMPARE(tooLong.error().message, u"is too long (%1 characters, at most %2)"_s.arg(limit + 1).arg(limit));
}

void TestCodecs::emptyRequiredString_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    QTest::newRow("id empty") << u"client_report_id"_s << u""_s;
    QTest::newRow("id blank") << u"client_report_id"_s << u"   "_s;
    QTest::newRow("locale empty") << u"user.locale"_s << u""_s;
    QTest::newRow("endpoint tab") << u"failure.endpoint"_s << u"\t"_s;
    QTest::newRow("region empty") << u"failure.region"_s << u""_s;
}

void TestCodecs::emptyRequiredString()
{
    QFETCH(QString, path);
    QFETCH(QString, value);
    const auto decoded = decodeReport(withValue(validReportJson(), path, value));
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().path, path);
    QCOMPARE(decoded.error().message, u"must not be empty"_s);
    // Optional strings may be empty.
    QVERIFY(decodeReport(withValue(validReportJson(), u"comment"_s, u""_s)).ok());
    QVERIFY(decodeReport(withValue(validReportJson(), u"log.data"_s, u""_s)).ok());
}

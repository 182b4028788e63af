// The HTTP API over real sockets: intake, limits, validation, authentication, tickets, logs, events.
#include "ServiceFixture.h"
#include "TestClient.h"

#include "core/Gzip.h"
#include "core/Limits.h"
#include "server/Migrations.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

class TestServerHttp final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void health();
    void unknownRouteAndMethod();
    void intakeTextLog();
    void intakeGzipLog();
    void intakeWithoutLog();
    void idempotency();
    void concurrentDuplicates();
    void bodyTooLarge();
    void compressedLogTooLarge();
    void gzipBomb();
    void badJson_data();
    void badJson();
    void validation_data();
    void validation();
    void unsupportedMediaType();
    void clientKeyRequired_data();
    void clientKeyRequired();
    void agentEndpointsNeedToken_data();
    void agentEndpointsNeedToken();
    void login();
    void deltaSync();
    void deltaSyncParameters_data();
    void deltaSyncParameters();
    void ticketNotFound();
    void logRanges();
    void eventsTimeline();

private:
    QString newId() { return u"r-%1"_s.arg(++m_counter); }

    ServiceFixture m_fixture;
    std::unique_ptr<TestClient> m_client;
    QString m_token;
    int m_counter = 0;
};

void TestServerHttp::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    QVERIFY(m_fixture.service->port() != 0);
    QCOMPARE(m_fixture.service->baseUrl().host(), u"127.0.0.1"_s);
    m_client = std::make_unique<TestClient>(m_fixture.service->baseUrl());
    m_token = m_client->login(ServiceFixture::kUser, ServiceFixture::kPassword);
    QVERIFY(!m_token.isEmpty());
}

void TestServerHttp::cleanupTestCase()
{
    m_client.reset();
    m_fixture.stop();
}

void TestServerHttp::health()
{
    const HttpResult r = m_client->get(u"/api/v1/health"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("status"_L1).toString(), u"ok"_s);
    QCOMPARE(r.json.value("schema_version"_L1).toInt(), relaydesk::server::Migrations::latestVersion());
    QCOMPARE(r.json.value("version"_L1).toString(), QStringLiteral(RELAYDESK_VERSION));
}

void TestServerHttp::unknownRouteAndMethod()
{
    HttpResult r = m_client->get(u"/api/v1/nothing-here"_s, m_token);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorCode(), u"not_found"_s);
    r = m_client->get(u"/"_s);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorCode(), u"not_found"_s);
    r = m_client->get(u"/api/v1/reports"_s, m_fixture.clientKey);
    QCOMPARE(r.status, 405);
    QCOMPARE(r.errorCode(), u"method_not_allowed"_s);
    r = m_client->send("DELETE", u"/api/v1/tickets"_s, {}, m_token, {});
    QCOMPARE(r.status, 405);
    QCOMPARE(r.errorCode(), u"method_not_allowed"_s);
    r = m_client->get(u"/api/v1/stream"_s, m_token); // plain HTTP on the WebSocket endpoint
    QCOMPARE(r.status, 426);
    QCOMPARE(r.errorCode(), u"upgrade_required"_s);
}

void TestServerHttp::intakeTextLog()
{
    QByteArray log;
    for (int i = 0; i < 2000; ++i)
        log += "03-17 16:13:38.811  1234  5678 E MsgSend: send failed 503 attempt " + QByteArray::number(i) + " 晚上见\n";
    const QString id = newId();
    const HttpResult r = m_client->postReport(sampleReport(id, log), m_fixture.clientKey);
    QCOMPARE(r.status, 202);
    QCOMPARE(r.json.value("duplicate"_L1).toBool(true), false);
    const qint64 ticketId = r.json.value("ticket_id"_L1).toInteger();
    QVERIFY(ticketId > 0);
    QVERIFY(r.json.value("report_id"_L1).toInteger() > 0);

    const HttpResult t = m_client->get(u"/api/v1/tickets/%1"_s.arg(ticketId), m_token);
    QCOMPARE(t.status, 200);
    QCOMPARE(t.json.value("id"_L1).toInteger(), ticketId);
    QCOMPARE(t.json.value("report_id"_L1).toInteger(), r.json.value("report_id"_L1).toInteger());
    // No gateway in this fixture: diagnosed (a 503 is a server failure), but tier 1 cannot act.
    QCOMPARE(t.json.value("status"_L1).toString(), u"escalated"_s);
    QCOMPARE(t.json.value("cause"_L1).toString(), u"server"_s);
    QCOMPARE(t.json.value("queue"_L1).toString(), u"tier2"_s);
    const QJsonObject diagnosis = t.json.value("diagnosis"_L1).toObject();
    QCOMPARE(diagnosis.value("cause"_L1).toString(), u"server"_s);
    QVERIFY(diagnosis.value("confidence"_L1).toDouble() > 0);
    QVERIFY(!diagnosis.value("rules_version"_L1).toString().isEmpty());
    QVERIFY(t.json.value("assignee"_L1).isNull());
    QCOMPARE(t.json.value("client_report_id"_L1).toString(), id);
    QCOMPARE(t.json.value("user"_L1).toObject().value("display_name"_L1).toString(), u"王芳"_s);
    QCOMPARE(t.json.value("device"_L1).toObject().value("carrier"_L1).toString(), u"China Mobile"_s);
    QCOMPARE(t.json.value("message"_L1).toObject().value("sent_at"_L1).toString(), u"2026-03-17T08:13:38.000Z"_s);
    QCOMPARE(t.json.value("message"_L1).toObject().value("preview"_L1).toString(), u"晚上见"_s);
    QCOMPARE(t.json.value("failure"_L1).toObject().value("http_status"_L1).toInt(), 503);
    QCOMPARE(t.json.value("failure"_L1).toObject().value("attempts"_L1).toInt(), 3);
    QCOMPARE(t.json.value("comment"_L1).toString(), u"发不出去"_s);
    QCOMPARE(t.json.value("log"_L1).toObject().value("format"_L1).toString(), u"logcat"_s);
    QCOMPARE(t.json.value("log"_L1).toObject().value("size_bytes"_L1).toInteger(), log.size());
    QVERIFY(t.json.value("seq"_L1).toInteger() > 0);
    QVERIFY(t.json.value("created_at"_L1).toString().endsWith(u'Z'));

    const HttpResult l = m_client->get(u"/api/v1/tickets/%1/log"_s.arg(ticketId), m_token);
    QCOMPARE(l.status, 200);
    QVERIFY(l.headers.value("content-type").startsWith("text/plain"));
    QCOMPARE(l.headers.value("accept-ranges"), QByteArray("bytes"));
    QCOMPARE(l.body, log);
}

void TestServerHttp::intakeGzipLog()
{
    QByteArray log;
    for (int i = 0; i < 50000; ++i)
        log += "Mar 17 16:13:38 host app[42]: <error> upload failed code=" + QByteArray::number(i % 7) + "\n";
    const HttpResult r = m_client->postReport(sampleReport(newId(), log, true), m_fixture.clientKey);
    QCOMPARE(r.status, 202);
    const qint64 ticketId = r.json.value("ticket_id"_L1).toInteger();
    const HttpResult l = m_client->get(u"/api/v1/tickets/%1/log"_s.arg(ticketId), m_token);
    QCOMPARE(l.status, 200);
    QCOMPARE(l.body.size(), log.size());
    QCOMPARE(l.body, log);
}

void TestServerHttp::intakeWithoutLog()
{
    const HttpResult r = m_client->postReport(sampleReport(newId()), m_fixture.clientKey);
    QCOMPARE(r.status, 202);
    const qint64 ticketId = r.json.value("ticket_id"_L1).toInteger();
    const HttpResult t = m_client->get(u"/api/v1/tickets/%1"_s.arg(ticketId), m_token);
    QCOMPARE(t.json.value("log"_L1).toObject().value("size_bytes"_L1).toInteger(), 0);
    const HttpResult l = m_client->get(u"/api/v1/tickets/%1/log"_s.arg(ticketId), m_token);
    QCOMPARE(l.status, 200);
    QVERIFY(l.body.isEmpty());
}

void TestServerHttp::idempotency()
{
    const QString id = newId();
    const HttpResult first = m_client->postReport(sampleReport(id, "line one\n"), m_fixture.clientKey);
    QCOMPARE(first.status, 202);
    QCOMPARE(first.json.value("duplicate"_L1).toBool(true), false);
    const HttpResult before = m_client->get(u"/api/v1/tickets?limit=500"_s, m_token);
    const HttpResult second = m_client->postReport(sampleReport(id, "a different log\n"), m_fixture.clientKey);
    QCOMPARE(second.status, 202);
    QCOMPARE(second.json.value("duplicate"_L1).toBool(false), true);
    QCOMPARE(second.json.value("report_id"_L1).toInteger(), first.json.value("report_id"_L1).toInteger());
    QCOMPARE(second.json.value("ticket_id"_L1).toInteger(), first.json.value("ticket_id"_L1).toInteger());
    const HttpResult after = m_client->get(u"/api/v1/tickets?limit=500"_s, m_token);
    QCOMPARE(after.json.value("tickets"_L1).toArray().size(), before.json.value("tickets"_L1).toArray().size());
    QCOMPARE(after.json.value("next"_L1).toInteger(), before.json.value("next"_L1).toInteger()); // no new change
    const HttpResult l = m_client->get(u"/api/v1/tickets/%1/log"_s.arg(first.json.value("ticket_id"_L1).toInteger()),
                                       m_token);
    QCOMPARE(l.body, QByteArray("line one\n"));
}

void TestServerHttp::concurrentDuplicates()
{
    const QString id = newId();
    const QByteArray body = toJson(sampleReport(id, "same report\n"));
    const QList<HttpResult> results =
        m_client->postParallel(u"/api/v1/reports"_s, QList<QByteArray>(8, body), m_fixture.clientKey);
    QCOMPARE(results.size(), 8);
    int fresh = 0;
    QSet<qint64> tickets;
    for (const HttpResult &r : results) {
        QCOMPARE(r.status, 202);
        if (!r.json.value("duplicate"_L1).toBool())
            ++fresh;
        tickets.insert(r.json.value("ticket_id"_L1).toInteger());
    }
    QCOMPARE(fresh, 1);
    QCOMPARE(tickets.size(), 1);
    const HttpResult all = m_client->get(u"/api/v1/tickets?limit=500"_s, m_token);
    int matching = 0;
    for (const QJsonValue &t : all.json.value("tickets"_L1).toArray())
        matching += t.toObject().value("client_report_id"_L1).toString() == id ? 1 : 0;
    QCOMPARE(matching, 1);
}

void TestServerHttp::bodyTooLarge()
{
    QJsonObject report = sampleReport(newId());
    report.insert("padding"_L1, QString(int(relaydesk::limits::kMaxReportBody), u'x'));
    const HttpResult r = m_client->postReport(report, m_fixture.clientKey);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), u"payload_too_large"_s);
}

void TestServerHttp::compressedLogTooLarge()
{
    // Random bytes do not compress: the gzip stream exceeds 8 MiB while the body stays under 12 MiB.
    QByteArray noise(int(relaydesk::limits::kMaxCompressedLog + 256 * 1024), Qt::Uninitialized);
    QRandomGenerator rng(42);
    rng.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
    QJsonObject report = sampleReport(newId());
    report.insert("log"_L1, QJsonObject{{"encoding"_L1, "gzip+base64"_L1},
                                        {"data"_L1, QString::fromLatin1(relaydesk::gzip(noise, 1).toBase64())}});
    const QByteArray body = toJson(report);
    QVERIFY(body.size() < relaydesk::limits::kMaxReportBody);
    const HttpResult r = m_client->post(u"/api/v1/reports"_s, body, m_fixture.clientKey);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), u"payload_too_large"_s);
    QCOMPARE(r.errorField(), u"log.data"_s);
}

void TestServerHttp::gzipBomb()
{
    const QByteArray zeros(70 * 1024 * 1024, '\0');
    const QByteArray bomb = relaydesk::gzip(zeros, 9);
    QVERIFY(bomb.size() < 1024 * 1024);
    QJsonObject report = sampleReport(newId());
    report.insert("log"_L1, QJsonObject{{"encoding"_L1, "gzip+base64"_L1},
                                        {"data"_L1, QString::fromLatin1(bomb.toBase64())}});
    const HttpResult r = m_client->postReport(report, m_fixture.clientKey);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), u"payload_too_large"_s);
    QCOMPARE(r.errorField(), u"log.data"_s);
}

void TestServerHttp::badJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated") << QByteArray("{\"client_report_id\": ");
    QTest::newRow("array") << QByteArray("[1, 2]");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("hello");
}

void TestServerHttp::badJson()
{
    QFETCH(QByteArray, body);
    const HttpResult r = m_client->post(u"/api/v1/reports"_s, body, m_fixture.clientKey);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"bad_json"_s);
    QVERIFY(!r.json.value("error"_L1).toObject().value("message"_L1).toString().isEmpty());
    QVERIFY(!r.json.value("error"_L1).toObject().contains("field"_L1));
}

void TestServerHttp::validation_data()
{
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value"); // undefined: remove the key
    QTest::addColumn<QString>("field");
    QTest::newRow("missing platform") << u"device"_s << u"platform"_s << QJsonValue(QJsonValue::Undefined)
                                      << u"device.platform"_s;
    QTest::newRow("unknown platform") << u"device"_s << u"platform"_s << QJsonValue(u"symbian"_s)
                                      << u"device.platform"_s;
    QTest::newRow("bad sent_at") << u"message"_s << u"sent_at"_s << QJsonValue(u"yesterday"_s) << u"message.sent_at"_s;
    QTest::newRow("http_status 42") << u"failure"_s << u"http_status"_s << QJsonValue(42) << u"failure.http_status"_s;
    QTest::newRow("attempts string") << u"failure"_s << u"attempts"_s << QJsonValue(u"3"_s) << u"failure.attempts"_s;
    QTest::newRow("long client_report_id") << QString() << u"client_report_id"_s << QJsonValue(QString(129, u'r'))
                                           << u"client_report_id"_s;
    QTest::newRow("no user") << QString() << u"user"_s << QJsonValue(QJsonValue::Undefined) << u"user"_s;
    QTest::newRow("bad base64") << u"log"_s << u"data"_s << QJsonValue(u"!!!not base64!!!"_s) << u"log.data"_s;
    QTest::newRow("not gzip") << u"log"_s << u"data"_s << QJsonValue(u"aGVsbG8="_s) << u"log.data"_s;
    QTest::newRow("bad encoding") << u"log"_s << u"encoding"_s << QJsonValue(u"zip"_s) << u"log.encoding"_s;
}

void TestServerHttp::validation()
{
    QFETCH(QString, object);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    QJsonObject report = sampleReport(newId());
    report.insert("log"_L1, QJsonObject{{"encoding"_L1, "gzip+base64"_L1},
                                        {"data"_L1, QString::fromLatin1(relaydesk::gzip("log").toBase64())}});
    const auto apply = [&](QJsonObject &o) {
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
    };
    if (object.isEmpty()) {
        apply(report);
    } else {
        QJsonObject child = report.value(object).toObject();
        apply(child);
        report.insert(object, child);
    }
    const HttpResult r = m_client->postReport(report, m_fixture.clientKey);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"validation_failed"_s);
    QCOMPARE(r.errorField(), field);
}

void TestServerHttp::unsupportedMediaType()
{
    const HttpResult r = m_client->post(u"/api/v1/reports"_s, toJson(sampleReport(newId())), m_fixture.clientKey,
                                        "text/plain");
    QCOMPARE(r.status, 415);
    QCOMPARE(r.errorCode(), u"unsupported_media_type"_s);
}

void TestServerHttp::clientKeyRequired_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("missing") << 0;
    QTest::newRow("wrong") << 1;
    QTest::newRow("agent token") << 2;
}

void TestServerHttp::clientKeyRequired()
{
    QFETCH(int, which);
    const QString key = which == 0 ? QString() : which == 1 ? u"not-a-key"_s : m_token;
    const HttpResult r = m_client->postReport(sampleReport(newId()), key);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"unauthorized"_s);
}

void TestServerHttp::agentEndpointsNeedToken_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("which");
    const QList<QPair<QByteArray, QString>> endpoints{
        {"GET", u"/api/v1/me"_s},           {"GET", u"/api/v1/tickets"_s},
        {"GET", u"/api/v1/tickets/1"_s},    {"GET", u"/api/v1/tickets/1/log"_s},
        {"GET", u"/api/v1/tickets/1/events"_s}, {"POST", u"/api/v1/auth/logout"_s}};
    for (const auto &[verb, path] : endpoints) {
        for (int which : {0, 1, 2}) {
            const char *what = which == 0 ? "none" : which == 1 ? "bad" : "client key";
            QTest::addRow("%s %s %s", verb.constData(), qPrintable(path), what) << verb << path << which;
        }
    }
}

void TestServerHttp::agentEndpointsNeedToken()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(int, which);
    const QString token = which == 0 ? QString() : which == 1 ? m_token + u"x"_s : m_fixture.clientKey;
    const HttpResult r = m_client->send(verb, path, {}, token, {});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"unauthorized"_s);
}

void TestServerHttp::login()
{
    const auto attempt = [this](const QJsonObject &body) { return m_client->post(u"/api/v1/auth/login"_s, toJson(body)); };
    HttpResult r = attempt({{"username"_L1, ServiceFixture::kUser}, {"password"_L1, "wrong"_L1}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"invalid_credentials"_s);
    r = attempt({{"username"_L1, "nobody"_L1}, {"password"_L1, ServiceFixture::kPassword}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"invalid_credentials"_s);
    r = attempt({{"username"_L1, ServiceFixture::kUser}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorField(), u"password"_s);
    r = m_client->post(u"/api/v1/auth/login"_s, "{oops");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"bad_json"_s);

    r = attempt({{"username"_L1, ServiceFixture::kUser}, {"password"_L1, ServiceFixture::kPassword}});
    QCOMPARE(r.status, 200);
    const QString token = r.json.value("token"_L1).toString();
    QCOMPARE(token.size(), 43); // 32 bytes, base64url without padding
    QCOMPARE(r.json.value("role"_L1).toString(), u"agent"_s);
    QCOMPARE(r.json.value("username"_L1).toString(), ServiceFixture::kUser);
    const QDateTime expires = QDateTime::fromString(r.json.value("expires_at"_L1).toString(), Qt::ISODateWithMs);
    QVERIFY(expires > QDateTime::currentDateTimeUtc().addSecs(11 * 3600));
    QVERIFY(expires <= QDateTime::currentDateTimeUtc().addSecs(12 * 3600 + 60));

    r = m_client->get(u"/api/v1/me"_s, token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("username"_L1).toString(), ServiceFixture::kUser);
    QCOMPARE(r.json.value("role"_L1).toString(), u"agent"_s);
    r = m_client->post(u"/api/v1/auth/logout"_s, {}, token, {});
    QCOMPARE(r.status, 204);
    r = m_client->get(u"/api/v1/me"_s, token);
    QCOMPARE(r.status, 401);
    QCOMPARE(m_client->get(u"/api/v1/me"_s, m_token).status, 200); // other sessions unaffected
}

void TestServerHttp::deltaSync()
{
    const qint64 start = m_client->get(u"/api/v1/tickets?limit=500"_s, m_token).json.value("next"_L1).toInteger();
    QSet<qint64> created;
    for (int i = 0; i < 25; ++i) {
        const HttpResult r = m_client->postReport(sampleReport(newId()), m_fixture.clientKey);
        QCOMPARE(r.status, 202);
        created.insert(r.json.value("ticket_id"_L1).toInteger());
    }
    QCOMPARE(created.size(), 25);

    qint64 since = start;
    qint64 lastSeq = start;
    QSet<qint64> seen;
    QList<int> pageSizes;
    QList<bool> more;
    for (int guard = 0; guard < 10; ++guard) {
        const HttpResult r = m_client->get(u"/api/v1/tickets?since=%1&limit=10"_s.arg(since), m_token);
        QCOMPARE(r.status, 200);
        const QJsonArray tickets = r.json.value("tickets"_L1).toArray();
        for (const QJsonValue &v : tickets) {
            const qint64 seq = v.toObject().value("seq"_L1).toInteger();
            QVERIFY2(seq > lastSeq, "seq must increase strictly");
            lastSeq = seq;
            const qint64 id = v.toObject().value("id"_L1).toInteger();
            QVERIFY2(!seen.contains(id), "a ticket was repeated");
            seen.insert(id);
        }
        pageSizes.append(int(tickets.size()));
        more.append(r.json.value("has_more"_L1).toBool());
        QCOMPARE(r.json.value("next"_L1).toInteger(), tickets.isEmpty() ? since : lastSeq);
        since = r.json.value("next"_L1).toInteger();
        if (!r.json.value("has_more"_L1).toBool())
            break;
    }
    QCOMPARE(pageSizes, (QList<int>{10, 10, 5}));
    QCOMPARE(more, (QList<bool>{true, true, false}));
    QCOMPARE(seen, created);

    const HttpResult empty = m_client->get(u"/api/v1/tickets?since=%1"_s.arg(since), m_token);
    QCOMPARE(empty.status, 200);
    QVERIFY(empty.json.value("tickets"_L1).toArray().isEmpty());
    QCOMPARE(empty.json.value("next"_L1).toInteger(), since);
    QCOMPARE(empty.json.value("has_more"_L1).toBool(true), false);
}

void TestServerHttp::deltaSyncParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("negative since") << u"since=-1"_s << u"since"_s;
    QTest::newRow("text since") << u"since=abc"_s << u"since"_s;
    QTest::newRow("limit 0") << u"limit=0"_s << u"limit"_s;
    QTest::newRow("limit 501") << u"limit=501"_s << u"limit"_s;
    QTest::newRow("limit text") << u"limit=ten"_s << u"limit"_s;
}

void TestServerHttp::deltaSyncParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const HttpResult r = m_client->get(u"/api/v1/tickets?"_s + query, m_token);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"invalid_parameter"_s);
    QCOMPARE(r.errorField(), field);
}

void TestServerHttp::ticketNotFound()
{
    for (const QString &path : {u"/api/v1/tickets/999999"_s, u"/api/v1/tickets/abc"_s, u"/api/v1/tickets/999999/log"_s,
                                u"/api/v1/tickets/999999/events"_s, u"/api/v1/tickets/0"_s}) {
        const HttpResult r = m_client->get(path, m_token);
        QVERIFY2(r.status == 404, qPrintable(path));
        QCOMPARE(r.errorCode(), u"not_found"_s);
    }
}

void TestServerHttp::logRanges()
{
    QByteArray log;
    for (int i = 0; i < 1000; ++i)
        log += char('a' + i % 26);
    const HttpResult posted = m_client->postReport(sampleReport(newId(), log, true), m_fixture.clientKey);
    QCOMPARE(posted.status, 202);
    const QString path = u"/api/v1/tickets/%1/log"_s.arg(posted.json.value("ticket_id"_L1).toInteger());
    const auto ranged = [&](const QByteArray &range) { return m_client->get(path, m_token, {{"Range", range}}); };

    HttpResult r = ranged("bytes=0-99");
    QCOMPARE(r.status, 206);
    QCOMPARE(r.body, log.left(100));
    QCOMPARE(r.headers.value("content-range"), QByteArray("bytes 0-99/1000"));
    r = ranged("bytes=990-");
    QCOMPARE(r.status, 206);
    QCOMPARE(r.body, log.mid(990));
    QCOMPARE(r.headers.value("content-range"), QByteArray("bytes 990-999/1000"));
    r = ranged("bytes=-10");
    QCOMPARE(r.status, 206);
    QCOMPARE(r.body, log.right(10));
    QCOMPARE(r.headers.value("content-range"), QByteArray("bytes 990-999/1000"));
    r = ranged("bytes=500-5000");
    QCOMPARE(r.status, 206);
    QCOMPARE(r.body, log.mid(500));
    QCOMPARE(r.headers.value("content-range"), QByteArray("bytes 500-999/1000"));
    for (const QByteArray &bad : {QByteArray("bytes=1000-"), QByteArray("bytes=0-1,5-6"), QByteArray("bytes=abc"),
                                  QByteArray("lines=1-2"), QByteArray("bytes=9-3")}) {
        r = ranged(bad);
        QVERIFY2(r.status == 416, bad.constData());
        QCOMPARE(r.errorCode(), u"range_not_satisfiable"_s);
        QCOMPARE(r.headers.value("content-range"), QByteArray("bytes */1000"));
    }
}

void TestServerHttp::eventsTimeline()
{
    const HttpResult posted = m_client->postReport(sampleReport(newId()), m_fixture.clientKey);
    const qint64 ticketId = posted.json.value("ticket_id"_L1).toInteger();
    const HttpResult r = m_client->get(u"/api/v1/tickets/%1/events"_s.arg(ticketId), m_token);
    QCOMPARE(r.status, 200);
    const QJsonArray events = r.json.value("events"_L1).toArray();
    QCOMPARE(events.size(), 3);
    const QJsonObject reported = events.at(0).toObject();
    const QJsonObject diagnosed = events.at(1).toObject();
    const QJsonObject escalated = events.at(2).toObject();
    QCOMPARE(diagnosed.value("kind"_L1).toString(), u"diagnosed"_s);
    QCOMPARE(diagnosed.value("actor"_L1).toString(), u"tier1"_s);
    QCOMPARE(diagnosed.value("detail"_L1).toObject().value("cause"_L1).toString(), u"server"_s);
    QCOMPARE(reported.value("kind"_L1).toString(), u"reported"_s);
    QCOMPARE(reported.value("actor"_L1).toString(), u"system"_s);
    QCOMPARE(reported.value("summary"_L1).toString(), u"Report received from android 14, app 8.4.1"_s);
    QCOMPARE(reported.value("ticket_id"_L1).toInteger(), ticketId);
    QCOMPARE(escalated.value("kind"_L1).toString(), u"escalated"_s);
    QCOMPARE(escalated.value("actor"_L1).toString(), u"tier1"_s);
    QCOMPARE(escalated.value("summary"_L1).toString(),
             u"Escalated to tier 2: no IM gateway is configured, so tier 1 cannot act"_s);
    QCOMPARE(escalated.value("detail"_L1).toObject().value("queue"_L1).toString(), u"tier2"_s);
    QCOMPARE(escalated.value("detail"_L1).toObject().value("reason"_L1).toString(), u"no_gateway"_s);
    QVERIFY(escalated.value("id"_L1).toInteger() > diagnosed.value("id"_L1).toInteger());
    QVERIFY(diagnosed.value("id"_L1).toInteger() > reported.value("id"_L1).toInteger());
    QVERIFY(!reported.value("at"_L1).toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestServerHttp)
#include "tst_server_http.moc"

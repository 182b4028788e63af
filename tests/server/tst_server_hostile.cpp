// Clients that a real network and real people produce, against the real relaydesk-server process: phones that
// drop the connection while their answer is being computed, pipelined and malformed framing, bodies and
// headers past every limit, requests that trickle in and never finish, one address opening hundreds of
// connections. Each case was a defect of the earlier HTTP layer (issue 16: a crash, unbounded buffering,
// request smuggling, starvation); the server must answer correctly, stay up and stay small.
#include "RawHttp.h"
#include "TestClient.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <vector>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;

class TestServerHostile final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void abortedRequestsCostNothing();
    void pipelinedAnswersInOrder();
    void framingIsStrict_data();
    void framingIsStrict();
    void oversizedBodyRefusedBeforeItIsRead();
    void chunkedBodyPastTheLimit();
    void headerAndTargetLimits();
    void expectContinue();
    void headHasNoBody();
    void pathIdsAreStrict_data();
    void pathIdsAreStrict();
    void slowHeaderTimesOut();
    void oneAddressCannotStarveOthers();
    void stillHealthyAndSmall();
    void droppedSignInsCostNothing();
    void crashLeavesBacktrace();

private:
    QByteArray login();
    RawResponse roundTrip(const QByteArray &request, const char *source = nullptr);

    ServerProcess m_server;
    QByteArray m_token;
};

void TestServerHostile::initTestCase()
{
    QString error;
    // Short header deadline and a small per-address share so the tests need not wait or open thousands.
    // (Pointed at an older build, RELAYDESK_SERVER_EXE, it may not know the flags: run with its defaults.)
    const QStringList flags = qEnvironmentVariableIsSet("RELAYDESK_SERVER_EXE")
                                  ? QStringList()
                                  : QStringList{u"--header-timeout"_s, u"800"_s, u"--max-connections-per-ip"_s, u"40"_s};
    QVERIFY2(m_server.start(flags, &error), qPrintable(error));
    m_token = login();
    QVERIFY(!m_token.isEmpty());
}

void TestServerHostile::cleanupTestCase()
{
    QVERIFY(m_server.isRunning());
    m_server.stop();
    QCOMPARE(m_server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_server.process().exitCode(), 0);
}

RawResponse TestServerHostile::roundTrip(const QByteArray &request, const char *source)
{
    RawSocket socket;
    if (!socket.connectTo(m_server.port(), source) || !socket.send(request))
        return {};
    return socket.readResponse();
}

QByteArray TestServerHostile::login()
{
    const QByteArray body = QJsonDocument(QJsonObject{{"username"_L1, ServerProcess::kUser},
                                                      {"password"_L1, ServerProcess::kPassword}})
                                .toJson(QJsonDocument::Compact);
    const RawResponse r = roundTrip("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                    "Content-Length: "
                                    + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    return QJsonDocument::fromJson(r.body).object().value("token"_L1).toString().toUtf8();
}

void TestServerHostile::abortedRequestsCostNothing()
{
    // Each of these is answered on the database pool (login: a password hash; tickets: a token check and a
    // page), so the client is gone before the answer is ready. The old layer wrote to the deleted socket.
    const QByteArray auth = "Authorization: Bearer " + m_token + "\r\n";
    const QByteArray loginBody = R"({"username":"ghost","password":"wrong password"})";
    const QList<QByteArray> requests{
        httpGet("/api/v1/tickets?since=0&limit=500", auth),
        httpGet("/api/v1/tickets/1/events", auth),
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(loginBody.size()) + "\r\n\r\n" + loginBody,
        httpGet("/api/v1/surveys/abcdefabcdefabcdefabcdef"),
    };
    // From their own address: the failed logins must not lock out the other tests' client.
    for (int round = 0; round < 200; ++round) {
        RawSocket socket;
        QVERIFY(socket.connectTo(m_server.port(), "127.0.0.5"));
        QVERIFY(socket.send(requests.at(round % requests.size())));
        if (round % 2 == 0)
            socket.abort(); // reset
        else
            socket.close(); // FIN
    }
    // Half a request, then gone, mid-header and mid-body.
    for (int round = 0; round < 50; ++round) {
        RawSocket socket;
        QVERIFY(socket.connectTo(m_server.port()));
        QVERIFY(socket.send(round % 2 ? QByteArray("GET /api/v1/tick") : QByteArray("POST /api/v1/reports HTTP/1.1\r\n"
                                                                                   "Host: x\r\nContent-Length: 100\r\n\r\n{\"a")));
        socket.abort();
    }
    const RawResponse health = roundTrip(httpGet("/api/v1/health"));
    QCOMPARE(health.status, 200);
    QVERIFY(m_server.isRunning());
}

void TestServerHostile::pipelinedAnswersInOrder()
{
    // Three requests in one write: a slow one (database pool), a fast one, one the router refuses. The
    // answers must come back in the order asked, each exactly once.
    RawSocket socket;
    QVERIFY(socket.connectTo(m_server.port()));
    const QByteArray auth = "Authorization: Bearer " + m_token + "\r\n";
    QVERIFY(socket.send(httpGet("/api/v1/tickets/999999", auth) + httpGet("/api/v1/health")
                        + httpGet("/api/v1/no-such-route") + httpGet("/api/v1/me", auth)));
    const RawResponse first = socket.readResponse();
    QCOMPARE(first.status, 404);
    QVERIFY2(first.body.contains("no such ticket"), first.body.constData());
    const RawResponse second = socket.readResponse();
    QCOMPARE(second.status, 200);
    QVERIFY(second.body.contains("\"status\":\"ok\""));
    const RawResponse third = socket.readResponse();
    QCOMPARE(third.status, 404);
    QVERIFY2(third.body.contains("no such route"), third.body.constData());
    const RawResponse fourth = socket.readResponse();
    QCOMPARE(fourth.status, 200);
    QVERIFY(fourth.body.contains(ServerProcess::kUser.toUtf8()));
}

void TestServerHostile::framingIsStrict_data()
{
    // Each request carries a second, smuggled request in what a lax parser takes for the next message.
    const QByteArray smuggled = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("two different Content-Length")
        << "POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: "
               + QByteArray::number(2 + smuggled.size()) + "\r\n\r\n{}" + smuggled;
    QTest::newRow("Content-Length with chunked")
        << "POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
           "0\r\n\r\n"
               + smuggled;
    QTest::newRow("chunked then Content-Length")
        << "POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
           "0\r\n\r\n"
               + smuggled;
    QTest::newRow("signed Content-Length")
        << "POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\n{}" + smuggled;
    QTest::newRow("hex Content-Length") << "POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Length: 0x2\r\n\r\n{}"
                                               + smuggled;
    QTest::newRow("Transfer-Encoding not ending in chunked")
        << "POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n" + smuggled;
    QTest::newRow("no Host in HTTP/1.1") << "GET /api/v1/health HTTP/1.1\r\n\r\n" + smuggled;
    QTest::newRow("space before colon") << "GET /api/v1/health HTTP/1.1\r\nHost : x\r\n\r\n" + smuggled;
    QTest::newRow("absolute target") << "GET http://evil/api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n" + smuggled;
    QTest::newRow("bare LF header")
        << "POST /api/v1/reports HTTP/1.1\nHost: x\nContent-Length: 2\n\n{}" + smuggled;
}

void TestServerHostile::framingIsStrict()
{
    QFETCH(QByteArray, request);
    RawSocket socket;
    QVERIFY(socket.connectTo(m_server.port()));
    QVERIFY(socket.send(request));
    const RawResponse r = socket.readResponse();
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QByteArray("bad_request"));
    QCOMPARE(r.headers.value("connection"), QByteArray("close"));
    // Exactly one answer: the smuggled request is never run.
    QVERIFY(socket.closedByPeer());
}

void TestServerHostile::oversizedBodyRefusedBeforeItIsRead()
{
    const qint64 before = m_server.rssKiB();
    RawSocket socket;
    QVERIFY(socket.connectTo(m_server.port()));
    // A gigabyte announced: refused on the header, before a byte of it is sent.
    QVERIFY(socket.send("POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + m_server.clientKey().toLatin1() + "\r\nContent-Length: 1073741824\r\n\r\n"));
    const RawResponse r = socket.readResponse();
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), QByteArray("payload_too_large"));
    QVERIFY(socket.closedByPeer());
    QVERIFY(m_server.rssKiB() < before + 64 * 1024);
}

void TestServerHostile::chunkedBodyPastTheLimit()
{
    // No length announced: the limit (12 MiB) is counted while reading, and what was read is dropped.
    RawSocket socket;
    QVERIFY(socket.connectTo(m_server.port()));
    QVERIFY(socket.send("POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
    const QByteArray chunk = "100000\r\n" + QByteArray(0x100000, 'a') + "\r\n"; // 1 MiB
    bool refusedEarly = false;
    for (int i = 0; i < 64 && !refusedEarly; ++i)
        refusedEarly = !socket.send(chunk); // the server stops reading (and closes) past 12 MiB
    const RawResponse r = socket.readResponse();
    if (r.status != 0) { // the answer can be lost to the reset of a client that kept sending
        QCOMPARE(r.status, 413);
        QCOMPARE(r.errorCode(), QByteArray("payload_too_large"));
    }
    QVERIFY2(refusedEarly || r.status == 413, "64 MiB were taken in");
    QVERIFY(m_server.peakRssKiB() < 400 * 1024);
}

void TestServerHostile::headerAndTargetLimits()
{
    const RawResponse header =
        roundTrip(httpGet("/api/v1/health", "X-Padding: " + QByteArray(20 * 1024, 'p') + "\r\n"));
    QCOMPARE(header.status, 431);
    QCOMPARE(header.errorCode(), QByteArray("header_too_large"));
    const RawResponse target = roundTrip(httpGet("/api/v1/health?" + QByteArray(9 * 1024, 'q')));
    QCOMPARE(target.status, 414);
    QCOMPARE(target.errorCode(), QByteArray("uri_too_long"));
    // A 256 MB header is cut off at the limit, not buffered.
    RawSocket socket;
    QVERIFY(socket.connectTo(m_server.port()));
    QVERIFY(socket.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Padding: "));
    const QByteArray filler(1024 * 1024, 'p');
    bool stopped = false;
    for (int i = 0; i < 256 && !stopped; ++i)
        stopped = !socket.send(filler);
    QVERIFY(stopped || socket.readResponse().status == 431);
    QVERIFY(m_server.peakRssKiB() < 400 * 1024);
}

void TestServerHostile::expectContinue()
{
    RawSocket socket;
    QVERIFY(socket.connectTo(m_server.port()));
    const QByteArray body = R"({"username":"agent1","password":"a long enough password"})";
    QVERIFY(socket.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                        "Content-Type: application/json\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n"));
    QCOMPARE(socket.readResponse().status, 100);
    QVERIFY(socket.send(body));
    const RawResponse r = socket.readResponse();
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("\"token\""));
}

void TestServerHostile::headHasNoBody()
{
    // HEAD answers like GET without the body; a body there would be read as the next answer.
    RawSocket socket;
    QVERIFY(socket.connectTo(m_server.port()));
    QVERIFY(socket.send("HEAD /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n" + httpGet("/api/v1/no-such-route")));
    const RawResponse head = socket.readResponse(60000, true);
    QCOMPARE(head.status, 200);
    QVERIFY(head.headers.value("content-length").toInt() > 0);
    const RawResponse next = socket.readResponse();
    QCOMPARE(next.status, 404);
    QCOMPARE(next.errorCode(), QByteArray("not_found"));
}

void TestServerHostile::pathIdsAreStrict_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("leading zero") << QByteArray("/api/v1/tickets/01");
    QTest::newRow("encoded space") << QByteArray("/api/v1/tickets/%201");
    QTest::newRow("encoded NUL") << QByteArray("/api/v1/tickets/1%00");
    QTest::newRow("plus") << QByteArray("/api/v1/tickets/+1");
    QTest::newRow("too long") << QByteArray("/api/v1/tickets/1000000000000000000000");
}

void TestServerHostile::pathIdsAreStrict()
{
    QFETCH(QByteArray, path);
    // Ticket 1 exists: a report makes it.
    static bool reported = false;
    if (!reported) {
        const QByteArray report = QJsonDocument(sampleReport(u"strict-ids-1"_s)).toJson(QJsonDocument::Compact);
        const RawResponse r = roundTrip("POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                        + m_server.clientKey().toLatin1() + "\r\nContent-Type: application/json\r\n"
                                        "Content-Length: " + QByteArray::number(report.size()) + "\r\n\r\n" + report);
        reported = r.status == 202;
        QVERIFY2(reported, r.body.constData());
        QCOMPARE(roundTrip(httpGet("/api/v1/tickets/1", "Authorization: Bearer " + m_token + "\r\n")).status, 200);
    }
    const RawResponse r = roundTrip(httpGet(path, "Authorization: Bearer " + m_token + "\r\n"));
    QCOMPARE(r.status, 404);
}

void TestServerHostile::slowHeaderTimesOut()
{
    // A header that never ends, and one that trickles a byte at a time: both closed at the header
    // deadline (800 ms here), whatever keeps arriving.
    RawSocket stalled;
    QVERIFY(stalled.connectTo(m_server.port()));
    QVERIFY(stalled.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")); // and never the blank line
    RawSocket trickle;
    QVERIFY(trickle.connectTo(m_server.port()));
    const QByteArray slow = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + QByteArray(200, 's');
    bool cut = false;
    for (qsizetype i = 0; i < slow.size() && !cut; ++i) {
        cut = !trickle.send(slow.mid(i, 1)) || trickle.closedByPeer(50);
    }
    QVERIFY2(cut, "a header trickling in for 10 s was never cut off");
    QCOMPARE(stalled.readResponse(30000).status, 0);
    QVERIFY(stalled.closedByPeer(30000));
}

void TestServerHostile::oneAddressCannotStarveOthers()
{
    // 127.0.0.2 opens three times its share of connections and sends nothing (so they are held for the
    // idle deadline, 60 s, not freed by the 800 ms header deadline however slowly a loaded machine accepts
    // them); the server refuses what is past the share at once and keeps answering everyone else.
    std::vector<RawSocket> hogs(120);
    int refused = 0;
    for (RawSocket &hog : hogs)
        QVERIFY(hog.connectTo(m_server.port(), "127.0.0.2"));
    for (RawSocket &hog : hogs) {
        const RawResponse r = hog.readResponse(300);
        if (r.status == 503) {
            QCOMPARE(r.errorCode(), QByteArray("too_many_connections"));
            ++refused;
        }
    }
    QCOMPARE(refused, 120 - 40);
    const RawResponse other = roundTrip(httpGet("/api/v1/health"), "127.0.0.3");
    QCOMPARE(other.status, 200);
    // Closed, they free their share.
    for (RawSocket &hog : hogs)
        hog.close();
    QTRY_VERIFY_WITH_TIMEOUT(roundTrip(httpGet("/api/v1/health"), "127.0.0.2").status == 200, 30000);
}

void TestServerHostile::stillHealthyAndSmall()
{
    QCOMPARE(roundTrip(httpGet("/api/v1/health")).status, 200);
    QVERIFY(m_server.isRunning());
    const qint64 peak = m_server.peakRssKiB();
    qInfo() << "server peak RSS" << peak << "KiB";
    QVERIFY(peak > 0);
    QVERIFY(peak < 400 * 1024);
}

void TestServerHostile::droppedSignInsCostNothing()
{
    // 30 sign-ins (wrong passwords, distinct names) from one address, dropped 300 ms after they were sent:
    // the one hashing thread has done a few by then; the rest are skipped and withdrawn, so the address's
    // failed-sign-in share (30 a minute) is not used up by sign-ins nobody waited for. (Before, each one was
    // hashed and counted, and this address's next sign-in was a 429.)
    const auto login = [](const QString &name) {
        const QByteArray body = QJsonDocument(QJsonObject{{"username"_L1, name}, {"password"_L1, "wrong"_L1}})
                                    .toJson(QJsonDocument::Compact);
        return "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
               + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    };
    std::vector<RawSocket> dropped(30);
    for (size_t i = 0; i < dropped.size(); ++i) {
        QVERIFY(dropped[i].connectTo(m_server.port(), "127.0.0.60"));
        QVERIFY(dropped[i].send(login(u"dropped-%1"_s.arg(i))));
    }
    QTest::qWait(300);
    for (RawSocket &socket : dropped)
        socket.abort();
    // Another address's sign-in queues behind whatever hashing is left: answered, the queue is empty.
    QCOMPARE(roundTrip(login(u"someone-else"_s), "127.0.0.61").status, 401);
    const RawResponse next = roundTrip(login(u"dropped-next"_s), "127.0.0.60");
    QVERIFY2(next.status == 401, next.body.constData());
}

void TestServerHostile::crashLeavesBacktrace()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer's handler reports fatal signals in this build");
#endif
    // A server of its own, made to crash: its stderr (the journal) says so, with one line per frame.
    ServerProcess server;
    server.logToFile();
    QString error;
    QVERIFY2(server.start({}, &error), qPrintable(error));
    QVERIFY(::kill(pid_t(server.pid()), SIGSEGV) == 0);
    QCOMPARE(server.exitDescription(10000), u"killed by signal %1 (SEGV)"_s.arg(SIGSEGV));
    QFile log(server.logPath());
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = log.readAll().split('\n');
    const qsizetype at = lines.indexOf("relaydesk-server: fatal signal 11 (SEGV); backtrace:");
    QVERIFY2(at >= 0, lines.join('\n').right(2000).constData());
    const qsizetype frames = std::count_if(lines.begin() + at + 1, lines.end(), [](const QByteArray &line) {
        return line.contains("(+0x") || line.contains("+0x");
    });
    QVERIFY2(frames >= 3, lines.mid(at).join('\n').constData());
}

QTEST_GUILESS_MAIN(TestServerHostile)
#include "tst_server_hostile.moc"

// GET /api/v1/stream: first-message authentication, ready, ticket.changed pushes, refusal with 4401.
#include "ServiceFixture.h"
#include "TestClient.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;

class TestServerStream final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void readyAndTicketChanged();
    void badTokenIsClosed();
    void nonAuthMessageIsClosed();
    void logoutEndsTheStream();
    void oversizedMessageIsClosed();

private:
    QUrl streamUrl() const;
    static QJsonObject waitForMessage(QSignalSpy &spy, int index);

    ServiceFixture m_fixture;
    std::unique_ptr<TestClient> m_client;
    QString m_token;
};

void TestServerStream::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    m_client = std::make_unique<TestClient>(m_fixture.service->baseUrl());
    m_token = m_client->login(ServiceFixture::kUser, ServiceFixture::kPassword);
    QVERIFY(!m_token.isEmpty());
}

void TestServerStream::cleanupTestCase()
{
    m_client.reset();
    m_fixture.stop();
}

QUrl TestServerStream::streamUrl() const
{
    QUrl url = m_fixture.service->baseUrl();
    url.setScheme(u"ws"_s);
    url.setPath(u"/api/v1/stream"_s);
    return url;
}

QJsonObject TestServerStream::waitForMessage(QSignalSpy &spy, int index)
{
    if (spy.size() <= index && !QTest::qWaitFor([&] { return spy.size() > index; }, 15000))
        return {};
    return QJsonDocument::fromJson(spy.at(index).at(0).toString().toUtf8()).object();
}

void TestServerStream::readyAndTicketChanged()
{
    // One report before connecting, so the ready seq is non-zero.
    const HttpResult before = m_client->postReport(sampleReport(u"s-1"_s), m_fixture.clientKey);
    QCOMPARE(before.status, 202);
    const qint64 seqBefore =
        m_client->get(u"/api/v1/tickets/%1"_s.arg(before.json.value("ticket_id"_L1).toInteger()), m_token)
            .json.value("seq"_L1)
            .toInteger();
    QVERIFY(seqBefore > 0);

    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
    socket.open(streamUrl());
    QVERIFY(connected.wait(10000));
    socket.sendTextMessage(QString::fromUtf8(toJson({{"type"_L1, "auth"_L1}, {"token"_L1, m_token}})));
    const QJsonObject ready = waitForMessage(messages, 0);
    QCOMPARE(ready.value("type"_L1).toString(), u"ready"_s);
    QCOMPARE(ready.value("seq"_L1).toInteger(), seqBefore);

    const HttpResult posted = m_client->postReport(sampleReport(u"s-2"_s), m_fixture.clientKey);
    QCOMPARE(posted.status, 202);
    const QJsonObject changed = waitForMessage(messages, 1);
    QCOMPARE(changed.value("type"_L1).toString(), u"ticket.changed"_s);
    QCOMPARE(changed.value("ticket_id"_L1).toInteger(), posted.json.value("ticket_id"_L1).toInteger());
    QVERIFY(changed.value("seq"_L1).toInteger() > seqBefore);
    const HttpResult ticket =
        m_client->get(u"/api/v1/tickets/%1"_s.arg(posted.json.value("ticket_id"_L1).toInteger()), m_token);
    QCOMPARE(changed.value("seq"_L1).toInteger(), ticket.json.value("seq"_L1).toInteger());

    // A duplicate changes nothing and pushes nothing.
    QCOMPARE(m_client->postReport(sampleReport(u"s-2"_s), m_fixture.clientKey).status, 202);
    const HttpResult third = m_client->postReport(sampleReport(u"s-3"_s), m_fixture.clientKey);
    const QJsonObject next = waitForMessage(messages, 2);
    QCOMPARE(next.value("ticket_id"_L1).toInteger(), third.json.value("ticket_id"_L1).toInteger());
    socket.close();
}

void TestServerStream::badTokenIsClosed()
{
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
    socket.open(streamUrl());
    QVERIFY(connected.wait(10000));
    socket.sendTextMessage(QString::fromUtf8(toJson({{"type"_L1, "auth"_L1}, {"token"_L1, "nope"_L1}})));
    const QJsonObject error = waitForMessage(messages, 0);
    QCOMPARE(error.value("type"_L1).toString(), u"error"_s);
    QCOMPARE(error.value("code"_L1).toString(), u"unauthorized"_s);
    QVERIFY(disconnected.size() > 0 || disconnected.wait(10000));
    QCOMPARE(int(socket.closeCode()), 4401);
}

void TestServerStream::nonAuthMessageIsClosed()
{
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    socket.open(streamUrl());
    QVERIFY(connected.wait(10000));
    socket.sendTextMessage(u"{\"type\": \"hello\"}"_s);
    QVERIFY(disconnected.wait(10000));
    QCOMPARE(int(socket.closeCode()), 4401);
}

void TestServerStream::logoutEndsTheStream()
{
    // A second session of the same user: its stream must end when it logs out, and get no push after.
    const QString token = m_client->login(ServiceFixture::kUser, ServiceFixture::kPassword);
    QVERIFY(!token.isEmpty());
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
    socket.open(streamUrl());
    QVERIFY(connected.wait(10000));
    socket.sendTextMessage(QString::fromUtf8(toJson({{"type"_L1, "auth"_L1}, {"token"_L1, token}})));
    QCOMPARE(waitForMessage(messages, 0).value("type"_L1).toString(), u"ready"_s);

    QCOMPARE(m_client->post(u"/api/v1/auth/logout"_s, {}, token).status, 204);
    const QJsonObject error = waitForMessage(messages, 1);
    QCOMPARE(error.value("type"_L1).toString(), u"error"_s);
    QCOMPARE(error.value("code"_L1).toString(), u"unauthorized"_s);
    QVERIFY(disconnected.size() > 0 || disconnected.wait(10000));
    QCOMPARE(int(socket.closeCode()), 4401);
    // A change after the logout reaches nobody on that socket.
    QCOMPARE(m_client->postReport(sampleReport(u"s-after-logout"_s), m_fixture.clientKey).status, 202);
    QTest::qWait(200);
    QCOMPARE(messages.size(), 2);
    // The other session's token still works.
    QCOMPARE(m_client->get(u"/api/v1/me"_s, m_token).status, 200);
}

void TestServerStream::oversizedMessageIsClosed()
{
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    socket.open(streamUrl());
    QVERIFY(connected.wait(10000));
    socket.sendTextMessage(QString(1024 * 1024, u'x')); // limit: 64 KiB per message
    QVERIFY(disconnected.wait(10000));
    QCOMPARE(int(socket.closeCode()), 1009); // message too big
}

QTEST_GUILESS_MAIN(TestServerStream)
#include "tst_server_stream.moc"

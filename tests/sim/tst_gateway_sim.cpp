// Tests for the IM gateway simulator: signatures, validation, idempotency, cause-dependent outcomes, region
// health, the simulator endpoints, determinism, and the relaydesk-sim process serving the gateway.
#include "sim/GatewaySimulator.h"

#include "core/GatewaySigning.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace relaydesk;
using relaydesk::sim::GatewaySimulator;

namespace {

const QByteArray kSecret = "s3cret-for-tests";

struct Answer
{
    int status = 0; // 0: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QJsonObject body;
    QByteArray retryAfter;

    QString code() const { return body.value("error"_L1).toObject().value("code"_L1).toString(); }
    QString outcome() const { return body.value("status"_L1).toString(); }
};

QJsonObject resendBody(const QString &region = {})
{
    QJsonObject body{{"conversation_id"_L1, u"c-1"_s}, {"recipient_id"_L1, u"u-2"_s}, {"ticket_id"_L1, 17}};
    if (!region.isEmpty())
        body.insert("region"_L1, region);
    return body;
}

QJsonObject noticeBody(const QString &region = {})
{
    QJsonObject body{
        {"locale"_L1, u"zh_CN"_s}, {"title"_L1, u"t"_s}, {"body"_L1, u"b"_s}, {"ticket_id"_L1, 17}};
    if (!region.isEmpty())
        body.insert("region"_L1, region);
    return body;
}

} // namespace

class TestGatewaySim final : public QObject
{
    Q_OBJECT

private:
    Answer finish(QNetworkReply *reply, int timeoutMs = 15000)
    {
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(timeoutMs);
        Answer answer;
        answer.error = reply->error();
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = QJsonDocument::fromJson(reply->readAll()).object();
        answer.retryAfter = reply->rawHeader("Retry-After");
        reply->deleteLater();
        return answer;
    }

    QNetworkReply *start(const QUrl &base, const QString &path, const QJsonObject &body, const QString &key,
                         qint64 skewSeconds = 0, const QByteArray &secret = kSecret)
    {
        const QByteArray raw = QJsonDocument(body).toJson(QJsonDocument::Compact);
        const qint64 timestamp = QDateTime::currentSecsSinceEpoch() + skewSeconds;
        QUrl url = base;
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        if (!key.isEmpty())
            request.setRawHeader(kGatewayIdempotencyHeader, key.toUtf8());
        request.setRawHeader(kGatewayTimestampHeader, QByteArray::number(timestamp));
        request.setRawHeader(
            kGatewaySignatureHeader,
            gatewaySignature(secret, timestamp, "POST", url.path(QUrl::FullyEncoded).toUtf8(), raw));
        return m_network.post(request, raw);
    }

    Answer post(const QUrl &base, const QString &path, const QJsonObject &body, const QString &key,
                qint64 skewSeconds = 0, const QByteArray &secret = kSecret)
    {
        return finish(start(base, path, body, key, skewSeconds, secret));
    }

    Answer resend(GatewaySimulator &gateway, const QString &messageId, const QString &key,
                  const QString &region = {})
    {
        return post(gateway.baseUrl(), u"/v1/messages/%1/resend"_s.arg(messageId), resendBody(region), key);
    }

    Answer notice(GatewaySimulator &gateway, const QString &userId, const QString &key,
                  const QString &region = {})
    {
        return post(gateway.baseUrl(), u"/v1/users/%1/notices"_s.arg(userId), noticeBody(region), key);
    }

    Answer unsigned_(const QUrl &base, const QString &path, const QByteArray &method,
                     const QJsonObject &body = {})
    {
        QUrl url = base;
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        return finish(method == "GET"
                          ? m_network.get(request)
                          : m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }

    std::unique_ptr<GatewaySimulator> makeGateway(quint32 seed = 7)
    {
        auto gateway = std::make_unique<GatewaySimulator>(kSecret, seed);
        QString error;
        if (!gateway->listen(QHostAddress::LocalHost, 0, &error))
            qFatal("cannot listen: %s", qPrintable(error));
        return gateway;
    }

    // Resends with one key until an HTTP 200 or `tries` runs out; returns the statuses seen (0: no answer).
    QList<int> resendUntilOk(GatewaySimulator &gateway, const QString &messageId, const QString &key,
                             int tries)
    {
        QList<int> statuses;
        for (int i = 0; i < tries; ++i) {
            const Answer a = resend(gateway, messageId, key);
            statuses.append(a.status);
            if (a.status == 200)
                break;
        }
        return statuses;
    }

    QNetworkAccessManager m_network;

private Q_SLOTS:
    void signingIsStable()
    {
        // HMAC-SHA256("k", "1700000000\nPOST\n/p\n{}"), computed independently with Python's hmac module.
        const QByteArray sig = gatewaySignature("k", 1700000000, "POST", "/p", "{}");
        QCOMPARE(sig, QByteArray("v1=94ce7adf4369677744efa677f33644f0393df90aabfb3929e40dcc3ed9c62636"));
        QVERIFY(gatewaySignatureMatches("k", 1700000000, "POST", "/p", "{}", sig));
        QVERIFY(!gatewaySignatureMatches("k", 1700000001, "POST", "/p", "{}", sig));
        QVERIFY(!gatewaySignatureMatches("other", 1700000000, "POST", "/p", "{}", sig));
        QVERIFY(!gatewaySignatureMatches("k", 1700000000, "POST", "/p", "{} ", sig));
    }

    void signatureOkBadStale()
    {
        auto gateway = makeGateway();
        const QUrl base = gateway->baseUrl();
        const QString path = u"/v1/users/u-1/notices"_s;

        Answer a = post(base, path, noticeBody(), u"k-bad"_s, 0, "wrong secret");
        QCOMPARE(a.status, 401);
        QCOMPARE(a.code(), u"bad_signature"_s);
        a = post(base, path, noticeBody(), u"k-stale"_s, -301);
        QCOMPARE(a.status, 401);
        QCOMPARE(a.code(), u"stale_timestamp"_s);
        a = post(base, path, noticeBody(), u"k-future"_s, 400);
        QCOMPARE(a.status, 401);
        a = unsigned_(base, path, "POST", noticeBody());
        QCOMPARE(a.status, 401);
        QCOMPARE(gateway->deliveries().size(), 0); // refused requests are not attempts

        a = post(base, path, noticeBody(), u"k-ok"_s, -250); // within 300 s
        QCOMPARE(a.status, 200);
        QCOMPARE(a.outcome(), u"delivered"_s);
        QCOMPARE(gateway->deliveriesForKey(u"k-ok"_s), 1);
        QCOMPARE(gateway->totalRequests(), 5);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("code");
        QJsonObject noTitle = noticeBody();
        noTitle.remove("title"_L1);
        QJsonObject textTicket = noticeBody();
        textTicket.insert("ticket_id"_L1, u"17"_s);
        QJsonObject noRecipient = resendBody();
        noRecipient.remove("recipient_id"_L1);
        QJsonObject numericRegion = resendBody();
        numericRegion.insert("region"_L1, 3);
        QTest::newRow("notice title") << u"/v1/users/u/notices"_s << noTitle << u"k"_s << u"invalid_title"_s;
        QTest::newRow("notice ticket")
            << u"/v1/users/u/notices"_s << textTicket << u"k"_s << u"invalid_ticket_id"_s;
        QTest::newRow("no key") << u"/v1/users/u/notices"_s << noticeBody() << QString()
                                << u"invalid_idempotency_key"_s;
        QTest::newRow("resend recipient")
            << u"/v1/messages/m/resend"_s << noRecipient << u"k"_s << u"invalid_recipient_id"_s;
        QTest::newRow("resend region")
            << u"/v1/messages/m/resend"_s << numericRegion << u"k"_s << u"invalid_region"_s;
    }

    void validation()
    {
        QFETCH(QString, path);
        QFETCH(QJsonObject, body);
        QFETCH(QString, key);
        QFETCH(QString, code);
        auto gateway = makeGateway();
        const Answer a = post(gateway->baseUrl(), path, body, key);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.code(), code);
        QCOMPARE(gateway->deliveries().size(), 0);
        QCOMPARE(post(gateway->baseUrl(), u"/v1/nothing/here"_s, body, key).status, 404);
    }

    void dedupByKeyAndByMessage()
    {
        auto gateway = makeGateway();
        const Answer first = notice(*gateway, u"u-1"_s, u"n-1"_s);
        QCOMPARE(first.outcome(), u"delivered"_s);
        const Answer again = notice(*gateway, u"u-1"_s, u"n-1"_s);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.outcome(), u"duplicate_suppressed"_s);
        QCOMPARE(again.body.value("delivery_id"_L1), first.body.value("delivery_id"_L1));
        QCOMPARE(gateway->deliveriesForKey(u"n-1"_s), 1);
        QCOMPARE(gateway->duplicatesSuppressed(), 1);

        // A resend under a new key for a message that was already delivered is suppressed too.
        const Answer sent = resend(*gateway, u"m-1"_s, u"r-1"_s);
        QCOMPARE(sent.outcome(), u"delivered"_s);
        const Answer other = resend(*gateway, u"m-1"_s, u"r-2"_s);
        QCOMPARE(other.outcome(), u"duplicate_suppressed"_s);
        QCOMPARE(other.body.value("delivery_id"_L1), sent.body.value("delivery_id"_L1));
        QCOMPARE(resend(*gateway, u"m-1"_s, u"r-2"_s).outcome(), u"duplicate_suppressed"_s);
        QCOMPARE(gateway->deliveriesForMessage(u"m-1"_s), 1);
        QCOMPARE(gateway->attemptsForMessage(u"m-1"_s), 3);
        QCOMPARE(gateway->duplicatesSuppressed(), 3);

        // A key reused for another effect is refused and acts on nothing.
        const Answer reused = resend(*gateway, u"m-2"_s, u"r-1"_s);
        QCOMPARE(reused.status, 422);
        QCOMPARE(reused.code(), u"IDEMPOTENCY_KEY_REUSED"_s);
        QCOMPARE(gateway->deliveriesForMessage(u"m-2"_s), 0);
    }

    void causeOutcomes_data()
    {
        QTest::addColumn<int>("cause");
        QTest::addColumn<QString>("family");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("client crash")
            << int(Cause::Client) << u"android_fatal_exception"_s << 409 << u"RESEND_FROM_DEVICE_REQUIRED"_s;
        QTest::newRow("policy blocked")
            << int(Cause::Policy) << u"user_blocked"_s << 403 << u"USER_IS_BLOCKED"_s;
        QTest::newRow("policy chat") << int(Cause::Policy) << u"chat_write_forbidden"_s << 403
                                     << u"CHAT_WRITE_FORBIDDEN"_s;
        QTest::newRow("policy spam") << int(Cause::Policy) << u"spam_rejected"_s << 403 << u"M_FORBIDDEN"_s;
        QTest::newRow("policy unknown family") << int(Cause::Policy) << QString() << 403 << u"M_FORBIDDEN"_s;
        QTest::newRow("user too long")
            << int(Cause::User) << u"message_too_long"_s << 400 << u"MESSAGE_TOO_LONG"_s;
        QTest::newRow("user not found")
            << int(Cause::User) << u"recipient_not_found"_s << 404 << u"M_NOT_FOUND"_s;
        QTest::newRow("user peer") << int(Cause::User) << u"peer_id_invalid"_s << 400 << u"PEER_ID_INVALID"_s;
    }

    void causeOutcomes()
    {
        QFETCH(int, cause);
        QFETCH(QString, family);
        QFETCH(int, status);
        QFETCH(QString, code);
        auto gateway = makeGateway();
        gateway->registerTruth(u"m-x"_s, Cause(cause), family, u"cn-north"_s);
        for (const QString &region : {QString(), u"eu-west"_s}) {
            const Answer a = resend(*gateway, u"m-x"_s, u"key-"_s + region, region);
            QCOMPARE(a.status, status);
            QCOMPARE(a.code(), code);
            const Answer repeat = resend(*gateway, u"m-x"_s, u"key-"_s + region, region);
            QCOMPARE(repeat.status, status);
            QCOMPARE(repeat.body, a.body);
        }
        QCOMPARE(gateway->deliveriesForMessage(u"m-x"_s), 0);
        QCOMPARE(gateway->duplicatesSuppressed(), 0);
    }

    void unknownAndHealthyDeliver()
    {
        auto gateway = makeGateway();
        gateway->registerTruth(u"m-u"_s, Cause::Unknown, {}, u"cn-north"_s);
        QCOMPARE(resend(*gateway, u"m-u"_s, u"a"_s).outcome(), u"delivered"_s);
        QCOMPARE(resend(*gateway, u"never-registered"_s, u"b"_s).outcome(), u"delivered"_s);
        QCOMPARE(gateway->deliveriesForMessage(u"never-registered"_s), 1);
    }

    void networkFailsFirstThenDelivers()
    {
        auto gateway = makeGateway(11);
        gateway->setTransientFailureRate(1.0);
        gateway->setStallMs(200);
        int visibleFailures = 0;
        for (int i = 0; i < 8; ++i) {
            const QString id = u"net-%1"_s.arg(i);
            gateway->registerTruth(id, Cause::Network, u"socket_timeout"_s, u"cn-north"_s);
            const QList<int> statuses = resendUntilOk(*gateway, id, u"key-"_s + id, 4);
            QCOMPARE(statuses.last(), 200);
            QVERIFY2(statuses.size() <= 2, qPrintable(id));
            for (int s : statuses.first(statuses.size() - 1))
                QVERIFY(s == 0 || s == 503 || s == 504);
            visibleFailures += int(statuses.size() - 1);
            QCOMPARE(gateway->deliveriesForMessage(id), 1);
            // the first attempt always failed (QNAM re-sends by itself after a dropped connection)
            QVERIFY(gateway->attemptsForMessage(id) >= 2);
        }
        QVERIFY(visibleFailures > 0);
    }

    void degradedRegionAndRerouting()
    {
        auto gateway = makeGateway();
        gateway->registerTruth(u"s-1"_s, Cause::Server, u"http_503"_s, u"cn-north"_s);
        gateway->registerTruth(u"s-2"_s, Cause::Server, u"rate_limited"_s, u"cn-north"_s);
        Answer a = resend(*gateway, u"s-1"_s, u"k1"_s);
        QCOMPARE(a.status, 503);
        QCOMPARE(a.retryAfter, QByteArray("2"));
        a = resend(*gateway, u"s-1"_s, u"k1"_s, u"cn-north"_s);
        QCOMPARE(a.status, 503);
        a = resend(*gateway, u"s-2"_s, u"k2"_s);
        QCOMPARE(a.status, 429);
        QCOMPARE(a.retryAfter, QByteArray("3"));
        QCOMPARE(a.code(), u"M_LIMIT_EXCEEDED"_s);
        // rerouted through a healthy region with the same key: delivered once
        a = resend(*gateway, u"s-1"_s, u"k1"_s, u"eu-west"_s);
        QCOMPARE(a.outcome(), u"delivered"_s);
        QCOMPARE(resend(*gateway, u"s-1"_s, u"k1"_s, u"cn-north"_s).outcome(), u"duplicate_suppressed"_s);
        QCOMPARE(gateway->deliveriesForMessage(u"s-1"_s), 1);

        gateway->setRegionDegraded(u"eu-west"_s, true);
        QCOMPARE(resend(*gateway, u"s-2"_s, u"k2"_s, u"eu-west"_s).status, 429);
        QCOMPARE(resend(*gateway, u"s-2"_s, u"k2"_s, u"ap-south"_s).outcome(), u"delivered"_s);
        const QList<sim::GatewayDelivery> list = gateway->deliveries();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(1).region, u"ap-south"_s);
        QCOMPARE(list.at(1).attempts, 3);
    }

    void outageOnOffOverHttp()
    {
        auto gateway = makeGateway();
        const QUrl base = gateway->baseUrl();
        Answer a =
            unsigned_(base, u"/v1/_sim/outage"_s, "POST", {{"region"_L1, u"eu-west"_s}, {"down"_L1, true}});
        QCOMPARE(a.status, 200);
        QVERIFY(gateway->isRegionDown(u"eu-west"_s));
        a = resend(*gateway, u"m-1"_s, u"k1"_s, u"eu-west"_s);
        QCOMPARE(a.status, 503);
        QCOMPARE(a.retryAfter, QByteArray("5"));
        QCOMPARE(a.code(), u"REGION_UNAVAILABLE"_s);
        QCOMPARE(notice(*gateway, u"u-1"_s, u"n1"_s, u"eu-west"_s).status, 503);
        QCOMPARE(resend(*gateway, u"m-2"_s, u"k2"_s, u"cn-north"_s).outcome(), u"delivered"_s);

        a = unsigned_(base, u"/v1/_sim/outage"_s, "POST",
                      {{"region"_L1, u"eu-west"_s}, {"down"_L1, u"no"_s}});
        QCOMPARE(a.status, 400);
        QCOMPARE(a.code(), u"invalid_down"_s);
        a = unsigned_(base, u"/v1/_sim/outage"_s, "POST", {{"region"_L1, u"eu-west"_s}, {"down"_L1, false}});
        QCOMPARE(a.status, 200);
        QVERIFY(!gateway->isRegionDown(u"eu-west"_s));
        // the 503 was not remembered: the same keys now deliver
        QCOMPARE(resend(*gateway, u"m-1"_s, u"k1"_s, u"eu-west"_s).outcome(), u"delivered"_s);
        QCOMPARE(notice(*gateway, u"u-1"_s, u"n1"_s, u"eu-west"_s).outcome(), u"delivered"_s);
        QCOMPARE(gateway->deliveriesForKey(u"k1"_s), 1);
        QCOMPARE(gateway->deliveriesForKey(u"n1"_s), 1);
    }

    void receivedEndpoint()
    {
        auto gateway = makeGateway();
        gateway->registerTruth(u"p-1"_s, Cause::Policy, u"user_blocked"_s, u"cn-north"_s);
        resend(*gateway, u"m-1"_s, u"k1"_s);
        resend(*gateway, u"m-1"_s, u"k1"_s);
        resend(*gateway, u"p-1"_s, u"k2"_s);
        notice(*gateway, u"u-9"_s, u"n1"_s, u"eu-west"_s);
        const Answer a = unsigned_(gateway->baseUrl(), u"/v1/_sim/received"_s, "GET");
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body.value("duplicates_suppressed"_L1).toInt(), 1);
        QCOMPARE(a.body.value("total_requests"_L1).toInt(), 5);
        const QJsonArray list = a.body.value("deliveries"_L1).toArray();
        QCOMPARE(list.size(), 3);
        const QJsonObject first{
            {"idempotency_key"_L1, u"k1"_s}, {"kind"_L1, u"resend"_s}, {"client_message_id"_L1, u"m-1"_s},
            {"region"_L1, QString()},        {"attempts"_L1, 2},       {"delivered"_L1, 1}};
        QCOMPARE(list.at(0).toObject(), first);
        QCOMPARE(list.at(1).toObject().value("delivered"_L1).toInt(), 0);
        QCOMPARE(list.at(1).toObject().value("region"_L1).toString(), u"cn-north"_s);
        const QJsonObject third{
            {"idempotency_key"_L1, u"n1"_s}, {"kind"_L1, u"notice"_s}, {"user_id"_L1, u"u-9"_s},
            {"region"_L1, u"eu-west"_s},     {"attempts"_L1, 1},       {"delivered"_L1, 1}};
        QCOMPARE(list.at(2).toObject(), third);
        QCOMPARE(unsigned_(gateway->baseUrl(), u"/v1/_sim/received"_s, "POST").status, 405);
    }

    void latencyEffectHappensOnArrival()
    {
        auto gateway = makeGateway();
        gateway->setLatency(2000);
        QNetworkReply *reply = start(gateway->baseUrl(), u"/v1/messages/m-l/resend"_s, resendBody(), u"kl"_s);
        QTRY_COMPARE(gateway->deliveriesForMessage(u"m-l"_s), 1);
        reply->abort(); // the sender dies before the answer
        reply->deleteLater();
        gateway->setLatency(0);
        const Answer retry = resend(*gateway, u"m-l"_s, u"kl"_s);
        QCOMPARE(retry.outcome(), u"duplicate_suppressed"_s);
        QCOMPARE(gateway->deliveriesForMessage(u"m-l"_s), 1);
    }

    void deterministicBySeed()
    {
        const auto run = [this](quint32 seed) {
            auto gateway = makeGateway(seed);
            gateway->setStallMs(100);
            QStringList trace;
            for (int i = 0; i < 12; ++i) {
                const QString id = u"d-%1"_s.arg(i);
                gateway->registerTruth(id, Cause::Network, u"connection_reset"_s, u"cn-north"_s);
                const Answer a = resend(*gateway, id, u"k-"_s + id);
                trace.append(
                    u"%1/%2/%3"_s.arg(a.status).arg(a.outcome()).arg(gateway->attemptsForMessage(id)));
            }
            return trace;
        };
        const QStringList a = run(42);
        QCOMPARE(run(42), a);
        QVERIFY(run(43) != a);
        QVERIFY(a.join(u' ').contains(u"/1"_s)); // some first attempts delivered
        QVERIFY(!a.filter(u"/2"_s).isEmpty() || a.join(u' ').contains(u"503"_s) ||
                a.join(u' ').contains(u"504"_s));
    }

    void processServesGatewayUntilSigterm()
    {
        QProcess process;
        process.setProgram(QStringLiteral(RELAYDESK_BIN_SIM));
        process.setArguments({u"--gateway-listen"_s, u"127.0.0.1:0"_s, u"--gateway-secret"_s,
                              QString::fromUtf8(kSecret), u"--seed"_s, u"5"_s});
        process.start();
        QVERIFY(process.waitForStarted());
        QByteArray line;
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine() || process.state() != QProcess::Running, 15000);
        line = process.readLine().trimmed();
        QVERIFY2(line.startsWith("gateway listening on http://127.0.0.1:"), line.constData());
        const QUrl base(QString::fromUtf8(line.mid(line.indexOf("http://"))));
        QVERIFY(base.port() > 0);

        Answer a = post(base, u"/v1/users/u-1/notices"_s, noticeBody(), u"pk"_s);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.outcome(), u"delivered"_s);
        a = post(base, u"/v1/users/u-1/notices"_s, noticeBody(), u"pk2"_s, 0, "bad");
        QCOMPARE(a.status, 401);

        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void processRejectsMissingSecret()
    {
        QProcess process;
        process.start(QStringLiteral(RELAYDESK_BIN_SIM), {u"--gateway-listen"_s, u"127.0.0.1:0"_s});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestGatewaySim)
#include "tst_gateway_sim.moc"

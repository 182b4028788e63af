// The triage pipeline over real HTTP against an in-process gateway simulator: diagnosis stored and served,
// tier-1 resend / reply / escalate through the outbox, Retry-After, reroute, circuit breaker, signatures,
// duplicate suppression.
#include "TriageHarness.h"

#include "core/TicketCodec.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using relaydesk::Cause;

class TestServerTriage final : public QObject
{
    Q_OBJECT

private slots:
    void networkFailureIsRetriedAndResolved();
    void transientGatewayFailuresAreRetried();
    void policyIsEscalatedNeverRetried();
    void userErrorGetsLocalizedReply_data();
    void userErrorGetsLocalizedReply();
    void lowConfidenceIsEscalated();
    void retryAfterIsHonoured();
    void reroutesAroundRegionalOutage();
    void exhaustedRetriesOpenCircuitAndEscalate();
    void badSignatureIsRecordedAndEscalated();
    void duplicateSuppressedIsRecorded();
    void refusedResendEscalates();

private:
    static QJsonObject lastEvent(const QJsonArray &events, const QString &kind);
};

QJsonObject TestServerTriage::lastEvent(const QJsonArray &events, const QString &kind)
{
    QJsonObject found;
    for (const QJsonValue &e : events) {
        if (e.toObject().value("kind"_L1).toString() == kind)
            found = e.toObject();
    }
    return found;
}

void TestServerTriage::networkFailureIsRetriedAndResolved()
{
    TriageHarness h;
    QString error;
    QVERIFY2(h.start(&error), qPrintable(error));
    h.gateway->registerTruth(u"m-net"_s, Cause::Network, u"unknown_host"_s, u"cn-north"_s);
    const qint64 id = h.post(networkReport(u"r-net"_s, u"m-net"_s));
    QVERIFY(id > 0);
    QCOMPARE(h.waitForStatus(id, u"resolved_auto"_s), u"resolved_auto"_s);

    const QJsonObject ticket = h.ticket(id);
    QCOMPARE(ticket.value("cause"_L1).toString(), u"network"_s);
    const QJsonObject diagnosis = ticket.value("diagnosis"_L1).toObject();
    QCOMPARE(diagnosis.value("cause"_L1).toString(), u"network"_s);
    QCOMPARE(diagnosis.value("action"_L1).toString(), u"retry"_s);
    QVERIFY(!diagnosis.value("evidence"_L1).toArray().isEmpty());
    QCOMPARE(h.eventKinds(id), (QStringList{u"reported"_s, u"diagnosed"_s, u"auto_handling"_s, u"gateway_attempt"_s,
                                            u"resolved_auto"_s}));
    const QJsonObject attempt = lastEvent(h.events(id), u"gateway_attempt"_s);
    QCOMPARE(attempt.value("actor"_L1).toString(), u"tier1"_s);
    QCOMPARE(attempt.value("detail"_L1).toObject().value("outcome"_L1).toString(), u"delivered"_s);
    QCOMPARE(attempt.value("detail"_L1).toObject().value("idempotency_key"_L1).toString(), u"t%1-resend-1"_s.arg(id));
    QCOMPARE(h.gateway->deliveriesForMessage(u"m-net"_s), 1);

    // The delta feed carries the diagnosis too, and the console's codec reads it back.
    const HttpResult feed = h.client->get(u"/api/v1/tickets?since=0"_s, h.token);
    const auto page = relaydesk::decodeTicketPage(feed.json);
    QVERIFY2(page.ok(), qPrintable(page.error().toString()));
    QCOMPARE(page.value().tickets.size(), 1);
    QVERIFY(page.value().tickets.constFirst().diagnosis);
    QCOMPARE(page.value().tickets.constFirst().diagnosis->cause, Cause::Network);
    QCOMPARE(page.value().tickets.constFirst().status, relaydesk::TicketStatus::ResolvedAuto);
}

void TestServerTriage::transientGatewayFailuresAreRetried()
{
    TriageHarness h;
    QString error;
    QVERIFY2(h.start(&error), qPrintable(error));
    h.gateway->setTransientFailureRate(1.0); // the first attempt of each message fails: 503, drop, lost answer, stall
    h.gateway->setStallMs(100);
    QList<qint64> ids;
    for (int i = 0; i < 6; ++i) {
        const QString mid = u"m-flaky-%1"_s.arg(i);
        h.gateway->registerTruth(mid, Cause::Network, u"timeout"_s, u"cn-north"_s);
        ids << h.post(networkReport(u"r-flaky-%1"_s.arg(i), mid));
    }
    int retriedByTier1 = 0;
    for (int i = 0; i < ids.size(); ++i) {
        QCOMPARE(h.waitForStatus(ids.at(i), u"resolved_auto"_s), u"resolved_auto"_s);
        const QString mid = u"m-flaky-%1"_s.arg(i);
        QCOMPARE(h.gateway->deliveriesForMessage(mid), 1); // exactly once, even when an answer was lost
        QVERIFY(h.gateway->attemptsForMessage(mid) >= 2);
        // A dropped connection may be retried by Qt's HTTP layer itself (same request, same key); 5xx and
        // timeouts are retried by tier 1 and show on the timeline.
        if (h.eventKinds(ids.at(i)).count(u"gateway_attempt"_s) >= 2)
            ++retriedByTier1;
    }
    QVERIFY(retriedByTier1 >= 1);
}

void TestServerTriage::policyIsEscalatedNeverRetried()
{
    TriageHarness h;
    QString error;
    QVERIFY2(h.start(&error), qPrintable(error));
    const qint64 id = h.post(reportWith(u"r-pol"_s, u"m-pol"_s, 403, u"CHAT_WRITE_FORBIDDEN"_s));
    QVERIFY(id > 0);
    const QJsonObject ticket = h.ticket(id);
    QCOMPARE(ticket.value("status"_L1).toString(), u"escalated"_s);
    QCOMPARE(ticket.value("cause"_L1).toString(), u"policy"_s);
    QCOMPARE(ticket.value("queue"_L1).toString(), u"tier2"_s);
    const QJsonObject escalated = lastEvent(h.events(id), u"escalated"_s);
    QCOMPARE(escalated.value("detail"_L1).toObject().value("reason"_L1).toString(), u"not_automatic"_s);
    QTest::qWait(300); // give a (wrong) dispatcher the chance to send
    QCOMPARE(h.gateway->totalRequests(), 0);
}

void TestServerTriage::userErrorGetsLocalizedReply_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("replyLocale");
    QTest::addColumn<QString>("title");
    QTest::newRow("zh_CN") << u"zh_CN"_s << u"zh_CN"_s << u"消息过长，未能发送"_s;
    QTest::newRow("zh_TW") << u"zh_TW"_s << u"zh_CN"_s << u"消息过长，未能发送"_s;
    QTest::newRow("en") << u"en"_s << u"en"_s << u"Your message was too long to send"_s;
    QTest::newRow("de falls back to en") << u"de_DE"_s << u"en"_s << u"Your message was too long to send"_s;
}

void TestServerTriage::userErrorGetsLocalizedReply()
{
    QFETCH(QString, locale);
    QFETCH(QString, replyLocale);
    QFETCH(QString, title);
    TriageHarness h;
    QString error;
    QVERIFY2(h.start(&error), qPrintable(error));
    const qint64 id = h.post(reportWith(u"r-user"_s, u"m-user"_s, 400, u"MESSAGE_TOO_LONG"_s, locale));
    QVERIFY(id > 0);
    QCOMPARE(h.waitForStatus(id, u"resolved_auto"_s), u"resolved_auto"_s);
    QCOMPARE(h.ticket(id).value("cause"_L1).toString(), u"user"_s);
    const QJsonArray events = h.events(id);
    const QJsonObject handling = lastEvent(events, u"auto_handling"_s).value("detail"_L1).toObject();
    QCOMPARE(handling.value("effect"_L1).toString(), u"notice"_s);
    QCOMPARE(handling.value("locale"_L1).toString(), replyLocale);
    QCOMPARE(handling.value("title"_L1).toString(), title);
    QCOMPARE(lastEvent(events, u"gateway_attempt"_s).value("detail"_L1).toObject().value("outcome"_L1).toString(),
             u"delivered"_s);
    const auto deliveries = h.gateway->deliveries();
    QCOMPARE(deliveries.size(), 1);
    QCOMPARE(deliveries.constFirst().kind, u"notice"_s);
    QCOMPARE(deliveries.constFirst().userId, u"u-1842"_s);
    QCOMPARE(deliveries.constFirst().delivered, 1);
    QCOMPARE(deliveries.constFirst().idempotencyKey, u"t%1-notice-1"_s.arg(id));
}

void TestServerTriage::lowConfidenceIsEscalated()
{
    TriageHarness h;
    QString error;
    QVERIFY2(h.start(&error, R"({"min_confidence": 0.999})"), qPrintable(error));
    const qint64 id = h.post(networkReport(u"r-low"_s, u"m-low"_s));
    const QJsonObject ticket = h.ticket(id);
    QCOMPARE(ticket.value("status"_L1).toString(), u"escalated"_s);
    QCOMPARE(ticket.value("cause"_L1).toString(), u"network"_s); // the diagnosis is kept, only not acted on
    QVERIFY(ticket.value("diagnosis"_L1).toObject().value("confidence"_L1).toDouble() < 0.999);
    QCOMPARE(lastEvent(h.events(id), u"escalated"_s).value("detail"_L1).toObject().value("reason"_L1).toString(),
             u"low_confidence"_s);
    QTest::qWait(300);
    QCOMPARE(h.gateway->totalRequests(), 0);
}

void TestServerTriage::retryAfterIsHonoured()
{
    TriageHarness h;
    QString error;
    // One 429 opens the home region's circuit, so the retry is rerouted: yet it still waits for Retry-After.
    QVERIFY2(h.start(&error, R"({"retry": {"base_delay_ms": 10, "jitter": 0}, "circuit_breaker": {"failure_threshold": 1},
                                 "regions": ["cn-north", "cn-east"]})"),
             qPrintable(error));
    h.gateway->registerTruth(u"m-429"_s, Cause::Server, u"rate_limited"_s, u"cn-north"_s);
    const qint64 id = h.post(reportWith(u"r-429"_s, u"m-429"_s, 429, u"M_LIMIT_EXCEEDED"_s));
    QCOMPARE(h.ticket(id).value("diagnosis"_L1).toObject().value("action"_L1).toString(), u"wait_and_retry"_s);
    QCOMPARE(h.waitForStatus(id, u"resolved_auto"_s), u"resolved_auto"_s);
    QCOMPARE(h.answers.size(), 2);
    QCOMPARE(h.answers.at(0).second, 429);
    QCOMPARE(h.answers.at(1).second, 200);
    const qint64 gap = h.answers.at(1).first - h.answers.at(0).first;
    QVERIFY2(gap >= 3000, qPrintable(u"retried %1 ms after a Retry-After of 3 s"_s.arg(gap)));
    const QJsonObject first = h.events(id).at(3).toObject().value("detail"_L1).toObject();
    QCOMPARE(first.value("retry_after_ms"_L1).toInteger(), 3000);
    QCOMPARE(h.gateway->deliveriesForMessage(u"m-429"_s), 1);
}

void TestServerTriage::reroutesAroundRegionalOutage()
{
    TriageHarness h;
    QString error;
    QVERIFY2(h.start(&error), qPrintable(error));
    h.gateway->setRegionDown(u"cn-north"_s, true);
    h.gateway->registerTruth(u"m-out"_s, Cause::Network, u"timeout"_s, u"cn-north"_s);
    const qint64 id = h.post(networkReport(u"r-out"_s, u"m-out"_s));
    QCOMPARE(h.waitForStatus(id, u"resolved_auto"_s), u"resolved_auto"_s);
    const QJsonArray events = h.events(id);
    const QJsonObject rerouted = lastEvent(events, u"rerouted"_s).value("detail"_L1).toObject();
    QCOMPARE(rerouted.value("from"_L1).toString(), u"cn-north"_s);
    QCOMPARE(rerouted.value("to"_L1).toString(), u"cn-east"_s);
    const auto deliveries = h.gateway->deliveries();
    QCOMPARE(deliveries.size(), 1);
    QCOMPARE(deliveries.constFirst().region, u"cn-east"_s);
    QCOMPARE(deliveries.constFirst().delivered, 1);
    QCOMPARE(deliveries.constFirst().attempts, 2); // one refused by the outage, one rerouted
}

void TestServerTriage::exhaustedRetriesOpenCircuitAndEscalate()
{
    TriageHarness h;
    QString error;
    // Only one region: nowhere to reroute. The server failure persists there, so tier 1 gives up.
    QVERIFY2(h.start(&error, R"({"retry": {"max_attempts": 3, "base_delay_ms": 10}, "regions": ["cn-north"],
                                 "circuit_breaker": {"failure_threshold": 2, "cool_down_ms": 2500}})"),
             qPrintable(error));
    h.gateway->registerTruth(u"m-5xx"_s, Cause::Server, u"service_unavailable"_s, u"cn-north"_s);
    const qint64 id = h.post(reportWith(u"r-5xx"_s, u"m-5xx"_s, 503, u"SERVICE_UNAVAILABLE"_s));
    QCOMPARE(h.waitForStatus(id, u"escalated"_s, 30000), u"escalated"_s);
    QList<QJsonObject> attempts;
    for (const QJsonValue &e : h.events(id)) {
        if (e.toObject().value("kind"_L1).toString() == "gateway_attempt"_L1)
            attempts << e.toObject().value("detail"_L1).toObject();
    }
    QCOMPARE(attempts.size(), 3);
    QCOMPARE(attempts.at(0).value("circuit"_L1).toString(), u"closed"_s);
    QCOMPARE(attempts.at(1).value("circuit"_L1).toString(), u"open"_s);  // 2 failures: open
    QCOMPARE(attempts.at(2).value("circuit"_L1).toString(), u"open"_s);  // the half-open probe failed: open again
    QCOMPARE(h.answers.size(), 3);
    // The probe waited for the cool-down (and Retry-After 2 s), never sooner.
    QVERIFY(h.answers.at(2).first - h.answers.at(1).first >= 2500);
    QVERIFY(h.answers.at(1).first - h.answers.at(0).first >= 2000);
    const QJsonObject escalated = lastEvent(h.events(id), u"escalated"_s).value("detail"_L1).toObject();
    QCOMPARE(escalated.value("reason"_L1).toString(), u"auto_handling_failed"_s);
    QCOMPARE(escalated.value("attempts"_L1).toInt(), 3);
    QCOMPARE(h.ticket(id).value("queue"_L1).toString(), u"tier2"_s);
    QCOMPARE(h.gateway->deliveriesForMessage(u"m-5xx"_s), 0);
}

void TestServerTriage::badSignatureIsRecordedAndEscalated()
{
    TriageHarness h;
    QString error;
    QVERIFY2(h.start(&error, {}, "not-the-secret"), qPrintable(error));
    h.gateway->registerTruth(u"m-sig"_s, Cause::Network, u"timeout"_s, u"cn-north"_s);
    const qint64 id = h.post(networkReport(u"r-sig"_s, u"m-sig"_s));
    QCOMPARE(h.waitForStatus(id, u"escalated"_s), u"escalated"_s);
    const QJsonObject attempt = lastEvent(h.events(id), u"gateway_attempt"_s).value("detail"_L1).toObject();
    QCOMPARE(attempt.value("outcome"_L1).toString(), u"unauthorized"_s);
    QCOMPARE(attempt.value("http_status"_L1).toInt(), 401);
    QCOMPARE(h.gateway->attemptsForMessage(u"m-sig"_s), 0); // refused before it counted as a request
    QCOMPARE(h.gateway->deliveriesForMessage(u"m-sig"_s), 0);
}

void TestServerTriage::duplicateSuppressedIsRecorded()
{
    TriageHarness h;
    QString error;
    QVERIFY2(h.start(&error), qPrintable(error));
    h.gateway->registerTruth(u"m-dup"_s, Cause::Network, u"timeout"_s, u"cn-north"_s);
    // The user reported the same failed message twice: two tickets, two effects, one delivery.
    const qint64 first = h.post(networkReport(u"r-dup-1"_s, u"m-dup"_s));
    QCOMPARE(h.waitForStatus(first, u"resolved_auto"_s), u"resolved_auto"_s);
    const qint64 second = h.post(networkReport(u"r-dup-2"_s, u"m-dup"_s));
    QCOMPARE(h.waitForStatus(second, u"resolved_auto"_s), u"resolved_auto"_s);
    const QJsonObject resolved = lastEvent(h.events(second), u"resolved_auto"_s).value("detail"_L1).toObject();
    QCOMPARE(resolved.value("outcome"_L1).toString(), u"duplicate_suppressed"_s);
    QVERIFY(lastEvent(h.events(second), u"gateway_attempt"_s).value("summary"_L1).toString().contains(
        u"duplicate suppressed"_s));
    QCOMPARE(h.gateway->deliveriesForMessage(u"m-dup"_s), 1);
    QCOMPARE(h.gateway->duplicatesSuppressed(), 1);
}

void TestServerTriage::refusedResendEscalates()
{
    TriageHarness h;
    QString error;
    QVERIFY2(h.start(&error), qPrintable(error));
    // Looks like a network failure on the device, but the platform refuses the resend (the user is blocked).
    h.gateway->registerTruth(u"m-ref"_s, Cause::Policy, u"user_blocked"_s, u"cn-north"_s);
    const qint64 id = h.post(networkReport(u"r-ref"_s, u"m-ref"_s));
    QCOMPARE(h.waitForStatus(id, u"escalated"_s), u"escalated"_s);
    const QJsonArray events = h.events(id);
    const QJsonObject attempt = lastEvent(events, u"gateway_attempt"_s).value("detail"_L1).toObject();
    QCOMPARE(attempt.value("outcome"_L1).toString(), u"refused"_s);
    QVERIFY(attempt.value("http_status"_L1).toInt() >= 400);
    QVERIFY(!attempt.value("code"_L1).toString().isEmpty());
    const QJsonObject escalated = lastEvent(events, u"escalated"_s);
    QCOMPARE(escalated.value("detail"_L1).toObject().value("reason"_L1).toString(), u"auto_handling_failed"_s);
    QVERIFY(escalated.value("summary"_L1).toString().contains(u"refused"_s));
    QCOMPARE(h.gateway->attemptsForMessage(u"m-ref"_s), 1); // a final refusal is never retried
}

QTEST_GUILESS_MAIN(TestServerTriage)
#include "tst_server_triage.moc"

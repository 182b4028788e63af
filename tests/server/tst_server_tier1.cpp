// Tier-1 building blocks without I/O: policy parsing, reply templates, the planner's decisions, what a
// gateway answer means for an outbox row, and the per-region circuit breaker.
#include "server/GatewayClient.h"
#include "server/OutboxAttempt.h"
#include "server/RegionHealth.h"
#include "server/ReplyTemplates.h"
#include "server/Tier1Config.h"
#include "server/Tier1Planner.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace relaydesk;
using namespace relaydesk::server;

class TestServerTier1 final : public QObject
{
    Q_OBJECT

private slots:
    void policyDefaultsAndOverrides();
    void policyErrors_data();
    void policyErrors();
    void backoffDoublesWithJitterBounds();
    void replyTemplatesPickLocaleAndCode();
    void plannerDecisions_data();
    void plannerDecisions();
    void plannerWithoutGateway();
    void plannerDiagnosisFailed();
    void classifyAnswers_data();
    void classifyAnswers();
    void settleSuccessResolves();
    void settleTransientRetriesThenEscalates();
    void settleHonoursRetryAfter();
    void settleRefusalEscalates();
    void circuitOpensAndHalfOpens();
    void circuitRetryAfterAndReroutePick();

private:
    static Report report(const QString &locale = u"zh_CN"_s, const QString &code = u"MESSAGE_TOO_LONG"_s);
    static Tier1Planner planner(bool gateway = true);
};

Report TestServerTier1::report(const QString &locale, const QString &code)
{
    Report r;
    r.clientReportId = u"r-1"_s;
    r.user = {u"u-9"_s, u"王芳"_s, locale};
    r.message.clientMessageId = u"m-42"_s;
    r.message.conversationId = u"c-1"_s;
    r.message.recipientId = u"u-2"_s;
    r.failure.errorCode = code;
    r.failure.httpStatus = 400;
    r.failure.region = u"cn-north"_s;
    return r;
}

Tier1Planner TestServerTier1::planner(bool gateway)
{
    ReplyTemplates replies;
    QString error;
    if (!replies.loadBuiltIn(&error))
        qFatal("built-in replies: %s", qPrintable(error));
    return Tier1Planner(Tier1Config{}, std::move(replies), gateway);
}

void TestServerTier1::policyDefaultsAndOverrides()
{
    const auto empty = Tier1Config::parse("{}");
    QVERIFY(empty.ok());
    QCOMPARE(empty.value().maxAttempts, 5);
    QCOMPARE(empty.value().minConfidence, 0.6);
    QVERIFY(empty.value().resendCauses.contains(Cause::Network));
    QVERIFY(!empty.value().resendCauses.contains(Cause::Policy));

    const auto custom = Tier1Config::parse(R"({"min_confidence": 0.8, "retry": {"max_attempts": 2, "base_delay_ms": 10},
        "circuit_breaker": {"failure_threshold": 1, "cool_down_ms": 50}, "regions": ["a", "b"],
        "auto_resend": {"causes": ["network"]}, "auto_reply": {"causes": [], "templates": "/x.json"}})");
    QVERIFY2(custom.ok(), qPrintable(custom.error().toString()));
    const Tier1Config &c = custom.value();
    QCOMPARE(c.minConfidence, 0.8);
    QCOMPARE(c.maxAttempts, 2);
    QCOMPARE(c.baseDelayMs, 10);
    QCOMPARE(c.circuitFailureThreshold, 1);
    QCOMPARE(c.circuitCoolDownMs, 50);
    QCOMPARE(c.regions, (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(c.resendCauses, QSet<Cause>{Cause::Network});
    QVERIFY(c.replyCauses.isEmpty());
    QCOMPARE(c.repliesFile, u"/x.json"_s);
}

void TestServerTier1::policyErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::newRow("not json") << QByteArray("{") << QString();
    QTest::newRow("confidence") << QByteArray(R"({"min_confidence": 2})") << u"min_confidence"_s;
    QTest::newRow("attempts") << QByteArray(R"({"retry": {"max_attempts": 0}})") << u"retry.max_attempts"_s;
    QTest::newRow("cause") << QByteArray(R"({"auto_resend": {"causes": ["weather"]}})") << u"auto_resend.causes[0]"_s;
    QTest::newRow("regions") << QByteArray(R"({"regions": "cn-north"})") << u"regions"_s;
}

void TestServerTier1::policyErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    const auto parsed = Tier1Config::parse(json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().path, path);
}

void TestServerTier1::backoffDoublesWithJitterBounds()
{
    Tier1Config c;
    c.jitter = 0;
    QCOMPARE(c.backoffMs(2, 0.5), 2000);
    QCOMPARE(c.backoffMs(3, 0.5), 4000);
    QCOMPARE(c.backoffMs(5, 0.5), 16000);
    QCOMPARE(c.backoffMs(30, 0.5), 60000);
    c.jitter = 0.2;
    QCOMPARE(c.backoffMs(2, 0.0), 1600);
    QCOMPARE(c.backoffMs(2, 1.0), 2400);
}

void TestServerTier1::replyTemplatesPickLocaleAndCode()
{
    ReplyTemplates replies;
    QString error;
    QVERIFY2(replies.loadBuiltIn(&error), qPrintable(error));
    const auto zh = replies.render(Cause::User, report(u"zh_CN"_s, u"MESSAGE_TOO_LONG"_s));
    QVERIFY(zh);
    QCOMPARE(zh->templateId, u"user-message-too-long"_s);
    QCOMPARE(zh->locale, u"zh_CN"_s);
    QVERIFY(zh->body.contains(u"王芳"_s));
    QVERIFY(zh->body.contains(u"4096"_s));
    QVERIFY(!zh->body.contains(u'{'));
    const auto en = replies.render(Cause::User, report(u"en_US"_s, u"M_NOT_FOUND"_s));
    QVERIFY(en);
    QCOMPARE(en->locale, u"en"_s);
    QCOMPARE(en->templateId, u"user-recipient-not-found"_s);
    QVERIFY(en->body.contains(u"u-2"_s));
    const auto fallback = replies.render(Cause::User, report(u"en"_s, u"SOMETHING_ELSE"_s));
    QVERIFY(fallback);
    QCOMPARE(fallback->templateId, u"user-default"_s);
    QVERIFY(fallback->body.contains(u"SOMETHING_ELSE"_s));
    QVERIFY(!replies.render(Cause::Policy, report()));
    QVERIFY(!replies.load("{\"replies\": [{\"cause\": \"weather\"}]}", &error));
    QVERIFY(error.contains(u"replies[0].cause"_s));
}

void TestServerTier1::plannerDecisions_data()
{
    QTest::addColumn<int>("cause");
    QTest::addColumn<int>("action");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("effect"); // outbox kind, or the escalation reason
    const auto add = [](const char *name, Cause c, RecommendedAction a, double conf, const char *status, const char *effect) {
        QTest::newRow(name) << int(c) << int(a) << conf << QString::fromLatin1(status) << QString::fromLatin1(effect);
    };
    add("network retry", Cause::Network, RecommendedAction::Retry, 0.9, "auto_handling", "resend");
    add("server wait", Cause::Server, RecommendedAction::WaitAndRetry, 0.9, "auto_handling", "resend");
    add("server reroute", Cause::Server, RecommendedAction::Reroute, 0.9, "auto_handling", "resend");
    add("user reply", Cause::User, RecommendedAction::ReplyGuidance, 0.9, "auto_handling", "notice");
    add("policy", Cause::Policy, RecommendedAction::ReplyGuidance, 0.95, "escalated", "not_automatic");
    add("client", Cause::Client, RecommendedAction::EscalateEngineering, 0.95, "escalated", "not_automatic");
    add("unknown", Cause::Unknown, RecommendedAction::Escalate, 0.0, "escalated", "unknown_cause");
    add("low confidence", Cause::Network, RecommendedAction::Retry, 0.4, "escalated", "low_confidence");
    add("server limits", Cause::Server, RecommendedAction::Escalate, 0.9, "escalated", "not_automatic");
}

void TestServerTier1::plannerDecisions()
{
    QFETCH(int, cause);
    QFETCH(int, action);
    QFETCH(double, confidence);
    QFETCH(QString, status);
    QFETCH(QString, effect);
    Diagnosis d;
    d.cause = Cause(cause);
    d.action = RecommendedAction(action);
    d.confidence = confidence;
    d.summary = u"why"_s;
    const TriageDecision decision = planner().plan(report(), d, {});
    QCOMPARE(toWire(decision.status), status);
    QCOMPARE(decision.cause, d.cause);
    QVERIFY(decision.diagnosis);
    QCOMPARE(decision.steps.constFirst().kind, u"diagnosed"_s);
    if (status == "escalated"_L1) {
        QVERIFY(decision.outbox.isEmpty());
        QCOMPARE(decision.queue, u"tier2"_s);
        QCOMPARE(decision.steps.constLast().kind, u"escalated"_s);
        QCOMPARE(decision.steps.constLast().detail.value("reason"_L1).toString(), effect);
    } else {
        QCOMPARE(decision.outbox.size(), 1);
        QCOMPARE(toWire(decision.outbox.constFirst().kind), effect);
        QCOMPARE(decision.steps.constLast().kind, u"auto_handling"_s);
    }
    if (effect == "resend"_L1) {
        QCOMPARE(decision.outbox.constFirst().path, u"/v1/messages/m-42/resend"_s);
        QCOMPARE(decision.outbox.constFirst().preferReroute, d.action == RecommendedAction::Reroute);
    }
    if (effect == "notice"_L1) {
        QCOMPARE(decision.outbox.constFirst().path, u"/v1/users/u-9/notices"_s);
        QCOMPARE(decision.outbox.constFirst().body.value("locale"_L1).toString(), u"zh_CN"_s);
    }
}

void TestServerTier1::plannerWithoutGateway()
{
    Diagnosis d;
    d.cause = Cause::Network;
    d.action = RecommendedAction::Retry;
    d.confidence = 0.9;
    const TriageDecision decision = planner(false).plan(report(), d, {});
    QCOMPARE(decision.status, TicketStatus::Escalated);
    QCOMPARE(decision.cause, Cause::Network);
    QVERIFY(decision.outbox.isEmpty());
    QCOMPARE(decision.steps.constLast().detail.value("reason"_L1).toString(), u"no_gateway"_s);
}

void TestServerTier1::plannerDiagnosisFailed()
{
    const TriageDecision decision = planner().plan(report(), std::nullopt, u"boom"_s);
    QCOMPARE(decision.status, TicketStatus::Escalated);
    QCOMPARE(decision.cause, Cause::Unknown);
    QVERIFY(!decision.diagnosis);
    QCOMPARE(decision.steps.size(), 2);
    QCOMPARE(decision.steps.at(0).kind, u"diagnosis_failed"_s);
    QCOMPARE(decision.steps.at(1).kind, u"escalated"_s);
}

void TestServerTier1::classifyAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("retryAfterMs");
    using K = GatewayOutcome::Kind;
    QTest::newRow("delivered") << 200 << QByteArray(R"({"status":"delivered","delivery_id":"d1"})") << QByteArray()
                               << int(K::Delivered) << qint64(-1);
    QTest::newRow("duplicate") << 200 << QByteArray(R"({"status":"duplicate_suppressed","delivery_id":"d1"})")
                               << QByteArray() << int(K::Duplicate) << qint64(-1);
    QTest::newRow("forbidden") << 403 << QByteArray(R"({"error":{"code":"CHAT_WRITE_FORBIDDEN"}})") << QByteArray()
                               << int(K::Refused) << qint64(-1);
    QTest::newRow("signature") << 401 << QByteArray(R"({"error":{"code":"bad_signature"}})") << QByteArray()
                               << int(K::Unauthorized) << qint64(-1);
    QTest::newRow("throttled") << 429 << QByteArray() << QByteArray("3") << int(K::Transient) << qint64(3000);
    QTest::newRow("unavailable") << 503 << QByteArray() << QByteArray("5") << int(K::Transient) << qint64(5000);
    QTest::newRow("timeout 408") << 408 << QByteArray() << QByteArray() << int(K::Transient) << qint64(-1);
    QTest::newRow("odd 200") << 200 << QByteArray("{}") << QByteArray() << int(K::Transient) << qint64(-1);
}

void TestServerTier1::classifyAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(int, kind);
    QFETCH(qint64, retryAfterMs);
    const GatewayOutcome o = GatewayClient::classify(status, body, retryAfter);
    QCOMPARE(int(o.kind), kind);
    QCOMPARE(o.retryAfterMs, retryAfterMs);
}

void TestServerTier1::settleSuccessResolves()
{
    OutboxRow row;
    row.id = 3;
    row.ticketId = 7;
    row.idempotencyKey = u"t7-resend-1"_s;
    row.attempts = 1;
    const auto o = GatewayClient::classify(200, R"({"status":"duplicate_suppressed","delivery_id":"d9"})", {});
    const AttemptRecord r = settleAttempt(row, {u"cn-east"_s, u"cn-north"_s, u"closed"_s, true}, o, Tier1Config{}, 1000, 0.5);
    QVERIFY(r.done);
    QCOMPARE(r.attempts, 2);
    QCOMPARE(r.outcome, u"duplicate_suppressed"_s);
    QCOMPARE(r.status, TicketStatus::ResolvedAuto);
    QCOMPARE(r.events.size(), 3);
    QCOMPARE(r.events.at(0).kind, u"rerouted"_s);
    QCOMPARE(r.events.at(1).detail.value("outcome"_L1).toString(), u"duplicate_suppressed"_s);
    QCOMPARE(r.events.at(1).detail.value("idempotency_key"_L1).toString(), u"t7-resend-1"_s);
    QCOMPARE(r.events.at(2).kind, u"resolved_auto"_s);
}

void TestServerTier1::settleTransientRetriesThenEscalates()
{
    Tier1Config c;
    c.jitter = 0;
    c.maxAttempts = 3;
    OutboxRow row;
    row.id = 1;
    row.ticketId = 2;
    const auto o = GatewayClient::classify(502, {}, {});
    AttemptRecord r = settleAttempt(row, {u"cn-north"_s, {}, u"closed"_s, false}, o, c, 10'000, 0.5);
    QVERIFY(!r.done);
    QVERIFY(!r.status);
    QCOMPARE(r.nextAt, 12'000); // 2 s before the second attempt
    row.attempts = 1;
    r = settleAttempt(row, {u"cn-north"_s, {}, u"closed"_s, false}, o, c, 20'000, 0.5);
    QCOMPARE(r.nextAt, 24'000); // 4 s before the third
    row.attempts = 2;
    r = settleAttempt(row, {u"cn-north"_s, {}, u"open"_s, false}, o, c, 30'000, 0.5);
    QVERIFY(r.done);
    QCOMPARE(r.outcome, u"failed"_s);
    QCOMPARE(r.status, TicketStatus::Escalated);
    QCOMPARE(r.queue, u"tier2"_s);
    QCOMPARE(r.events.constLast().kind, u"escalated"_s);
    QCOMPARE(r.events.constLast().detail.value("reason"_L1).toString(), u"auto_handling_failed"_s);
}

void TestServerTier1::settleHonoursRetryAfter()
{
    Tier1Config c;
    c.jitter = 0;
    OutboxRow row;
    const auto throttled = GatewayClient::classify(429, {}, "30");
    QCOMPARE(settleAttempt(row, {u"a"_s, {}, {}, true}, throttled, c, 0, 0.5).nextAt, 30'000);
    const auto unavailable = GatewayClient::classify(503, {}, "30");
    // A region's Retry-After binds that region: with another healthy region the retry goes there sooner.
    QCOMPARE(settleAttempt(row, {u"a"_s, {}, {}, true}, unavailable, c, 0, 0.5).nextAt, 2'000);
    QCOMPARE(settleAttempt(row, {u"a"_s, {}, {}, false}, unavailable, c, 0, 0.5).nextAt, 30'000);
    c.maxRetryAfterMs = 10'000;
    const AttemptRecord tooLong = settleAttempt(row, {u"a"_s, {}, {}, false}, throttled, c, 0, 0.5);
    QVERIFY(tooLong.done);
    QCOMPARE(tooLong.status, TicketStatus::Escalated);
}

void TestServerTier1::settleRefusalEscalates()
{
    OutboxRow row;
    for (const auto &[status, body] : {std::pair<int, QByteArray>(403, R"({"error":{"code":"M_FORBIDDEN"}})"),
                                       std::pair<int, QByteArray>(401, R"({"error":{"code":"bad_signature"}})")}) {
        const AttemptRecord r = settleAttempt(row, {u"a"_s, {}, {}, false}, GatewayClient::classify(status, body, {}),
                                              Tier1Config{}, 0, 0.5);
        QVERIFY(r.done);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.outcome, u"failed"_s);
        QCOMPARE(r.status, TicketStatus::Escalated);
        QCOMPARE(r.events.at(0).detail.value("http_status"_L1).toInt(), status);
    }
}

void TestServerTier1::circuitOpensAndHalfOpens()
{
    RegionHealth health(3, 1000);
    const QString r = u"cn-north"_s;
    QVERIFY(health.available(r, 0));
    health.recordFailure(r, 10);
    health.recordFailure(r, 20);
    QCOMPARE(health.state(r, 20), RegionHealth::State::Closed);
    health.recordSuccess(r); // a success resets the count
    health.recordFailure(r, 30);
    health.recordFailure(r, 40);
    QVERIFY(health.available(r, 40));
    health.recordFailure(r, 50);
    QCOMPARE(health.state(r, 50), RegionHealth::State::Open);
    QVERIFY(!health.available(r, 500));
    QCOMPARE(health.availableAt(r), 1050);
    // After the cool-down exactly one probe goes through.
    QVERIFY(health.available(r, 1050));
    health.beginAttempt(r, 1050);
    QCOMPARE(health.state(r, 1050), RegionHealth::State::HalfOpen);
    QVERIFY(!health.available(r, 1060));
    health.recordFailure(r, 1100); // probe failed: open again for a full cool-down
    QCOMPARE(health.state(r, 1100), RegionHealth::State::Open);
    QVERIFY(!health.available(r, 2000));
    QVERIFY(health.available(r, 2100));
    health.beginAttempt(r, 2100);
    health.recordSuccess(r); // probe succeeded: closed
    QCOMPARE(health.state(r, 2100), RegionHealth::State::Closed);
    QVERIFY(health.available(r, 2101));
}

void TestServerTier1::circuitRetryAfterAndReroutePick()
{
    RegionHealth health(5, 1000);
    health.recordFailure(u"a"_s, 0, 5000); // 503 Retry-After 5 s
    QVERIFY(!health.available(u"a"_s, 4999));
    QVERIFY(health.available(u"a"_s, 5000));
    const QStringList regions{u"a"_s, u"b"_s, u"c"_s};
    QCOMPARE(health.pickHealthy(regions, u"a"_s, 100), u"b"_s);
    QCOMPARE(health.pickHealthy(regions, u"b"_s, 100), u"c"_s);
    QCOMPARE(health.pickHealthy({u"a"_s}, u"x"_s, 100), QString());
}

QTEST_GUILESS_MAIN(TestServerTier1)
#include "tst_server_tier1.moc"

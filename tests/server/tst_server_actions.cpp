// Agent actions over real HTTP (docs/api.md, "Agent actions"): claim / release / resend / reroute / reply /
// transfer / note / resolve / reopen, Idempotency-Key replay, claim conflicts between parallel requests,
// gateway outcomes on the timeline against an in-process gateway simulator, related tickets and regions.
#include "core/AgentCodec.h"
#include "TriageHarness.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using relaydesk::Cause;
using relaydesk::AssignableAgent;
using relaydesk::decodeAssignableAgents;
using relaydesk::Role;

namespace {

// The fast test policy, but tier 1 never acts (every ticket is escalated), so agents do.
constexpr char kAgentPolicy[] = R"({"min_confidence": 0.999,
    "retry": {"max_attempts": 3, "base_delay_ms": 50, "max_delay_ms": 400, "jitter": 0.2},
    "circuit_breaker": {"failure_threshold": 3, "cool_down_ms": 300}, "regions": ["cn-north", "cn-east", "eu-west"]})";

const QString kBob = u"bob"_s;
const QString kTrainer = u"tina"_s;
const QString kPassword = u"another long password"_s;

} // namespace

class TestServerActions final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void refusesWithoutAuthRoleKeyOrTicket();
    void parallelClaimsHaveOneWinner();
    void repeatedKeyReplaysFirstAnswer();
    void validationErrorsNameTheField();
    void resendDeliversOnce();
    void doubleResendDeliversOnce();
    void rerouteGoesThroughChosenRegion();
    void refusedResendShowsCode();
    void replySendsNoticeAndWaitsForUser();
    void transferClearsClaim();
    void resolveAndReopen();
    void relatedTicketsShareSignature();
    void regionsShowHealth();
    void agentsListWhoCanHoldTickets();

private:
    HttpResult act(qint64 id, const QString &verb, const QString &key, const QJsonObject &body = {},
                   const QString &token = {});
    qint64 escalated(const QString &name, const QString &region = u"cn-north"_s);
    QJsonObject waitForOutcome(qint64 id, qint64 actionId);
    static int count(const QStringList &kinds, const QString &kind) { return int(kinds.count(kind)); }

    std::unique_ptr<TriageHarness> h;
    QString bob;
    QString trainer;
};

void TestServerActions::init()
{
    h = std::make_unique<TriageHarness>();
    QString error;
    QVERIFY2(h->start(&error, kAgentPolicy), qPrintable(error));
    QVERIFY2(h->fixture.service->addUser(kBob, Role::Agent, kPassword, &error), qPrintable(error));
    QVERIFY2(h->fixture.service->addUser(kTrainer, Role::Trainer, kPassword, &error), qPrintable(error));
    bob = h->client->login(kBob, kPassword);
    trainer = h->client->login(kTrainer, kPassword);
    QVERIFY(!bob.isEmpty() && !trainer.isEmpty());
}

void TestServerActions::cleanup()
{
    h.reset();
}

HttpResult TestServerActions::act(qint64 id, const QString &verb, const QString &key, const QJsonObject &body,
                                  const QString &token)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
    if (!key.isEmpty())
        headers.append({"Idempotency-Key", key.toLatin1()});
    return h->client->send("POST", u"/api/v1/tickets/%1/%2"_s.arg(id).arg(verb), toJson(body),
                           token.isEmpty() ? h->token : token, headers);
}

qint64 TestServerActions::escalated(const QString &name, const QString &region)
{
    const qint64 id = h->post(networkReport(u"r-"_s + name, u"m-"_s + name, region));
    if (id <= 0 || h->ticket(id).value("status"_L1).toString() != "escalated"_L1)
        return 0;
    return id;
}

QJsonObject TestServerActions::waitForOutcome(qint64 id, qint64 actionId)
{
    QJsonObject found;
    [[maybe_unused]] const bool done = QTest::qWaitFor(
        [&] {
            for (const QJsonValue &v : h->events(id)) {
                const QJsonObject e = v.toObject();
                if (e.value("kind"_L1).toString() == "action_outcome"_L1
                    && e.value("detail"_L1).toObject().value("action_id"_L1).toInteger() == actionId)
                    found = e;
            }
            return !found.isEmpty();
        },
        20000);
    return found;
}

void TestServerActions::refusesWithoutAuthRoleKeyOrTicket()
{
    const qint64 id = escalated(u"auth"_s);
    QVERIFY(id > 0);
    const HttpResult noToken = h->client->send("POST", u"/api/v1/tickets/%1/claim"_s.arg(id), {}, {},
                                               {{"Idempotency-Key", "k1"}});
    QCOMPARE(noToken.status, 401);
    QCOMPARE(noToken.errorCode(), u"unauthorized"_s);
    const HttpResult asTrainer = act(id, u"claim"_s, u"k1"_s, {}, trainer);
    QCOMPARE(asTrainer.status, 403);
    QCOMPARE(asTrainer.errorCode(), u"forbidden"_s);
    const HttpResult noKey = act(id, u"claim"_s, {});
    QCOMPARE(noKey.status, 400);
    QCOMPARE(noKey.errorCode(), u"missing_idempotency_key"_s);
    QCOMPARE(act(99999, u"claim"_s, u"k2"_s).status, 404);
    QCOMPARE(act(0, u"note"_s, u"k3"_s, {{"text"_L1, "x"_L1}}).status, 404);
    QCOMPARE(h->client->get(u"/api/v1/tickets/%1/claim"_s.arg(id), h->token).status, 405);
    QCOMPARE(h->client->get(u"/api/v1/tickets/%1/related"_s.arg(id)).status, 401);
    QCOMPARE(h->client->get(u"/api/v1/regions"_s).status, 401);
    QCOMPARE(h->ticket(id).value("status"_L1).toString(), u"escalated"_s); // nothing happened
}

void TestServerActions::parallelClaimsHaveOneWinner()
{
    const qint64 id = escalated(u"race"_s);
    QVERIFY(id > 0);
    const qint64 seqBefore = h->ticket(id).value("seq"_L1).toInteger();
    const QString path = u"/api/v1/tickets/%1/claim"_s.arg(id);
    const auto results = h->client->sendParallel({{"POST", path, {}, h->token, {{"Idempotency-Key", "a-claim"}}},
                                                  {"POST", path, {}, bob, {{"Idempotency-Key", "b-claim"}}}});
    QCOMPARE(results.size(), 2);
    const int winner = results.at(0).status == 200 ? 0 : 1;
    const HttpResult &won = results.at(winner);
    const HttpResult &lost = results.at(1 - winner);
    QCOMPARE(won.status, 200);
    QCOMPARE(lost.status, 409);
    QCOMPARE(lost.errorCode(), u"claimed_by_other"_s);
    const QString holder = winner == 0 ? ServiceFixture::kUser : kBob;
    QCOMPARE(lost.json.value("holder"_L1).toString(), holder);
    QCOMPARE(won.json.value("status"_L1).toString(), u"claimed"_s);
    QCOMPARE(won.json.value("assignee"_L1).toString(), holder);
    QVERIFY(won.json.value("seq"_L1).toInteger() > seqBefore);
    QCOMPARE(count(h->eventKinds(id), u"claimed"_s), 1);

    // The loser cannot act; the holder releases; then acting needs a claim.
    const QString loserToken = winner == 0 ? bob : h->token;
    const QString winnerToken = winner == 0 ? h->token : bob;
    const HttpResult blocked = act(id, u"note"_s, u"n1"_s, {{"text"_L1, "mine"_L1}}, loserToken);
    QCOMPARE(blocked.status, 409);
    QCOMPARE(blocked.json.value("holder"_L1).toString(), holder);
    const HttpResult released = act(id, u"release"_s, u"rel"_s, {}, winnerToken);
    QCOMPARE(released.status, 200);
    QCOMPARE(released.json.value("status"_L1).toString(), u"escalated"_s);
    QVERIFY(released.json.value("assignee"_L1).isNull());
    QCOMPARE(act(id, u"note"_s, u"n2"_s, {{"text"_L1, "x"_L1}}, loserToken).errorCode(), u"not_claimed"_s);
    QCOMPARE(act(id, u"release"_s, u"rel2"_s, {}, winnerToken).errorCode(), u"not_claimed"_s);
}

void TestServerActions::repeatedKeyReplaysFirstAnswer()
{
    const qint64 id = escalated(u"idem"_s);
    QVERIFY(id > 0);
    const HttpResult first = act(id, u"claim"_s, u"same"_s);
    QCOMPARE(first.status, 200);
    const HttpResult again = act(id, u"claim"_s, u"same"_s);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body, first.body);
    QCOMPARE(again.headers.value("idempotent-replayed"), QByteArray("true"));
    const HttpResult note1 = act(id, u"note"_s, u"note-1"_s, {{"text"_L1, "called the user"_L1}});
    const HttpResult note2 = act(id, u"note"_s, u"note-1"_s, {{"text"_L1, "called the user"_L1}});
    QCOMPARE(note1.status, 200);
    QCOMPARE(note2.body, note1.body);
    QCOMPARE(count(h->eventKinds(id), u"note"_s), 1);
    QCOMPARE(count(h->eventKinds(id), u"claimed"_s), 1);
    // A key is per user: bob's "same" is his own (and he is refused, the ticket is alice's).
    QCOMPARE(act(id, u"claim"_s, u"same"_s, {}, bob).errorCode(), u"claimed_by_other"_s);
    // A key reused for another action is refused.
    QCOMPARE(act(id, u"release"_s, u"same"_s).errorCode(), u"idempotency_key_reused"_s);
    const QJsonObject noteEvent = h->events(id).last().toObject();
    QCOMPARE(noteEvent.value("actor"_L1).toString(), ServiceFixture::kUser);
    QCOMPARE(noteEvent.value("summary"_L1).toString(), u"called the user"_s);
}

void TestServerActions::validationErrorsNameTheField()
{
    const qint64 id = escalated(u"valid"_s);
    QVERIFY(id > 0);
    QCOMPARE(act(id, u"claim"_s, u"c"_s).status, 200);
    struct Case
    {
        QString verb;
        QJsonObject body;
        QString field;
        QString code;
    };
    const QList<Case> cases{
        {u"reroute"_s, {}, u"region"_s, u"validation_failed"_s},
        {u"reroute"_s, {{"region"_L1, "mars-1"_L1}}, u"region"_s, u"unknown_region"_s},
        {u"resend"_s, {{"region"_L1, 5}}, u"region"_s, u"validation_failed"_s},
        {u"reply"_s, {{"locale"_L1, "en"_L1}, {"body"_L1, "hi"_L1}}, u"title"_s, u"validation_failed"_s},
        {u"note"_s, {{"text"_L1, "  "_L1}}, u"text"_s, u"validation_failed"_s},
        {u"resolve"_s, {{"resolution"_L1, "fixed"_L1}}, u"resolution"_s, u"validation_failed"_s},
        {u"transfer"_s, {}, u"queue"_s, u"validation_failed"_s},
        {u"transfer"_s, {{"queue"_L1, "Bad Queue"_L1}}, u"queue"_s, u"validation_failed"_s},
        {u"transfer"_s, {{"assignee"_L1, "nobody"_L1}}, u"assignee"_s, u"unknown_assignee"_s},
        {u"transfer"_s, {{"assignee"_L1, kTrainer}}, u"assignee"_s, u"unknown_assignee"_s},
    };
    int n = 0;
    for (const Case &c : cases) {
        const HttpResult r = act(id, c.verb, u"v%1"_s.arg(++n), c.body);
        QVERIFY2(r.status == 422, qPrintable(c.verb + u": "_s + QString::fromUtf8(r.body)));
        QCOMPARE(r.errorField(), c.field);
        QCOMPARE(r.errorCode(), c.code);
    }
    const HttpResult badJson = h->client->send("POST", u"/api/v1/tickets/%1/note"_s.arg(id), "{nope", h->token,
                                               {{"Idempotency-Key", "bad"}});
    QCOMPARE(badJson.status, 400);
    QCOMPARE(badJson.errorCode(), u"bad_json"_s);
    QCOMPARE(h->gateway->deliveries().size(), 0);
}

void TestServerActions::resendDeliversOnce()
{
    const qint64 id = escalated(u"resend"_s);
    QVERIFY(id > 0);
    QCOMPARE(act(id, u"claim"_s, u"c"_s).status, 200);
    const qint64 seq = h->ticket(id).value("seq"_L1).toInteger();
    const HttpResult r = act(id, u"resend"_s, u"s1"_s);
    QCOMPARE(r.status, 202);
    QCOMPARE(r.json.value("status"_L1).toString(), u"pending"_s);
    const qint64 action = r.json.value("action_id"_L1).toInteger();
    QVERIFY(action > 0);
    const QJsonObject outcome = waitForOutcome(id, action);
    QVERIFY2(!outcome.isEmpty(), qPrintable(h->eventKinds(id).join(u' ')));
    QCOMPARE(outcome.value("actor"_L1).toString(), ServiceFixture::kUser);
    QCOMPARE(outcome.value("detail"_L1).toObject().value("outcome"_L1).toString(), u"delivered"_s);
    QCOMPARE(h->gateway->deliveriesForMessage(u"m-resend"_s), 1);
    const QJsonObject ticket = h->ticket(id);
    QVERIFY(ticket.value("seq"_L1).toInteger() > seq);
    QCOMPARE(ticket.value("status"_L1).toString(), u"claimed"_s); // the agent resolves
    const QStringList kinds = h->eventKinds(id);
    QCOMPARE(count(kinds, u"resend_requested"_s), 1);
    QVERIFY(kinds.contains(u"gateway_attempt"_s));
    QVERIFY(!kinds.contains(u"resolved_auto"_s));
}

void TestServerActions::doubleResendDeliversOnce()
{
    const qint64 id = escalated(u"double"_s);
    QVERIFY(id > 0);
    QCOMPARE(act(id, u"claim"_s, u"c"_s).status, 200);
    h->gateway->setLatency(300);
    const HttpResult first = act(id, u"resend"_s, u"click-1"_s);
    const HttpResult second = act(id, u"resend"_s, u"click-2"_s);
    QCOMPARE(first.status, 202);
    QCOMPARE(second.status, 202);
    const qint64 action = first.json.value("action_id"_L1).toInteger();
    QVERIFY(!waitForOutcome(id, action).isEmpty());
    QCOMPARE(h->gateway->deliveriesForMessage(u"m-double"_s), 1);
    // After the outcome a new resend reuses the message's key: the gateway suppresses it.
    h->gateway->setLatency(0);
    const HttpResult third = act(id, u"resend"_s, u"click-3"_s);
    QCOMPARE(third.status, 202);
    const qint64 thirdAction = third.json.value("action_id"_L1).toInteger();
    QVERIFY(thirdAction != action);
    const QJsonObject outcome = waitForOutcome(id, thirdAction);
    QCOMPARE(outcome.value("detail"_L1).toObject().value("outcome"_L1).toString(), u"duplicate_suppressed"_s);
    QCOMPARE(h->gateway->deliveriesForMessage(u"m-double"_s), 1);
    int resendKeys = 0;
    for (const auto &d : h->gateway->deliveries())
        resendKeys += d.clientMessageId == "m-double"_L1 ? 1 : 0;
    QCOMPARE(resendKeys, 1);
}

void TestServerActions::rerouteGoesThroughChosenRegion()
{
    h->gateway->registerTruth(u"m-reroute"_s, Cause::Server, {}, u"cn-north"_s);
    const qint64 id = h->post(reportWith(u"r-reroute"_s, u"m-reroute"_s, 503, u"SERVICE_UNAVAILABLE"_s, u"zh_CN"_s,
                                         u"cn-north"_s));
    QVERIFY(id > 0);
    QCOMPARE(h->ticket(id).value("status"_L1).toString(), u"escalated"_s);
    QCOMPARE(act(id, u"claim"_s, u"c"_s).status, 200);
    const HttpResult r = act(id, u"reroute"_s, u"e1"_s, {{"region"_L1, "cn-east"_L1}});
    QCOMPARE(r.status, 202);
    const QJsonObject outcome = waitForOutcome(id, r.json.value("action_id"_L1).toInteger());
    QCOMPARE(outcome.value("detail"_L1).toObject().value("outcome"_L1).toString(), u"delivered"_s);
    QCOMPARE(outcome.value("detail"_L1).toObject().value("region"_L1).toString(), u"cn-east"_s);
    QCOMPARE(h->gateway->deliveriesForMessage(u"m-reroute"_s), 1);
    QCOMPARE(h->gateway->deliveries().constLast().region, u"cn-east"_s);
    QVERIFY(h->eventKinds(id).contains(u"reroute_requested"_s));
}

void TestServerActions::refusedResendShowsCode()
{
    h->gateway->registerTruth(u"m-refused"_s, Cause::Policy, {}, u"cn-north"_s);
    const qint64 id = h->post(reportWith(u"r-refused"_s, u"m-refused"_s, 403, u"CHAT_WRITE_FORBIDDEN"_s));
    QVERIFY(id > 0);
    QCOMPARE(act(id, u"claim"_s, u"c"_s).status, 200);
    const HttpResult r = act(id, u"resend"_s, u"s"_s);
    QCOMPARE(r.status, 202);
    const QJsonObject detail = waitForOutcome(id, r.json.value("action_id"_L1).toInteger()).value("detail"_L1).toObject();
    QCOMPARE(detail.value("outcome"_L1).toString(), u"failed"_s);
    QCOMPARE(detail.value("http_status"_L1).toInt(), 403);
    QVERIFY(!detail.value("code"_L1).toString().isEmpty());
    QCOMPARE(h->gateway->deliveriesForMessage(u"m-refused"_s), 0);
    QCOMPARE(h->ticket(id).value("status"_L1).toString(), u"claimed"_s);
}

void TestServerActions::replySendsNoticeAndWaitsForUser()
{
    const qint64 id = escalated(u"reply"_s);
    QVERIFY(id > 0);
    QCOMPARE(act(id, u"claim"_s, u"c"_s).status, 200);
    const QJsonObject body{{"locale"_L1, "en"_L1}, {"title"_L1, "Try again"_L1}, {"body"_L1, "Please retry."_L1}};
    const HttpResult r = act(id, u"reply"_s, u"r1"_s, body);
    QCOMPARE(r.status, 202);
    QCOMPARE(h->ticket(id).value("status"_L1).toString(), u"waiting_user"_s);
    const QJsonObject outcome = waitForOutcome(id, r.json.value("action_id"_L1).toInteger());
    QCOMPARE(outcome.value("detail"_L1).toObject().value("outcome"_L1).toString(), u"delivered"_s);
    QCOMPARE(outcome.value("detail"_L1).toObject().value("effect"_L1).toString(), u"notice"_s);
    int notices = 0;
    for (const auto &d : h->gateway->deliveries())
        notices += d.kind == "notice"_L1 ? d.delivered : 0;
    QCOMPARE(notices, 1);
    QCOMPARE(act(id, u"reply"_s, u"r1"_s, body).status, 202); // replayed: no second notice
    QTest::qWait(200);
    QCOMPARE(h->gateway->deliveries().size(), 1);
}

void TestServerActions::transferClearsClaim()
{
    const qint64 id = escalated(u"transfer"_s);
    QVERIFY(id > 0);
    QCOMPARE(act(id, u"claim"_s, u"c"_s).status, 200);
    QCOMPARE(act(id, u"transfer"_s, u"t0"_s, {{"queue"_L1, "billing"_L1}}, bob).errorCode(), u"claimed_by_other"_s);
    const HttpResult moved = act(id, u"transfer"_s, u"t1"_s, {{"queue"_L1, "billing"_L1}});
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.json.value("queue"_L1).toString(), u"billing"_s);
    QCOMPARE(moved.json.value("status"_L1).toString(), u"escalated"_s);
    QVERIFY(moved.json.value("assignee"_L1).isNull());
    const HttpResult handed = act(id, u"transfer"_s, u"t2"_s, {{"assignee"_L1, kBob}});
    QCOMPARE(handed.status, 200);
    QCOMPARE(handed.json.value("assignee"_L1).toString(), kBob);
    QCOMPARE(handed.json.value("status"_L1).toString(), u"claimed"_s);
    QCOMPARE(act(id, u"note"_s, u"n"_s, {{"text"_L1, "x"_L1}}, bob).status, 200);
    QCOMPARE(count(h->eventKinds(id), u"transferred"_s), 2);
}

void TestServerActions::resolveAndReopen()
{
    const qint64 id = escalated(u"resolve"_s);
    QVERIFY(id > 0);
    QCOMPARE(act(id, u"resolve"_s, u"x"_s, {{"resolution"_L1, "no_action"_L1}}).errorCode(), u"not_claimed"_s);
    QCOMPARE(act(id, u"claim"_s, u"c"_s).status, 200);
    const HttpResult resolved = act(id, u"resolve"_s, u"res"_s, {{"resolution"_L1, "user_fixed"_L1}});
    QCOMPARE(resolved.status, 200);
    QCOMPARE(resolved.json.value("status"_L1).toString(), u"resolved"_s);
    QCOMPARE(act(id, u"note"_s, u"n"_s, {{"text"_L1, "late"_L1}}).errorCode(), u"invalid_status"_s);
    const HttpResult reopened = act(id, u"reopen"_s, u"ro"_s, {{"reason"_L1, "the user wrote again"_L1}}, bob);
    QCOMPARE(reopened.status, 200);
    QCOMPARE(reopened.json.value("status"_L1).toString(), u"reopened"_s);
    QVERIFY(reopened.json.value("assignee"_L1).isNull());
    QCOMPARE(act(id, u"reopen"_s, u"ro2"_s, {}, bob).errorCode(), u"invalid_status"_s);
    QCOMPARE(act(id, u"claim"_s, u"c2"_s, {}, bob).json.value("status"_L1).toString(), u"claimed"_s);
    QJsonObject resolvedEvent; // followed by the CSAT survey's events (tst_server_surveys)
    for (const QJsonValue &v : h->events(id)) {
        if (v.toObject().value("kind"_L1).toString() == "resolved"_L1)
            resolvedEvent = v.toObject();
    }
    QCOMPARE(resolvedEvent.value("kind"_L1).toString(), u"resolved"_s);
    QCOMPARE(resolvedEvent.value("detail"_L1).toObject().value("resolution"_L1).toString(), u"user_fixed"_s);
}

void TestServerActions::relatedTicketsShareSignature()
{
    const qint64 a = escalated(u"inc-a"_s);
    const qint64 other = escalated(u"inc-x"_s, u"eu-west"_s);
    const qint64 b = escalated(u"inc-b"_s);
    const qint64 c = escalated(u"inc-c"_s);
    QVERIFY(a > 0 && b > 0 && c > 0 && other > 0);
    const HttpResult r = h->client->get(u"/api/v1/tickets/%1/related"_s.arg(a), h->token);
    QCOMPARE(r.status, 200);
    const QJsonArray tickets = r.json.value("tickets"_L1).toArray();
    QCOMPARE(tickets.size(), 2);
    QCOMPARE(tickets.at(0).toObject().value("id"_L1).toInteger(), c);
    QCOMPARE(tickets.at(1).toObject().value("id"_L1).toInteger(), b);
    QCOMPARE(h->client->get(u"/api/v1/tickets/%1/related"_s.arg(other), h->token).json.value("tickets"_L1).toArray().size(),
             0);
    QCOMPARE(h->client->get(u"/api/v1/tickets/424242/related"_s, h->token).status, 404);
}

void TestServerActions::agentsListWhoCanHoldTickets()
{
    // The transfer dialog's list: who the transfer action accepts (not trainers), by name, with the tickets
    // each holds.
    const qint64 id = escalated(u"agents-list"_s);
    QVERIFY(id > 0);
    QCOMPARE(act(id, u"transfer"_s, u"a1"_s, {{"assignee"_L1, kBob}}).status, 200);
    QCOMPARE(h->client->get(u"/api/v1/agents"_s, QString()).status, 401);
    const HttpResult r = h->client->get(u"/api/v1/agents"_s, bob);
    QCOMPARE(r.status, 200);
    const auto decoded = decodeAssignableAgents(r.json);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
    QStringList names;
    qint64 bobHolds = -1;
    for (const AssignableAgent &a : decoded.value()) {
        names.append(a.username);
        QCOMPARE(a.role, Role::Agent);
        if (a.username == kBob)
            bobHolds = a.holding;
    }
    QCOMPARE(names, (QStringList{ServiceFixture::kUser, kBob}));
    QCOMPARE(bobHolds, 1);
}

void TestServerActions::regionsShowHealth()
{
    const HttpResult r = h->client->get(u"/api/v1/regions"_s, h->token);
    QCOMPARE(r.status, 200);
    const QJsonArray regions = QJsonDocument::fromJson(r.body).array();
    QCOMPARE(regions.size(), 3);
    QCOMPARE(regions.at(0).toObject().value("region"_L1).toString(), u"cn-north"_s);
    QCOMPARE(regions.at(0).toObject().value("state"_L1).toString(), u"healthy"_s);
    QCOMPARE(regions.at(0).toObject().value("circuit"_L1).toString(), u"closed"_s);
    QCOMPARE(regions.at(0).toObject().value("retry_after_ms"_L1).toInteger(), 0);
    QCOMPARE(h->client->get(u"/api/v1/regions"_s, trainer).status, 200); // reading is for every role

    // A region that answers 503 Retry-After shows as degraded; the agent's reroute there still ends
    // delivered, through a healthy region, once.
    h->gateway->setRegionDown(u"eu-west"_s, true);
    const qint64 id = escalated(u"regions"_s);
    QVERIFY(id > 0);
    QCOMPARE(act(id, u"claim"_s, u"c"_s).status, 200);
    const HttpResult sent = act(id, u"reroute"_s, u"e"_s, {{"region"_L1, "eu-west"_L1}});
    QCOMPARE(sent.status, 202);
    const QJsonObject outcome = waitForOutcome(id, sent.json.value("action_id"_L1).toInteger());
    QCOMPARE(outcome.value("detail"_L1).toObject().value("outcome"_L1).toString(), u"delivered"_s);
    QVERIFY(outcome.value("detail"_L1).toObject().value("region"_L1).toString() != "eu-west"_L1);
    QCOMPARE(h->gateway->deliveriesForMessage(u"m-regions"_s), 1);
    QJsonObject euWest;
    for (const QJsonValue &v : QJsonDocument::fromJson(h->client->get(u"/api/v1/regions"_s, h->token).body).array()) {
        if (v.toObject().value("region"_L1).toString() == "eu-west"_L1)
            euWest = v.toObject();
    }
    QCOMPARE(euWest.value("state"_L1).toString(), u"degraded"_s);
    QVERIFY(euWest.value("retry_after_ms"_L1).toInteger() > 0);
}

QTEST_GUILESS_MAIN(TestServerActions)
#include "tst_server_actions.moc"

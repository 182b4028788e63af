// Incidents over real HTTP against an in-process gateway simulator (docs/api.md, "Incidents"): grouping by
// diagnosis signature within the window (boundary exact), list and single reads, and bulk actions that give
// each open ticket its own idempotent action: delivered once per ticket even when the bulk call is retried
// with the same key, tickets claimed by someone else skipped and reported, trainers refused, big incidents
// processed in chunks.
#include "TriageHarness.h"

#include "server/Incident.h"

#include <QCryptographicHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using relaydesk::Role;

namespace {

constexpr char kAgentPolicy[] = R"({"min_confidence": 0.999,
    "retry": {"max_attempts": 3, "base_delay_ms": 50, "max_delay_ms": 400, "jitter": 0.2},
    "circuit_breaker": {"failure_threshold": 3, "cool_down_ms": 300}, "regions": ["cn-north", "cn-east", "eu-west"]})";

const QString kBob = u"bob"_s;
const QString kTrainer = u"tina"_s;
const QString kPassword = u"another long password"_s;
constexpr qint64 kHour = 60 * 60 * 1000;
constexpr qint64 kT0 = 1767225600000; // 2026-01-01T00:00:00Z

} // namespace

class TestServerIncidents final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void groupingUnits();
    void groupsWithinWindow();
    void bulkResendDeliversOncePerTicket();
    void bulkRefusals();
    void bulkReplyCoversBigIncident();

private:
    HttpResult bulk(const QString &incident, const QString &verb, const QString &key,
                    const QJsonObject &body = {}, const QString &token = {});
    HttpResult act(qint64 id, const QString &verb, const QString &key, const QString &token);
    QList<qint64> postSame(const QString &prefix, int n, const QString &region = u"cn-north"_s);
    QJsonObject incidentOf(qint64 ticketId);
    bool setCreatedAt(qint64 ticketId, qint64 ms);
    bool waitForOutcome(qint64 ticketId);

    std::unique_ptr<TriageHarness> h;
    QString bob;
    QString trainer;
};

void TestServerIncidents::init()
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

void TestServerIncidents::cleanup()
{
    h.reset();
}

HttpResult TestServerIncidents::bulk(const QString &incident, const QString &verb, const QString &key,
                                     const QJsonObject &body, const QString &token)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
    if (!key.isEmpty())
        headers.append({"Idempotency-Key", key.toLatin1()});
    return h->client->send("POST", u"/api/v1/incidents/%1/%2"_s.arg(incident, verb), toJson(body),
                           token.isEmpty() ? h->token : token, headers);
}

HttpResult TestServerIncidents::act(qint64 id, const QString &verb, const QString &key, const QString &token)
{
    return h->client->send("POST", u"/api/v1/tickets/%1/%2"_s.arg(id).arg(verb), {}, token,
                           {{"Idempotency-Key", key.toLatin1()}});
}

QList<qint64> TestServerIncidents::postSame(const QString &prefix, int n, const QString &region)
{
    QList<qint64> ids;
    for (int i = 0; i < n; ++i) {
        const qint64 id =
            h->post(networkReport(u"r-%1-%2"_s.arg(prefix).arg(i), u"m-%1-%2"_s.arg(prefix).arg(i), region));
        if (id <= 0)
            return {};
        ids.append(id);
    }
    return ids;
}

QJsonObject TestServerIncidents::incidentOf(qint64 ticketId)
{
    for (const QJsonValue &v :
         h->client->get(u"/api/v1/incidents?state=all"_s, h->token).json.value("incidents"_L1).toArray()) {
        for (const QJsonValue &id : v.toObject().value("ticket_ids"_L1).toArray()) {
            if (id.toInteger() == ticketId)
                return v.toObject();
        }
    }
    return {};
}

bool TestServerIncidents::setCreatedAt(qint64 ticketId, qint64 ms)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
        db.setDatabaseName(h->fixture.dbPath());
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(u"UPDATE tickets SET created_at = ? WHERE id = ?"_s);
            q.addBindValue(ms);
            q.addBindValue(ticketId);
            ok = q.exec() && q.numRowsAffected() == 1;
        }
    }
    QSqlDatabase::removeDatabase(u"inspect"_s);
    return ok;
}

bool TestServerIncidents::waitForOutcome(qint64 ticketId)
{
    return QTest::qWaitFor([&] { return h->eventKinds(ticketId).contains(u"action_outcome"_s); }, 20000);
}

void TestServerIncidents::groupingUnits()
{
    using namespace relaydesk::server;
    const QString sig = u"network|UnknownHostException|cn-north|8.4.1"_s;
    const QString other = u"server|503|eu-west|8.4.1"_s;
    const qint64 w = 2 * kHour;
    // Out of order on purpose: grouping sorts by time.
    const QList<IncidentTicket> tickets{
        {3, sig, relaydesk::TicketStatus::Escalated, kT0 + w + w + 1}, // gap 2 h + 1 ms: a new group
        {1, sig, relaydesk::TicketStatus::Resolved, kT0},
        {2, sig, relaydesk::TicketStatus::Claimed, kT0 + w}, // gap exactly 2 h: joins
        {4, sig, relaydesk::TicketStatus::ResolvedAuto, kT0 + 3 * w},
        {5, other, relaydesk::TicketStatus::Escalated, kT0}, // alone: not an incident
        {6, {}, relaydesk::TicketStatus::Escalated, kT0},
    };
    const QList<Incident> incidents = groupIncidents(tickets, w);
    QCOMPARE(incidents.size(), 2);
    QCOMPARE(incidents.at(0).ticketIds, (QList<qint64>{3, 4})); // newest activity first
    QCOMPARE(incidents.at(0).openTicketIds, (QList<qint64>{3}));
    QCOMPARE(incidents.at(1).ticketIds, (QList<qint64>{1, 2}));
    QCOMPARE(incidents.at(1).openTicketIds, (QList<qint64>{2}));
    QCOMPARE(incidents.at(1).firstAt, kT0);
    QCOMPARE(incidents.at(1).lastAt, kT0 + w);
    QCOMPARE(incidents.at(1).id, incidentId(sig, 1));
    QCOMPARE(incidents.at(1).region, u"cn-north"_s);
    QCOMPARE(incidents.at(1).errorCode, u"UnknownHostException"_s);
    QCOMPARE(incidentFirstTicket(incidents.at(1).id), 1);
    QCOMPARE(incidentFirstTicket(u"1-xyz"_s), 0);
    QCOMPARE(incidentFirstTicket(u"0-0123456789ab"_s), 0);
    QCOMPARE(groupIncidents(tickets, w, 1).size(), 3); // the lone ticket too, never one without a signature
    QVERIFY(incidentId(sig, 1) != incidentId(other, 1));
}

void TestServerIncidents::groupsWithinWindow()
{
    const QList<qint64> ids = postSame(u"w"_s, 5);
    const QList<qint64> lone = postSame(u"x"_s, 1, u"eu-west"_s);
    QCOMPARE(ids.size(), 5);
    QCOMPARE(lone.size(), 1);
    // a, b exactly 2 h apart (one incident); c 2 h + 1 ms after b (a new one) with d; e 3 h later, alone.
    const QList<qint64> at{kT0, kT0 + 2 * kHour, kT0 + 4 * kHour + 1, kT0 + 5 * kHour, kT0 + 8 * kHour};
    for (int i = 0; i < 5; ++i)
        QVERIFY(setCreatedAt(ids.at(i), at.at(i)));

    const HttpResult r = h->client->get(u"/api/v1/incidents?state=open"_s, h->token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("window_ms"_L1).toInteger(), 2 * kHour);
    const QJsonArray list = r.json.value("incidents"_L1).toArray();
    QCOMPARE(list.size(), 2);
    const QJsonObject later = list.at(0).toObject();
    const QJsonObject earlier = list.at(1).toObject();
    QCOMPARE(earlier.value("ticket_ids"_L1).toArray(), (QJsonArray{ids.at(0), ids.at(1)}));
    QCOMPARE(later.value("ticket_ids"_L1).toArray(), (QJsonArray{ids.at(2), ids.at(3)}));
    const QJsonObject ticket = h->ticket(ids.at(0));
    const QString signature = ticket.value("diagnosis"_L1).toObject().value("signature"_L1).toString();
    QVERIFY(!signature.isEmpty());
    QCOMPARE(earlier.value("id"_L1).toString(), relaydesk::server::incidentId(signature, ids.at(0)));
    QCOMPARE(earlier.value("signature"_L1).toString(), signature);
    QCOMPARE(earlier.value("state"_L1).toString(), u"open"_s);
    QCOMPARE(earlier.value("cause"_L1).toString(),
             ticket.value("diagnosis"_L1).toObject().value("cause"_L1).toString());
    QCOMPARE(earlier.value("region"_L1).toString(), u"cn-north"_s);
    QCOMPARE(earlier.value("app_version"_L1).toString(), u"8.4.1"_s);
    QCOMPARE(earlier.value("ticket_count"_L1).toInt(), 2);
    QCOMPARE(earlier.value("open_count"_L1).toInt(), 2);
    QCOMPARE(earlier.value("first_at"_L1).toString(), u"2026-01-01T00:00:00.000Z"_s);
    QCOMPARE(earlier.value("last_at"_L1).toString(), u"2026-01-01T02:00:00.000Z"_s);

    // One read; the id stays while the incident changes; resolving all its tickets closes it.
    const QString id = earlier.value("id"_L1).toString();
    const HttpResult one = h->client->get(u"/api/v1/incidents/"_s + id, h->token);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json, earlier);
    for (qint64 t : {ids.at(0), ids.at(1)}) {
        QCOMPARE(act(t, u"claim"_s, u"c%1"_s.arg(t), h->token).status, 200);
        const HttpResult resolved = h->client->send("POST", u"/api/v1/tickets/%1/resolve"_s.arg(t),
                                                    toJson({{"resolution"_L1, "no_action"_L1}}), h->token,
                                                    {{"Idempotency-Key", "r" + QByteArray::number(t)}});
        QCOMPARE(resolved.status, 200);
    }
    const QJsonObject closed = h->client->get(u"/api/v1/incidents/"_s + id, h->token).json;
    QCOMPARE(closed.value("state"_L1).toString(), u"resolved"_s);
    QCOMPARE(closed.value("open_count"_L1).toInt(), 0);
    QCOMPARE(h->client->get(u"/api/v1/incidents"_s, h->token).json.value("incidents"_L1).toArray().size(), 1);
    const QJsonArray resolved =
        h->client->get(u"/api/v1/incidents?state=resolved"_s, h->token).json.value("incidents"_L1).toArray();
    QCOMPARE(resolved.size(), 1);
    QCOMPARE(resolved.at(0).toObject().value("id"_L1).toString(), id);

    QCOMPARE(h->client->get(u"/api/v1/incidents?state=sideways"_s, h->token).errorField(), u"state"_s);
    QCOMPARE(h->client->get(u"/api/v1/incidents/%1-0123456789ab"_s.arg(ids.at(0)), h->token).status, 404);
    QCOMPARE(h->client->get(u"/api/v1/incidents/nonsense"_s, h->token).status, 404);
    QCOMPARE(
        h->client
            ->get(u"/api/v1/incidents/"_s + relaydesk::server::incidentId(signature, ids.at(1)), h->token)
            .status,
        404); // not the first ticket of its incident
    QCOMPARE(h->client->get(u"/api/v1/incidents"_s).status, 401);
    QCOMPARE(h->client->get(u"/api/v1/incidents"_s, trainer).status, 200); // reading is for every role
}

void TestServerIncidents::bulkResendDeliversOncePerTicket()
{
    const QList<qint64> ids = postSame(u"b"_s, 3);
    QCOMPARE(ids.size(), 3);
    QCOMPARE(act(ids.at(1), u"claim"_s, u"bob-claim"_s, bob).status, 200); // bob holds the middle one
    QCOMPARE(act(ids.at(2), u"claim"_s, u"mine"_s, h->token).status, 200); // alice already holds the last one
    const QString incident = incidentOf(ids.at(0)).value("id"_L1).toString();
    QVERIFY(!incident.isEmpty());

    h->gateway->setLatency(100);
    const HttpResult first = bulk(incident, u"resend"_s, u"bulk-1"_s);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json.value("incident_id"_L1).toString(), incident);
    QCOMPARE(first.json.value("action"_L1).toString(), u"resend"_s);
    QCOMPARE(first.json.value("done"_L1).toInt(), 2);
    QCOMPARE(first.json.value("skipped"_L1).toInt(), 1);
    QCOMPARE(first.json.value("failed"_L1).toInt(), 0);
    const QJsonArray results = first.json.value("results"_L1).toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).toObject().value("ticket_id"_L1).toInteger(), ids.at(0));
    QCOMPARE(results.at(0).toObject().value("status"_L1).toString(), u"done"_s);
    QVERIFY(results.at(0).toObject().value("action_id"_L1).toInteger() > 0);
    const QJsonObject skipped = results.at(1).toObject();
    QCOMPARE(skipped.value("ticket_id"_L1).toInteger(), ids.at(1));
    QCOMPARE(skipped.value("status"_L1).toString(), u"skipped"_s);
    QCOMPARE(skipped.value("reason"_L1).toString(), u"claimed_by_other"_s);
    QCOMPARE(skipped.value("holder"_L1).toString(), kBob);
    QCOMPARE(results.at(2).toObject().value("status"_L1).toString(), u"done"_s);

    // Retried with the same key (say the answer was lost) while the first sends may still be in flight.
    const HttpResult again = bulk(incident, u"resend"_s, u"bulk-1"_s);
    QCOMPARE(again.status, 200);
    const QJsonArray replay = again.json.value("results"_L1).toArray();
    for (int i : {0, 2}) {
        QCOMPARE(replay.at(i).toObject().value("status"_L1).toString(), u"done"_s);
        QCOMPARE(replay.at(i).toObject().value("replayed"_L1).toBool(), true);
        QCOMPARE(replay.at(i).toObject().value("action_id"_L1),
                 results.at(i).toObject().value("action_id"_L1));
    }
    QCOMPARE(replay.at(1).toObject().value("status"_L1).toString(), u"skipped"_s);

    for (int i : {0, 2})
        QVERIFY2(waitForOutcome(ids.at(i)), qPrintable(h->eventKinds(ids.at(i)).join(u' ')));
    QTest::qWait(300); // a double send would have arrived by now
    for (int i : {0, 2}) {
        const QString message = u"m-b-%1"_s.arg(i);
        QCOMPARE(h->gateway->deliveriesForMessage(message), 1);
        int keys = 0; // one gateway effect (attempts may repeat it when a connection drops: same key)
        for (const auto &d : h->gateway->deliveries())
            keys += d.clientMessageId == message ? 1 : 0;
        QCOMPARE(keys, 1);
        const QStringList kinds = h->eventKinds(ids.at(i));
        QCOMPARE(kinds.count(u"resend_requested"_s), 1);
        QCOMPARE(kinds.count(u"claimed"_s), 1);
        QCOMPARE(kinds.count(u"action_outcome"_s), 1);
        QCOMPARE(h->ticket(ids.at(i)).value("assignee"_L1).toString(), ServiceFixture::kUser);
    }
    QCOMPARE(h->gateway->deliveriesForMessage(u"m-b-1"_s), 0);
    QVERIFY(!h->eventKinds(ids.at(1)).contains(u"resend_requested"_s));
    // Each ticket's event carries its own key, derived from the bulk key.
    for (const QJsonValue &v : h->events(ids.at(0))) {
        if (v.toObject().value("kind"_L1).toString() == "resend_requested"_L1)
            QCOMPARE(
                v.toObject().value("detail"_L1).toObject().value("idempotency_key"_L1).toString(),
                u"bulk-"_s +
                    QString::fromLatin1(
                        QCryptographicHash::hash("bulk-1", QCryptographicHash::Sha256).toHex().left(32)) +
                    u"-t%1-resend"_s.arg(ids.at(0)));
    }
}

void TestServerIncidents::bulkRefusals()
{
    const QList<qint64> ids = postSame(u"f"_s, 2);
    QCOMPARE(ids.size(), 2);
    const QString incident = incidentOf(ids.at(0)).value("id"_L1).toString();
    QVERIFY(!incident.isEmpty());
    const HttpResult asTrainer = bulk(incident, u"resend"_s, u"t"_s, {}, trainer);
    QCOMPARE(asTrainer.status, 403);
    QCOMPARE(asTrainer.errorCode(), u"forbidden"_s);
    QCOMPARE(bulk(incident, u"resend"_s, {}).errorCode(), u"missing_idempotency_key"_s);
    QCOMPARE(
        h->client
            ->send("POST", u"/api/v1/incidents/%1/resend"_s.arg(incident), {}, {}, {{"Idempotency-Key", "k"}})
            .status,
        401);
    QCOMPARE(bulk(u"999-0123456789ab"_s, u"resend"_s, u"k1"_s).status, 404);
    const HttpResult noRegion = bulk(incident, u"reroute"_s, u"k2"_s);
    QCOMPARE(noRegion.status, 422);
    QCOMPARE(noRegion.errorField(), u"region"_s);
    const HttpResult mars = bulk(incident, u"reroute"_s, u"k3"_s, {{"region"_L1, "mars-1"_L1}});
    QCOMPARE(mars.errorCode(), u"unknown_region"_s);
    QCOMPARE(bulk(incident, u"reply"_s, u"k4"_s, {{"locale"_L1, "en"_L1}, {"body"_L1, "x"_L1}}).errorField(),
             u"title"_s);
    QCOMPARE(h->client->get(u"/api/v1/incidents/%1/resend"_s.arg(incident), h->token).status, 405);
    QCOMPARE(h->gateway->deliveries().size(), 0);
    for (qint64 id : ids)
        QCOMPARE(h->ticket(id).value("status"_L1).toString(), u"escalated"_s); // nothing happened

    // A reroute goes through the chosen region for every ticket.
    const HttpResult rerouted = bulk(incident, u"reroute"_s, u"k5"_s, {{"region"_L1, "cn-east"_L1}});
    QCOMPARE(rerouted.status, 200);
    QCOMPARE(rerouted.json.value("done"_L1).toInt(), 2);
    for (qint64 id : ids)
        QVERIFY(waitForOutcome(id));
    for (const auto &d : h->gateway->deliveries())
        QCOMPARE(d.region, u"cn-east"_s);
    QCOMPARE(h->gateway->deliveries().size(), 2);
}

void TestServerIncidents::bulkReplyCoversBigIncident()
{
    const int n = 2 * 20 + 3; // three chunks
    const QList<qint64> ids = postSame(u"big"_s, n);
    QCOMPARE(ids.size(), n);
    const QString incident = incidentOf(ids.at(0)).value("id"_L1).toString();
    QCOMPARE(incidentOf(ids.at(0)).value("ticket_count"_L1).toInt(), n);
    const QJsonObject body{
        {"locale"_L1, "zh_CN"_L1}, {"title"_L1, "服务已恢复"_L1}, {"body"_L1, "请重试发送。"_L1}};
    const HttpResult r = bulk(incident, u"reply"_s, u"big-reply"_s, body);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("done"_L1).toInt(), n);
    QCOMPARE(r.json.value("results"_L1).toArray().size(), n);
    for (qint64 id : ids)
        QCOMPARE(h->ticket(id).value("status"_L1).toString(), u"waiting_user"_s);
    QVERIFY(QTest::qWaitFor([&] { return h->gateway->deliveredNotices().size() >= n; }, 30000));
    QCOMPARE(bulk(incident, u"reply"_s, u"big-reply"_s, body).headers.value("idempotent-replayed"),
             QByteArray("true"));
    QTest::qWait(300);
    QCOMPARE(h->gateway->deliveredNotices().size(), n);
    QSet<qint64> noticed;
    for (const QJsonObject &notice : h->gateway->deliveredNotices())
        noticed.insert(notice.value("ticket_id"_L1).toInteger());
    QCOMPARE(noticed.size(), n);
}

QTEST_GUILESS_MAIN(TestServerIncidents)
#include "tst_server_incidents.moc"

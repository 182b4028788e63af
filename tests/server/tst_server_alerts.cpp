// Alerts: the rules without I/O (hysteresis, minimum data), then a real simulator TelemetryReporter playing
// an hour and a half of telemetry with a scripted eu-west outage into a real service: the delivery alert is
// raised during the outage and resolved after it, pushed on the stream; acknowledging needs a lead and is
// idempotent; inflow spikes and SLA risk raise and clear on the timer.
#include "ServiceFixture.h"
#include "TestClient.h"

#include "core/JsonReader.h"
#include "server/AlertRules.h"
#include "sim/GatewaySimulator.h"
#include "sim/TelemetryReporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using namespace relaydesk;
using namespace relaydesk::server;

namespace {

constexpr qint64 kMin = 60'000;

QList<TelemetrySample> steady(qint64 from, int minutes, qint64 sent, qint64 failed)
{
    QList<TelemetrySample> list;
    for (int i = 0; i < minutes; ++i)
        list.append({u"eu-west"_s, from + i * kMin, sent, failed});
    return list;
}

qint64 ms(const QJsonValue &time)
{
    const auto parsed = parseRfc3339(time.toString());
    return parsed ? parsed->toMSecsSinceEpoch() : -1;
}

} // namespace

class AlertsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void deliveryRuleHysteresis();
    void deliveryRuleNeedsData();
    void inflowRule();
    void slaRiskRule();

    void simulatedOutageRaisesAndClearsTheDeliveryAlert();
    void oneBatchSpanningAnOutageRaisesAndResolves();
    void acknowledgeNeedsALeadAndIsIdempotent();
    void alertListIsValidated();
    void inflowSpikeAndSlaRiskOnTheTimer();

private:
    bool startService(int evaluateIntervalMs = 60'000);
    // Plays `minutes` of telemetry that started `minutes` ago with the outages; returns when all are
    // accepted.
    void play(int minutes, const sim::OutagePlan &plan, sim::GatewaySimulator *gateway = nullptr,
              QList<std::pair<int, bool>> *euWestDown = nullptr, qint64 *start = nullptr);
    void openStream(QWebSocket &socket, QSignalSpy &messages);
    QList<QJsonObject> alertMessages(const QSignalSpy &messages) const;

    std::unique_ptr<ServiceFixture> m_fixture;
    std::unique_ptr<TestClient> m_client;
    std::shared_ptr<std::atomic<qint64>> m_offset; // added to the wall clock
    QString m_agent;
    QString m_lead;
};

void AlertsTest::init()
{
    m_offset = std::make_shared<std::atomic<qint64>>(0);
}

void AlertsTest::cleanup()
{
    m_client.reset();
    m_fixture.reset();
}

bool AlertsTest::startService(int evaluateIntervalMs)
{
    m_fixture = std::make_unique<ServiceFixture>();
    m_fixture->options.clock = [offset = m_offset] {
        return QDateTime::currentMSecsSinceEpoch() + offset->load();
    };
    m_fixture->options.alerts.evaluateIntervalMs = evaluateIntervalMs;
    QString error;
    if (!m_fixture->start(&error) ||
        !m_fixture->service->addUser(u"lena"_s, Role::Lead, u"pw-lead-1"_s, &error)) {
        qWarning() << error;
        return false;
    }
    m_client = std::make_unique<TestClient>(m_fixture->service->baseUrl());
    m_agent = m_client->login(ServiceFixture::kUser, ServiceFixture::kPassword);
    m_lead = m_client->login(u"lena"_s, u"pw-lead-1"_s);
    return !m_agent.isEmpty() && !m_lead.isEmpty();
}

void AlertsTest::play(int minutes, const sim::OutagePlan &plan, sim::GatewaySimulator *gateway,
                      QList<std::pair<int, bool>> *euWestDown, qint64 *start)
{
    QNetworkAccessManager network;
    sim::TelemetryReporter reporter(&network, 7);
    reporter.setServer(m_fixture->service->baseUrl());
    reporter.setClientKey(m_fixture->clientKey);
    reporter.setStart(QDateTime::currentDateTimeUtc().addSecs(-60 * minutes));
    if (start)
        *start = reporter.startTime().toMSecsSinceEpoch();
    reporter.setMinuteIntervalMs(5); // an hour in about a third of a second
    reporter.setMinutes(minutes);
    reporter.setOutages(plan);
    reporter.setGateway(gateway);
    if (gateway && euWestDown) {
        connect(&reporter, &sim::TelemetryReporter::minuteProduced, this, [gateway, euWestDown](int index) {
            euWestDown->append({index, gateway->isRegionDown(u"eu-west"_s)});
        });
    }
    QSignalSpy failed(&reporter, &sim::TelemetryReporter::failed);
    QSignalSpy finished(&reporter, &sim::TelemetryReporter::finished);
    reporter.start();
    QVERIFY(finished.wait(60'000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(reporter.minutesAccepted(), minutes);
}

void AlertsTest::openStream(QWebSocket &socket, QSignalSpy &messages)
{
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QUrl url = m_fixture->service->baseUrl();
    url.setScheme(u"ws"_s);
    url.setPath(u"/api/v1/stream"_s);
    socket.open(url);
    QVERIFY(connected.wait(10'000));
    socket.sendTextMessage(QString::fromUtf8(toJson({{"type"_L1, "auth"_L1}, {"token"_L1, m_agent}})));
    QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 10'000);
    QCOMPARE(QJsonDocument::fromJson(messages.at(0).at(0).toString().toUtf8())
                 .object()
                 .value("type"_L1)
                 .toString(),
             u"ready"_s);
}

QList<QJsonObject> AlertsTest::alertMessages(const QSignalSpy &messages) const
{
    QList<QJsonObject> list;
    for (const QList<QVariant> &args : messages) {
        const QJsonObject m = QJsonDocument::fromJson(args.at(0).toString().toUtf8()).object();
        if (m.value("type"_L1).toString().startsWith(u"alert."_s))
            list.append(m);
    }
    return list;
}

void AlertsTest::deliveryRuleHysteresis()
{
    const AlertConfig config; // 5 min window, margin 0.05, clear margin 0.02
    const qint64 t0 = 1'800'000'000'000 - 1'800'000'000'000 % kMin;
    QList<TelemetrySample> samples = steady(t0, 60, 1000, 10); // baseline 0.99
    // 5-minute window at 0.95 (drop 0.04): not enough to raise, but enough to keep a raised alert open
    samples += steady(t0 + 60 * kMin, 5, 1000, 50);
    const qint64 latest = t0 + 64 * kMin;
    AlertCondition c = AlertRules::delivery(u"eu-west"_s, samples, latest, false, config);
    QVERIFY(!c.active);
    QCOMPARE(c.detail.value("baseline"_L1).toDouble(), 0.99);
    QCOMPARE(c.detail.value("success_rate"_L1).toDouble(), 0.95);
    QCOMPARE(c.detail.value("baseline_samples"_L1).toInt(), 60);
    QVERIFY(AlertRules::delivery(u"eu-west"_s, samples, latest, true, config).active);
    // 0.93 (drop 0.06): raises
    samples = steady(t0, 60, 1000, 10) + steady(t0 + 60 * kMin, 5, 1000, 70);
    c = AlertRules::delivery(u"eu-west"_s, samples, latest, false, config);
    QVERIFY(c.active);
    QCOMPARE(c.detail.value("sent"_L1).toInteger(), 5000);
    QCOMPARE(c.detail.value("failed"_L1).toInteger(), 350);
    QCOMPARE(ms(c.detail.value("window_start"_L1)), t0 + 60 * kMin);
    QCOMPARE(ms(c.detail.value("window_end"_L1)), t0 + 65 * kMin);
    // 0.975 (within the clear margin of 0.02): a raised alert clears
    samples = steady(t0, 60, 1000, 10) + steady(t0 + 60 * kMin, 5, 1000, 25);
    QVERIFY(!AlertRules::delivery(u"eu-west"_s, samples, latest, true, config).active);
    QCOMPARE(AlertRules::median({0.5, 0.9, 0.1}).value_or(-1), 0.5);
    QCOMPARE(AlertRules::median({1.0, 0.5, 0.9, 0.1}).value_or(-1), 0.7);
    QVERIFY(!AlertRules::median({}));
}

void AlertsTest::deliveryRuleNeedsData()
{
    const AlertConfig config;
    const qint64 t0 = 1'800'000'000'000 - 1'800'000'000'000 % kMin;
    // only 20 baseline minutes (< 30): no alert however bad the window
    QList<TelemetrySample> samples = steady(t0, 20, 1000, 10) + steady(t0 + 20 * kMin, 5, 1000, 900);
    QVERIFY(!AlertRules::delivery(u"eu-west"_s, samples, t0 + 24 * kMin, false, config).active);
    // a window with fewer than 50 messages decides nothing: a raised alert stays raised
    samples = steady(t0, 60, 1000, 10) + steady(t0 + 60 * kMin, 5, 5, 5);
    QVERIFY(!AlertRules::delivery(u"eu-west"_s, samples, t0 + 64 * kMin, false, config).active);
    QVERIFY(AlertRules::delivery(u"eu-west"_s, samples, t0 + 64 * kMin, true, config).active);
}

void AlertsTest::inflowRule()
{
    const AlertConfig config; // factor 3, at least 10 reports, clear at 1.5x
    // 24 h before: 288 reports = 2 per 10 minutes
    QVERIFY(!AlertRules::inflow(6, 288, false, config).active); // 6 = 3x: not above
    QVERIFY(!AlertRules::inflow(7, 288, false, config).active); // above 3x but under 10 reports
    QVERIFY(AlertRules::inflow(10, 288, false, config).active);
    QVERIFY(AlertRules::inflow(10, 0, false, config).active);  // no history: 10 reports is a spike
    QVERIFY(AlertRules::inflow(5, 288, true, config).active);  // 5 > 1.5 x 2: stays raised
    QVERIFY(!AlertRules::inflow(3, 288, true, config).active); // 3 <= 3: clears
    QCOMPARE(AlertRules::inflow(10, 288, false, config).detail.value("baseline"_L1).toDouble(), 2.0);
}

void AlertsTest::slaRiskRule()
{
    const AlertConfig config; // risk at 80 % of the target
    const SlaTargets targets{30 * kMin, 4 * 60 * kMin};
    const qint64 now = 1'800'000'000'000;
    TicketHistory fresh{
        1, now - 20 * kMin, {}, {}, {}, {{now - 20 * kMin, u"tier1"_s, u"escalated"_s, {}, {}}}};
    TicketHistory late{
        2, now - 25 * kMin, {}, {}, {}, {{now - 25 * kMin, u"tier1"_s, u"escalated"_s, {}, {}}}};
    TicketHistory answered = late;
    answered.id = 3;
    answered.events.append({now - 2 * kMin, u"alice"_s, u"replied"_s, {}, {}});
    TicketHistory old{
        4, now - 200 * kMin, {}, {}, {}, {{now - 190 * kMin, u"alice"_s, u"replied"_s, {}, {}}}};
    const auto conditions = AlertRules::slaRisk({fresh, late, answered, old}, targets, now, config);
    QCOMPARE(conditions.size(), 2);
    QCOMPARE(conditions[0].subject, u"first_response"_s);
    QVERIFY(conditions[0].active);
    QCOMPARE(conditions[0].detail.value("ticket_ids"_L1).toArray(), (QJsonArray{2}));
    QCOMPARE(conditions[1].subject, u"resolution"_s);
    QVERIFY(conditions[1].active); // 200 min >= 80 % of 240
    QCOMPARE(conditions[1].detail.value("ticket_ids"_L1).toArray(), (QJsonArray{4}));
    QVERIFY(!AlertRules::slaRisk({fresh, answered}, targets, now, config)[0].active);
}

void AlertsTest::simulatedOutageRaisesAndClearsTheDeliveryAlert()
{
    QVERIFY(startService());
    QWebSocket socket;
    QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
    openStream(socket, messages);

    sim::GatewaySimulator gateway("secret");
    sim::OutagePlan plan;
    plan.add({u"eu-west"_s, 60 * kMin, 10 * kMin, 0.4});
    QList<std::pair<int, bool>> down;
    qint64 start = 0;
    play(90, plan, &gateway, &down, &start);
    if (QTest::currentTestFailed())
        return;

    // the gateway answered failures for eu-west exactly during the outage
    QCOMPARE(down.size(), 90);
    for (const auto &[index, isDown] : down)
        QCOMPARE(isDown, index >= 60 && index < 70);
    QVERIFY(!gateway.isRegionDown(u"eu-west"_s));

    const HttpResult r = m_client->get(u"/api/v1/alerts"_s, m_agent);
    QCOMPARE(r.status, 200);
    const QJsonArray alerts = r.json.value("alerts"_L1).toArray();
    QCOMPARE(alerts.size(), 1); // only eu-west, once
    const QJsonObject alert = alerts[0].toObject();
    QCOMPARE(alert.value("kind"_L1).toString(), u"delivery_drop"_s);
    QCOMPARE(alert.value("subject"_L1).toString(), u"eu-west"_s);
    QCOMPARE(alert.value("state"_L1).toString(), u"resolved"_s);
    QVERIFY(alert.value("acknowledged_by"_L1).isNull());
    QVERIFY(ms(alert.value("resolved_at"_L1)) >= ms(alert.value("raised_at"_L1)));
    // resolved once the 5-minute window had left the outage behind
    const QJsonObject detail = alert.value("detail"_L1).toObject();
    QVERIFY2(ms(detail.value("window_start"_L1)) >= start + 70 * kMin,
             qPrintable(detail.value("window_start"_L1).toString()));
    QVERIFY(detail.value("success_rate"_L1).toDouble() > 0.98);

    // pushed: raised during the outage, then changed to resolved
    QTRY_COMPARE_WITH_TIMEOUT(alertMessages(messages).size(), 2, 10'000);
    const auto pushed = alertMessages(messages);
    QCOMPARE(pushed[0].value("type"_L1).toString(), u"alert.raised"_s);
    const QJsonObject raised = pushed[0].value("alert"_L1).toObject();
    QCOMPARE(raised.value("id"_L1), alert.value("id"_L1));
    QCOMPARE(raised.value("state"_L1).toString(), u"raised"_s);
    const qint64 windowEnd = ms(raised.value("detail"_L1).toObject().value("window_end"_L1));
    QVERIFY2(windowEnd > start + 60 * kMin && windowEnd <= start + 71 * kMin,
             qPrintable(raised.value("detail"_L1).toObject().value("window_end"_L1).toString()));
    QVERIFY(raised.value("detail"_L1).toObject().value("success_rate"_L1).toDouble() < 0.95);
    QCOMPARE(pushed[1].value("type"_L1).toString(), u"alert.changed"_s);
    QCOMPARE(pushed[1].value("alert"_L1).toObject().value("state"_L1).toString(), u"resolved"_s);
    socket.close();
}

void AlertsTest::oneBatchSpanningAnOutageRaisesAndResolves()
{
    // Telemetry that arrives late, 90 minutes in one request: the rule still walks through the outage.
    QVERIFY(startService());
    QNetworkAccessManager network;
    sim::TelemetryReporter source(&network, 3);
    source.setStart(QDateTime::currentDateTimeUtc().addSecs(-90 * 60));
    source.addOutage({u"eu-west"_s, 40 * kMin, 15 * kMin, 0.5});
    QJsonArray rows;
    for (int i = 0; i < 90; ++i) {
        const sim::TelemetryMinute m = source.minute(u"eu-west"_s, i);
        rows.append(QJsonObject{{"at"_L1, m.minute.toString(Qt::ISODate)},
                                {"region"_L1, m.region},
                                {"sent"_L1, m.sent},
                                {"failed"_L1, m.failed}});
    }
    QCOMPARE(
        m_client->post(u"/api/v1/telemetry"_s, toJson({{"minutes"_L1, rows}}), m_fixture->clientKey).status,
        202);
    const QJsonArray alerts = m_client->get(u"/api/v1/alerts"_s, m_agent).json.value("alerts"_L1).toArray();
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts[0].toObject().value("state"_L1).toString(), u"resolved"_s);
    // sending the same minutes again changes nothing: no minute moved the data forward
    QCOMPARE(
        m_client->post(u"/api/v1/telemetry"_s, toJson({{"minutes"_L1, rows}}), m_fixture->clientKey).status,
        202);
    QCOMPARE(m_client->get(u"/api/v1/alerts"_s, m_agent).json.value("alerts"_L1).toArray().size(), 1);
}

void AlertsTest::acknowledgeNeedsALeadAndIsIdempotent()
{
    QVERIFY(startService());
    sim::OutagePlan plan;
    plan.add({u"eu-west"_s, 60 * kMin, 60 * kMin, 0.4}); // still going when the playback ends
    play(70, plan);
    if (QTest::currentTestFailed())
        return;
    QWebSocket socket;
    QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
    openStream(socket, messages);

    const HttpResult open = m_client->get(u"/api/v1/alerts?state=raised"_s, m_agent);
    QCOMPARE(open.json.value("alerts"_L1).toArray().size(), 1);
    const qint64 id = open.json.value("alerts"_L1).toArray()[0].toObject().value("id"_L1).toInteger();
    const QString path = u"/api/v1/alerts/%1/acknowledge"_s.arg(id);

    HttpResult r = m_client->send("POST", path, {}, m_agent, {{"Idempotency-Key", "k-1"}});
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), u"forbidden"_s);
    r = m_client->send("POST", path, {}, m_lead, {});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"missing_idempotency_key"_s);
    r = m_client->send("POST", u"/api/v1/alerts/999/acknowledge"_s, {}, m_lead, {{"Idempotency-Key", "k-0"}});
    QCOMPARE(r.status, 404);

    r = m_client->send("POST", path, {}, m_lead, {{"Idempotency-Key", "k-1"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("state"_L1).toString(), u"acknowledged"_s);
    QCOMPARE(r.json.value("acknowledged_by"_L1).toString(), u"lena"_s);
    const QString acknowledgedAt = r.json.value("acknowledged_at"_L1).toString();
    QVERIFY(!acknowledgedAt.isEmpty());
    // the same key again: the same answer, replayed, nothing new
    const HttpResult again = m_client->send("POST", path, {}, m_lead, {{"Idempotency-Key", "k-1"}});
    QCOMPARE(again.status, 200);
    QCOMPARE(again.headers.value("idempotent-replayed"), QByteArray("true"));
    QCOMPARE(again.json, r.json);
    // a new key on an acknowledged alert: unchanged
    const HttpResult second = m_client->send("POST", path, {}, m_lead, {{"Idempotency-Key", "k-2"}});
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json.value("acknowledged_at"_L1).toString(), acknowledgedAt);
    // a key reused for another alert
    r = m_client->send("POST", u"/api/v1/alerts/%1/acknowledge"_s.arg(id + 1), {}, m_lead,
                       {{"Idempotency-Key", "k-1"}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"idempotency_key_reused"_s);

    QTRY_COMPARE_WITH_TIMEOUT(alertMessages(messages).size(), 1, 10'000);
    QTest::qWait(200); // the replay and the no-op push nothing more
    const auto pushed = alertMessages(messages);
    QCOMPARE(pushed.size(), 1);
    QCOMPARE(pushed[0].value("type"_L1).toString(), u"alert.changed"_s);
    QCOMPARE(pushed[0].value("alert"_L1).toObject().value("state"_L1).toString(), u"acknowledged"_s);

    QCOMPARE(m_client->get(u"/api/v1/alerts?state=acknowledged"_s, m_agent)
                 .json.value("alerts"_L1)
                 .toArray()
                 .size(),
             1);
    QCOMPARE(m_client->get(u"/api/v1/alerts?state=open"_s, m_agent).json.value("alerts"_L1).toArray().size(),
             1);
    QCOMPARE(
        m_client->get(u"/api/v1/alerts?state=raised"_s, m_agent).json.value("alerts"_L1).toArray().size(), 0);
    socket.close();
}

void AlertsTest::alertListIsValidated()
{
    QVERIFY(startService());
    HttpResult r = m_client->get(u"/api/v1/alerts?state=burning"_s, m_agent);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorField(), u"state"_s);
    r = m_client->get(u"/api/v1/alerts?since=yesterday"_s, m_agent);
    QCOMPARE(r.errorField(), u"since"_s);
    r = m_client->get(u"/api/v1/alerts?limit=0"_s, m_agent);
    QCOMPARE(r.errorField(), u"limit"_s);
    QCOMPARE(m_client->get(u"/api/v1/alerts"_s).status, 401);
    QString error;
    QVERIFY(m_fixture->service->addUser(u"tess"_s, Role::Trainer, u"pw-trainer-1"_s, &error));
    QCOMPARE(m_client->get(u"/api/v1/alerts"_s, m_client->login(u"tess"_s, u"pw-trainer-1"_s)).status, 403);
    r = m_client->get(u"/api/v1/alerts?state=resolved&since=2026-01-01T00:00:00Z&limit=5"_s, m_agent);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("alerts"_L1).toArray().size(), 0);
}

void AlertsTest::inflowSpikeAndSlaRiskOnTheTimer()
{
    QVERIFY(startService(1000));
    QList<qint64> tickets;
    for (int i = 0; i < 12; ++i) {
        const HttpResult r = m_client->postReport(sampleReport(u"spike-%1"_s.arg(i)), m_fixture->clientKey);
        QCOMPARE(r.status, 202);
        tickets.append(r.json.value("ticket_id"_L1).toInteger());
    }
    const auto alertsOf = [this](const QString &kind) {
        QList<QJsonObject> list;
        for (const QJsonValue &v :
             m_client->get(u"/api/v1/alerts"_s, m_agent).json.value("alerts"_L1).toArray()) {
            if (v.toObject().value("kind"_L1).toString() == kind)
                list.append(v.toObject());
        }
        return list;
    };
    QTRY_COMPARE_WITH_TIMEOUT(alertsOf(u"inflow_spike"_s).size(), 1, 15'000);
    QCOMPARE(alertsOf(u"inflow_spike"_s)[0].value("detail"_L1).toObject().value("reports"_L1).toInt(), 12);
    QVERIFY(alertsOf(u"sla_risk"_s).isEmpty());

    // 25 minutes later (clock injected): the spike is over, and 12 unanswered escalated tickets are at risk
    // of missing the 30-minute first response
    m_offset->store(25 * kMin);
    QTRY_COMPARE_WITH_TIMEOUT(alertsOf(u"inflow_spike"_s).value(0).value("state"_L1).toString(),
                              u"resolved"_s, 15'000);
    QTRY_COMPARE_WITH_TIMEOUT(alertsOf(u"sla_risk"_s).size(), 1, 15'000);
    const QJsonObject risk = alertsOf(u"sla_risk"_s)[0];
    QCOMPARE(risk.value("subject"_L1).toString(), u"first_response"_s);
    QCOMPARE(risk.value("detail"_L1).toObject().value("tickets"_L1).toInt(), 12);

    // agents work them off: resolved tickets are no longer at risk
    for (qint64 id : tickets) {
        const QByteArray key = "t" + QByteArray::number(id);
        QCOMPARE(m_client
                     ->send("POST", u"/api/v1/tickets/%1/claim"_s.arg(id), {}, m_agent,
                            {{"Idempotency-Key", key + "c"}})
                     .status,
                 200);
        QCOMPARE(m_client
                     ->send("POST", u"/api/v1/tickets/%1/resolve"_s.arg(id), R"({"resolution":"no_action"})",
                            m_agent, {{"Idempotency-Key", key + "r"}})
                     .status,
                 200);
    }
    QTRY_COMPARE_WITH_TIMEOUT(alertsOf(u"sla_risk"_s).value(0).value("state"_L1).toString(), u"resolved"_s,
                              15'000);
}

QTEST_MAIN(AlertsTest)
#include "tst_server_alerts.moc"

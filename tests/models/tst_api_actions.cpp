// The console's ApiClient driving agent actions against a real Service (and an in-process IM gateway
// simulator) over 127.0.0.1: a claim conflict between two consoles, a resend's outcome on the timeline,
// regions and related tickets.
#include "models/ApiClient.h"
#include "server/Service.h"
#include "sim/GatewaySimulator.h"

#include "TestClient.h"
#include "TriageHarness.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace relaydesk;
using namespace relaydesk::models;
using namespace Qt::StringLiterals;

namespace {
constexpr char kPolicy[] = R"({"min_confidence": 0.999,
    "retry": {"max_attempts": 3, "base_delay_ms": 50, "max_delay_ms": 400, "jitter": 0.2},
    "regions": ["cn-north", "cn-east", "eu-west"]})";

template <typename T> struct Slot
{
    std::optional<ApiResult<T>> result;
    std::function<void(ApiResult<T>)> sink()
    {
        return [this](ApiResult<T> r) { result = std::move(r); };
    }
    bool wait() { return QTest::qWaitFor([this] { return result.has_value(); }, 20000); }
};
} // namespace

class TestApiActions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void claimConflictTellsWhoHoldsIt();
    void resendOutcomeArrivesOnTimeline();
    void regionsAndRelated();

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<sim::GatewaySimulator> m_gateway;
    std::unique_ptr<server::Service> m_service;
    std::unique_ptr<ApiClient> m_alice;
    std::unique_ptr<ApiClient> m_bob;
    QString m_clientKey;
    qint64 m_ticket = 0;
    QString m_holder;
};

void TestApiActions::initTestCase()
{
    QString error;
    m_gateway = std::make_unique<sim::GatewaySimulator>(TriageHarness::kSecret, 5);
    m_gateway->setTransientFailureRate(0);
    QVERIFY2(m_gateway->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    server::ServiceOptions options;
    options.databasePath = m_dir.filePath(u"service.sqlite"_s);
    auto policy = server::Tier1Config::parse(kPolicy);
    QVERIFY(policy.ok());
    options.tier1 = std::move(policy).value();
    options.gatewayUrl = m_gateway->baseUrl();
    options.gatewaySecret = TriageHarness::kSecret;
    m_service = std::make_unique<server::Service>(options);
    QVERIFY2(m_service->start(&error), qPrintable(error));
    m_clientKey = m_service->addClientKey(u"tests"_s, &error);
    QVERIFY2(!m_clientKey.isEmpty(), qPrintable(error));
    for (const QString &name : {u"alice"_s, u"bob"_s})
        QVERIFY2(m_service->addUser(name, Role::Agent, u"pw-123456789"_s, &error), qPrintable(error));
    m_alice = std::make_unique<ApiClient>(&m_nam, m_service->baseUrl());
    m_bob = std::make_unique<ApiClient>(&m_nam, m_service->baseUrl());
    m_alice->setToken(m_service->issueToken(u"alice"_s, &error));
    m_bob->setToken(m_service->issueToken(u"bob"_s, &error));

    TestClient client(m_service->baseUrl());
    const HttpResult posted = client.postReport(networkReport(u"r-1"_s, u"m-1"_s), m_clientKey);
    QCOMPARE(posted.status, 202);
    m_ticket = posted.json.value("ticket_id"_L1).toInteger();
    QCOMPARE(client.postReport(networkReport(u"r-2"_s, u"m-2"_s), m_clientKey).status, 202);
}

void TestApiActions::claimConflictTellsWhoHoldsIt()
{
    Slot<Ticket> a;
    Slot<Ticket> b;
    m_alice->claim(m_ticket, u"alice-claim-1"_s, a.sink());
    m_bob->claim(m_ticket, u"bob-claim-1"_s, b.sink());
    QVERIFY(a.wait() && b.wait());
    QVERIFY(a.result->ok() != b.result->ok()); // exactly one wins
    const auto &won = a.result->ok() ? *a.result : *b.result;
    const auto &lost = a.result->ok() ? *b.result : *a.result;
    m_holder = a.result->ok() ? u"alice"_s : u"bob"_s;
    QCOMPARE(won.value->status, TicketStatus::Claimed);
    QCOMPARE(won.value->assignee, m_holder);
    QCOMPARE(lost.error.httpStatus, 409);
    QCOMPARE(lost.error.code, u"claimed_by_other"_s);
    QCOMPARE(lost.error.holder, m_holder);
    QCOMPARE(lost.error.kind, ApiError::Kind::Client);
    QVERIFY(lost.error.message.contains(m_holder));

    // The same key again answers the first answer.
    ApiClient &winner = m_holder == "alice"_L1 ? *m_alice : *m_bob;
    Slot<Ticket> again;
    winner.claim(m_ticket, m_holder + u"-claim-1"_s, again.sink());
    QVERIFY(again.wait());
    QVERIFY(again.result->ok());
    QCOMPARE(again.result->value->seq, won.value->seq);
}

void TestApiActions::resendOutcomeArrivesOnTimeline()
{
    QVERIFY(!m_holder.isEmpty());
    ApiClient &winner = m_holder == "alice"_L1 ? *m_alice : *m_bob;
    ApiClient &other = m_holder == "alice"_L1 ? *m_bob : *m_alice;
    Slot<ActionStatus> refused;
    other.resend(m_ticket, u"other-resend"_s, std::nullopt, refused.sink());
    QVERIFY(refused.wait());
    QCOMPARE(refused.result->error.code, u"claimed_by_other"_s);

    Slot<ActionStatus> sent;
    winner.resend(m_ticket, u"resend-1"_s, std::nullopt, sent.sink());
    QVERIFY(sent.wait());
    QVERIFY2(sent.result->ok(), qPrintable(sent.result->error.message));
    QCOMPARE(sent.result->value->status, u"pending"_s);
    const qint64 action = sent.result->value->actionId;

    QJsonObject outcome;
    const bool arrived = QTest::qWaitFor(
        [&] {
            Slot<QList<TicketEvent>> events;
            winner.fetchEvents(m_ticket, events.sink());
            if (!events.wait() || !events.result->ok())
                return false;
            for (const TicketEvent &e : *events.result->value) {
                if (e.kind == "action_outcome"_L1 && e.detail.value("action_id"_L1).toInteger() == action)
                    outcome = e.detail;
            }
            return !outcome.isEmpty();
        },
        20000);
    QVERIFY(arrived);
    QCOMPARE(outcome.value("outcome"_L1).toString(), u"delivered"_s);
    QCOMPARE(m_gateway->deliveriesForMessage(u"m-1"_s), 1);

    Slot<ActionStatus> badRegion;
    winner.reroute(m_ticket, u"reroute-bad"_s, u"mars"_s, badRegion.sink());
    QVERIFY(badRegion.wait());
    QCOMPARE(badRegion.result->error.httpStatus, 422);
    QCOMPARE(badRegion.result->error.field, u"region"_s);
}

void TestApiActions::regionsAndRelated()
{
    Slot<QList<RegionState>> regions;
    m_alice->fetchRegions(regions.sink());
    QVERIFY(regions.wait());
    QVERIFY2(regions.result->ok(), qPrintable(regions.result->error.message));
    QCOMPARE(regions.result->value->size(), 3);
    QCOMPARE(regions.result->value->at(1).region, u"cn-east"_s);
    QCOMPARE(regions.result->value->at(1).state, u"healthy"_s);

    Slot<QList<Ticket>> related;
    m_alice->fetchRelated(m_ticket, related.sink());
    QVERIFY(related.wait());
    QVERIFY2(related.result->ok(), qPrintable(related.result->error.message));
    QCOMPARE(related.result->value->size(), 1);
    QVERIFY(related.result->value->at(0).id != m_ticket);
}

QTEST_GUILESS_MAIN(TestApiActions)
#include "tst_api_actions.moc"

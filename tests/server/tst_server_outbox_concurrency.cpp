// The outbox sends concurrently, bounded per region (Tier1Config::maxInFlightPerRegion): counted at the gateway
// simulator, which holds every answer until the test releases them, so how many requests overlap does not depend
// on timing. One manager of Qt 6.4's QNetworkAccessManager would never have more than 6 out to one host, and a
// one-row-at-a-time dispatcher 1.
#include "TriageHarness.h"

#include "server/RegionHealth.h"

#include <QTest>

using namespace Qt::StringLiterals;
using relaydesk::Cause;
using relaydesk::server::Tier1Config;

namespace {
constexpr int kBound = 10;
constexpr int kPerRegion = 25;
// No timeout can fire while answers are held (a timed-out request would be sent again beside the held one).
constexpr char kPolicy[] = R"({"retry": {"max_attempts": 5, "base_delay_ms": 50, "max_delay_ms": 400, "jitter": 0.2},
    "circuit_breaker": {"failure_threshold": 3, "cool_down_ms": 300}, "regions": ["cn-north", "cn-east", "eu-west"],
    "gateway_timeout_ms": 600000, "dispatch": {"max_in_flight_per_region": 10}})";
} // namespace

class TestServerOutboxConcurrency final : public QObject
{
    Q_OBJECT

private slots:
    void policyOption();
    void staleFailuresDoNotRestartTheCoolDown();
    void sendsConcurrentlyWithinThePerRegionBound();
};

void TestServerOutboxConcurrency::policyOption()
{
    QCOMPARE(Tier1Config().maxInFlightPerRegion, 32);
    const auto parsed = Tier1Config::parse(kPolicy);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
    QCOMPARE(parsed.value().maxInFlightPerRegion, kBound);
    const auto zero = Tier1Config::parse(R"({"dispatch": {"max_in_flight_per_region": 0}})");
    QVERIFY(!zero.ok());
    QCOMPARE(zero.error().path, u"dispatch.max_in_flight_per_region"_s);
}

void TestServerOutboxConcurrency::staleFailuresDoNotRestartTheCoolDown()
{
    relaydesk::server::RegionHealth health(3, 1000);
    const QString r = u"cn-north"_s;
    for (int t : {10, 20, 30})
        health.recordFailure(r, t); // opens at 30
    QCOMPARE(health.availableAt(r), 1030);
    health.recordFailure(r, 500); // requests sent before it opened answer now
    health.recordFailure(r, 900, 2000);
    QCOMPARE(health.state(r, 1030), relaydesk::server::RegionHealth::State::HalfOpen);
    QCOMPARE(health.availableAt(r), 2000); // a Retry-After still binds
    QVERIFY(health.available(r, 2000));
    health.beginAttempt(r, 2000); // the probe
    QVERIFY(!health.available(r, 2001));
    health.recordFailure(r, 2100); // the probe failed: a full cool-down from now
    QCOMPARE(health.availableAt(r), 3100);
}

void TestServerOutboxConcurrency::sendsConcurrentlyWithinThePerRegionBound()
{
    TriageHarness h;
    QString error;
    QVERIFY2(h.start(&error, kPolicy), qPrintable(error));
    h.gateway->setHoldAnswers(true);

    QList<qint64> tickets;
    QStringList messages;
    for (const QString &region : {u"cn-north"_s, u"cn-east"_s}) {
        for (int i = 0; i < kPerRegion; ++i) {
            const QString message = u"m-%1-%2"_s.arg(region).arg(i);
            h.gateway->registerTruth(message, Cause::Network, u"unknown_host"_s, region);
            const qint64 id = h.post(networkReport(u"r-%1-%2"_s.arg(region).arg(i), message, region));
            QVERIFY(id > 0);
            tickets << id;
            messages << message;
        }
    }
    // Every report is in; the dispatcher fills both regions up to the bound and no further.
    QVERIFY2(QTest::qWaitFor([&] { return h.gateway->inFlight() >= 2 * kBound; }, 30000),
             qPrintable(u"in flight at the gateway: %1 (max %2, cn-north %3, cn-east %4)"_s.arg(h.gateway->inFlight())
                            .arg(h.gateway->maxInFlight()).arg(h.gateway->maxInFlight(u"cn-north"_s))
                            .arg(h.gateway->maxInFlight(u"cn-east"_s))));
    QTest::qWait(300); // room for a request beyond the bound to arrive, were one sent
    QCOMPARE(h.gateway->inFlight(), 2 * kBound);
    QCOMPARE(h.gateway->maxInFlight(u"cn-north"_s), kBound);
    QCOMPARE(h.gateway->maxInFlight(u"cn-east"_s), kBound);
    QVERIFY(h.gateway->maxInFlight() > 6); // more than one QNetworkAccessManager's connections to a host

    // Released (and answering at once from now on): everything drains, within the bound, exactly once.
    h.gateway->setHoldAnswers(false);
    for (const qint64 id : tickets)
        QCOMPARE(h.waitForStatus(id, u"resolved_auto"_s, 30000), u"resolved_auto"_s);
    QCOMPARE(h.gateway->maxInFlight(u"cn-north"_s), kBound);
    QCOMPARE(h.gateway->maxInFlight(u"cn-east"_s), kBound);
    for (const QString &message : messages) {
        QCOMPARE(h.gateway->deliveriesForMessage(message), 1);
        QCOMPARE(h.gateway->attemptsForMessage(message), 1);
    }
    QCOMPARE(h.gateway->duplicatesSuppressed(), 0);
}

QTEST_GUILESS_MAIN(TestServerOutboxConcurrency)
#include "tst_server_outbox_concurrency.moc"

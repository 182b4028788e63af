// Metrics rollups against the raw rows, through the real API: reports of every kind (tier 1 resends and
// reroutes through the in-process gateway, escalations), then agents' claim, reply, note, resend, reroute,
// transfer, release, resolve, CSAT answer, reopen and resolve again. After each phase every series is fetched
// from the service (rollups) and from a reference service on the same database that computes from the raw rows
// (MetricsReference), for whole-minute, hourly and daily buckets, for ends cut at event times (the minute the
// rollups complete from raw rows), for ranges the rollups do not cover, and for "now" at an SLA deadline; the
// rows the writers kept must equal a rebuild from scratch; an upgrade from v7 backfills; the response-time
// histogram's bins. No timing is asserted.
#include "MetricsCompare.h"
#include "TriageHarness.h"

#include "core/JsonReader.h"
#include "server/MetricsFacts.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using relaydesk::Role;
using namespace relaydesk::server;

namespace {

constexpr qint64 kMin = 60'000;
constexpr qint64 kHour = 60 * kMin;
const QString kBob = u"bob"_s;
const QString kPassword = u"bob's long password"_s;

qint64 floorTo(qint64 at, qint64 grain)
{
    return at - at % grain;
}

QJsonObject withApp(QJsonObject report, const QString &version)
{
    QJsonObject device = report.value("device"_L1).toObject();
    device.insert("app_version"_L1, version);
    report.insert("device"_L1, device);
    return report;
}

} // namespace

class TestServerMetricsRollups final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void histogramBinsAreNarrow();
    void rollupsMatchTheRawRowsThroughTheApi();
    void upgradeBackfillsTheRollups();

private:
    HttpResult act(qint64 id, const QString &verb, const QJsonObject &body = {}, const QString &token = {});
    bool waitForOutcome(qint64 id, qint64 actionId);
    QString surveyToken(qint64 id);
    QList<qint64> column(const QString &sql);
    // Every comparison of one phase; empty when all agree.
    QString compareAll();

    std::unique_ptr<TriageHarness> h;
    MetricsReference reference;
    std::shared_ptr<std::atomic<qint64>> m_now;
    SlaTargets m_sla;
    QString bob;
    int m_keys = 0;
    int m_compared = 0;
};

void TestServerMetricsRollups::init()
{
    m_now = std::make_shared<std::atomic<qint64>>(0);
    // Targets of seconds, so that deadlines fall among the events and on both sides of "now".
    m_sla.firstResponseMs = 1500;
    m_sla.resolutionMs = 6000;
    h = std::make_unique<TriageHarness>();
    h->fixture.options.sla = m_sla;
    h->fixture.options.clock = [now = m_now] {
        const qint64 v = now->load();
        return v != 0 ? v : QDateTime::currentMSecsSinceEpoch();
    };
    QString error;
    QVERIFY2(h->start(&error), qPrintable(error));
    QVERIFY2(h->fixture.service->addUser(kBob, Role::Agent, kPassword, &error), qPrintable(error));
    bob = h->client->login(kBob, kPassword);
    QVERIFY(!bob.isEmpty());
    QVERIFY2(reference.start(h->fixture.options, ServiceFixture::kUser, ServiceFixture::kPassword, &error),
             qPrintable(error));
}

void TestServerMetricsRollups::cleanup()
{
    reference = {};
    h.reset();
}

HttpResult TestServerMetricsRollups::act(qint64 id, const QString &verb, const QJsonObject &body,
                                         const QString &token)
{
    return h->client->send("POST", u"/api/v1/tickets/%1/%2"_s.arg(id).arg(verb), toJson(body),
                           token.isEmpty() ? h->token : token,
                           {{"Content-Type", "application/json"},
                            {"Idempotency-Key", u"k%1"_s.arg(++m_keys).toLatin1()}});
}

bool TestServerMetricsRollups::waitForOutcome(qint64 id, qint64 actionId)
{
    return QTest::qWaitFor(
        [&] {
            for (const QJsonValue &v : h->events(id)) {
                const QJsonObject e = v.toObject();
                if (e.value("kind"_L1).toString() == "action_outcome"_L1 &&
                    e.value("detail"_L1).toObject().value("action_id"_L1).toInteger() == actionId)
                    return true;
            }
            return false;
        },
        20000);
}

QString TestServerMetricsRollups::surveyToken(qint64 id)
{
    static const QRegularExpression link(u"/api/v1/surveys/([A-Za-z0-9_-]+)"_s);
    QString token;
    [[maybe_unused]] const bool sent = QTest::qWaitFor(
        [&] {
            for (const QJsonObject &n : h->gateway->deliveredNotices()) {
                if (n.value("ticket_id"_L1).toInteger() == id && n.value("purpose"_L1).toString() == "csat_survey"_L1)
                    token = link.match(n.value("body"_L1).toString()).captured(1);
            }
            return !token.isEmpty();
        },
        20000);
    return token;
}

QList<qint64> TestServerMetricsRollups::column(const QString &sql)
{
    QList<qint64> values;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"rollup-inspect"_s);
        db.setDatabaseName(h->fixture.dbPath());
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql)) {
                while (q.next())
                    values.append(q.value(0).toLongLong());
            }
        }
    }
    QSqlDatabase::removeDatabase(u"rollup-inspect"_s);
    return values;
}

QString TestServerMetricsRollups::compareAll()
{
    // Nothing may change the rows while both sides read them: every gateway effect (replies, survey notices,
    // resends) is settled first.
    const auto settled = [&] {
        return column(u"SELECT COUNT(*) FROM outbox WHERE state = 'pending'"_s) == QList<qint64>{0};
    };
    if (!QTest::qWaitFor(settled, 20000))
        return u"the outbox did not settle"_s;
    const QList<qint64> times = column(u"SELECT DISTINCT at FROM ticket_events ORDER BY at"_s);
    const QList<qint64> reported = column(u"SELECT created_at FROM tickets ORDER BY created_at"_s);
    if (times.isEmpty() || reported.isEmpty())
        return u"no events"_s;
    const qint64 first = reported.constFirst();
    const qint64 last = times.constLast();
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    const qint64 minuteFrom = floorTo(first, kMin) - 2 * kMin;
    const qint64 minuteTo = floorTo(last, kMin) + 3 * kMin;

    struct Range
    {
        qint64 from, to;
        QString bucket;
    };
    QList<Range> ranges{{minuteFrom, minuteTo, u"1m"_s},
                        {minuteFrom, minuteTo + 7 * kMin, u"10m"_s},
                        {floorTo(first, kHour) - kHour, floorTo(last, kHour) + 2 * kHour, u"1h"_s},
                        {floorTo(first, kHour) - 24 * kHour, floorTo(last, kHour) + 24 * kHour, u"4h"_s},
                        {floorTo(first, 24 * kHour), floorTo(first, 24 * kHour) + 2 * 24 * kHour, u"1d"_s},
                        // not whole minutes: computed from the raw rows by both
                        {first + 17, last + 5 * kMin, u"60s"_s},
                        {minuteFrom, minuteTo, u"90s"_s}};
    // Ends cut at event times, just before and just after (the last minute comes from the raw rows), at
    // most 24 of them, evenly spread.
    const qsizetype step = qMax<qsizetype>(1, times.size() / 8);
    for (qsizetype i = 0; i < times.size(); i += step) {
        for (const qint64 end : {times.at(i), times.at(i) + 1})
            ranges.append({minuteFrom, qMax(end, minuteFrom + 1), u"1m"_s});
    }
    // "now": the wall clock, at a first-response deadline exactly (not yet a breach) and just after it, and
    // amid the events.
    const QList<qint64> nows{wall, first + m_sla.firstResponseMs, first + m_sla.firstResponseMs + 1,
                             reported.constLast() + m_sla.resolutionMs, times.at(times.size() / 2)};
    for (const qint64 now : nows) {
        m_now->store(now);
        for (const Range &r : std::as_const(ranges)) {
            const QString difference = reference.compare(*h->client, h->token, r.from, r.to, r.bucket);
            ++m_compared;
            if (!difference.isEmpty())
                return u"now %1: %2"_s.arg(now).arg(difference);
        }
    }
    m_now->store(0);
    return rollupsMatchRebuild(h->fixture.dbPath(), m_sla);
}

void TestServerMetricsRollups::histogramBinsAreNarrow()
{
    // Every value lies in its bin, bins are at most 1/32 of their lower bound wide (exact below 64 ms), and
    // the bin order is the value order.
    QRandomGenerator random(16);
    QList<qint64> values{0, 1, 63, 64, 65, 127, 128, 129, 1000, 59'999, 60'000, 3'600'000, 86'400'000};
    for (int i = 0; i < 2000; ++i)
        values.append(qint64(random.bounded(quint64(1) << (1 + i % 40))));
    std::sort(values.begin(), values.end());
    int previous = -1;
    for (const qint64 v : std::as_const(values)) {
        const int bin = MetricsFacts::binOf(v);
        QVERIFY2(MetricsFacts::binLow(bin) <= v && v <= MetricsFacts::binHigh(bin), qPrintable(QString::number(v)));
        const qint64 width = MetricsFacts::binHigh(bin) - MetricsFacts::binLow(bin) + 1;
        QVERIFY(v < 64 ? width == 1 : width * 32 <= MetricsFacts::binLow(bin));
        QVERIFY(bin >= previous);
        previous = bin;
    }
    // One value per bin: the percentiles are exact; several: the bin's mean.
    QList<MetricsFacts::Bin> bins;
    QList<qint64> exact;
    for (const qint64 v : {40LL, 4 * kMin, 17 * kMin, 40 * kMin, 3 * kHour}) {
        bins.append({MetricsFacts::binOf(v), 1, v});
        exact.append(v);
    }
    const Percentiles p = MetricsFacts::percentiles(bins);
    const Percentiles q = MetricsCalculator::percentiles(exact);
    QCOMPARE(p.count, q.count);
    QCOMPARE(p.p50, q.p50);
    QCOMPARE(p.p90, q.p90);
    QCOMPARE(p.p95, q.p95);
    QCOMPARE(MetricsFacts::percentiles({{MetricsFacts::binOf(100'000), 2, 100'000 + 100'100}}).p50, 100'050);
}

void TestServerMetricsRollups::rollupsMatchTheRawRowsThroughTheApi()
{
    // Intake: tier 1 resends network failures, reroutes or escalates server errors, escalates the unknown.
    const QList<QJsonObject> reports{
        withApp(networkReport(u"r-n1"_s, u"m-n1"_s, u"cn-north"_s), u"8.4.1"_s),
        withApp(networkReport(u"r-n2"_s, u"m-n2"_s, u"cn-east"_s), u"8.4.0"_s),
        withApp(networkReport(u"r-n3"_s, u"m-n3"_s, u"eu-west"_s), u"8.4.1"_s),
        reportWith(u"r-s1"_s, u"m-s1"_s, 503, u"SERVICE_UNAVAILABLE"_s, u"en-GB"_s, u"cn-north"_s),
        reportWith(u"r-p1"_s, u"m-p1"_s, 413, u"M_TOO_LARGE"_s, u"en-GB"_s, u"eu-west"_s),
        reportWith(u"r-u1"_s, u"m-u1"_s, 0, u"SomethingNobodyKnows"_s, u"zh_CN"_s, u"cn-east"_s),
        reportWith(u"r-u2"_s, u"m-u2"_s, 0, u"AnotherMystery"_s, u"en-GB"_s, u"cn-north"_s),
        reportWith(u"r-u3"_s, u"m-u3"_s, 0, u"StillUnknown"_s, u"en-GB"_s, u"eu-west"_s),
        reportWith(u"r-u4"_s, u"m-u4"_s, 0, u"NoIdea"_s, u"zh_CN"_s, u"cn-north"_s),
    };
    QList<qint64> ids;
    for (const QJsonObject &r : reports) {
        const qint64 id = h->post(r);
        QVERIFY(id > 0);
        ids.append(id);
    }
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::none_of(ids.begin(), ids.end(), [&](qint64 id) {
                return h->ticket(id).value("status"_L1).toString() == "auto_handling"_L1;
            });
        },
        30000));
    QString difference = compareAll();
    QVERIFY2(difference.isEmpty(), qPrintable(u"after intake: "_s + difference));

    QList<qint64> escalated;
    for (const qint64 id : std::as_const(ids)) {
        if (h->ticket(id).value("status"_L1).toString() == "escalated"_L1)
            escalated.append(id);
    }
    QVERIFY2(escalated.size() >= 4, qPrintable(QString::number(escalated.size())));

    // One ticket through reply, resolve, CSAT, reopen and a second resolve.
    const qint64 a = escalated.at(0);
    QCOMPARE(act(a, u"claim"_s).status, 200);
    QCOMPARE(act(a, u"reply"_s, {{"locale"_L1, "en-GB"_L1}, {"title"_L1, "Hi"_L1}, {"body"_L1, "Try again"_L1}})
                 .status,
             202);
    QCOMPARE(act(a, u"resolve"_s, {{"resolution"_L1, "replied"_L1}}).status, 200);
    const QString token = surveyToken(a);
    QVERIFY(!token.isEmpty());
    QCOMPARE(h->client
                 ->send("POST", u"/api/v1/surveys/%1"_s.arg(token), toJson(QJsonObject{{"score"_L1, 4}}), {},
                        {{"Content-Type", "application/json"}})
                 .status,
             201);
    QCOMPARE(act(a, u"reopen"_s, {{"reason"_L1, "still broken"_L1}}).status, 200);
    // Resend, note, transfer to bob.
    const qint64 b = escalated.at(1);
    QCOMPARE(act(b, u"claim"_s).status, 200);
    HttpResult r = act(b, u"resend"_s);
    QCOMPARE(r.status, 202);
    QVERIFY(waitForOutcome(b, r.json.value("action_id"_L1).toInteger()));
    QCOMPARE(act(b, u"note"_s, {{"text"_L1, "resent once"_L1}}).status, 200);
    QCOMPARE(act(b, u"transfer"_s, {{"assignee"_L1, kBob}}).status, 200);
    // Reroute, then release.
    const qint64 c = escalated.at(2);
    QCOMPARE(act(c, u"claim"_s).status, 200);
    r = act(c, u"reroute"_s, {{"region"_L1, "cn-east"_L1}});
    QCOMPARE(r.status, 202);
    QVERIFY(waitForOutcome(c, r.json.value("action_id"_L1).toInteger()));
    QCOMPARE(act(c, u"release"_s).status, 200);
    // Bob claims and resolves one.
    const qint64 d = escalated.at(3);
    QCOMPARE(act(d, u"claim"_s, {}, bob).status, 200);
    QCOMPARE(act(d, u"resolve"_s, {{"resolution"_L1, "no_action"_L1}}, bob).status, 200);
    difference = compareAll();
    QVERIFY2(difference.isEmpty(), qPrintable(u"after actions: "_s + difference));

    // The reopened ticket resolved again, bob resolves the transferred one; a late report.
    QCOMPARE(act(a, u"claim"_s).status, 200);
    QCOMPARE(act(a, u"resolve"_s, {{"resolution"_L1, "engineering"_L1}}).status, 200);
    QCOMPARE(act(b, u"resolve"_s, {{"resolution"_L1, "resent"_L1}}, bob).status, 200);
    QVERIFY(h->post(reportWith(u"r-late"_s, u"m-late"_s, 0, u"LateMystery"_s, u"en-GB"_s, u"cn-east"_s)) > 0);
    difference = compareAll();
    QVERIFY2(difference.isEmpty(), qPrintable(u"after the second resolve: "_s + difference));
    QVERIFY(m_compared > 300);
}

void TestServerMetricsRollups::upgradeBackfillsTheRollups()
{
    // Tickets stored by a service, then the database put back to schema version 7 (no rollups): the next start
    // migrates to 8 and builds the rollups from the rows, equal to what the writers would have kept.
    for (int i = 0; i < 6; ++i)
        QVERIFY(h->post(reportWith(u"r-old-%1"_s.arg(i), u"m-old-%1"_s.arg(i), 0, u"Mystery%1"_s.arg(i),
                                   u"en-GB"_s, i % 2 ? u"cn-east"_s : u"eu-west"_s)) > 0);
    QCOMPARE(act(1, u"claim"_s).status, 200);
    QCOMPARE(act(1, u"resolve"_s, {{"resolution"_L1, "no_action"_L1}}).status, 200);
    const QString kept = rollupsMatchRebuild(h->fixture.dbPath(), m_sla);
    QVERIFY2(kept.isEmpty(), qPrintable(kept));
    reference = {};
    h->fixture.service.reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
        db.setDatabaseName(h->fixture.dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &sql : {u"DROP TABLE metric_rollups"_s, u"DROP TABLE metric_histograms"_s, u"DROP TABLE metric_rollup_targets"_s,
                                   u"DROP INDEX ticket_events_at"_s, u"DROP INDEX tickets_status"_s,
                                   u"DELETE FROM schema_version WHERE version > 7"_s})
            QVERIFY2(q.exec(sql), qPrintable(sql));
    }
    QSqlDatabase::removeDatabase(u"downgrade"_s);
    h->fixture.service = std::make_unique<Service>(h->fixture.options);
    QString error;
    QVERIFY2(h->fixture.service->start(&error), qPrintable(error));
    const QString rebuilt = rollupsMatchRebuild(h->fixture.dbPath(), m_sla);
    QVERIFY2(rebuilt.isEmpty(), qPrintable(rebuilt));
    QCOMPARE(column(u"SELECT SUM(n) FROM metric_rollups WHERE grain = 60000 AND series = 'inflow'"_s),
             QList<qint64>{6});
    TestClient client(h->fixture.service->baseUrl());
    const QString token = client.login(ServiceFixture::kUser, ServiceFixture::kPassword);
    QVERIFY2(reference.start(h->fixture.options, ServiceFixture::kUser, ServiceFixture::kPassword, &error),
             qPrintable(error));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString difference =
        reference.compare(client, token, floorTo(now, kHour) - kHour, floorTo(now, kHour) + kHour, u"1m"_s);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

QTEST_GUILESS_MAIN(TestServerMetricsRollups)
#include "tst_server_metrics_rollups.moc"

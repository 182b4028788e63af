// The dashboard's data layer against a real Service on 127.0.0.1 fed with hand-made reports and telemetry:
// every metrics answer decodes into series with the exact counts that went in; malformed answers are refused
// with the offending field named; the feed's ranges, throttle and CSV; alerts and incidents decode.
#include "models/AlertModel.h"
#include "models/ApiClient.h"
#include "models/IncidentModel.h"
#include "models/MetricsFeed.h"
#include "models/MetricsFrame.h"
#include "core/JsonReader.h"

#include "ServiceFixture.h"
#include "TestClient.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace relaydesk;
using namespace relaydesk::models;
using namespace Qt::StringLiterals;

namespace {
constexpr int kReports = 5;
constexpr qint64 kMinuteMs = 60'000;
constexpr int kTelemetryMinutes = 10;

QString rfc3339(qint64 ms)
{
    return formatRfc3339(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}
} // namespace

class TestMetricsModels final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void windowsKeepChartsSmall();
    void everyMetricDecodesWithTheCountsThatWentIn();
    void deliveryRatesAreExact();
    void malformedAnswersNameTheField();
    void realAnswerMutatedIsRefusedWithItsPath();
    void csvHasHeaderAndOneRowPerBucket();
    void changeNoticesAreThrottledIntoOneRound();
    void rangeChangeRefetchesWithTheNewBucket();
    void incidentsAndAlertsDecode();

private:
    std::optional<MetricsFrame> fetch(Metric metric);

    ServiceFixture m_fixture;
    std::unique_ptr<TestClient> m_http;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_api;
    qint64 m_firstMinute = 0; // the oldest telemetry minute posted
};

void TestMetricsModels::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    m_http = std::make_unique<TestClient>(m_fixture.service->baseUrl());
    for (int i = 0; i < kReports; ++i) {
        const HttpResult r = m_http->postReport(sampleReport(u"metrics-%1"_s.arg(i)), m_fixture.clientKey);
        QCOMPARE(r.status, 202);
    }
    // Ten minutes of telemetry: eu-west sends 100 a minute and fails i of them in minute i; cn-north 200/20.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_firstMinute = (now / kMinuteMs - kTelemetryMinutes) * kMinuteMs;
    QJsonArray minutes;
    for (int i = 0; i < kTelemetryMinutes; ++i) {
        const QString at = rfc3339(m_firstMinute + i * kMinuteMs);
        minutes.append(QJsonObject{{"at"_L1, at}, {"region"_L1, u"eu-west"_s}, {"sent"_L1, 100}, {"failed"_L1, i}});
        minutes.append(QJsonObject{{"at"_L1, at}, {"region"_L1, u"cn-north"_s}, {"sent"_L1, 200}, {"failed"_L1, 20}});
    }
    const HttpResult posted = m_http->post(u"/api/v1/telemetry"_s, toJson({{"minutes"_L1, minutes}}), m_fixture.clientKey);
    QVERIFY2(posted.status == 202, posted.body.constData());

    m_api = std::make_unique<ApiClient>(&m_nam, m_fixture.service->baseUrl());
    m_api->setToken(m_http->login(ServiceFixture::kUser, ServiceFixture::kPassword));
    QVERIFY(!m_api->token().isEmpty());
}

std::optional<MetricsFrame> TestMetricsModels::fetch(Metric metric)
{
    MetricsFeed feed(m_api.get());
    feed.setMetrics({metric});
    feed.setRange(MetricsFeed::Range::Hour);
    QSignalSpy failed(&feed, &MetricsFeed::frameFailed);
    if (!QTest::qWaitFor([&] { return feed.frame(metric).has_value() || failed.count() > 0; }, 20000))
        return std::nullopt;
    if (failed.count() > 0)
        qWarning() << "metric failed:" << failed.first().at(1).toString();
    return feed.frame(metric);
}

void TestMetricsModels::windowsKeepChartsSmall()
{
    const qint64 now = QDateTime(QDate(2026, 3, 17), QTime(16, 14, 2), Qt::UTC).toMSecsSinceEpoch();
    const std::pair<MetricsFeed::Range, int> expected[] = {{MetricsFeed::Range::Hour, 60},
                                                           {MetricsFeed::Range::Day, 144},
                                                           {MetricsFeed::Range::Week, 168},
                                                           {MetricsFeed::Range::Month, 180}};
    for (const auto &[range, buckets] : expected) {
        const MetricsWindow w = MetricsFeed::window(range, now);
        QCOMPARE(w.buckets(), buckets);
        QVERIFY(w.buckets() <= 200);
        QCOMPARE(w.toMs % (w.bucketSeconds * 1000), 0); // buckets line up with the clock
        QVERIFY(w.toMs > now && w.toMs - now <= w.bucketSeconds * 1000); // the bucket holding now is the last
    }
}

void TestMetricsModels::everyMetricDecodesWithTheCountsThatWentIn()
{
    for (int i = 0; i < int(Metric::Count); ++i) {
        const Metric metric = Metric(i);
        const auto frame = fetch(metric);
        QVERIFY2(frame.has_value(), qPrintable(metricPath(metric)));
        QCOMPARE(frame->starts.size(), 60);
        QCOMPARE(frame->bucketSeconds, 60);
        for (const MetricSeries &s : frame->series)
            QCOMPARE(s.values.size(), frame->starts.size());
    }
    const auto flow = fetch(Metric::Flow);
    QCOMPARE(flow->find(u"all"_s, u"inflow"_s)->total(), double(kReports));
    const auto causes = fetch(Metric::Causes);
    QVERIFY(causes->find(u"server"_s)); // HTTP 503: a server cause
    QCOMPARE(causes->find(u"server"_s)->total(), double(kReports));
    QCOMPARE(causes->find(u"all"_s, u"total"_s)->total(), double(kReports));
    const auto regions = fetch(Metric::Regions);
    QCOMPARE(regions->find(u"cn-north"_s)->total(), double(kReports));
    const auto versions = fetch(Metric::AppVersions);
    QCOMPARE(versions->find(u"8.4.1"_s)->total(), double(kReports));
    // Without a gateway every report is escalated: the last bucket's queue holds all of them.
    const auto queue = fetch(Metric::Queue);
    QCOMPARE(queue->find(u"escalated"_s)->values.last(), double(kReports));
    QCOMPARE(queue->find(u"all"_s, u"total"_s)->values.last(), double(kReports));
    // Nobody responded or answered a survey: percentiles are null (NaN), counts 0.
    const auto response = fetch(Metric::Response);
    QCOMPARE(response->find(u"first_response"_s, u"count"_s)->total(), 0.0);
    QVERIFY(std::isnan(response->find(u"resolution"_s, u"p90_ms"_s)->values.first()));
    const auto csat = fetch(Metric::Csat);
    QCOMPARE(csat->find(u"all"_s, u"count"_s)->total(), 0.0);
    QVERIFY(!csat->hasData());
    const auto sla = fetch(Metric::Sla);
    QCOMPARE(sla->current.size(), 2);
    QCOMPARE(sla->current.at(0).first, u"first_response_minutes"_s);
    QVERIFY(sla->current.at(0).second > 0);
}

void TestMetricsModels::deliveryRatesAreExact()
{
    const auto frame = fetch(Metric::Delivery);
    QVERIFY(frame.has_value());
    QCOMPARE(frame->resolution, u"minute"_s);
    const MetricSeries *sent = frame->find(u"eu-west"_s, u"sent"_s);
    const MetricSeries *failed = frame->find(u"eu-west"_s, u"failed"_s);
    const MetricSeries *rate = frame->find(u"eu-west"_s, u"success_rate"_s);
    QVERIFY(sent && failed && rate);
    QCOMPARE(sent->total(), 100.0 * kTelemetryMinutes);
    QCOMPARE(failed->total(), double(kTelemetryMinutes * (kTelemetryMinutes - 1) / 2));
    QCOMPARE(frame->find(u"cn-north"_s, u"sent"_s)->total(), 200.0 * kTelemetryMinutes);
    int checked = 0;
    for (int i = 0; i < frame->starts.size(); ++i) {
        const qint64 minute = (frame->starts.at(i) - m_firstMinute) / kMinuteMs;
        if (frame->starts.at(i) < m_firstMinute || minute >= kTelemetryMinutes) {
            QVERIFY(std::isnan(rate->values.at(i))); // nothing sent: no rate, not 0 %
            continue;
        }
        QCOMPARE(sent->values.at(i), 100.0);
        QCOMPARE(failed->values.at(i), double(minute));
        QCOMPARE(rate->values.at(i), (100.0 - double(minute)) / 100.0);
        const MetricSeries *all = frame->find(u"all"_s, u"success_rate"_s);
        QCOMPARE(all->values.at(i), (300.0 - double(minute) - 20.0) / 300.0);
        ++checked;
    }
    QCOMPARE(checked, kTelemetryMinutes);
}

void TestMetricsModels::malformedAnswersNameTheField()
{
    const auto bucket = [](const QString &start, const QJsonObject &extra) {
        QJsonObject b = extra;
        b.insert("start"_L1, start);
        return b;
    };
    const QJsonObject head{{"from"_L1, u"2026-03-17T16:00:00Z"_s}, {"to"_L1, u"2026-03-17T16:02:00Z"_s}, {"bucket_seconds"_L1, 60}};
    const auto with = [&head](QJsonArray buckets, const QJsonObject &more = {}) {
        QJsonObject o = head;
        o.insert("buckets"_L1, buckets);
        for (auto it = more.begin(); it != more.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    const QString t0 = u"2026-03-17T16:00:00Z"_s, t1 = u"2026-03-17T16:01:00Z"_s;
    const QJsonObject states{{"states"_L1, QJsonArray{u"escalated"_s}}};

    const auto good = decodeMetrics(Metric::Queue, with({bucket(t0, {{"depth"_L1, QJsonObject{{"escalated"_L1, 2}}}, {"total"_L1, 2}}),
                                                         bucket(t1, {{"depth"_L1, QJsonObject{{"escalated"_L1, 3}}}, {"total"_L1, 3}})},
                                                        states));
    QVERIFY2(good.ok(), qPrintable(good.error().toString()));
    QCOMPARE(good.value().find(u"escalated"_s)->values, (QList<double>{2, 3}));

    struct Case
    {
        Metric metric;
        QJsonObject json;
        QString path;
    };
    const Case cases[] = {
        {Metric::Queue,
         with({bucket(t0, {{"depth"_L1, QJsonObject{{"escalated"_L1, 2}}}, {"total"_L1, 2}}),
               bucket(t1, {{"depth"_L1, QJsonObject{{"escalated"_L1, -1}}}, {"total"_L1, 3}})},
              states),
         u"buckets[1].depth.escalated"_s},
        {Metric::Queue, with({bucket(t0, {{"total"_L1, 2}})}, states), u"buckets[0].depth"_s},
        {Metric::Flow, with({bucket(t0, {{"inflow"_L1, 1.5}, {"outflow"_L1, 0}, {"reopened"_L1, 0}})}), u"buckets[0].inflow"_s},
        {Metric::Flow, with({QJsonObject{{"inflow"_L1, 1}}}), u"buckets[0].start"_s},
        {Metric::Flow, with({bucket(t1, {{"inflow"_L1, 1}, {"outflow"_L1, 0}, {"reopened"_L1, 0}}),
                             bucket(t0, {{"inflow"_L1, 1}, {"outflow"_L1, 0}, {"reopened"_L1, 0}})}),
         u"buckets[1].start"_s},
        {Metric::Delivery,
         with({bucket(t0, {{"regions"_L1, QJsonObject{{"eu-west"_L1, QJsonObject{{"sent"_L1, 10}, {"failed"_L1, 1}, {"success_rate"_L1, 1.5}}}}},
                           {"sent"_L1, 10}, {"failed"_L1, 1}, {"success_rate"_L1, 0.9}})},
              {{"regions"_L1, QJsonArray{u"eu-west"_s}}}),
         u"buckets[0].regions.eu-west.success_rate"_s},
        {Metric::Delivery,
         with({bucket(t0, {{"regions"_L1, QJsonObject{{"eu-west"_L1, QJsonObject{{"sent"_L1, 1}, {"failed"_L1, 2}, {"success_rate"_L1, 0}}}}},
                           {"sent"_L1, 1}, {"failed"_L1, 2}, {"success_rate"_L1, 0}})},
              {{"regions"_L1, QJsonArray{u"eu-west"_s}}}),
         u"buckets[0].regions.eu-west.failed"_s},
        {Metric::Csat,
         with({bucket(t0, {{"count"_L1, 1}, {"mean"_L1, 9}, {"scores"_L1, QJsonObject{{"1"_L1, 0}, {"2"_L1, 0}, {"3"_L1, 0}, {"4"_L1, 0}, {"5"_L1, 1}}}})}),
         u"buckets[0].mean"_s},
        {Metric::Csat, with({bucket(t0, {{"count"_L1, 1}, {"mean"_L1, 5}, {"scores"_L1, QJsonObject{{"1"_L1, 0}}}})}),
         u"buckets[0].scores.2"_s},
        {Metric::Agents,
         with({bucket(t0, {}), bucket(t1, {})},
              {{"agents"_L1, QJsonArray{QJsonObject{{"username"_L1, u"alice"_s}, {"open_claimed"_L1, 1},
                                                    {"actions"_L1, QJsonArray{1}}, {"resolved"_L1, QJsonArray{0, 0}}}}}}),
         u"agents[0].actions"_s},
        {Metric::Agents, with({bucket(t0, {})}, {{"agents"_L1, QJsonArray{QJsonObject{{"open_claimed"_L1, 1}}}}}),
         u"agents[0].username"_s},
        {Metric::Sla, with({bucket(t0, {{"first_response_breaches"_L1, 0}, {"resolution_breaches"_L1, 0}})}), u"targets"_s},
        {Metric::Causes, with({bucket(t0, {{"counts"_L1, QJsonObject{}}, {"total"_L1, 0}})}), u"keys"_s},
        {Metric::Response, with({bucket(t0, {{"first_response"_L1, QJsonObject{{"count"_L1, 1}, {"p50_ms"_L1, -5}, {"p90_ms"_L1, 1}, {"p95_ms"_L1, 1}}},
                                             {"resolution"_L1, QJsonObject{{"count"_L1, 0}, {"p50_ms"_L1, QJsonValue()}, {"p90_ms"_L1, QJsonValue()}, {"p95_ms"_L1, QJsonValue()}}}})}),
         u"buckets[0].first_response.p50_ms"_s},
    };
    for (const Case &c : cases) {
        const auto decoded = decodeMetrics(c.metric, c.json);
        QVERIFY2(!decoded.ok(), qPrintable(c.path));
        QCOMPARE(decoded.error().path, c.path);
        QVERIFY(!decoded.error().message.isEmpty());
    }
    QJsonObject noFrom = with({});
    noFrom.remove("from"_L1);
    QCOMPARE(decodeMetrics(Metric::Flow, noFrom).error().path, u"from"_s);
}

void TestMetricsModels::realAnswerMutatedIsRefusedWithItsPath()
{
    std::optional<ApiResult<QJsonObject>> answer;
    const MetricsWindow w = MetricsFeed::window(MetricsFeed::Range::Hour, QDateTime::currentMSecsSinceEpoch());
    m_api->getObject(u"/metrics/delivery"_s,
                     {{u"from"_s, rfc3339(w.fromMs)}, {u"to"_s, rfc3339(w.toMs)}, {u"bucket"_s, u"60"_s}},
                     [&answer](ApiResult<QJsonObject> r) { answer = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000);
    QVERIFY(answer->ok());
    QVERIFY(decodeMetrics(Metric::Delivery, *answer->value).ok());
    QJsonObject json = *answer->value;
    QJsonArray buckets = json.value("buckets"_L1).toArray();
    QJsonObject b7 = buckets.at(7).toObject();
    b7.insert("sent"_L1, u"many"_s);
    buckets.replace(7, b7);
    json.insert("buckets"_L1, buckets);
    const auto refused = decodeMetrics(Metric::Delivery, json);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().path, u"buckets[7].sent"_s);

    // Through the feed, the same failure arrives as a translated message naming the field.
    MetricsFeed feed(m_api.get());
    feed.setMetrics({Metric::Flow});
    QSignalSpy ready(&feed, &MetricsFeed::frameReady);
    QSignalSpy finished(&feed, &MetricsFeed::roundFinished);
    feed.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(ready.count(), 1);
}

void TestMetricsModels::csvHasHeaderAndOneRowPerBucket()
{
    const auto flow = fetch(Metric::Flow);
    QVERIFY(flow.has_value());
    const QList<QByteArray> lines = metricsCsv(*flow).split('\n');
    QCOMPARE(lines.first(), QByteArray("bucket_start,all:inflow,all:outflow,all:reopened"));
    QCOMPARE(lines.size(), flow->starts.size() + 2); // header, rows, the empty string after the last newline
    QVERIFY(lines.last().isEmpty());
    int inflow = 0;
    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        const QList<QByteArray> cells = lines.at(i).split(',');
        QCOMPARE(cells.size(), 4);
        QCOMPARE(parseRfc3339(QString::fromLatin1(cells.at(0)))->toMSecsSinceEpoch(), flow->starts.at(i - 1));
        inflow += cells.at(1).toInt();
    }
    QCOMPARE(inflow, kReports);
    // Null values are empty cells.
    const auto response = fetch(Metric::Response);
    const QList<QByteArray> rows = metricsCsv(*response).split('\n');
    QCOMPARE(rows.at(0), QByteArray("bucket_start,first_response:count,first_response:p50_ms,first_response:p90_ms,"
                                    "first_response:p95_ms,resolution:count,resolution:p50_ms,resolution:p90_ms,"
                                    "resolution:p95_ms"));
    QVERIFY(rows.at(1).endsWith(",0,,,,0,,,"));
}

void TestMetricsModels::changeNoticesAreThrottledIntoOneRound()
{
    MetricsFeed feed(m_api.get());
    feed.setMetrics({Metric::Flow});
    feed.setThrottleInterval(200);
    QSignalSpy started(&feed, &MetricsFeed::roundStarted);
    QSignalSpy finished(&feed, &MetricsFeed::roundFinished);
    feed.requestRefresh(); // inactive (dashboard hidden): nothing
    QTest::qWait(300);
    QCOMPARE(started.count(), 0);
    feed.setActive(true);
    for (int i = 0; i < 10; ++i)
        feed.requestRefresh(); // a burst of ticket changes
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QTest::qWait(400);
    QCOMPARE(started.count(), 1);
    feed.setActive(false);
}

void TestMetricsModels::rangeChangeRefetchesWithTheNewBucket()
{
    MetricsFeed feed(m_api.get());
    feed.setMetrics({Metric::Flow, Metric::Delivery});
    QSignalSpy finished(&feed, &MetricsFeed::roundFinished);
    feed.setRange(MetricsFeed::Range::Hour);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(feed.frame(Metric::Flow)->bucketSeconds, 60);
    feed.setRange(MetricsFeed::Range::Week);
    QVERIFY(!feed.frame(Metric::Flow).has_value()); // the old range's frames are gone at once
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
    QCOMPARE(feed.frame(Metric::Flow)->bucketSeconds, 3600);
    QCOMPARE(feed.frame(Metric::Flow)->starts.size(), 168);
    QCOMPARE(feed.frame(Metric::Flow)->find(u"all"_s, u"inflow"_s)->total(), double(kReports));
    QCOMPARE(feed.frame(Metric::Delivery)->find(u"eu-west"_s, u"sent"_s)->total(), 100.0 * kTelemetryMinutes);
    QCOMPARE(feed.rounds(), 2);
}

void TestMetricsModels::incidentsAndAlertsDecode()
{
    IncidentModel incidents(m_api.get());
    QAbstractItemModelTester tester(&incidents);
    QSignalSpy loaded(&incidents, &IncidentModel::loaded);
    incidents.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QCOMPARE(incidents.rowCount(), 1); // five identical reports: one signature
    const IncidentInfo i = *incidents.incidentAt(0);
    QCOMPARE(i.ticketCount, kReports);
    QCOMPARE(i.openTicketIds.size(), kReports);
    QCOMPARE(i.cause, u"server"_s);
    QCOMPARE(i.region, u"cn-north"_s);
    QVERIFY(i.firstAt <= i.lastAt);
    QCOMPARE(incidents.index(0, IncidentModel::Region).data().toString(), u"cn-north"_s);

    QJsonObject bad = QJsonDocument::fromJson(R"({"id":"1-abc","state":"open","signature":"s","cause":"server",
        "ticket_count":1,"open_count":1,"first_at":"2026-03-17T16:00:00Z","last_at":"2026-03-17T16:00:00Z",
        "ticket_ids":[1, -2],"open_ticket_ids":[1]})").object();
    QCOMPARE(decodeIncident(bad).error().path, u"ticket_ids[1]"_s);

    // Alerts: none yet (ten minutes are no baseline), and the decoder's checks.
    AlertModel alerts(m_api.get());
    QAbstractItemModelTester alertTester(&alerts);
    QSignalSpy count(&alerts, &AlertModel::raisedCountChanged);
    alerts.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(alerts.isLoaded(), 20000);
    QCOMPARE(alerts.raisedCount(), 0);
    QJsonObject alert = QJsonDocument::fromJson(R"({"id":7,"kind":"delivery_drop","subject":"eu-west","state":"raised",
        "raised_at":"2026-03-17T16:00:00Z","acknowledged_by":null,"acknowledged_at":null,"resolved_at":null,
        "updated_at":"2026-03-17T16:00:00Z","detail":{"success_rate":0.71,"baseline":0.985,"sent":412,"failed":119}})").object();
    QSignalSpy raised(&alerts, &AlertModel::alertRaised);
    alerts.applyStreamMessage(u"alert.raised"_s, alert);
    QCOMPARE(raised.count(), 1);
    QCOMPARE(alerts.raisedCount(), 1);
    QCOMPARE(alerts.rowCount(), 1);
    QVERIFY(alerts.index(0, AlertModel::Detail).data().toString().contains(u"71.0"_s));
    alert.insert("state"_L1, u"resolved"_s);
    alert.insert("resolved_at"_L1, u"2026-03-17T16:09:00Z"_s);
    alert.insert("updated_at"_L1, u"2026-03-17T16:09:00Z"_s);
    alerts.applyStreamMessage(u"alert.changed"_s, alert);
    QCOMPARE(alerts.raisedCount(), 0);
    QCOMPARE(alerts.rowCount(), 0); // resolved: history only
    alerts.setShowHistory(true);
    QCOMPARE(alerts.rowCount(), 1);
    alert.insert("state"_L1, u"exploded"_s);
    QCOMPARE(decodeAlert(alert).error().path, u"state"_s);
    alert.remove("raised_at"_L1);
    QCOMPARE(decodeAlert(alert).error().path, u"raised_at"_s);
}

QTEST_GUILESS_MAIN(TestMetricsModels)
#include "tst_metrics_models.moc"

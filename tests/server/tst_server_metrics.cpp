// Metrics: MetricsCalculator exactly on hand-built timelines (tier-1 time, reopen), then the same histories
// written into a real service's database and read back over HTTP; range and bucket validation; telemetry
// intake (validation, replace on repeat) and its downsampling into hourly rows.
#include "ServiceFixture.h"
#include "TestClient.h"

#include "core/JsonReader.h"
#include "server/Database.h"
#include "server/MetricsCalculator.h"
#include "server/MetricsRollups.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using namespace relaydesk;
using namespace relaydesk::server;

namespace {

constexpr qint64 kMin = 60'000;
constexpr qint64 kHour = 60 * kMin;
// 2026-03-17T08:00:00Z: every hand-built time is relative to it.
const qint64 kT0 = QDateTime(QDate(2026, 3, 17), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();

// Rows written behind the service's back: the rollups are built again from them (default SLA targets).
bool rebuildRollups(const QString &path, QString *error)
{
    Database database(path);
    WriteTransaction tx(database);
    qint64 tickets = 0;
    return tx.begin(error) && MetricsRollups::rebuild(tx.db(), SlaTargets{}, &tickets, error) && tx.commit(error);
}

QString iso(qint64 ms)
{
    return formatRfc3339(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

HistoryEvent ev(qint64 at, const QString &actor, const QString &kind, const QString &outcome = {},
                const QString &assignee = {})
{
    return {at, actor, kind, outcome, assignee};
}

// Ticket 1: network failure, tier 1 retries for 10 minutes and fails, escalated; alice claims at +30 min,
// replies at +40 min, resolves at +60 min; the user reopens at +2 h; bob claims, resends (delivered at
// +2 h 20 min), resolves at +3 h.
TicketHistory reopened()
{
    TicketHistory t{1, kT0, u"network"_s, u"eu-west"_s, u"8.4.1"_s, {}};
    t.events = {ev(kT0, u"system"_s, u"reported"_s),
                ev(kT0, u"tier1"_s, u"diagnosed"_s),
                ev(kT0, u"tier1"_s, u"auto_handling"_s),
                ev(kT0 + 2 * kMin, u"tier1"_s, u"gateway_attempt"_s, u"transient"_s),
                ev(kT0 + 10 * kMin, u"tier1"_s, u"gateway_attempt"_s, u"transient"_s),
                ev(kT0 + 10 * kMin, u"tier1"_s, u"escalated"_s),
                ev(kT0 + 30 * kMin, u"alice"_s, u"claimed"_s),
                ev(kT0 + 40 * kMin, u"alice"_s, u"replied"_s),
                ev(kT0 + 60 * kMin, u"alice"_s, u"resolved"_s),
                ev(kT0 + 2 * kHour, u"carol"_s, u"reopened"_s),
                ev(kT0 + 2 * kHour + 5 * kMin, u"bob"_s, u"claimed"_s),
                ev(kT0 + 2 * kHour + 10 * kMin, u"bob"_s, u"resend_requested"_s),
                ev(kT0 + 2 * kHour + 20 * kMin, u"bob"_s, u"gateway_attempt"_s, u"delivered"_s),
                ev(kT0 + 2 * kHour + 20 * kMin, u"bob"_s, u"action_outcome"_s, u"delivered"_s),
                ev(kT0 + 3 * kHour, u"bob"_s, u"resolved"_s)};
    return t;
}

// Ticket 2: server failure resolved by tier 1 after 4 minutes (first response = resolution = 4 min).
TicketHistory autoResolved()
{
    const qint64 r = kT0 + 5 * kMin;
    TicketHistory t{2, r, u"server"_s, u"us-east"_s, u"8.4.0"_s, {}};
    t.events = {ev(r, u"system"_s, u"reported"_s), ev(r, u"tier1"_s, u"diagnosed"_s),
                ev(r, u"tier1"_s, u"auto_handling"_s),
                ev(r + 4 * kMin, u"tier1"_s, u"gateway_attempt"_s, u"delivered"_s),
                ev(r + 4 * kMin, u"tier1"_s, u"resolved_auto"_s)};
    return t;
}

// Ticket 3: policy, escalated at once at +20 min, alice claims at +50 min, never answered.
TicketHistory waiting()
{
    const qint64 r = kT0 + 20 * kMin;
    TicketHistory t{3, r, u"policy"_s, u"eu-west"_s, u"8.4.1"_s, {}};
    t.events = {ev(r, u"system"_s, u"reported"_s), ev(r, u"tier1"_s, u"diagnosed"_s),
                ev(r, u"tier1"_s, u"escalated"_s), ev(r + 30 * kMin, u"alice"_s, u"claimed"_s)};
    return t;
}

QList<TicketHistory> histories()
{
    return {reopened(), autoResolved(), waiting()};
}

// The hand-built histories written into the service's database (ids, times, actors and kinds as above).
bool writeHistories(const QString &path, const QList<TicketHistory> &tickets, QString *error)
{
    const QString name = u"metrics-writer"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            *error = db.lastError().text();
            return false;
        }
        QSqlQuery q(db);
        qint64 eventId = 1000;
        for (const TicketHistory &t : tickets) {
            QString status, assignee;
            for (const HistoryEvent &e : t.events) {
                status = MetricsCalculator::statusAfter(status, e);
                if (e.kind == "claimed"_L1)
                    assignee = e.actor;
            }
            const qint64 updated = t.events.isEmpty() ? t.reportedAt : t.events.constLast().at;
            q.prepare(
                u"INSERT INTO reports (id, client_report_id, client_key_id, reported_at, received_at, "
                u"user_id,"
                " user_name, user_locale, platform, os_version, device_model, app_version, network, carrier,"
                " client_message_id, conversation_id, recipient_id, message_kind, message_size, sent_at, "
                "preview,"
                " endpoint, http_status, error_code, error_message, region, attempts, comment, log_format,"
                " log_encoding, log_size) VALUES (?, ?, NULL, ?, ?, 'u', '', 'en', 'android', '14', '', ?,"
                " 'wifi', '', ?, 'c', 'r', 'text', 0, ?, '', '/v1/messages/send', 503, '', '', ?, 1, '',"
                " 'text', 'text', 0)"_s);
            for (const QVariant &v : QVariantList{t.id, u"hand-%1"_s.arg(t.id), t.reportedAt, t.reportedAt,
                                                  t.appVersion, u"m-%1"_s.arg(t.id), t.reportedAt, t.region})
                q.addBindValue(v);
            if (!q.exec()) {
                *error = q.lastError().text();
                return false;
            }
            q.prepare(u"INSERT INTO tickets (id, report_id, seq, status, cause, queue, assignee, created_at, "
                      u"updated_at)"
                      " VALUES (?, ?, ?, ?, ?, 'tier2', ?, ?, ?)"_s);
            for (const QVariant &v : QVariantList{t.id, t.id, t.id + 500, status, t.cause,
                                                  status == "claimed"_L1 || status == "waiting_user"_L1
                                                      ? QVariant(assignee)
                                                      : QVariant(QMetaType::fromType<QString>()),
                                                  t.reportedAt, updated})
                q.addBindValue(v);
            if (!q.exec()) {
                *error = q.lastError().text();
                return false;
            }
            for (const HistoryEvent &e : t.events) {
                QJsonObject detail;
                if (!e.outcome.isEmpty())
                    detail.insert("outcome"_L1, e.outcome);
                q.prepare(u"INSERT INTO ticket_events (id, ticket_id, at, actor, kind, summary, detail)"
                          " VALUES (?, ?, ?, ?, ?, '', ?)"_s);
                for (const QVariant &v : QVariantList{++eventId, t.id, e.at, e.actor, e.kind,
                                                      QString::fromUtf8(QJsonDocument(detail).toJson())})
                    q.addBindValue(v);
                if (!q.exec()) {
                    *error = q.lastError().text();
                    return false;
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rebuildRollups(path, error);
}

int count(const QString &path, const QString &sql)
{
    const QString name = u"metrics-reader"_s;
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                n = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

QJsonObject minuteRow(qint64 at, const QString &region, qint64 sent, qint64 failed)
{
    return {{"at"_L1, iso(at)}, {"region"_L1, region}, {"sent"_L1, sent}, {"failed"_L1, failed}};
}

QByteArray telemetryBody(const QJsonArray &rows)
{
    return toJson({{"minutes"_L1, rows}});
}

} // namespace

class MetricsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // MetricsCalculator, no I/O
    void statusesFollowTheTimeline();
    void firstResponseAndFinalResolution();
    void percentilesAreNearestRank();
    void responseBucketsCountReopenAtTheFinalResolve();
    void slaBreachesCountAtTheDeadline();
    void queueDepthFlowAndAgents();

    // over HTTP
    void metricsOverHttpMatchTheCalculator();
    void rangeAndBucketAreValidated();
    void rolesAndAuthentication();
    void csatFromSurveys();
    void telemetryIsValidatedWithTheFieldPath();
    void telemetryRepeatReplacesTheMinute();
    void telemetryIsDownsampledAndOldMinutesDropped();

private:
    HttpResult metrics(const QString &series, qint64 from, qint64 to, const QString &bucket,
                       const QString &token);

    std::unique_ptr<ServiceFixture> m_fixture;
    std::unique_ptr<TestClient> m_client;
    std::shared_ptr<std::atomic<qint64>> m_now;
    QString m_token;
};

void MetricsTest::init()
{
    m_now = std::make_shared<std::atomic<qint64>>(kT0 + 6 * kHour);
    m_fixture = std::make_unique<ServiceFixture>();
    m_fixture->options.clock = [now = m_now] { return now->load(); };
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
    m_client = std::make_unique<TestClient>(m_fixture->service->baseUrl());
    m_token = m_client->login(ServiceFixture::kUser, ServiceFixture::kPassword);
    QVERIFY(!m_token.isEmpty());
}

void MetricsTest::cleanup()
{
    m_client.reset();
    m_fixture.reset();
}

HttpResult MetricsTest::metrics(const QString &series, qint64 from, qint64 to, const QString &bucket,
                                const QString &token)
{
    QUrlQuery query;
    query.addQueryItem(u"from"_s, QString::fromLatin1(QUrl::toPercentEncoding(iso(from))));
    query.addQueryItem(u"to"_s, QString::fromLatin1(QUrl::toPercentEncoding(iso(to))));
    query.addQueryItem(u"bucket"_s, bucket);
    return m_client->get(u"/api/v1/metrics/%1?%2"_s.arg(series, query.toString()), token);
}

void MetricsTest::statusesFollowTheTimeline()
{
    const TicketHistory t = reopened();
    QCOMPARE(MetricsCalculator::statusAt(t, kT0), QString());
    QCOMPARE(MetricsCalculator::statusAt(t, kT0 + 1), u"auto_handling"_s);
    QCOMPARE(MetricsCalculator::statusAt(t, kT0 + 20 * kMin), u"escalated"_s);
    QCOMPARE(MetricsCalculator::statusAt(t, kT0 + 35 * kMin), u"claimed"_s);
    QCOMPARE(MetricsCalculator::statusAt(t, kT0 + 45 * kMin), u"waiting_user"_s);
    QCOMPARE(MetricsCalculator::statusAt(t, kT0 + 90 * kMin), u"resolved"_s);
    QCOMPARE(MetricsCalculator::statusAt(t, kT0 + 2 * kHour + 1), u"reopened"_s);
    QCOMPARE(MetricsCalculator::statusAt(t, kT0 + 4 * kHour), u"resolved"_s);
    // claiming a waiting_user ticket keeps waiting_user; a transfer with an assignee claims it
    QCOMPARE(MetricsCalculator::statusAfter(u"waiting_user"_s, ev(0, u"x"_s, u"claimed"_s)),
             u"waiting_user"_s);
    QCOMPARE(MetricsCalculator::statusAfter(u"escalated"_s, ev(0, u"x"_s, u"transferred"_s, {}, u"bob"_s)),
             u"claimed"_s);
    QCOMPARE(MetricsCalculator::statusAfter(u"claimed"_s, ev(0, u"x"_s, u"released"_s)), u"escalated"_s);
}

void MetricsTest::firstResponseAndFinalResolution()
{
    // tier-1 time counts: the clock started at the report, 40 minutes before alice's reply
    QCOMPARE(MetricsCalculator::firstResponseAt(reopened()), std::optional<qint64>(kT0 + 40 * kMin));
    QCOMPARE(MetricsCalculator::finalResolutionAt(reopened()), std::optional<qint64>(kT0 + 3 * kHour));
    QCOMPARE(MetricsCalculator::firstResponseAt(autoResolved()), std::optional<qint64>(kT0 + 9 * kMin));
    QCOMPARE(MetricsCalculator::finalResolutionAt(autoResolved()), std::optional<qint64>(kT0 + 9 * kMin));
    QCOMPARE(MetricsCalculator::firstResponseAt(waiting()), std::nullopt);
    QCOMPARE(MetricsCalculator::finalResolutionAt(waiting()), std::nullopt);
    // reopened and not yet resolved again: not resolved
    TicketHistory open = reopened();
    open.events = open.events.mid(0, 10);
    QCOMPARE(open.events.constLast().kind, u"reopened"_s);
    QCOMPARE(MetricsCalculator::finalResolutionAt(open), std::nullopt);
    // a failed transient attempt is not a response
    TicketHistory failing = reopened();
    failing.events = failing.events.mid(0, 6);
    QCOMPARE(MetricsCalculator::firstResponseAt(failing), std::nullopt);
}

void MetricsTest::percentilesAreNearestRank()
{
    const Percentiles p = MetricsCalculator::percentiles({10, 1, 9, 2, 8, 3, 7, 4, 6, 5});
    QCOMPARE(p.count, 10);
    QCOMPARE(p.p50, 5);
    QCOMPARE(p.p90, 9);
    QCOMPARE(p.p95, 10);
    const Percentiles one = MetricsCalculator::percentiles({42});
    QCOMPARE(one.p50, 42);
    QCOMPARE(one.p95, 42);
    QCOMPARE(MetricsCalculator::percentiles({}).count, 0);
}

void MetricsTest::responseBucketsCountReopenAtTheFinalResolve()
{
    const MetricsRange range{kT0, kT0 + 4 * kHour, kHour};
    const auto r = MetricsCalculator::response(range, histories());
    QCOMPARE(r.size(), 4);
    // hour 0: first responses 40 min (ticket 1) and 4 min (ticket 2); resolution of ticket 2 only (ticket 1's
    // first resolve at +60 min belongs to hour 1 and was undone by the reopen)
    QCOMPARE(r[0].firstResponse.count, 2);
    QCOMPARE(r[0].firstResponse.p50, 4 * kMin);
    QCOMPARE(r[0].firstResponse.p95, 40 * kMin);
    QCOMPARE(r[0].resolution.count, 1);
    QCOMPARE(r[0].resolution.p50, 4 * kMin);
    QCOMPARE(r[1].resolution.count, 0);
    QCOMPARE(r[2].resolution.count, 0);
    // ticket 1's final resolve at +3 h: 3 hours from the report, tier-1 time included
    QCOMPARE(r[3].resolution.count, 1);
    QCOMPARE(r[3].resolution.p50, 3 * kHour);
    QCOMPARE(r[1].firstResponse.count + r[2].firstResponse.count + r[3].firstResponse.count, 0);
}

void MetricsTest::slaBreachesCountAtTheDeadline()
{
    const SlaTargets targets{30 * kMin, 2 * kHour};
    const MetricsRange range{kT0, kT0 + 4 * kHour, kHour};
    const auto s = MetricsCalculator::sla(range, histories(), targets, kT0 + 6 * kHour);
    // first response: ticket 1 answered at 40 min > 30 (deadline +30 min, hour 0); ticket 3 never (deadline
    // +50 min, hour 0); ticket 2 in time
    QCOMPARE(s[0].firstResponseBreaches, 2);
    // resolution: ticket 1 finally resolved at 3 h > 2 h (deadline +2 h, hour 2); ticket 3 never (deadline
    // +2 h 20 min, hour 2)
    QCOMPARE(s[2].resolutionBreaches, 2);
    int total = 0;
    for (const SlaBucket &b : s)
        total += b.firstResponseBreaches + b.resolutionBreaches;
    QCOMPARE(total, 4);
    // a deadline still ahead is no breach yet
    const auto early = MetricsCalculator::sla(range, histories(), targets, kT0 + 45 * kMin);
    QCOMPARE(early[0].firstResponseBreaches, 1);
    QCOMPARE(early[2].resolutionBreaches, 0);
}

void MetricsTest::queueDepthFlowAndAgents()
{
    const MetricsRange range{kT0, kT0 + 4 * kHour, kHour};
    const auto depth =
        MetricsCalculator::queueDepth(range, histories(), {{u"escalated"_s, 5}, {u"resolved"_s, 9}});
    // end of hour 0: ticket 1 resolved at exactly +60 min is not before the end; it is waiting_user; ticket 3
    // claimed
    QCOMPARE(depth[0].value(u"waiting_user"_s), 1);
    QCOMPARE(depth[0].value(u"claimed"_s), 1);
    QCOMPARE(depth[0].value(u"escalated"_s), 5); // baseline only
    QVERIFY(!depth[0].contains(u"resolved"_s));
    QCOMPARE(depth[1].value(u"waiting_user"_s), 0);
    QCOMPARE(depth[1].value(u"claimed"_s), 1);
    QCOMPARE(depth[2].value(u"claimed"_s), 2); // bob re-claimed ticket 1 at 2 h 5 min
    QCOMPARE(depth[3].value(u"claimed"_s), 1);

    const auto flow = MetricsCalculator::flow(range, histories());
    QCOMPARE(flow[0].inflow, 3);
    QCOMPARE(flow[0].outflow, 1); // ticket 2 resolved_auto
    QCOMPARE(flow[1].outflow, 1); // ticket 1 first resolve
    QCOMPARE(flow[2].reopened, 1);
    QCOMPARE(flow[3].outflow, 1);

    const auto agents = MetricsCalculator::agents(range, histories());
    QCOMPARE(agents.size(), 3);
    QCOMPARE(agents[0].username, u"alice"_s);
    QCOMPARE(agents[0].actions,
             (QList<int>{3, 1, 0, 0})); // claimed x2 + replied in hour 0, resolved in hour 1
    QCOMPARE(agents[0].resolved, (QList<int>{0, 1, 0, 0}));
    QCOMPARE(agents[1].username, u"bob"_s);
    QCOMPARE(agents[1].actions, (QList<int>{0, 0, 2, 1})); // gateway answers are not the agent's actions
    QCOMPARE(agents[1].resolved, (QList<int>{0, 0, 0, 1}));
    QCOMPARE(agents[2].username, u"carol"_s);
    QCOMPARE(agents[2].actions, (QList<int>{0, 0, 1, 0}));

    const auto causes = MetricsCalculator::countBy(range, histories(), MetricsCalculator::Key::Cause);
    QCOMPARE(causes[0], (QMap<QString, int>{{u"network"_s, 1}, {u"server"_s, 1}, {u"policy"_s, 1}}));
}

void MetricsTest::metricsOverHttpMatchTheCalculator()
{
    QString error;
    QVERIFY2(writeHistories(m_fixture->dbPath(), histories(), &error), qPrintable(error));
    const qint64 to = kT0 + 4 * kHour;

    HttpResult r = metrics(u"response"_s, kT0, to, u"1h"_s, m_token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("bucket_seconds"_L1).toInt(), 3600);
    QCOMPARE(r.json.value("from"_L1).toString(), iso(kT0));
    QJsonArray buckets = r.json.value("buckets"_L1).toArray();
    QCOMPARE(buckets.size(), 4);
    QCOMPARE(buckets[0].toObject().value("start"_L1).toString(), iso(kT0));
    QJsonObject first = buckets[0].toObject().value("first_response"_L1).toObject();
    QCOMPARE(first.value("count"_L1).toInt(), 2);
    QCOMPARE(first.value("p50_ms"_L1).toInteger(), 4 * kMin);
    QCOMPARE(first.value("p90_ms"_L1).toInteger(), 40 * kMin);
    QVERIFY(buckets[1].toObject().value("first_response"_L1).toObject().value("p50_ms"_L1).isNull());
    QCOMPARE(buckets[3].toObject().value("resolution"_L1).toObject().value("p50_ms"_L1).toInteger(),
             3 * kHour);
    QCOMPARE(buckets[3].toObject().value("resolution"_L1).toObject().value("count"_L1).toInt(), 1);

    r = metrics(u"flow"_s, kT0, to, u"3600"_s, m_token);
    QCOMPARE(r.status, 200);
    buckets = r.json.value("buckets"_L1).toArray();
    QCOMPARE(buckets[0].toObject().value("inflow"_L1).toInt(), 3);
    QCOMPARE(buckets[0].toObject().value("outflow"_L1).toInt(), 1);
    QCOMPARE(buckets[2].toObject().value("reopened"_L1).toInt(), 1);
    QCOMPARE(buckets[3].toObject().value("outflow"_L1).toInt(), 1);

    r = metrics(u"queue"_s, kT0, to, u"60m"_s, m_token);
    QCOMPARE(r.status, 200);
    buckets = r.json.value("buckets"_L1).toArray();
    QCOMPARE(buckets[2].toObject().value("depth"_L1).toObject().value("claimed"_L1).toInt(), 2);
    QCOMPARE(buckets[2].toObject().value("total"_L1).toInt(), 2);
    QCOMPARE(buckets[0].toObject().value("total"_L1).toInt(), 2);

    // the queue after the range: ticket 3 has not changed since +50 min, so it is counted by its status
    r = metrics(u"queue"_s, kT0 + 5 * kHour, kT0 + 6 * kHour, u"1h"_s, m_token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("buckets"_L1).toArray()[0].toObject().value("depth"_L1).toObject(),
             (QJsonObject{{"claimed"_L1, 1}}));

    r = metrics(u"causes"_s, kT0, to, u"1d"_s, m_token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("keys"_L1).toArray(), (QJsonArray{u"network"_s, u"policy"_s, u"server"_s}));
    QCOMPARE(r.json.value("buckets"_L1).toArray().size(), 1);
    QCOMPARE(r.json.value("buckets"_L1).toArray()[0].toObject().value("total"_L1).toInt(), 3);

    r = metrics(u"regions"_s, kT0, to, u"1h"_s, m_token);
    QCOMPARE(r.json.value("buckets"_L1).toArray()[0].toObject().value("counts"_L1).toObject(),
             (QJsonObject{{"eu-west"_L1, 2}, {"us-east"_L1, 1}}));
    r = metrics(u"app-versions"_s, kT0, to, u"1h"_s, m_token);
    QCOMPARE(r.json.value("buckets"_L1).toArray()[0].toObject().value("counts"_L1).toObject(),
             (QJsonObject{{"8.4.0"_L1, 1}, {"8.4.1"_L1, 2}}));

    // default targets: 30 min first response, 24 h resolution; "now" is +6 h
    r = metrics(u"sla"_s, kT0, to, u"1h"_s, m_token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("targets"_L1).toObject().value("first_response_minutes"_L1).toInt(), 30);
    QCOMPARE(r.json.value("targets"_L1).toObject().value("resolution_hours"_L1).toInt(), 24);
    QCOMPARE(r.json.value("buckets"_L1).toArray()[0].toObject().value("first_response_breaches"_L1).toInt(),
             2);
    QCOMPARE(r.json.value("buckets"_L1).toArray()[0].toObject().value("resolution_breaches"_L1).toInt(), 0);

    r = metrics(u"agents"_s, kT0, to, u"1h"_s, m_token);
    QCOMPARE(r.status, 200);
    const QJsonArray agents = r.json.value("agents"_L1).toArray();
    QCOMPARE(agents.size(), 3);
    QCOMPARE(agents[0].toObject().value("username"_L1).toString(), u"alice"_s);
    QCOMPARE(agents[0].toObject().value("open_claimed"_L1).toInt(), 1); // ticket 3
    QCOMPARE(agents[0].toObject().value("actions"_L1).toArray(), (QJsonArray{3, 1, 0, 0}));
    QCOMPARE(agents[1].toObject().value("resolved"_L1).toArray(), (QJsonArray{0, 0, 0, 1}));
    QCOMPARE(agents[1].toObject().value("open_claimed"_L1).toInt(), 0);
}

void MetricsTest::rangeAndBucketAreValidated()
{
    HttpResult r = metrics(u"flow"_s, kT0, kT0 + kHour, u"30s"_s, m_token);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"invalid_parameter"_s);
    QCOMPARE(r.errorField(), u"bucket"_s);
    r = metrics(u"flow"_s, kT0, kT0 + kHour, u"2d"_s, m_token);
    QCOMPARE(r.errorField(), u"bucket"_s);
    r = metrics(u"flow"_s, kT0, kT0 + kHour, u"five"_s, m_token);
    QCOMPARE(r.errorField(), u"bucket"_s);
    // 30 days of minutes: 43 200 buckets, over the 2000 cap
    r = metrics(u"delivery"_s, kT0 - 30 * 24 * kHour, kT0, u"60s"_s, m_token);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorField(), u"bucket"_s);
    QVERIFY(r.json.value("error"_L1).toObject().value("message"_L1).toString().contains(u"43200"_s));
    // exactly 2000 buckets is fine
    r = metrics(u"flow"_s, kT0, kT0 + 2000 * kMin, u"1m"_s, m_token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("buckets"_L1).toArray().size(), 2000);
    r = metrics(u"flow"_s, kT0 + kHour, kT0, u"1h"_s, m_token);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorField(), u"from"_s);
    r = m_client->get(u"/api/v1/metrics/flow?from=yesterday"_s, m_token);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorField(), u"from"_s);
    r = m_client->get(u"/api/v1/metrics/flow?to=2026-03-17T08:00:00"_s, m_token); // no offset
    QCOMPARE(r.errorField(), u"to"_s);
    // defaults: the last 24 h in hours
    r = m_client->get(u"/api/v1/metrics/flow"_s, m_token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("buckets"_L1).toArray().size(), 24);
    QCOMPARE(r.json.value("to"_L1).toString(), iso(m_now->load()));
    QCOMPARE(m_client->post(u"/api/v1/metrics/flow"_s, "{}", m_token).status, 405);
}

void MetricsTest::rolesAndAuthentication()
{
    QCOMPARE(metrics(u"queue"_s, kT0, kT0 + kHour, u"1h"_s, {}).status, 401);
    QString error;
    QVERIFY2(m_fixture->service->addUser(u"tess"_s, Role::Trainer, u"pw-trainer-1"_s, &error),
             qPrintable(error));
    QVERIFY2(m_fixture->service->addUser(u"lena"_s, Role::Lead, u"pw-lead-1"_s, &error), qPrintable(error));
    const QString trainer = m_client->login(u"tess"_s, u"pw-trainer-1"_s);
    const QString lead = m_client->login(u"lena"_s, u"pw-lead-1"_s);
    HttpResult r = metrics(u"queue"_s, kT0, kT0 + kHour, u"1h"_s, trainer);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), u"forbidden"_s);
    QCOMPARE(metrics(u"queue"_s, kT0, kT0 + kHour, u"1h"_s, lead).status, 200);
    QCOMPARE(metrics(u"csat"_s, kT0, kT0 + kHour, u"1h"_s, m_token).status, 200); // agents read metrics too
}

void MetricsTest::csatFromSurveys()
{
    // Survey rows of schema v6 (one unanswered); the table belongs to the surveys feature.
    const QString name = u"csat-writer"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_fixture->dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        const QList<std::tuple<QString, QVariant, QVariant>> rows{
            {u"a"_s, kT0 + 5 * kMin, 5},
            {u"b"_s, kT0 + 10 * kMin, 4},
            {u"c"_s, kT0 + 20 * kMin, 5},
            {u"d"_s, kT0 + 70 * kMin, 1},
            {u"e"_s, QVariant(QMetaType::fromType<qint64>()), QVariant()}};
        for (const auto &[hash, at, score] : rows) {
            q.prepare(u"INSERT INTO surveys (token_hash, ticket_id, created_at, answered_at, score, comment, "
                      u"ordinal,"
                      " locale, action_id) VALUES (?, 1, ?, ?, ?, NULL, 1, 'en', 1)"_s);
            q.addBindValue(hash);
            q.addBindValue(kT0);
            q.addBindValue(at);
            q.addBindValue(score.isValid() ? score : QVariant(QMetaType::fromType<int>()));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
    QString error;
    QVERIFY2(rebuildRollups(m_fixture->dbPath(), &error), qPrintable(error));
    const HttpResult r = metrics(u"csat"_s, kT0, kT0 + 2 * kHour, u"1h"_s, m_token);
    QCOMPARE(r.status, 200);
    const QJsonArray buckets = r.json.value("buckets"_L1).toArray();
    QCOMPARE(buckets.size(), 2);
    const QJsonObject b0 = buckets[0].toObject();
    QCOMPARE(b0.value("count"_L1).toInt(), 3);
    QCOMPARE(b0.value("mean"_L1).toDouble(), 14.0 / 3.0);
    QCOMPARE(b0.value("scores"_L1).toObject(),
             (QJsonObject{{"1"_L1, 0}, {"2"_L1, 0}, {"3"_L1, 0}, {"4"_L1, 1}, {"5"_L1, 2}}));
    QCOMPARE(buckets[1].toObject().value("count"_L1).toInt(), 1);
    QCOMPARE(buckets[1].toObject().value("mean"_L1).toDouble(), 1.0);
}

void MetricsTest::telemetryIsValidatedWithTheFieldPath()
{
    const qint64 now = m_now->load();
    const qint64 minute = now - 10 * kMin;
    const auto post = [&](const QJsonArray &rows) {
        return m_client->post(u"/api/v1/telemetry"_s, telemetryBody(rows), m_fixture->clientKey);
    };
    QCOMPARE(m_client->post(u"/api/v1/telemetry"_s, telemetryBody({}), {}).status, 401);
    QCOMPARE(m_client->post(u"/api/v1/telemetry"_s, telemetryBody({}), u"wrong-key"_s).status, 401);
    QCOMPARE(m_client->post(u"/api/v1/telemetry"_s, telemetryBody({}), m_token).status,
             401); // a session is no client key
    QCOMPARE(m_client->post(u"/api/v1/telemetry"_s, "[1]", m_fixture->clientKey).status, 400);
    struct Case
    {
        QJsonObject row;
        QString field;
    };
    const QList<Case> cases{
        {minuteRow(minute, u"eu-west"_s, 10, 11), u"minutes[1].failed"_s},
        {minuteRow(minute, u"eu-west"_s, -1, 0), u"minutes[1].sent"_s},
        {minuteRow(minute + 1000, u"eu-west"_s, 10, 1), u"minutes[1].at"_s},
        {minuteRow(now - 49 * kHour, u"eu-west"_s, 10, 1), u"minutes[1].at"_s},
        {minuteRow(now + 10 * kMin, u"eu-west"_s, 10, 1), u"minutes[1].at"_s},
        {minuteRow(minute, u"EU West"_s, 10, 1), u"minutes[1].region"_s},
        {QJsonObject{{"at"_L1, iso(minute)}, {"region"_L1, u"eu-west"_s}, {"sent"_L1, 1.5}, {"failed"_L1, 0}},
         u"minutes[1].sent"_s},
    };
    for (const Case &c : cases) {
        const HttpResult r = post({minuteRow(minute, u"us-east"_s, 5, 0), c.row});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), u"validation_failed"_s);
        QCOMPARE(r.errorField(), c.field);
    }
    QCOMPARE(m_client->post(u"/api/v1/telemetry"_s, "{}", m_fixture->clientKey)
                 .json.value("error"_L1)
                 .toObject()
                 .value("field"_L1)
                 .toString(),
             u"minutes"_s);
    QJsonArray tooMany;
    for (int i = 0; i < 1441; ++i)
        tooMany.append(minuteRow(minute, u"r%1"_s.arg(i), 1, 0));
    QCOMPARE(post(tooMany).errorField(), u"minutes"_s);
    // nothing of the refused requests was stored
    QCOMPARE(count(m_fixture->dbPath(), u"SELECT COUNT(*) FROM telemetry_minutes"_s), 0);
    const HttpResult ok = post({minuteRow(minute, u"us-east"_s, 5, 0)});
    QCOMPARE(ok.status, 202);
    QCOMPARE(ok.json.value("accepted"_L1).toInt(), 1);
}

void MetricsTest::telemetryRepeatReplacesTheMinute()
{
    const qint64 hour = m_now->load() - 2 * kHour; // a whole hour (kT0 is on the hour)
    QJsonArray rows{minuteRow(hour, u"eu-west"_s, 100, 10), minuteRow(hour + kMin, u"eu-west"_s, 200, 0),
                    minuteRow(hour + kMin, u"us-east"_s, 50, 5)};
    QCOMPARE(m_client->post(u"/api/v1/telemetry"_s, telemetryBody(rows), m_fixture->clientKey).status, 202);
    // the same minute again, other numbers: replaces (twice in one request: the later row wins)
    QCOMPARE(m_client
                 ->post(u"/api/v1/telemetry"_s,
                        telemetryBody({minuteRow(hour, u"eu-west"_s, 999, 999),
                                       minuteRow(hour, u"eu-west"_s, 100, 50)}),
                        m_fixture->clientKey)
                 .status,
             202);
    QCOMPARE(count(m_fixture->dbPath(), u"SELECT COUNT(*) FROM telemetry_minutes"_s), 3);
    HttpResult r = metrics(u"delivery"_s, hour, hour + 2 * kMin, u"60s"_s, m_token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("resolution"_L1).toString(), u"minute"_s);
    QCOMPARE(r.json.value("regions"_L1).toArray(), (QJsonArray{u"eu-west"_s, u"us-east"_s}));
    const QJsonArray buckets = r.json.value("buckets"_L1).toArray();
    const QJsonObject eu0 =
        buckets[0].toObject().value("regions"_L1).toObject().value("eu-west"_L1).toObject();
    QCOMPARE(eu0.value("sent"_L1).toInteger(), 100);
    QCOMPARE(eu0.value("failed"_L1).toInteger(), 50);
    QCOMPARE(eu0.value("success_rate"_L1).toDouble(), 0.5);
    QCOMPARE(buckets[1].toObject().value("sent"_L1).toInteger(), 250);
    QCOMPARE(buckets[1].toObject().value("success_rate"_L1).toDouble(), 245.0 / 250.0);
    // the hour row follows the replacement
    QCOMPARE(count(m_fixture->dbPath(), u"SELECT failed FROM telemetry_hours WHERE region = 'eu-west'"_s),
             50);
    QCOMPARE(count(m_fixture->dbPath(), u"SELECT sent FROM telemetry_hours WHERE region = 'eu-west'"_s), 300);
}

void MetricsTest::telemetryIsDownsampledAndOldMinutesDropped()
{
    // Three hours of minutes (eu-west 100 sent / 1 failed a minute, the last hour 100 / 20).
    const qint64 start = m_now->load() - 3 * kHour;
    QJsonArray rows;
    for (int i = 0; i < 180; ++i)
        rows.append(minuteRow(start + i * kMin, u"eu-west"_s, 100, i >= 120 ? 20 : 1));
    QCOMPARE(m_client->post(u"/api/v1/telemetry"_s, telemetryBody(rows), m_fixture->clientKey).status, 202);
    QCOMPARE(count(m_fixture->dbPath(), u"SELECT COUNT(*) FROM telemetry_minutes"_s), 180);
    QCOMPARE(count(m_fixture->dbPath(), u"SELECT COUNT(*) FROM telemetry_hours"_s), 3);

    // Three days later one more minute arrives: the old minutes go, their hours stay.
    m_now->store(m_now->load() + 72 * kHour);
    QCOMPARE(m_client
                 ->post(u"/api/v1/telemetry"_s,
                        telemetryBody({minuteRow(m_now->load() - kMin, u"eu-west"_s, 7, 0)}),
                        m_fixture->clientKey)
                 .status,
             202);
    QCOMPARE(count(m_fixture->dbPath(), u"SELECT COUNT(*) FROM telemetry_minutes"_s), 1);
    QCOMPARE(count(m_fixture->dbPath(), u"SELECT COUNT(*) FROM telemetry_hours"_s), 4);

    // A range older than 48 h reads the hourly rows, even with minute buckets asked for.
    HttpResult r = metrics(u"delivery"_s, start, start + 3 * kHour, u"1h"_s, m_token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("resolution"_L1).toString(), u"hour"_s);
    const QJsonArray buckets = r.json.value("buckets"_L1).toArray();
    QCOMPARE(buckets.size(), 3);
    QCOMPARE(buckets[0].toObject().value("sent"_L1).toInteger(), 6000);
    QCOMPARE(buckets[0].toObject().value("failed"_L1).toInteger(), 60);
    QCOMPARE(buckets[2].toObject().value("failed"_L1).toInteger(), 1200);
    QCOMPARE(buckets[2].toObject().value("success_rate"_L1).toDouble(), 0.8);
    // 30 days in daily buckets read a handful of hourly rows
    r = metrics(u"delivery"_s, m_now->load() - 30 * 24 * kHour, m_now->load(), u"1d"_s, m_token);
    QCOMPARE(r.status, 200);
    qint64 sent = 0;
    for (const QJsonValue &b : r.json.value("buckets"_L1).toArray())
        sent += b.toObject().value("sent"_L1).toInteger();
    QCOMPARE(sent, 18'007);
}

QTEST_MAIN(MetricsTest)
#include "tst_server_metrics.moc"

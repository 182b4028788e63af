// The knowledge base over real HTTP (docs/api.md, "Knowledge base"): starter content loaded once, the article
// lifecycle in the delta sync (seq order, tombstones), version conflicts, versions / diff / restore, roles,
// validation naming the field, usage feedback from replies, and kb.changed on the stream.
#include "TriageHarness.h"

#include "core/kb/ArticleCodec.h"
#include "core/kb/TextDiff.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using relaydesk::Role;

namespace {

// Tier 1 never acts (every ticket is escalated), so agents reply.
constexpr char kAgentPolicy[] = R"({"min_confidence": 0.999,
    "retry": {"max_attempts": 3, "base_delay_ms": 50, "max_delay_ms": 400, "jitter": 0.2},
    "circuit_breaker": {"failure_threshold": 3, "cool_down_ms": 300}, "regions": ["cn-north", "cn-east", "eu-west"]})";

const QString kTrainer = u"tina"_s;
const QString kLead = u"leo"_s;
const QString kPassword = u"another long password"_s;
const QString kStarterDir = QStringLiteral(RELAYDESK_SOURCE_DIR "/tests/server/data/kb");
const QStringList kStarterIds{u"rate-limit-playbook.en"_s, u"wifi-portal.en"_s, u"wifi-portal.zh_CN"_s};

QJsonObject article(const QString &group, const QString &title = u"Proxy and TLS clock skew"_s,
                    const QString &body = u"Check the device clock.\nThen the proxy."_s)
{
    return {{"group"_L1, group},
            {"language"_L1, "en"_L1},
            {"title"_L1, title},
            {"body"_L1, body},
            {"category"_L1, "Network/Proxy"_L1},
            {"tags"_L1, QJsonArray{"proxy"_L1, "tls"_L1}},
            {"causes"_L1, QJsonArray{"network"_L1}},
            {"error_codes"_L1, QJsonArray{"ERR_CERT_DATE_INVALID"_L1}},
            {"audience"_L1, "agent"_L1}};
}

QStringList ids(const QList<QJsonObject> &records)
{
    QStringList out;
    for (const QJsonObject &r : records)
        out << r.value("id"_L1).toString();
    return out;
}

} // namespace

class TestServerKb final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void starterContentLoadedOnce();
    void embeddedStarterContentLoads();
    void badStarterFileFailsStart();
    void lifecycleShowsInDeltaSync();
    void pagesAreInSeqOrder();
    void staleEditIsAVersionConflict();
    void versionsDiffAndRestore();
    void onlyEditorsWrite();
    void validationNamesTheField();
    void usageFeedbackCountsResolvedTickets();
    void writesPushKbChanged();
    // The pure parts behind the endpoints.
    void textDiffIsMinimalAndExact();
    void articlePageRoundTripsAndNamesFields();

private:
    HttpResult send(const QByteArray &verb, const QString &path, const QJsonObject &body,
                    const QString &token);
    HttpResult create(const QJsonObject &body, const QString &token = {});
    // Every record since `since`, page by page (`limit` per page); *next is the last next_since.
    QList<QJsonObject> sync(const QString &token, qint64 since, bool drafts, qint64 *next = nullptr,
                            int limit = 100);
    HttpResult act(qint64 ticket, const QString &verb, const QString &key, const QJsonObject &body = {});

    std::unique_ptr<TriageHarness> h;
    QString trainer;
    QString lead;
};

void TestServerKb::init()
{
    h = std::make_unique<TriageHarness>();
    h->fixture.options.kbStarterDir = kStarterDir;
    QString error;
    QVERIFY2(h->start(&error, kAgentPolicy), qPrintable(error));
    QVERIFY2(h->fixture.service->addUser(kTrainer, Role::Trainer, kPassword, &error), qPrintable(error));
    QVERIFY2(h->fixture.service->addUser(kLead, Role::Lead, kPassword, &error), qPrintable(error));
    trainer = h->client->login(kTrainer, kPassword);
    lead = h->client->login(kLead, kPassword);
    QVERIFY(!trainer.isEmpty() && !lead.isEmpty());
}

void TestServerKb::cleanup()
{
    h.reset();
}

HttpResult TestServerKb::send(const QByteArray &verb, const QString &path, const QJsonObject &body,
                              const QString &token)
{
    return h->client->send(verb, u"/api/v1/kb/"_s + path, body.isEmpty() ? QByteArray() : toJson(body), token,
                           {{"Content-Type", "application/json"}});
}

HttpResult TestServerKb::create(const QJsonObject &body, const QString &token)
{
    return send("POST", u"articles"_s, body, token.isEmpty() ? trainer : token);
}

QList<QJsonObject> TestServerKb::sync(const QString &token, qint64 since, bool drafts, qint64 *next,
                                      int limit)
{
    QList<QJsonObject> records;
    for (int page = 0; page < 1000; ++page) {
        const HttpResult r =
            h->client->get(u"/api/v1/kb/articles?since=%1&limit=%2%3"_s.arg(since).arg(limit).arg(
                               drafts ? u"&include_drafts=1"_s : QString()),
                           token);
        if (r.status != 200)
            return {};
        for (const QJsonValue &v : r.json.value("articles"_L1).toArray())
            records << v.toObject();
        since = r.json.value("next_since"_L1).toInteger();
        if (!r.json.value("has_more"_L1).toBool())
            break;
    }
    if (next)
        *next = since;
    return records;
}

HttpResult TestServerKb::act(qint64 ticket, const QString &verb, const QString &key, const QJsonObject &body)
{
    return h->client->send("POST", u"/api/v1/tickets/%1/%2"_s.arg(ticket).arg(verb), toJson(body), h->token,
                           {{"Content-Type", "application/json"}, {"Idempotency-Key", key.toLatin1()}});
}

void TestServerKb::starterContentLoadedOnce()
{
    const QList<QJsonObject> all = sync(trainer, 0, true);
    QCOMPARE(ids(all), kStarterIds); // file-name order, one seq each
    qint64 lastSeq = 0;
    for (const QJsonObject &a : all) {
        QCOMPARE(a.value("version"_L1).toInt(), 1);
        QCOMPARE(a.value("author"_L1).toString(), u"relaydesk"_s);
        QCOMPARE(a.value("deleted"_L1).toBool(), false);
        QVERIFY(a.value("seq"_L1).toInteger() > lastSeq);
        lastSeq = a.value("seq"_L1).toInteger();
    }
    QCOMPARE(all.at(2).value("title"_L1).toString(), u"在酒店或机场 Wi-Fi 下消息发送失败"_s);
    QCOMPARE(all.at(0).value("status"_L1).toString(), u"draft"_s);
    QCOMPARE(all.at(1).value("causes"_L1).toArray(), QJsonArray{"network"_L1});

    // Agents get the draft as a tombstone and cannot open it.
    const QList<QJsonObject> agentView = sync(h->token, 0, false);
    QCOMPARE(ids(agentView), kStarterIds);
    QCOMPARE(agentView.at(0).value("deleted"_L1).toBool(), true);
    QVERIFY(!agentView.at(0).contains("title"_L1));
    QCOMPARE(agentView.at(1).value("title"_L1).toString(), all.at(1).value("title"_L1).toString());
    QCOMPARE(h->client->get(u"/api/v1/kb/articles/rate-limit-playbook.en"_s, h->token).status, 404);
    QCOMPARE(h->client->get(u"/api/v1/kb/articles/rate-limit-playbook.en"_s, trainer).status, 200);
    QCOMPARE(
        h->client->get(u"/api/v1/kb/articles/wifi-portal.en"_s, h->token).json.value("group"_L1).toString(),
        u"wifi-portal"_s);

    // A restart on the same database loads nothing again.
    h->fixture.stop();
    QString error;
    QVERIFY2(h->fixture.start(&error, false), qPrintable(error));
    h->client = std::make_unique<TestClient>(h->fixture.service->baseUrl());
    const QList<QJsonObject> again = sync(trainer, 0, true);
    QCOMPARE(ids(again), kStarterIds);
    QCOMPARE(again.last().value("seq"_L1).toInteger(), lastSeq);
}

void TestServerKb::embeddedStarterContentLoads()
{
    const QStringList files = QDir(QStringLiteral(RELAYDESK_SOURCE_DIR "/resources/kb/articles"))
                                  .entryList({u"*.md"_s}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        QSKIP("no starter articles in resources/kb/articles yet");
    ServiceFixture fixture; // kbStarterDir empty: the compiled-in articles
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    QVERIFY2(fixture.service->addUser(kTrainer, Role::Trainer, kPassword, &error), qPrintable(error));
    TestClient client(fixture.service->baseUrl());
    const QString token = client.login(kTrainer, kPassword);
    QStringList loaded;
    qint64 since = 0;
    for (bool more = true; more;) {
        const HttpResult r =
            client.get(u"/api/v1/kb/articles?include_drafts=1&limit=500&since=%1"_s.arg(since), token);
        QCOMPARE(r.status, 200);
        for (const QJsonValue &v : r.json.value("articles"_L1).toArray()) {
            QCOMPARE(v.toObject().value("author"_L1).toString(), u"relaydesk"_s);
            loaded << v.toObject().value("id"_L1).toString() + u".md"_s;
        }
        since = r.json.value("next_since"_L1).toInteger();
        more = r.json.value("has_more"_L1).toBool();
    }
    QCOMPARE(loaded, files);
}

void TestServerKb::badStarterFileFailsStart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile::copy(kStarterDir + u"/wifi-portal.en.md"_s, dir.filePath(u"wifi-portal.en.md"_s));
    QFile bad(dir.filePath(u"broken-article.en.md"_s));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("---\nid: broken-article.en\ngroup: broken-article\nlanguage: en\ntitle:\ncategory: Network\n"
              "tags:\ncauses:\nerror_codes:\napp_versions:\naudience: user\nstatus: published\n---\nbody\n");
    bad.close();
    ServiceFixture fixture;
    fixture.options.kbStarterDir = dir.path();
    QString error;
    QVERIFY(!fixture.start(&error));
    QVERIFY2(error.contains(u"broken-article.en.md"_s), qPrintable(error));
}

void TestServerKb::lifecycleShowsInDeltaSync()
{
    qint64 cursor = 0;
    QCOMPARE(sync(h->token, 0, false, &cursor).size(), kStarterIds.size());

    const HttpResult created = create(article(u"proxy-clock"_s));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json.value("id"_L1).toString(), u"proxy-clock.en"_s);
    QCOMPARE(created.json.value("status"_L1).toString(), u"draft"_s);
    QCOMPARE(created.json.value("version"_L1).toInt(), 1);
    QCOMPARE(created.json.value("author"_L1).toString(), kTrainer);
    QVERIFY(created.json.value("seq"_L1).toInteger() > cursor);
    QCOMPARE(create(article(u"proxy-clock"_s)).errorCode(), u"article_exists"_s);

    // A draft: a tombstone for agents, the article for trainers.
    QList<QJsonObject> agent = sync(h->token, cursor, false);
    QCOMPARE(agent.size(), 1);
    QCOMPARE(agent.at(0).value("deleted"_L1).toBool(), true);
    QCOMPARE(sync(trainer, cursor, true).at(0).value("title"_L1).toString(), u"Proxy and TLS clock skew"_s);

    const HttpResult published = send("POST", u"articles/proxy-clock.en/publish"_s, {}, lead);
    QCOMPARE(published.status, 200);
    QCOMPARE(published.json.value("version"_L1).toInt(), 2);
    QCOMPARE(published.json.value("author"_L1).toString(), kLead);
    QVERIFY(published.json.value("seq"_L1).toInteger() > created.json.value("seq"_L1).toInteger());
    agent = sync(h->token, cursor, false);
    QCOMPARE(agent.size(), 1); // only the latest state of the article
    QCOMPARE(agent.at(0).value("status"_L1).toString(), u"published"_s);
    QCOMPARE(agent.at(0).value("seq"_L1).toInteger(), published.json.value("seq"_L1).toInteger());
    // Publishing a published article changes nothing.
    const HttpResult again = send("POST", u"articles/proxy-clock.en/publish"_s, {}, lead);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json.value("seq"_L1).toInteger(), published.json.value("seq"_L1).toInteger());

    QJsonObject edited = article(u"proxy-clock"_s, u"Proxy, TLS and the device clock"_s);
    edited.insert("base_version"_L1, 2);
    const HttpResult put = send("PUT", u"articles/proxy-clock.en"_s, edited, trainer);
    QCOMPARE(put.status, 200);
    QCOMPARE(put.json.value("version"_L1).toInt(), 3);
    QCOMPARE(put.json.value("status"_L1).toString(), u"published"_s); // kept: the body had no status
    QCOMPARE(sync(h->token, cursor, false).at(0).value("title"_L1).toString(),
             u"Proxy, TLS and the device clock"_s);

    const HttpResult archived = send("POST", u"articles/proxy-clock.en/archive"_s, {}, trainer);
    QCOMPARE(archived.json.value("status"_L1).toString(), u"archived"_s);
    agent = sync(h->token, cursor, false);
    QCOMPARE(agent.size(), 1);
    QCOMPARE(agent.at(0).value("deleted"_L1).toBool(), true);
    QCOMPARE(agent.at(0).value("seq"_L1).toInteger(), archived.json.value("seq"_L1).toInteger());
    QCOMPARE(h->client->get(u"/api/v1/kb/articles/proxy-clock.en"_s, h->token).status, 404);

    const HttpResult deleted = send("DELETE", u"articles/proxy-clock.en"_s, {}, trainer);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.json.value("deleted"_L1).toBool(), true);
    const QList<QJsonObject> trainerView = sync(trainer, cursor, true);
    QCOMPARE(trainerView.size(), 1);
    QCOMPARE(trainerView.at(0).value("deleted"_L1).toBool(), true);
    QCOMPARE(trainerView.at(0).value("seq"_L1).toInteger(), deleted.json.value("seq"_L1).toInteger());
    QCOMPARE(h->client->get(u"/api/v1/kb/articles/proxy-clock.en"_s, trainer).status, 404);
    QCOMPARE(h->client->get(u"/api/v1/kb/articles/proxy-clock.en/versions"_s, trainer).status, 404);
    QCOMPARE(send("DELETE", u"articles/proxy-clock.en"_s, {}, trainer).status, 404);
    QCOMPARE(send("POST", u"articles/proxy-clock.en/publish"_s, {}, trainer).status, 404);

    // The id can be used again; its history continues.
    const HttpResult recreated = create(article(u"proxy-clock"_s));
    QCOMPARE(recreated.status, 201);
    QCOMPARE(recreated.json.value("version"_L1).toInt(), 5);
}

void TestServerKb::pagesAreInSeqOrder()
{
    QCOMPARE(create(article(u"page-one"_s)).status, 201);
    QCOMPARE(send("POST", u"articles/wifi-portal.en/archive"_s, {}, trainer).status, 200);
    QCOMPARE(create(article(u"page-two"_s)).status, 201);
    QList<qint64> seqs;
    QStringList order;
    qint64 since = 0;
    int pages = 0;
    for (bool more = true; more; ++pages) {
        const HttpResult r =
            h->client->get(u"/api/v1/kb/articles?since=%1&limit=2&include_drafts=1"_s.arg(since), trainer);
        QCOMPARE(r.status, 200);
        const QJsonArray page = r.json.value("articles"_L1).toArray();
        QVERIFY(page.size() <= 2);
        for (const QJsonValue &v : page) {
            seqs << v.toObject().value("seq"_L1).toInteger();
            order << v.toObject().value("id"_L1).toString();
        }
        since = r.json.value("next_since"_L1).toInteger();
        more = r.json.value("has_more"_L1).toBool();
        QVERIFY(pages < 10);
    }
    QCOMPARE(pages, 3);
    QCOMPARE(order, (QStringList{u"rate-limit-playbook.en"_s, u"wifi-portal.zh_CN"_s, u"page-one.en"_s,
                                 u"wifi-portal.en"_s, u"page-two.en"_s}));
    for (qsizetype i = 1; i < seqs.size(); ++i)
        QVERIFY(seqs.at(i) > seqs.at(i - 1));
    QCOMPARE(since, seqs.last());
    const HttpResult bad = h->client->get(u"/api/v1/kb/articles?since=-1"_s, trainer);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorField(), u"since"_s);
    QCOMPARE(h->client->get(u"/api/v1/kb/articles?limit=501"_s, trainer).errorField(), u"limit"_s);
}

void TestServerKb::staleEditIsAVersionConflict()
{
    QCOMPARE(create(article(u"conflict"_s)).status, 201);
    QJsonObject mine = article(u"conflict"_s, u"Tina's title"_s);
    mine.insert("base_version"_L1, 1);
    QCOMPARE(send("PUT", u"articles/conflict.en"_s, mine, trainer).json.value("version"_L1).toInt(), 2);
    // Leo edited version 1 too: refused, nothing overwritten.
    QJsonObject theirs = article(u"conflict"_s, u"Leo's title"_s);
    theirs.insert("base_version"_L1, 1);
    const HttpResult stale = send("PUT", u"articles/conflict.en"_s, theirs, lead);
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.errorCode(), u"version_conflict"_s);
    QCOMPARE(stale.errorField(), u"base_version"_s);
    QCOMPARE(stale.json.value("error"_L1).toObject().value("current_version"_L1).toInt(), 2);
    QCOMPARE(h->client->get(u"/api/v1/kb/articles/conflict.en"_s, trainer).json.value("title"_L1).toString(),
             u"Tina's title"_s);
    QCOMPARE(send("POST", u"articles/conflict.en/publish"_s, {{"base_version"_L1, 1}}, lead).errorCode(),
             u"version_conflict"_s);

    // Two edits of the same version at once: exactly one wins.
    QJsonObject a = article(u"conflict"_s, u"A"_s);
    QJsonObject b = article(u"conflict"_s, u"B"_s);
    a.insert("base_version"_L1, 2);
    b.insert("base_version"_L1, 2);
    const QString path = u"/api/v1/kb/articles/conflict.en"_s;
    const auto results =
        h->client->sendParallel({{"PUT", path, toJson(a), trainer, {{"Content-Type", "application/json"}}},
                                 {"PUT", path, toJson(b), lead, {{"Content-Type", "application/json"}}}});
    QCOMPARE(results.size(), 2);
    QList<int> statuses{results.at(0).status, results.at(1).status};
    std::sort(statuses.begin(), statuses.end());
    QCOMPARE(statuses, (QList<int>{200, 409}));
    const QString winner = results.at(0).status == 200 ? u"A"_s : u"B"_s;
    const QJsonObject now = h->client->get(path, trainer).json;
    QCOMPARE(now.value("title"_L1).toString(), winner);
    QCOMPARE(now.value("version"_L1).toInt(), 3);
}

void TestServerKb::versionsDiffAndRestore()
{
    QCOMPARE(create(article(u"history"_s, u"History"_s, u"line a\nline b\nline c"_s)).status, 201);
    QJsonObject v2 = article(u"history"_s, u"History"_s, u"line a\nline B\nline c\nline d"_s);
    v2.insert("category"_L1, "Network/TLS"_L1);
    v2.insert("tags"_L1, QJsonArray{"tls"_L1});
    v2.insert("base_version"_L1, 1);
    QCOMPARE(send("PUT", u"articles/history.en"_s, v2, lead).status, 200);
    QCOMPARE(send("POST", u"articles/history.en/publish"_s, {}, trainer).status, 200);

    const HttpResult versions = h->client->get(u"/api/v1/kb/articles/history.en/versions"_s, trainer);
    QCOMPARE(versions.status, 200);
    const QJsonArray list = versions.json.value("versions"_L1).toArray();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(0).toObject().value("version"_L1).toInt(), 3); // newest first
    QCOMPARE(list.at(0).toObject().value("status"_L1).toString(), u"published"_s);
    QCOMPARE(list.at(0).toObject().value("author"_L1).toString(), kTrainer);
    QCOMPARE(list.at(1).toObject().value("author"_L1).toString(), kLead);
    QCOMPARE(list.at(2).toObject().value("status"_L1).toString(), u"draft"_s);
    QVERIFY(!list.at(2).toObject().value("at"_L1).toString().isEmpty());

    const HttpResult first = h->client->get(u"/api/v1/kb/articles/history.en/versions/1"_s, trainer);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json.value("body"_L1).toString(), u"line a\nline b\nline c"_s);
    QCOMPARE(first.json.value("category"_L1).toString(), u"Network/Proxy"_s);
    QCOMPARE(h->client->get(u"/api/v1/kb/articles/history.en/versions/9"_s, trainer).status, 404);
    QCOMPARE(h->client->get(u"/api/v1/kb/articles/history.en/versions/x"_s, trainer).status, 404);

    const HttpResult diff = h->client->get(u"/api/v1/kb/articles/history.en/diff?from=1&to=2"_s, trainer);
    QCOMPARE(diff.status, 200);
    const QJsonArray body = diff.json.value("body"_L1).toArray();
    QStringList hunks;
    for (const QJsonValue &v : body) {
        const QJsonObject hunk = v.toObject();
        QStringList lines;
        for (const QJsonValue &l : hunk.value("lines"_L1).toArray())
            lines << l.toString();
        hunks << hunk.value("op"_L1).toString() + u':' + lines.join(u'|');
    }
    QCOMPARE(hunks, (QStringList{u"equal:line a"_s, u"delete:line b"_s, u"insert:line B"_s, u"equal:line c"_s,
                                 u"insert:line d"_s}));
    QCOMPARE(diff.json.value("title"_L1).toArray().size(), 1); // one equal hunk
    QStringList fields;
    for (const QJsonValue &v : diff.json.value("fields"_L1).toArray())
        fields << v.toObject().value("field"_L1).toString();
    QCOMPARE(fields, (QStringList{u"category"_s, u"tags"_s}));
    QCOMPARE(diff.json.value("fields"_L1).toArray().at(0).toObject().value("to"_L1).toString(),
             u"Network/TLS"_s);
    QCOMPARE(h->client->get(u"/api/v1/kb/articles/history.en/diff?to=2"_s, trainer).errorField(), u"from"_s);
    QCOMPARE(h->client->get(u"/api/v1/kb/articles/history.en/diff?from=1&to=7"_s, trainer).status, 404);

    const HttpResult restored = send("POST", u"articles/history.en/restore"_s, {{"version"_L1, 1}}, trainer);
    QCOMPARE(restored.status, 200);
    QCOMPARE(restored.json.value("version"_L1).toInt(), 4);
    QCOMPARE(restored.json.value("body"_L1).toString(), u"line a\nline b\nline c"_s);
    QCOMPARE(restored.json.value("category"_L1).toString(), u"Network/Proxy"_s);
    QCOMPARE(restored.json.value("status"_L1).toString(), u"published"_s); // the status stays
    const HttpResult noSuch = send("POST", u"articles/history.en/restore"_s, {{"version"_L1, 99}}, trainer);
    QCOMPARE(noSuch.status, 422);
    QCOMPARE(noSuch.errorField(), u"version"_s);
    QCOMPARE(send("POST", u"articles/history.en/restore"_s, {}, trainer).errorField(), u"version"_s);
    QCOMPARE(h->client->get(u"/api/v1/kb/articles/history.en/versions"_s, trainer)
                 .json.value("versions"_L1)
                 .toArray()
                 .size(),
             4);
}

void TestServerKb::onlyEditorsWrite()
{
    qint64 before = 0;
    sync(trainer, 0, true, &before);
    QJsonObject put = article(u"wifi-portal"_s);
    put.insert("base_version"_L1, 1);
    struct Write
    {
        QByteArray verb;
        QString path;
        QJsonObject body;
    };
    const QList<Write> writes{{"POST", u"articles"_s, article(u"agent-wrote"_s)},
                              {"PUT", u"articles/wifi-portal.en"_s, put},
                              {"DELETE", u"articles/wifi-portal.en"_s, {}},
                              {"POST", u"articles/rate-limit-playbook.en/publish"_s, {}},
                              {"POST", u"articles/wifi-portal.en/archive"_s, {}},
                              {"POST", u"articles/wifi-portal.en/restore"_s, {{"version"_L1, 1}}}};
    for (const Write &w : writes) {
        const HttpResult asAgent = send(w.verb, w.path, w.body, h->token);
        QVERIFY2(asAgent.status == 403, qPrintable(QString::fromLatin1(w.verb) + u' ' + w.path));
        QCOMPARE(asAgent.errorCode(), u"forbidden"_s);
        const HttpResult anonymous = send(w.verb, w.path, w.body, {});
        QVERIFY2(anonymous.status == 401, qPrintable(QString::fromLatin1(w.verb) + u' ' + w.path));
        QCOMPARE(anonymous.errorCode(), u"unauthorized"_s);
    }
    // Drafts, history and usage are for editors too.
    for (const QString &path : {u"articles?include_drafts=1"_s, u"articles/wifi-portal.en/versions"_s,
                                u"articles/wifi-portal.en/versions/1"_s,
                                u"articles/wifi-portal.en/diff?from=1&to=1"_s, u"usage"_s}) {
        QCOMPARE(h->client->get(u"/api/v1/kb/"_s + path, h->token).status, 403);
        QCOMPARE(h->client->get(u"/api/v1/kb/"_s + path).status, 401);
    }
    QCOMPARE(h->client->get(u"/api/v1/kb/articles"_s).status, 401);
    QCOMPARE(h->client->get(u"/api/v1/kb/articles"_s, h->token).status, 200);
    QCOMPARE(h->client->send("PATCH", u"/api/v1/kb/articles/wifi-portal.en"_s, {}, trainer, {}).status, 405);
    qint64 after = 0;
    sync(trainer, 0, true, &after);
    QCOMPARE(after, before); // nothing was written
    // An admin may write.
    QString error;
    QVERIFY2(h->fixture.service->addUser(u"ada"_s, Role::Admin, kPassword, &error), qPrintable(error));
    QCOMPARE(create(article(u"admin-wrote"_s), h->client->login(u"ada"_s, kPassword)).status, 201);
}

void TestServerKb::validationNamesTheField()
{
    struct Case
    {
        const char *key;
        QJsonValue value;
        QString field;
    };
    const QList<Case> cases{
        {"title", ""_L1, u"title"_s},
        {"causes", QJsonArray{"network"_L1, "weather"_L1}, u"causes[1]"_s},
        {"causes", "network"_L1, u"causes"_s},
        {"language", "fr"_L1, u"language"_s},
        {"group", "A"_L1, u"group"_s},
        {"audience", "everyone"_L1, u"audience"_s},
        {"status", "live"_L1, u"status"_s},
        {"category", u"网络/DNS"_s, u"category"_s},
        {"tags", QJsonArray{"UPPER"_L1}, u"tags"_s},
        {"tags", QJsonArray{"ok"_L1, 7}, u"tags[1]"_s},
        {"error_codes", QJsonArray{u"two words"_s}, u"error_codes"_s},
        {"body", QJsonValue(), u"body"_s},
        {"id", "other.en"_L1, u"id"_s},
    };
    for (const Case &c : cases) {
        QJsonObject body = article(u"valid-one"_s);
        if (c.value.isNull())
            body.remove(QLatin1StringView(c.key));
        else
            body.insert(QLatin1StringView(c.key), c.value);
        const HttpResult r = create(body);
        QVERIFY2(r.status == 422, c.key);
        QCOMPARE(r.errorCode(), u"validation_failed"_s);
        QCOMPARE(r.errorField(), c.field);
    }
    const HttpResult badJson = h->client->send("POST", u"/api/v1/kb/articles"_s, "{nope", trainer, {});
    QCOMPARE(badJson.status, 400);
    QCOMPARE(badJson.errorCode(), u"bad_json"_s);

    QJsonObject put = article(u"wifi-portal"_s);
    QCOMPARE(send("PUT", u"articles/wifi-portal.en"_s, put, trainer).errorField(), u"base_version"_s);
    put.insert("base_version"_L1, 1);
    put.insert("language"_L1, "zh_CN"_L1);
    const HttpResult moved = send("PUT", u"articles/wifi-portal.en"_s, put, trainer);
    QCOMPARE(moved.status, 422);
    QCOMPARE(moved.errorField(), u"language"_s);
    QJsonObject missing = article(u"no-such"_s);
    missing.insert("base_version"_L1, 1);
    QCOMPARE(send("PUT", u"articles/no-such.en"_s, missing, trainer).status, 404);

    QJsonObject huge = article(u"huge-one"_s);
    huge.insert("body"_L1, QString(600 * 1024, u'x'));
    const HttpResult tooLarge = create(huge);
    QCOMPARE(tooLarge.status, 413);
    QCOMPARE(tooLarge.errorCode(), u"payload_too_large"_s);
    QCOMPARE(create(article(u"valid-one"_s)).status, 201); // and nothing before it was stored
    QCOMPARE(sync(trainer, 0, true).size(), kStarterIds.size() + 1);
}

void TestServerKb::usageFeedbackCountsResolvedTickets()
{
    const qint64 fixed = h->post(networkReport(u"r-fixed"_s, u"m-fixed"_s));
    const qint64 back = h->post(networkReport(u"r-back"_s, u"m-back"_s));
    QVERIFY(fixed > 0 && back > 0);
    QCOMPARE(h->ticket(fixed).value("status"_L1).toString(), u"escalated"_s);
    QCOMPARE(act(fixed, u"claim"_s, u"c1"_s).status, 200);
    QCOMPARE(act(back, u"claim"_s, u"c2"_s).status, 200);

    QJsonObject reply{
        {"locale"_L1, "en"_L1}, {"title"_L1, "Hotel Wi-Fi"_L1}, {"body"_L1, "Sign in first."_L1}};
    reply.insert("kb_articles"_L1, QJsonArray{"nope.en"_L1});
    HttpResult r = act(fixed, u"reply"_s, u"bad-1"_s, reply);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorField(), u"kb_articles[0]"_s);
    QCOMPARE(r.errorCode(), u"unknown_article"_s);
    reply.insert("kb_articles"_L1, QJsonArray{"wifi-portal.en"_L1, 5});
    QCOMPARE(act(fixed, u"reply"_s, u"bad-2"_s, reply).errorField(), u"kb_articles[1]"_s);
    QJsonArray eleven;
    for (int i = 0; i < 11; ++i)
        eleven.append("wifi-portal.en"_L1);
    reply.insert("kb_articles"_L1, eleven);
    QCOMPARE(act(fixed, u"reply"_s, u"bad-3"_s, reply).errorField(), u"kb_articles"_s);

    reply.insert("kb_articles"_L1, QJsonArray{"wifi-portal.en"_L1, "wifi-portal.zh_CN"_L1});
    QCOMPARE(act(fixed, u"reply"_s, u"reply-1"_s, reply).status, 202);
    QCOMPARE(act(fixed, u"reply"_s, u"reply-1"_s, reply).headers.value("idempotent-replayed"),
             QByteArray("true"));
    reply.insert("kb_articles"_L1, QJsonArray{"wifi-portal.en"_L1});
    QCOMPARE(act(back, u"reply"_s, u"reply-2"_s, reply).status, 202);
    QJsonObject replied; // the gateway's outcome may already follow it
    for (const QJsonValue &e : h->events(back)) {
        if (e.toObject().value("kind"_L1).toString() == "replied"_L1)
            replied = e.toObject();
    }
    QCOMPARE(replied.value("detail"_L1).toObject().value("kb_articles"_L1).toArray(),
             QJsonArray{"wifi-portal.en"_L1});

    QCOMPARE(act(fixed, u"resolve"_s, u"res-1"_s, {{"resolution"_L1, "replied"_L1}}).status, 200);
    QCOMPARE(act(back, u"resolve"_s, u"res-2"_s, {{"resolution"_L1, "replied"_L1}}).status, 200);
    const auto usage = [this] {
        QHash<QString, std::pair<int, int>> counts;
        const HttpResult u = h->client->get(u"/api/v1/kb/usage"_s, trainer);
        for (const QJsonValue &v : u.json.value("articles"_L1).toArray()) {
            const QJsonObject o = v.toObject();
            counts.insert(o.value("id"_L1).toString(),
                          {o.value("inserted"_L1).toInt(), o.value("resolved"_L1).toInt()});
        }
        return counts;
    };
    QCOMPARE(usage().value(u"wifi-portal.en"_s), std::make_pair(2, 2));
    QCOMPARE(usage().value(u"wifi-portal.zh_CN"_s), std::make_pair(1, 1));

    // The user wrote again: reopened tickets do not count, even when resolved once more.
    QCOMPARE(act(back, u"reopen"_s, u"ro"_s, {{"reason"_L1, "still failing"_L1}}).status, 200);
    QCOMPARE(usage().value(u"wifi-portal.en"_s), std::make_pair(2, 1));
    QCOMPARE(act(back, u"claim"_s, u"c3"_s).status, 200);
    QCOMPARE(act(back, u"resolve"_s, u"res-3"_s, {{"resolution"_L1, "no_action"_L1}}).status, 200);
    QCOMPARE(usage().value(u"wifi-portal.en"_s), std::make_pair(2, 1));
    QCOMPARE(usage().value(u"wifi-portal.zh_CN"_s), std::make_pair(1, 1));
    QCOMPARE(usage().size(), 2);
}

void TestServerKb::writesPushKbChanged()
{
    QUrl url = h->fixture.service->baseUrl();
    url.setScheme(u"ws"_s);
    url.setPath(u"/api/v1/stream"_s);
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
    socket.open(url);
    QVERIFY(connected.wait(10000));
    socket.sendTextMessage(QString::fromUtf8(toJson({{"type"_L1, "auth"_L1}, {"token"_L1, h->token}})));
    QVERIFY(QTest::qWaitFor([&] { return !messages.isEmpty(); }, 15000));
    QCOMPARE(QJsonDocument::fromJson(messages.at(0).at(0).toString().toUtf8())
                 .object()
                 .value("type"_L1)
                 .toString(),
             u"ready"_s);

    const auto kbSeqs = [&messages] {
        QList<qint64> seqs;
        for (const auto &m : messages) {
            const QJsonObject o = QJsonDocument::fromJson(m.at(0).toString().toUtf8()).object();
            if (o.value("type"_L1).toString() == "kb.changed"_L1)
                seqs << o.value("seq"_L1).toInteger();
        }
        return seqs;
    };
    const qint64 published = send("POST", u"articles/rate-limit-playbook.en/publish"_s, {}, trainer)
                                 .json.value("seq"_L1)
                                 .toInteger();
    const qint64 deleted =
        send("DELETE", u"articles/wifi-portal.zh_CN"_s, {}, trainer).json.value("seq"_L1).toInteger();
    QVERIFY(published > 0 && deleted > published);
    QVERIFY(QTest::qWaitFor([&] { return kbSeqs().size() >= 2; }, 15000));
    QCOMPARE(kbSeqs(), (QList<qint64>{published, deleted}));
    // A write that changes nothing pushes nothing; a refused one neither.
    QCOMPARE(send("POST", u"articles/rate-limit-playbook.en/publish"_s, {}, trainer).status, 200);
    QCOMPARE(send("POST", u"articles/rate-limit-playbook.en/publish"_s, {}, h->token).status, 403);
    QCOMPARE(send("POST", u"articles/wifi-portal.en/archive"_s, {}, trainer).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return kbSeqs().size() >= 3; }, 15000));
    QCOMPARE(kbSeqs().size(), 3);
}

namespace {

// The length of the longest common subsequence (dynamic programming, for checking the diff on small inputs).
qsizetype lcs(const QStringList &a, const QStringList &b)
{
    QList<QList<qsizetype>> t(a.size() + 1, QList<qsizetype>(b.size() + 1, 0));
    for (qsizetype i = 1; i <= a.size(); ++i) {
        for (qsizetype j = 1; j <= b.size(); ++j)
            t[i][j] = a.at(i - 1) == b.at(j - 1) ? t[i - 1][j - 1] + 1 : qMax(t[i - 1][j], t[i][j - 1]);
    }
    return t[a.size()][b.size()];
}

} // namespace

void TestServerKb::textDiffIsMinimalAndExact()
{
    using relaydesk::kb::DiffHunk;
    QRandomGenerator random(20261128); // fixed: the same cases every run
    for (int round = 0; round < 400; ++round) {
        QStringList from, to;
        const int alphabet = 2 + round % 5;
        for (int i = int(random.bounded(25)); i > 0; --i)
            from << QString(QChar(u'a' + random.bounded(alphabet)));
        for (int i = int(random.bounded(25)); i > 0; --i)
            to << QString(QChar(u'a' + random.bounded(alphabet)));
        QString error;
        const auto hunks = relaydesk::kb::diffLines(from, to, &error);
        QVERIFY(hunks.has_value());
        QStringList left, right;
        qsizetype equal = 0;
        for (qsizetype i = 0; i < hunks->size(); ++i) {
            const DiffHunk &hunk = hunks->at(i);
            QVERIFY(!hunk.lines.isEmpty());
            if (i > 0)
                QVERIFY(hunks->at(i - 1).op != hunk.op); // merged
            if (i > 0 && hunk.op == DiffHunk::Op::Delete)
                QVERIFY(hunks->at(i - 1).op != DiffHunk::Op::Insert); // deletions first
            if (hunk.op != DiffHunk::Op::Insert)
                left << hunk.lines;
            if (hunk.op != DiffHunk::Op::Delete)
                right << hunk.lines;
            if (hunk.op == DiffHunk::Op::Equal)
                equal += hunk.lines.size();
        }
        QCOMPARE(left, from);
        QCOMPARE(right, to);
        QCOMPARE(equal, lcs(from, to)); // the shortest edit script
    }
    QString error;
    QCOMPARE(relaydesk::kb::diffText(u"x\r\ny"_s, u"x\ny\n"_s, &error)->size(),
             2); // CR dropped; "" line added
    const QStringList big(relaydesk::kb::kMaxDiffLines + 1, u"line"_s);
    QVERIFY(!relaydesk::kb::diffLines(big, {}, &error));
    QVERIFY(error.contains(u"20000"_s));
}

void TestServerKb::articlePageRoundTripsAndNamesFields()
{
    using namespace relaydesk::kb;
    Article a;
    a.id = u"wifi-portal.zh_CN"_s;
    a.translationGroup = u"wifi-portal"_s;
    a.language = u"zh_CN"_s;
    a.title = u"在酒店 Wi-Fi 下发送失败"_s;
    a.body = u"正文\nline"_s;
    a.category = u"Network/DNS"_s;
    a.tags = {u"wifi"_s};
    a.causes = {relaydesk::Cause::Network, relaydesk::Cause::Policy};
    a.errorCodes = {u"ENOTFOUND"_s};
    a.appVersions = u">=5.2.0 <5.4.1"_s;
    a.audience = Audience::User;
    a.status = ArticleStatus::Archived;
    a.version = 7;
    a.author = u"tina"_s;
    a.updatedAtMs = 1'790'000'000'123;
    ArticleRecord tomb;
    tomb.article.id = u"gone.en"_s;
    tomb.seq = 12;
    tomb.deleted = true;
    const ArticlePage page{{{a, 11, false}, tomb}, 12, true};
    const auto decoded = decodeArticlePage(encodeArticlePage(page));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
    QCOMPARE(decoded.value().articles, page.articles);
    QCOMPARE(decoded.value().nextSince, 12);
    QVERIFY(decoded.value().hasMore);

    QJsonObject json = encodeArticlePage(page);
    QJsonArray articles = json.value("articles"_L1).toArray();
    QJsonObject first = articles.at(0).toObject();
    first.insert("causes"_L1, QJsonArray{"network"_L1, "weather"_L1});
    articles.replace(0, first);
    json.insert("articles"_L1, articles);
    QCOMPARE(decodeArticlePage(json).error().path, u"articles[0].causes[1]"_s);
    first.insert("causes"_L1, QJsonArray{});
    first.insert("audience"_L1, "everyone"_L1);
    articles.replace(0, first);
    json.insert("articles"_L1, articles);
    QCOMPARE(decodeArticlePage(json).error().path, u"articles[0].audience"_s);
    first.remove("updated_at"_L1);
    first.insert("audience"_L1, "user"_L1);
    articles.replace(0, first);
    json.insert("articles"_L1, articles);
    QCOMPARE(decodeArticlePage(json).error().path, u"articles[0].updated_at"_s);
    QCOMPARE(decodeArticlePage({{"articles"_L1, QJsonArray{}}, {"next_since"_L1, 0}}).error().path,
             u"has_more"_s);
}

QTEST_GUILESS_MAIN(TestServerKb)
#include "tst_server_kb.moc"

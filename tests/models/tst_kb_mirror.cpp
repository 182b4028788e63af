// The console's KB mirror against a real service over HTTP and WebSocket on 127.0.0.1: the initial delta sync
// (paged) fills the mirror file and the Xapian index; an edit, an archive and a delete made through the API
// reach both through the stream's kb.changed push; a restart without the service reopens offline; a lost
// index is rebuilt from the mirror.
#include "core/kb/ArticleCodec.h"
#include "models/ApiClient.h"
#include "models/KbMirror.h"
#include "models/KbResultsModel.h"
#include "models/SyncEngine.h"
#include "models/TicketCache.h"
#include "server/Service.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFuture>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace relaydesk;
using namespace relaydesk::models;
using namespace Qt::StringLiterals;

namespace {

template <typename T> T await(QFuture<T> future)
{
    // The futures finish on worker threads; keep the event loop turning so queued signals still arrive.
    while (!future.isFinished())
        QTest::qWait(5);
    return future.result();
}

QStringList ids(const QList<KbHit> &hits)
{
    QStringList out;
    for (const KbHit &h : hits)
        out << h.id;
    return out;
}

QList<KbHit> find(const KbMirror &mirror, const QString &text)
{
    KbQuery q;
    q.text = text;
    q.limit = 20;
    return await(mirror.search(q));
}

template <typename T> T call(std::function<void(std::function<void(ApiResult<T>)>)> start)
{
    std::optional<ApiResult<T>> result;
    start([&result](ApiResult<T> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        qFatal("the service did not answer");
    if (!result->ok())
        qWarning() << "API call failed:" << result->error.message;
    return result->value.value_or(T{});
}

} // namespace

class TestKbMirror final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<server::Service> m_service;
    QString m_agentToken;
    QString m_trainerToken;
    int m_published = 0; // published starter articles: what an agent's mirror holds

    QString mirrorPath() const { return m_dir.filePath(u"kb.sqlite"_s); }
    QString indexPath() const { return m_dir.filePath(u"kb-index"_s); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        server::ServiceOptions options;
        options.databasePath = m_dir.filePath(u"service.sqlite"_s);
        m_service = std::make_unique<server::Service>(options);
        QString error;
        QVERIFY2(m_service->start(&error), qPrintable(error));
        QVERIFY2(m_service->addUser(u"mei"_s, Role::Agent, u"pw-123456"_s, &error), qPrintable(error));
        QVERIFY2(m_service->addUser(u"tina"_s, Role::Trainer, u"pw-123456"_s, &error), qPrintable(error));
        m_agentToken = m_service->issueToken(u"mei"_s, &error);
        m_trainerToken = m_service->issueToken(u"tina"_s, &error);
        QVERIFY(!m_agentToken.isEmpty() && !m_trainerToken.isEmpty());

        // What the service serves an agent, counted independently of the mirror.
        ApiClient api(&m_nam, m_service->baseUrl());
        api.setToken(m_agentToken);
        qint64 since = 0;
        for (bool more = true; more;) {
            const kb::ArticlePage page =
                call<kb::ArticlePage>([&](auto done) { api.fetchKbArticles(since, 500, false, done); });
            for (const kb::ArticleRecord &r : page.articles)
                m_published += r.deleted ? 0 : 1;
            more = page.hasMore && !page.articles.isEmpty();
            since = page.nextSince;
        }
        QVERIFY2(m_published >= 40, "the starter knowledge base is loaded into a fresh service");
    }

    void snippetHtmlEscapesThenMarks()
    {
        QCOMPARE(KbResultsModel::snippetHtml(u"a <script>x</script> \x01"
                                             "DNS\x02 & \x01网络\x02"_s),
                 u"a &lt;script&gt;x&lt;/script&gt; <b>DNS</b> &amp; <b>网络</b>"_s);
        QCOMPARE(KbResultsModel::snippetHtml(u"\x02stray \x01open"_s), u"stray <b>open</b>"_s);
        KbResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        KbHit hit;
        hit.id = u"x.en"_s;
        hit.title = u"<i>T</i>"_s;
        hit.snippet = u"\x01<b>\x02"_s;
        model.setHits({hit});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), u"<i>T</i>"_s); // plain text, shown as such
        QCOMPARE(model.index(0).data(KbResultsModel::SnippetHtmlRole).toString(), u"<b>&lt;b&gt;</b>"_s);
        QCOMPARE(model.rowOf(u"x.en"_s), 0);
    }

    void initialSyncFillsMirrorAndIndex()
    {
        ApiClient api(&m_nam, m_service->baseUrl());
        api.setToken(m_agentToken);
        KbMirror mirror(&api, mirrorPath(), indexPath());
        mirror.setPageSize(7); // many pages
        QSignalSpy caughtUp(&mirror, &KbMirror::caughtUp);
        QSignalSpy problems(&mirror, &KbMirror::problem);
        mirror.start();
        QVERIFY(caughtUp.wait(60000));
        QVERIFY2(problems.isEmpty(),
                 problems.isEmpty() ? "" : qPrintable(problems.first().first().toString()));
        QCOMPARE(mirror.articleCount(), m_published);
        QVERIFY(mirror.cursor() > 0);

        // Chinese (two characters) and English both find the attachment article; drafts are not mirrored.
        QVERIFY(ids(find(mirror, u"文件"_s)).contains(u"attachment-too-large.zh_CN"_s));
        QVERIFY(ids(find(mirror, u"attachment"_s)).contains(u"attachment-too-large.en"_s));
        QVERIFY(
            !await(mirror.article(u"unknown-cause-triage.en"_s)).has_value()); // a draft in the starter set
        const auto article = await(mirror.article(u"attachment-too-large.en"_s));
        QVERIFY(article.has_value());
        QCOMPARE(article->translationGroup, u"attachment-too-large"_s);
        const auto translation = await(mirror.inLanguage(u"attachment-too-large"_s, u"zh_CN"_s));
        QVERIFY(translation.has_value());
        QCOMPARE(translation->id, u"attachment-too-large.zh_CN"_s);
        QCOMPARE(await(mirror.articles()).size(), m_published);

        // Suggestions from a diagnosis: an error code brings its article.
        KbSuggestContext context;
        context.errorCode = u"M_TOO_LARGE"_s;
        context.cause = Cause::Policy;
        QVERIFY(ids(await(mirror.suggest(context))).contains(u"attachment-too-large.en"_s));
    }

    void editArchiveDeleteReachMirrorThroughTheStream()
    {
        ApiClient api(&m_nam, m_service->baseUrl());
        api.setToken(m_agentToken);
        TicketCache cache(m_dir.filePath(u"tickets.sqlite"_s));
        SyncEngine sync(&api, &cache);
        KbMirror mirror(&api, mirrorPath(), indexPath());
        connect(&sync, &SyncEngine::kbChanged, &mirror, &KbMirror::onKbChanged);
        QSignalSpy caughtUp(&mirror, &KbMirror::caughtUp);
        QSignalSpy problems(&mirror, &KbMirror::problem);
        mirror.start();
        QVERIFY(caughtUp.wait(30000));
        sync.start();
        QTRY_COMPARE_WITH_TIMEOUT(sync.state(), SyncEngine::State::Live, 20000);
        const qint64 before = mirror.cursor();

        ApiClient trainer(&m_nam, m_service->baseUrl());
        trainer.setToken(m_trainerToken);
        // A new published article with a word nobody else uses.
        kb::Article a;
        a.translationGroup = u"mirror-test"_s;
        a.language = u"en"_s;
        a.id = u"mirror-test.en"_s;
        a.title = u"Mirror test article"_s;
        a.body = u"The zyxwordalpha procedure for 断线 reconnects."_s;
        a.category = u"Testing/Mirror"_s;
        a.audience = kb::Audience::Agent;
        a.status = kb::ArticleStatus::Published;
        const kb::ArticleRecord created =
            call<kb::ArticleRecord>([&](auto done) { trainer.createKbArticle(a, done); });
        QCOMPARE(created.article.version, 1);
        QTRY_VERIFY_WITH_TIMEOUT(ids(find(mirror, u"zyxwordalpha"_s)).contains(a.id), 20000);
        QVERIFY(mirror.cursor() > before);

        // Edit: the new word is found, the old one is not.
        a.body = u"The qwertbeta procedure replaces the old one."_s;
        const kb::ArticleRecord edited =
            call<kb::ArticleRecord>([&](auto done) { trainer.updateKbArticle(a, 1, done); });
        QCOMPARE(edited.article.version, 2);
        QTRY_VERIFY_WITH_TIMEOUT(ids(find(mirror, u"qwertbeta"_s)).contains(a.id), 20000);
        QVERIFY(!ids(find(mirror, u"zyxwordalpha"_s)).contains(a.id));
        QCOMPARE(await(mirror.article(a.id))->version, 2);

        // A stale edit is refused with version_conflict and changes nothing.
        std::optional<ApiResult<kb::ArticleRecord>> stale;
        trainer.updateKbArticle(a, 1, [&stale](ApiResult<kb::ArticleRecord> r) { stale = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(stale.has_value(), 20000);
        QVERIFY(!stale->ok());
        QCOMPARE(stale->error.httpStatus, 409);
        QCOMPARE(stale->error.code, u"version_conflict"_s);

        // Archive a starter article: gone from the agent's mirror and index.
        const QString archivedId = u"attachment-too-large.en"_s;
        const auto current = await(mirror.article(archivedId));
        QVERIFY(current.has_value());
        call<kb::ArticleRecord>(
            [&](auto done) { trainer.archiveKbArticle(archivedId, current->version, done); });
        QTRY_VERIFY_WITH_TIMEOUT(!await(mirror.article(archivedId)).has_value(), 20000);
        QVERIFY(!ids(find(mirror, u"attachment"_s)).contains(archivedId));
        QVERIFY(
            ids(find(mirror, u"文件"_s)).contains(u"attachment-too-large.zh_CN"_s)); // its translation stays

        // Delete the test article.
        call<kb::ArticleRecord>([&](auto done) { trainer.deleteKbArticle(a.id, 2, done); });
        QTRY_VERIFY_WITH_TIMEOUT(!await(mirror.article(a.id)).has_value(), 20000);
        QVERIFY(!ids(find(mirror, u"qwertbeta"_s)).contains(a.id));
        QCOMPARE(mirror.articleCount(), m_published - 1);
        QVERIFY2(problems.isEmpty(),
                 problems.isEmpty() ? "" : qPrintable(problems.first().first().toString()));
        sync.stop();
    }

    void restartReopensOffline()
    {
        // No service at this address: the mirror opens what it has and says the sync failed.
        ApiClient api(&m_nam, QUrl(u"http://127.0.0.1:9"_s));
        api.setToken(m_agentToken);
        KbMirror mirror(&api, mirrorPath(), indexPath());
        QSignalSpy opened(&mirror, &KbMirror::opened);
        QSignalSpy problems(&mirror, &KbMirror::problem);
        mirror.start();
        QVERIFY(opened.wait(20000));
        QCOMPARE(opened.first().first().toInt(), m_published - 1);
        QVERIFY(problems.wait(20000));
        QVERIFY(problems.first().first().toString().contains(u"could not be synced"_s));
        QVERIFY(ids(find(mirror, u"文件"_s)).contains(u"attachment-too-large.zh_CN"_s));
        QVERIFY(!ids(find(mirror, u"attachment"_s)).contains(u"attachment-too-large.en"_s));
    }

    void secondWindowSearchesReadOnly()
    {
        ApiClient api(&m_nam, m_service->baseUrl());
        api.setToken(m_agentToken);
        KbMirror first(&api, mirrorPath(), indexPath());
        QSignalSpy caughtUp(&first, &KbMirror::caughtUp);
        first.start();
        QVERIFY(caughtUp.wait(30000));
        // A second console on the same data: the index has one writer, so this one only searches.
        KbMirror second(&api, mirrorPath(), indexPath());
        QSignalSpy opened(&second, &KbMirror::opened);
        QSignalSpy problems(&second, &KbMirror::problem);
        second.start();
        QVERIFY(opened.wait(20000));
        QVERIFY(second.isReadOnly());
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().first().toString().contains(u"another Relaydesk window"_s));
        QVERIFY(ids(find(second, u"文件"_s)).contains(u"attachment-too-large.zh_CN"_s));
        QVERIFY(!first.isReadOnly());
    }

    void lostIndexIsRebuiltFromTheMirror()
    {
        QVERIFY(QDir(indexPath()).removeRecursively());
        ApiClient api(&m_nam, m_service->baseUrl());
        api.setToken(m_agentToken);
        KbMirror mirror(&api, mirrorPath(), indexPath());
        QSignalSpy caughtUp(&mirror, &KbMirror::caughtUp);
        mirror.start();
        QVERIFY(caughtUp.wait(30000));
        QCOMPARE(mirror.articleCount(), m_published - 1);
        QVERIFY(ids(find(mirror, u"文件"_s)).contains(u"attachment-too-large.zh_CN"_s));
    }

    void cleanupTestCase() { m_service.reset(); }
};

QTEST_MAIN(TestKbMirror)
#include "tst_kb_mirror.moc"

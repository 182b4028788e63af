#include "core/kb/ArticleFile.h"
#include "models/kb/KbIndex.h"
#include "models/kb/KbText.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace relaydesk;
using namespace relaydesk::models;

namespace {

const QString kStarterDir = QStringLiteral(RELAYDESK_SOURCE_DIR "/resources/kb/articles");
const QString kFixtures = QStringLiteral(RELAYDESK_SOURCE_DIR "/tests/kb/relevance.json");

QStringList idsOf(const QList<KbHit> &hits)
{
    QStringList ids;
    for (const KbHit &h : hits)
        ids << h.id;
    return ids;
}

QSet<QString> setOf(const QList<KbHit> &hits)
{
    const QStringList ids = idsOf(hits);
    return QSet<QString>(ids.begin(), ids.end());
}

kb::Article makeArticle(const QString &group, const QString &body)
{
    kb::Article a;
    a.id = group + u".en"_s;
    a.translationGroup = group;
    a.language = u"en"_s;
    a.title = u"Test article "_s + group;
    a.body = body;
    a.category = u"Test/Incremental"_s;
    a.tags = {u"test"_s};
    a.causes = {Cause::User};
    a.audience = kb::Audience::User;
    return a;
}

} // namespace

class KbSearchTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const kb::ArticleDirLoad load = kb::loadArticleDir(kStarterDir);
        QVERIFY2(load.errors.isEmpty(), qPrintable(load.errors.join(u'\n')));
        QVERIFY(load.articles.size() >= 80);
        m_articles = load.articles;
        QString error;
        QVERIFY2(m_index.open(m_dir.filePath(u"index"_s), &error), qPrintable(error));
        for (const kb::Article &a : m_articles)
            QVERIFY2(m_index.upsert(a), qPrintable(m_index.lastError()));
        QVERIFY(m_index.commit());
        QCOMPARE(m_index.documentCount(), int(m_articles.size()));
    }

    void relevance_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("all");
        QTest::addColumn<QStringList>("any");
        QFile f(kFixtures);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray queries =
            QJsonDocument::fromJson(f.readAll()).object().value(u"queries"_s).toArray();
        QVERIFY(queries.size() >= 30);
        QSet<QString> known;
        for (const kb::Article &a : std::as_const(m_articles))
            known.insert(a.id);
        int row = 0;
        for (const QJsonValue &v : queries) {
            const QJsonObject q = v.toObject();
            QStringList all;
            QStringList any;
            for (const QJsonValue &id : q.value(u"top3"_s).toArray())
                all << id.toString();
            for (const QJsonValue &id : q.value(u"anyTop3"_s).toArray())
                any << id.toString();
            for (const QString &id : all + any)
                QVERIFY2(known.contains(id), qPrintable(u"fixture names an unknown article: "_s + id));
            QVERIFY(!all.isEmpty() || !any.isEmpty());
            const QString text = q.value(u"query"_s).toString();
            const QString language = q.value(u"language"_s).toString();
            QTest::addRow("%02d %s%s", ++row, qPrintable(text),
                          language.isEmpty() ? "" : qPrintable(u" ["_s + language + u']'))
                << text << language << all << any;
        }
    }

    void relevance()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QStringList, all);
        QFETCH(QStringList, any);
        KbQuery q;
        q.text = text;
        q.language = language;
        q.limit = 3;
        const QStringList top = idsOf(m_index.search(q));
        const QString got = u"top 3 for '%1': %2"_s.arg(text, top.join(u", "_s));
        for (const QString &id : all)
            QVERIFY2(top.contains(id), qPrintable(got + u" (missing "_s + id + u')'));
        if (!any.isEmpty()) {
            bool found = false;
            for (const QString &id : any)
                found = found || top.contains(id);
            QVERIFY2(found, qPrintable(got + u" (none of "_s + any.join(u", "_s) + u')'));
        }
    }

    void snippetsArePlainTextWithMarks()
    {
        KbQuery q;
        q.text = u"证书"_s;
        q.limit = 1;
        q.markStart = u"<<"_s;
        q.markEnd = u">>"_s;
        const QList<KbHit> hits = m_index.search(q);
        QCOMPARE(hits.size(), 1);
        QVERIFY2(hits.front().snippet.contains(u"<<证"_s), qPrintable(hits.front().snippet));
        QVERIFY(!hits.front().snippet.contains(u"**"_s)); // Markdown stripped

        q.text = u"M_LIMIT_EXCEEDED"_s;
        q.markStart = u"\x01"_s;
        q.markEnd = u"\x02"_s;
        q.language = u"en"_s;
        const QList<KbHit> codeHits = m_index.search(q);
        QCOMPARE(codeHits.size(), 1);
        QVERIFY2(codeHits.front().snippet.contains(u"\x01M_LIMIT_EXCEEDED\x02"_s),
                 qPrintable(codeHits.front().snippet));
        // The rate-limit playbook quotes JSON from a log: the quotes come back as themselves, not as
        // entities.
        QVERIFY(!codeHits.front().snippet.contains(u"&quot;"_s));
        QVERIFY(!codeHits.front().snippet.contains(u"&amp;"_s));
    }

    // Two-character Chinese words match exactly the published articles that contain them in an indexed field
    // (the query keeps only the bigram of 消 AND 消息 AND 息; the match set must not change), and the snippet
    // still marks the characters.
    void chineseWordsMatchEveryArticleContainingThem()
    {
        for (const QString &word : {u"消息"_s, u"网络"_s, u"证书"_s, u"重试"_s, u"发送"_s}) {
            int expected = 0;
            for (const kb::Article &a : std::as_const(m_articles)) {
                const QString fields = QStringList{a.title, a.tags.join(u' '), a.errorCodes.join(u' '),
                                                   a.category, kbtext::plainText(a.body)}
                                           .join(u'\n');
                expected += a.status == kb::ArticleStatus::Published && fields.contains(word) ? 1 : 0;
            }
            KbQuery q;
            q.text = word;
            q.limit = 1000;
            q.markStart = u"["_s;
            q.markEnd = u"]"_s;
            int total = -1;
            const QList<KbHit> hits = m_index.search(q, nullptr, &total);
            QVERIFY2(expected > 0, qPrintable(word));
            QCOMPARE(hits.size(), expected);
            QCOMPARE(total, expected);
            int marked = 0;
            for (const KbHit &h : hits)
                marked += h.snippet.contains(u'[' + word.front()) ? 1 : 0;
            QVERIFY2(marked > 0, qPrintable(word));
        }
    }

    // Status filtering: published only by default, any status on request, one status exactly.
    void statusFilter()
    {
        KbIndex index;
        QTemporaryDir dir;
        QVERIFY(index.open(dir.filePath(u"status"_s)));
        kb::Article published = makeArticle(u"pub"_s, u"zebrafish feeding guide"_s);
        kb::Article draft = makeArticle(u"draft"_s, u"zebrafish feeding draft"_s);
        draft.status = kb::ArticleStatus::Draft;
        kb::Article archived = makeArticle(u"old"_s, u"zebrafish feeding archive"_s);
        archived.status = kb::ArticleStatus::Archived;
        QVERIFY(index.upsert(published) && index.upsert(draft) && index.upsert(archived) && index.commit());
        KbQuery q;
        q.text = u"zebrafish"_s;
        QCOMPARE(idsOf(index.search(q)), QStringList{u"pub.en"_s});
        q.text.clear();
        QCOMPARE(idsOf(index.search(q)), QStringList{u"pub.en"_s});
        q.status.reset();
        QCOMPARE(setOf(index.search(q)), (QSet<QString>{u"pub.en"_s, u"draft.en"_s, u"old.en"_s}));
        q.text = u"feeding"_s;
        QCOMPARE(setOf(index.search(q)), (QSet<QString>{u"pub.en"_s, u"draft.en"_s, u"old.en"_s}));
        q.status = kb::ArticleStatus::Archived;
        QCOMPARE(idsOf(index.search(q)), QStringList{u"old.en"_s});
        q.status = kb::ArticleStatus::Draft;
        q.text.clear();
        QCOMPARE(idsOf(index.search(q)), QStringList{u"draft.en"_s});
    }

    // Search as you type: the last word without a trailing space also matches longer words starting with it.
    void lastWordMatchesAsPrefix()
    {
        KbIndex index;
        QTemporaryDir dir;
        QVERIFY(index.open(dir.filePath(u"prefix"_s)));
        QVERIFY(index.upsert(makeArticle(u"zebra"_s, u"zebra crossing"_s)));
        QVERIFY(index.upsert(makeArticle(u"fish"_s, u"zebrafish tank"_s)));
        QVERIFY(index.upsert(makeArticle(u"air"_s, u"zeppelin flight"_s)));
        QVERIFY(index.commit());
        KbQuery q;
        q.text = u"zebra"_s;
        QCOMPARE(setOf(index.search(q)), (QSet<QString>{u"zebra.en"_s, u"fish.en"_s}));
        q.text = u"zebra "_s;
        QCOMPARE(idsOf(index.search(q)), QStringList{u"zebra.en"_s});
        q.text = u"ze"_s;
        QCOMPARE(setOf(index.search(q)), (QSet<QString>{u"zebra.en"_s, u"fish.en"_s, u"air.en"_s}));
    }

    void typoCorrectionIsReported()
    {
        KbQuery q;
        q.text = u"certifcate error"_s;
        QString corrected;
        QVERIFY(!m_index.search(q, &corrected).isEmpty());
        QCOMPARE(corrected, u"certificate error"_s);
        q.text = u"certificate"_s;
        m_index.search(q, &corrected);
        QVERIFY(corrected.isEmpty());
        q.text = u"M_LIMIT_EXCEDED"_s; // codes are not "corrected" word by word
        m_index.search(q, &corrected);
        QVERIFY(corrected.isEmpty());
    }

    void filters()
    {
        KbQuery q;
        q.text = u"retry"_s;
        q.limit = 100;
        q.categoryPrefix = u"Network"_s;
        const QList<KbHit> network = m_index.search(q);
        QVERIFY(!network.isEmpty());
        for (const KbHit &h : network)
            QVERIFY2(h.category.startsWith(u"Network/"_s) || h.category == u"Network"_s,
                     qPrintable(h.category));

        q.categoryPrefix = u"network/dns"_s; // case-insensitive, exact path levels
        const QList<KbHit> dns = m_index.search(q);
        QVERIFY(!dns.isEmpty());
        QVERIFY(dns.size() < network.size());
        for (const KbHit &h : dns)
            QCOMPARE(h.category, u"Network/DNS"_s);
        q.categoryPrefix = u"Netw"_s; // not a whole segment
        QVERIFY(m_index.search(q).isEmpty());

        q.categoryPrefix.clear();
        q.language = u"zh_CN"_s;
        q.audience = kb::Audience::Agent;
        const QList<KbHit> zhAgent = m_index.search(q);
        QVERIFY(!zhAgent.isEmpty());
        for (const KbHit &h : zhAgent) {
            QCOMPARE(h.language, u"zh_CN"_s);
            QCOMPARE(h.audience, kb::Audience::Agent);
        }

        q.language.clear();
        q.audience.reset();
        q.cause = Cause::Policy;
        const QList<KbHit> policy = m_index.search(q);
        QSet<QString> policyIds;
        for (const kb::Article &a : std::as_const(m_articles)) {
            if (a.causes.contains(Cause::Policy))
                policyIds.insert(a.id);
        }
        for (const KbHit &h : policy)
            QVERIFY2(policyIds.contains(h.id), qPrintable(h.id));

        // Empty text lists every article passing the filters, by title.
        KbQuery all;
        all.limit = 1000;
        all.language = u"en"_s;
        const QList<KbHit> listing = m_index.search(all);
        int publishedEnglish = 0;
        for (const kb::Article &a : std::as_const(m_articles))
            publishedEnglish += a.language == u"en"_s && a.status == kb::ArticleStatus::Published ? 1 : 0;
        QCOMPARE(listing.size(), publishedEnglish);
        for (qsizetype i = 1; i < listing.size(); ++i)
            QVERIFY(listing.at(i - 1).title.toLower() <= listing.at(i).title.toLower());
    }

    void suggestionsFromTheDiagnosis()
    {
        KbSuggestContext c;
        c.cause = Cause::Server;
        c.errorCode = u"m_limit_exceeded"_s;
        c.language = u"en"_s;
        c.limit = 2;
        QCOMPARE(setOf(m_index.suggest(c)),
                 (QSet<QString>{u"rate-limit-retry-after.en"_s, u"rate-limit-user.en"_s}));

        // A crash on 8.3.0: the three "fixed in a later version" answers whose range holds 8.3.0 come first.
        KbSuggestContext crash;
        crash.cause = Cause::Client;
        crash.errorCode = u"CLIENT_CRASH"_s;
        crash.appVersion = u"8.3.0"_s;
        crash.language = u"en"_s;
        crash.limit = 3;
        QCOMPARE(setOf(m_index.suggest(crash)),
                 (QSet<QString>{u"android-crash-upgrade.en"_s, u"ios-crash-upgrade.en"_s,
                                u"desktop-window-crash.en"_s}));
        crash.limit = 50;
        crash.appVersion = u"8.5.0"_s; // fixed already: those answers would be wrong
        const QStringList newer = idsOf(m_index.suggest(crash));
        QVERIFY(!newer.isEmpty());
        QVERIFY(!newer.contains(u"android-crash-upgrade.en"_s));
        QVERIFY(!newer.contains(u"ios-crash-upgrade.en"_s));
        QVERIFY(newer.contains(u"android-crash-playbook.en"_s));
        crash.appVersion = u"8.1.0"_s; // before the iOS bug (>=8.2.0), inside the Android one (<8.4.1)
        const QStringList older = idsOf(m_index.suggest(crash));
        QVERIFY(older.contains(u"android-crash-upgrade.en"_s));
        QVERIFY(!older.contains(u"ios-crash-upgrade.en"_s));

        KbSuggestContext none;
        QVERIFY(m_index.suggest(none).isEmpty());
    }

    void oddQueriesDoNotFail()
    {
        for (const QString &text : {u"\"captive"_s, u"AND"_s, u"("_s, u"-"_s, u"*"_s, u"NOT OR"_s, u"\"\""_s,
                                    u"a"_s, u"\u0001"_s, QString(3000, u'网')}) {
            KbQuery q;
            q.text = text;
            m_index.search(q);
            QVERIFY2(m_index.lastError().isEmpty(), qPrintable(m_index.lastError()));
        }
        KbQuery q;
        q.text = u"\"captive portal"_s; // unbalanced quote while typing
        QVERIFY(!m_index.search(q).isEmpty());
    }

    void incrementalEditUnpublishDelete()
    {
        QTemporaryDir dir;
        KbIndex index;
        QVERIFY(index.open(dir.path()));
        QVERIFY(index.upsert(makeArticle(u"alpha"_s, u"The zebrafish swims in the aquarium.\n"_s)));
        QVERIFY(index.upsert(makeArticle(u"beta"_s, u"Unrelated text about gardening.\n"_s)));
        QVERIFY(index.commit());
        QCOMPARE(index.documentCount(), 2);
        KbQuery q;
        q.text = u"zebrafish"_s;
        QCOMPARE(idsOf(index.search(q)), QStringList{u"alpha.en"_s});
        QString corrected;
        q.text = u"zebrafsh"_s;
        QCOMPARE(idsOf(index.search(q, &corrected)), QStringList{u"alpha.en"_s});
        QCOMPARE(corrected, u"zebrafish"_s);

        // Edit: the old words are gone (also from the spelling dictionary), the new ones found; still 2
        // documents.
        QVERIFY(index.upsert(makeArticle(u"alpha"_s, u"The quokka smiles on the island.\n"_s)));
        QVERIFY(index.commit());
        QCOMPARE(index.documentCount(), 2);
        q.text = u"zebrafish"_s;
        QVERIFY(index.search(q).isEmpty());
        q.text = u"zebrafsh"_s;
        QVERIFY(index.search(q, &corrected).isEmpty());
        QVERIFY(corrected.isEmpty());
        q.text = u"quokka"_s;
        QCOMPARE(idsOf(index.search(q)), QStringList{u"alpha.en"_s});

        // Unpublish: gone from default searches, still there for trainers asking for any status.
        kb::Article draft = makeArticle(u"alpha"_s, u"The quokka smiles on the island.\n"_s);
        draft.status = kb::ArticleStatus::Draft;
        QVERIFY(index.upsert(draft));
        QVERIFY(index.commit());
        QVERIFY(index.search(q).isEmpty());
        q.status.reset();
        QCOMPARE(idsOf(index.search(q)), QStringList{u"alpha.en"_s});
        q.status = kb::ArticleStatus::Draft;
        QCOMPARE(idsOf(index.search(q)), QStringList{u"alpha.en"_s});

        // Searches see a change only after commit().
        QVERIFY(index.remove(u"alpha.en"_s));
        QCOMPARE(idsOf(index.search(q)), QStringList{u"alpha.en"_s});
        QVERIFY(index.commit());
        QVERIFY(index.search(q).isEmpty());
        QCOMPARE(index.documentCount(), 1);
        QCOMPARE(index.ids(), QStringList{u"beta.en"_s});
        QVERIFY(index.remove(u"never-indexed.en"_s));
        QVERIFY(index.commit());
        QCOMPARE(index.documentCount(), 1);
    }

    void oneWriterManyReaders()
    {
        QTemporaryDir dir;
        KbIndex writer;
        QVERIFY(writer.open(dir.path()));
        QVERIFY(writer.upsert(makeArticle(u"gamma"_s, u"Persistent wombat article.\n"_s)));
        QVERIFY(writer.commit());

        KbIndex second;
        QString error;
        QVERIFY(!second.open(dir.path(), &error)); // the write lock is taken
        QVERIFY(!error.isEmpty());
        KbIndex reader;
        QVERIFY(reader.openReadOnly(dir.path()));
        QVERIFY(!reader.upsert(makeArticle(u"delta"_s, u"x\n"_s)));
        QCOMPARE(reader.lastError(), u"the index is not open for writing"_s);

        std::atomic<int> failures = 0;
        std::atomic<bool> done = false;
        QList<QThread *> threads;
        for (int t = 0; t < 3; ++t) {
            threads << QThread::create([&] {
                KbQuery q;
                q.text = u"wombat"_s;
                while (!done) {
                    if (reader.search(q).size() != 1)
                        ++failures;
                }
            });
            threads.back()->start();
        }
        for (int i = 0; i < 40; ++i) {
            QVERIFY(writer.upsert(makeArticle(u"filler-%1"_s.arg(i), u"Filler text number %1.\n"_s.arg(i))));
            if (i % 4 == 0)
                QVERIFY(writer.commit());
        }
        QVERIFY(writer.commit());
        done = true;
        for (QThread *t : threads) {
            QVERIFY(t->wait(30000));
            delete t;
        }
        QCOMPARE(failures.load(), 0);
        QCOMPARE(reader.lastError(), u"the index is not open for writing"_s); // no search failed
        QCOMPARE(reader.documentCount(), 41);
    }

private:
    QTemporaryDir m_dir;
    KbIndex m_index;
    QList<kb::Article> m_articles;
};

QTEST_GUILESS_MAIN(KbSearchTest)
#include "tst_kb_search.moc"

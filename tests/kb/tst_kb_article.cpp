#include "core/kb/AppVersionRange.h"
#include "core/kb/ArticleFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace relaydesk;
using namespace relaydesk::kb;

namespace {

const QString kStarterDir = QStringLiteral(RELAYDESK_SOURCE_DIR "/resources/kb/articles");

// A canonical file: every key in the written order, lists joined with ", ".
const QByteArray kValid = "---\n"
                          "id: dns-captive-portal.en\n"
                          "group: dns-captive-portal\n"
                          "language: en\n"
                          "title: Messages fail on hotel or airport Wi-Fi (captive portal)\n"
                          "category: Network/DNS\n"
                          "tags: dns, wifi, captive-portal\n"
                          "causes: network\n"
                          "error_codes: ENOTFOUND, ERR_NAME_NOT_RESOLVED\n"
                          "app_versions:\n"
                          "audience: user\n"
                          "status: published\n"
                          "---\n"
                          "## What happened\n"
                          "The Wi-Fi asks you to sign in first.\n";

QByteArray replaceLine(QByteArray file, const QByteArray &from, const QByteArray &to)
{
    const qsizetype at = file.indexOf(from);
    Q_ASSERT(at >= 0);
    return file.replace(at, from.size(), to);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class KbArticleTest final : public QObject
{
    Q_OBJECT

private slots:
    void parsesEveryField()
    {
        const Decoded<Article> d = parseArticleFile(kValid);
        QVERIFY2(d.ok(), qPrintable(d.error().toString()));
        const Article &a = d.value();
        QCOMPARE(a.id, u"dns-captive-portal.en"_s);
        QCOMPARE(a.translationGroup, u"dns-captive-portal"_s);
        QCOMPARE(a.language, u"en"_s);
        QCOMPARE(a.title, u"Messages fail on hotel or airport Wi-Fi (captive portal)"_s);
        QCOMPARE(a.category, u"Network/DNS"_s);
        QCOMPARE(a.tags, (QStringList{u"dns"_s, u"wifi"_s, u"captive-portal"_s}));
        QCOMPARE(a.causes, QList<Cause>{Cause::Network});
        QCOMPARE(a.errorCodes, (QStringList{u"ENOTFOUND"_s, u"ERR_NAME_NOT_RESOLVED"_s}));
        QCOMPARE(a.appVersions, QString());
        QCOMPARE(a.audience, Audience::User);
        QCOMPARE(a.status, ArticleStatus::Published);
        QCOMPARE(a.body, u"## What happened\nThe Wi-Fi asks you to sign in first.\n"_s);
        QCOMPARE(a.version, 1);
        QVERIFY(a.author.isEmpty());
        QVERIFY(!validateArticle(a).has_value());
    }

    void keysInAnyOrderAndSpacing()
    {
        QByteArray file = replaceLine(kValid, "status: published\n", "");
        file = replaceLine(file, "id: dns", "status:published\nid: dns");
        file = replaceLine(file, "app_versions:\n", "app_versions:   >=5.2.0 <5.4.1  \n");
        const Decoded<Article> d = parseArticleFile(file);
        QVERIFY2(d.ok(), qPrintable(d.error().toString()));
        QCOMPARE(d.value().status, ArticleStatus::Published);
        QCOMPARE(d.value().appVersions, u">=5.2.0 <5.4.1"_s);
    }

    void roundTripsExactly()
    {
        QCOMPARE(writeArticleFile(parseArticleFile(kValid).value()), kValid);

        Article a = parseArticleFile(kValid).value();
        a.language = u"zh_CN"_s;
        a.id = u"dns-captive-portal.zh_CN"_s;
        a.title = u"在酒店或机场 Wi-Fi 下消息发不出去：需要先登录网页"_s;
        a.tags = {u"dns"_s, u"认证页"_s};
        a.causes = {Cause::Network, Cause::User};
        a.errorCodes = {};
        a.appVersions = u">=5.2.0 <5.4.1"_s;
        a.audience = Audience::Agent;
        a.status = ArticleStatus::Draft;
        a.body = u"第一行\n\n- 列表：**加粗**\n\t缩进\n没有结尾换行"_s;
        QVERIFY(!validateArticle(a).has_value());
        const QByteArray file = writeArticleFile(a);
        QVERIFY(file.contains("tags: dns, 认证页\n"));
        QVERIFY(file.contains("error_codes:\n"));
        const Decoded<Article> back = parseArticleFile(file);
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        QCOMPARE(back.value(), a);
        QCOMPARE(writeArticleFile(back.value()), file);
    }

    void rejectsWithFieldAndLine_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message"); // a part of the message

        const auto row = [](const char *name, const QByteArray &file, const QString &path,
                            const QString &msg) { QTest::newRow(name) << file << path << msg; };
        row("unknown key", replaceLine(kValid, "status: published\n", "status: published\nowner: me\n"),
            u"owner"_s, u"line 13: unknown key"_s);
        row("duplicate key", replaceLine(kValid, "audience: user\n", "audience: user\naudience: agent\n"),
            u"audience"_s, u"line 12: duplicate key (first on line 11)"_s);
        row("missing key", replaceLine(kValid, "causes: network\n", ""), u"causes"_s, u"missing"_s);
        row("no colon", replaceLine(kValid, "causes: network\n", "causes network\n"), u"front_matter"_s,
            u"line 8: expected 'key: value'"_s);
        row("no opening", kValid.mid(4), u"front_matter"_s, u"line 1"_s);
        row("bom", "\xEF\xBB\xBF" + kValid, u"front_matter"_s, u"byte order mark"_s);
        row("no closing", kValid.left(kValid.indexOf("---\n## What")), u"front_matter"_s,
            u"line 13: no closing '---'"_s);
        row("body where a key belongs", replaceLine(kValid, "---\n## What", "## What"), u"front_matter"_s,
            u"line 13: expected 'key: value'"_s);
        row("crlf", replaceLine(kValid, "language: en\n", "language: en\r\n"), u"front_matter"_s,
            u"line 4: CR line ending"_s);
        row("group chars", replaceLine(kValid, "group: dns-captive-portal", "group: DNS_portal"), u"group"_s,
            u"line 3: must use only a-z"_s);
        row("group short", replaceLine(kValid, "group: dns-captive-portal", "group: ab"), u"group"_s,
            u"line 3: must be 3..80"_s);
        row("language", replaceLine(kValid, "language: en\n", "language: fr\n"), u"language"_s,
            u"line 4: must be en or zh_CN"_s);
        row("id mismatch", replaceLine(kValid, "id: dns-captive-portal.en", "id: dns-captive-portal.zh_CN"),
            u"id"_s, u"line 2: must be <group>.<language>"_s);
        row("title blank",
            replaceLine(kValid, "title: Messages fail on hotel or airport Wi-Fi (captive portal)", "title:"),
            u"title"_s, u"line 5: must not be empty"_s);
        row("title long",
            replaceLine(kValid, "title: Messages", "title: " + QByteArray(200, 'x') + " Messages"),
            u"title"_s, u"line 5: is too long"_s);
        row("title control",
            replaceLine(kValid, "title: Messages",
                        "title: Mess\x07"
                        "ages"),
            u"title"_s, u"line 5: contains the control character U+0007"_s);
        row("category depth", replaceLine(kValid, "category: Network/DNS", "category: A/B/C/D"),
            u"category"_s, u"line 6: has 4 segments"_s);
        row("category chinese", replaceLine(kValid, "category: Network/DNS", "category: 网络/DNS"),
            u"category"_s, u"line 6: segment '网络' must be English"_s);
        row("category empty segment", replaceLine(kValid, "category: Network/DNS", "category: Network//DNS"),
            u"category"_s, u"line 6: segments must be"_s);
        row("tag upper", replaceLine(kValid, "tags: dns, wifi", "tags: DNS, wifi"), u"tags"_s,
            u"line 7: tag 'DNS' must be one lowercase word"_s);
        row("tag empty entry", replaceLine(kValid, "tags: dns, wifi", "tags: dns,, wifi"), u"tags"_s,
            u"line 7: has an empty entry"_s);
        row("tag twice", replaceLine(kValid, "tags: dns, wifi", "tags: dns, dns"), u"tags"_s,
            u"line 7: lists an entry twice"_s);
        row("cause unknown", replaceLine(kValid, "causes: network", "causes: network, weather"), u"causes"_s,
            u"line 8: 'weather' is not a cause"_s);
        row("cause twice", replaceLine(kValid, "causes: network", "causes: user, user"), u"causes"_s,
            u"line 8: lists an entry twice"_s);
        row("error code", replaceLine(kValid, "error_codes: ENOTFOUND", "error_codes: NOT FOUND"),
            u"error_codes"_s, u"line 9: code 'NOT FOUND'"_s);
        row("app versions", replaceLine(kValid, "app_versions:\n", "app_versions: >=5.x\n"),
            u"app_versions"_s, u"line 10: '>=5.x' is not a constraint"_s);
        row("audience", replaceLine(kValid, "audience: user", "audience: everyone"), u"audience"_s,
            u"line 11: must be agent or user"_s);
        row("status", replaceLine(kValid, "status: published", "status: live"), u"status"_s,
            u"line 12: must be draft, published or archived"_s);
        row("body empty",
            replaceLine(kValid, "## What happened\nThe Wi-Fi asks you to sign in first.\n", "\n  \n"),
            u"body"_s, u"starting on line 14: must not be empty"_s);
        row("body missing", kValid.left(kValid.indexOf("## What")), u"body"_s, u"must not be empty"_s);
        row("body control", replaceLine(kValid, "sign in", "sign\x01in"), u"body"_s,
            u"line 2 of the body: control character U+0001"_s);
        row("body cr", replaceLine(kValid, "happened\n", "happened\r\n"), u"body"_s,
            u"line 1 of the body: CR line ending"_s);
        row("body too long", kValid + QByteArray(200000, 'a'), u"body"_s, u"is too long"_s);
        row("file too large", kValid + QByteArray(256 * 1024, 'a'), QString(), u"at most 262144"_s);
        row("bad utf8", replaceLine(kValid, "sign in", "sign \xC3\x28 in"), QString(),
            u"line 15: invalid UTF-8"_s);
        row("overlong utf8", replaceLine(kValid, "title: Messages", "title: \xC0\xAF"), QString(),
            u"line 5: invalid UTF-8"_s);
        row("surrogate utf8", replaceLine(kValid, "sign in", "\xED\xA0\x80"), QString(), u"invalid UTF-8"_s);
        row("truncated utf8", kValid + "\xE7\xBD", QString(), u"invalid UTF-8"_s);
    }

    void rejectsWithFieldAndLine()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const Decoded<Article> d = parseArticleFile(file);
        QVERIFY(!d.ok());
        QCOMPARE(d.error().path, path);
        QVERIFY2(d.error().message.contains(message), qPrintable(d.error().message));
    }

    void validateNamesEachField_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("path");
        for (const auto &[i, p] : std::initializer_list<std::pair<int, const char *>>{{0, "id"},
                                                                                      {1, "group"},
                                                                                      {2, "language"},
                                                                                      {3, "title"},
                                                                                      {4, "category"},
                                                                                      {5, "tags"},
                                                                                      {6, "causes"},
                                                                                      {7, "error_codes"},
                                                                                      {8, "app_versions"},
                                                                                      {9, "body"},
                                                                                      {10, "title"}})
            QTest::newRow(p) << i << QString::fromLatin1(p);
    }

    void validateNamesEachField()
    {
        QFETCH(int, field);
        QFETCH(QString, path);
        Article a = parseArticleFile(kValid).value();
        switch (field) {
        case 0:
            a.id = u"other.en"_s;
            break;
        case 1:
            a.translationGroup = u"x"_s;
            break;
        case 2:
            a.language = u"de"_s;
            break;
        case 3:
            a.title = u"two\nlines"_s;
            break;
        case 4:
            a.category = u"/Network"_s;
            break;
        case 5:
            a.tags = {u"two words"_s};
            break;
        case 6:
            a.causes = {Cause::Count};
            break;
        case 7:
            a.errorCodes = {u"_LEADING"_s};
            break;
        case 8:
            a.appVersions = u">=5.2.0  <5.4.1"_s;
            break;
        case 9:
            a.body = QString(kMaxArticleBody + 1, u'x');
            break;
        case 10:
            a.title = u" padded"_s;
            break; // would not survive the file's trimming
        }
        const std::optional<DecodeError> e = validateArticle(a);
        QVERIFY(e.has_value());
        QCOMPARE(e->path, path);
    }

    void appVersionRanges()
    {
        const std::optional<AppVersionRange> r = AppVersionRange::parse(u">=5.2.0 <5.4.1"_s);
        QVERIFY(r.has_value());
        QVERIFY(!r->isEmpty());
        QVERIFY(r->contains(u"5.2.0"_s));
        QVERIFY(r->contains(u"5.2"_s));
        QVERIFY(r->contains(u"5.4.0"_s));
        QVERIFY(r->contains(u"5.3.9-beta2"_s));
        QVERIFY(!r->contains(u"5.4.1"_s));
        QVERIFY(!r->contains(u"5.1.99"_s));
        QVERIFY(!r->contains(u"6"_s));
        QVERIFY(!r->contains(u"garbage"_s));
        QVERIFY(AppVersionRange::parse(QString())->contains(u"anything"_s));
        QVERIFY(AppVersionRange::parse(u"=8.4.1"_s)->contains(u"8.4.1"_s));
        QVERIFY(!AppVersionRange::parse(u"8.4.1"_s)->contains(u"8.4.2"_s));
        QVERIFY(AppVersionRange::parse(u">8.4"_s)->contains(u"8.4.1"_s));
        QVERIFY(!AppVersionRange::parse(u"<=8.4"_s)->contains(u"8.4.1"_s));
        QString error;
        QVERIFY(!AppVersionRange::parse(u"~5.2"_s, &error));
        QVERIFY(error.contains(u"~5.2"_s));
        QVERIFY(!AppVersionRange::parse(u">=5..2"_s));
        QVERIFY(!AppVersionRange::parse(u">=1.2.3.4.5"_s));
    }

    void loadsADirectoryNamingBadFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"dns-captive-portal.en.md"_s), kValid));
        QVERIFY(writeFile(dir.filePath(u"wrong-name.en.md"_s), kValid));
        QVERIFY(writeFile(dir.filePath(u"broken.en.md"_s),
                          replaceLine(kValid, "status: published", "status: x")));
        QVERIFY(writeFile(dir.filePath(u"notes.txt"_s), "not an article"));
        const ArticleDirLoad load = loadArticleDir(dir.path());
        QCOMPARE(load.articles.size(), 1);
        QCOMPARE(load.articles.front().id, u"dns-captive-portal.en"_s);
        QCOMPARE(load.errors.size(), 2);
        QVERIFY2(load.errors.at(0).startsWith(u"broken.en.md: status: line 12"_s),
                 qPrintable(load.errors.at(0)));
        QVERIFY2(load.errors.at(1).startsWith(u"wrong-name.en.md: id:"_s), qPrintable(load.errors.at(1)));

        QVERIFY(!loadArticleDir(dir.filePath(u"missing"_s)).errors.isEmpty());
    }

    // The shipped starter content is valid, every group has both languages, and every file survives a round
    // trip.
    void starterContentIsValid()
    {
        const ArticleDirLoad load = loadArticleDir(kStarterDir);
        QVERIFY2(load.errors.isEmpty(), qPrintable(load.errors.join(u'\n')));
        QVERIFY(load.articles.size() >= 40);
        QMap<QString, QStringList> languages;
        for (const Article &a : load.articles) {
            languages[a.translationGroup] << a.language;
            const Decoded<Article> back = parseArticleFile(writeArticleFile(a));
            QVERIFY2(back.ok(), qPrintable(a.id));
            QCOMPARE(back.value(), a);
        }
        for (auto it = languages.cbegin(); it != languages.cend(); ++it)
            QVERIFY2(it.value().size() == 2, qPrintable(it.key()));
    }
};

QTEST_GUILESS_MAIN(KbArticleTest)
#include "tst_kb_article.moc"

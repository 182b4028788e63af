// KB search at scale, side by side in one run with its anchor (SQLite FTS5, trigram tokenizer):
//   corpus   N generated articles (default 100k, 60% Chinese), text recombined from the starter content's
//            clauses and vocabulary with a seeded generator (deterministic), written once to both engines
//   build    index time and size on disk, KbIndex (Xapian, CJK n-grams) vs FTS5 trigram
//   queries  p50/p95 latency of 1-, 2-, 3-, 4-character Chinese queries, English words and two-term queries:
//            ours = KbIndex::search (limit 20, snippets, a fresh read-only snapshot per query, as the console
//            does); FTS5 = MATCH + bm25 order + snippet(), limit 20, one prepared statement
//   recall   how many articles each engine finds for the 2-character queries (trigram finds none)
// Exits 1 when a p95 of ours is over 10 ms.
// Usage: kb_search_bench [--articles N] [--queries N] [--seed S] [--keep DIR]
//   --keep DIR  builds both indexes into DIR and keeps them; a later run with the same DIR, N and S reuses them
//               (the build figures are then those of the run that built them), so query-time changes can be
//               measured without rebuilding
#include "core/kb/ArticleFile.h"
#include "models/kb/KbIndex.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using namespace relaydesk;

namespace {

const QString kStarterDir = QStringLiteral(RELAYDESK_SOURCE_DIR "/resources/kb/articles");

QString fmt(double v, int decimals = 2)
{
    return QString::number(v, 'f', decimals);
}
QString ratio(double ours, double anchor)
{
    return anchor > 0 ? fmt(ours / anchor, 2) + u"x"_s : u"n/a"_s;
}

qint64 sizeOnDisk(const QString &path)
{
    if (QFileInfo(path).isFile())
        return QFileInfo(path).size();
    qint64 total = 0;
    QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        total += QFileInfo(it.next()).size();
    return total;
}

bool isCjk(QChar c)
{
    return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF;
}

// What the generator recombines: clauses and words of the starter content, with their frequencies.
struct Vocabulary
{
    QStringList zhClauses, enSentences, zhChars, enWords, zhWords2, zhWords3, zhWords4;
    QStringList categories, tags, codes;
};

Vocabulary vocabularyOf(const QList<kb::Article> &articles)
{
    static const QRegularExpression zhSplit(u"[，。；：、！？（）“”《》\\n]"_s);
    static const QRegularExpression enSplit(u"(?<=[.!?])\\s+|\\n+"_s);
    static const QRegularExpression enWord(u"\\b[a-z]{4,12}\\b"_s);
    Vocabulary v;
    QSet<QString> cats, tags, codes;
    for (const kb::Article &a : articles) {
        cats.insert(a.category);
        for (const QString &t : a.tags)
            tags.insert(t);
        for (const QString &c : a.errorCodes)
            codes.insert(c);
        QString body = a.body;
        body.remove(QRegularExpression(u"[#*`>|]"_s));
        if (a.language == u"zh_CN"_s) {
            for (const QString &clause : body.split(zhSplit, Qt::SkipEmptyParts)) {
                const QString t = clause.trimmed();
                int cjk = 0;
                for (QChar c : t) {
                    if (isCjk(c)) {
                        ++cjk;
                        v.zhChars << QString(c);
                    }
                }
                if (cjk >= 4)
                    v.zhClauses << t;
                // Real words of 2..4 characters: runs of CJK characters, cut at a random-free fixed offset.
                QString run;
                for (QChar c : t + u' ') {
                    if (isCjk(c)) {
                        run += c;
                        continue;
                    }
                    for (int n = 2; n <= 4; ++n) {
                        if (run.size() >= n) {
                            QStringList &list = n == 2 ? v.zhWords2 : n == 3 ? v.zhWords3 : v.zhWords4;
                            list << run.first(n);
                        }
                    }
                    run.clear();
                }
            }
        } else {
            for (const QString &s : body.split(enSplit, Qt::SkipEmptyParts)) {
                if (s.size() > 20)
                    v.enSentences << s.simplified();
            }
            QRegularExpressionMatchIterator it = enWord.globalMatch(body.toLower());
            while (it.hasNext())
                v.enWords << it.next().captured();
        }
    }
    v.categories = cats.values();
    v.tags = tags.values();
    v.codes = codes.values();
    std::sort(v.categories.begin(), v.categories.end());
    std::sort(v.tags.begin(), v.tags.end());
    std::sort(v.codes.begin(), v.codes.end());
    return v;
}

template <typename T> const T &pick(QRandomGenerator &rng, const QList<T> &list)
{
    return list.at(qsizetype(rng.bounded(quint32(list.size()))));
}

// A clause of the starter content with one or two characters (or words) swapped for others of the corpus,
// so 100k articles are not copies of 50.
QString mutateZh(QRandomGenerator &rng, const Vocabulary &v)
{
    QString clause = pick(rng, v.zhClauses);
    const int swaps = int(rng.bounded(3));
    for (int i = 0; i < swaps; ++i) {
        const qsizetype at = qsizetype(rng.bounded(quint32(clause.size())));
        if (isCjk(clause.at(at)))
            clause[at] = pick(rng, v.zhChars).front();
    }
    return clause;
}

QString mutateEn(QRandomGenerator &rng, const Vocabulary &v)
{
    QStringList words = pick(rng, v.enSentences).split(u' ');
    const int swaps = int(rng.bounded(3));
    for (int i = 0; i < swaps && !words.isEmpty(); ++i)
        words[qsizetype(rng.bounded(quint32(words.size())))] = pick(rng, v.enWords);
    return words.join(u' ');
}

kb::Article generate(QRandomGenerator &rng, const Vocabulary &v, int n)
{
    kb::Article a;
    const bool zh = rng.bounded(100) < 60;
    a.language = zh ? u"zh_CN"_s : u"en"_s;
    a.translationGroup = u"gen-%1"_s.arg(n, 6, 10, QChar(u'0'));
    a.id = a.translationGroup + u'.' + a.language;
    a.category = pick(rng, v.categories);
    a.tags = {pick(rng, v.tags), pick(rng, v.tags)};
    a.tags.removeDuplicates();
    a.causes = {Cause(rng.bounded(int(Cause::Count)))};
    if (rng.bounded(2) == 0)
        a.errorCodes = {pick(rng, v.codes)};
    a.audience = rng.bounded(2) == 0 ? kb::Audience::Agent : kb::Audience::User;
    a.status = rng.bounded(100) < 95 ? kb::ArticleStatus::Published : kb::ArticleStatus::Draft;
    const int paragraphs = 2 + int(rng.bounded(4));
    QStringList body;
    if (zh) {
        a.title = mutateZh(rng, v).left(60);
        for (int p = 0; p < paragraphs; ++p) {
            QStringList clauses;
            const int count = 3 + int(rng.bounded(5));
            for (int i = 0; i < count; ++i)
                clauses << mutateZh(rng, v);
            body << clauses.join(u"，"_s) + u"。"_s;
        }
    } else {
        a.title = mutateEn(rng, v).left(100);
        for (int p = 0; p < paragraphs; ++p) {
            QStringList sentences;
            const int count = 2 + int(rng.bounded(4));
            for (int i = 0; i < count; ++i)
                sentences << mutateEn(rng, v);
            body << sentences.join(u' ');
        }
    }
    a.body = body.join(u"\n\n"_s) + u'\n';
    return a;
}

struct Latency
{
    double p50 = 0, p95 = 0;
};

Latency percentiles(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    if (ms.isEmpty())
        return {};
    const auto at = [&](double q) {
        return ms.at(std::min(ms.size() - 1, qsizetype(q * double(ms.size()))));
    };
    return {at(0.50), at(0.95)};
}

// An FTS5 MATCH expression: every whitespace-separated term as a quoted string (implicit AND).
QString ftsExpression(const QString &text)
{
    QStringList terms;
    for (QString t : text.split(u' ', Qt::SkipEmptyParts))
        terms << u'"' + t.replace(u'"', u"\"\""_s) + u'"';
    return terms.join(u' ');
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"KB search benchmark: Xapian (KbIndex) vs SQLite FTS5 trigram."_s);
    parser.addHelpOption();
    const QCommandLineOption articlesOpt(u"articles"_s, u"Generated articles (default 100000)."_s, u"N"_s,
                                         u"100000"_s);
    const QCommandLineOption queriesOpt(u"queries"_s, u"Queries per class (default 200)."_s, u"N"_s,
                                        u"200"_s);
    const QCommandLineOption seedOpt(u"seed"_s, u"Generator seed (default 20261128)."_s, u"S"_s,
                                     u"20261128"_s);
    const QCommandLineOption keepOpt(u"keep"_s, u"Build into (or reuse the indexes kept in) DIR."_s, u"DIR"_s);
    parser.addOptions({articlesOpt, queriesOpt, seedOpt, keepOpt});
    parser.process(app);
    const int count = parser.value(articlesOpt).toInt();
    const int perClass = parser.value(queriesOpt).toInt();
    QTextStream out(stdout);

    const kb::ArticleDirLoad starter = kb::loadArticleDir(kStarterDir);
    if (starter.articles.isEmpty()) {
        out << "no starter content in " << kStarterDir << '\n';
        return 2;
    }
    const Vocabulary v = vocabularyOf(starter.articles);
    QRandomGenerator rng(parser.value(seedOpt).toUInt());

    QTemporaryDir tempDir;
    const QString keepDir = parser.value(keepOpt);
    if (!keepDir.isEmpty() && !QDir().mkpath(keepDir)) {
        out << "cannot create " << keepDir << '\n';
        return 2;
    }
    const QDir dir(keepDir.isEmpty() ? tempDir.path() : keepDir);
    const QString indexDir = dir.filePath(u"xapian"_s);
    const QString ftsFile = dir.filePath(u"fts5.sqlite"_s);
    // A kept build: "articles seed ours-seconds fts-seconds", written once both indexes are complete.
    const QString stampFile = dir.filePath(u"built.txt"_s);
    const QString stampKey = u"%1 %2"_s.arg(count).arg(parser.value(seedOpt));
    QStringList stamp;
    if (!keepDir.isEmpty()) {
        QFile f(stampFile);
        if (f.open(QIODevice::ReadOnly))
            stamp = QString::fromUtf8(f.readAll()).split(u' ', Qt::SkipEmptyParts);
        if (stamp.size() != 4 || stamp.mid(0, 2).join(u' ') != stampKey) {
            stamp.clear();
            QFile::remove(stampFile);
            QFile::remove(ftsFile);
            QDir(indexDir).removeRecursively();
        }
    }
    const bool reuse = !stamp.isEmpty();

    // ---- corpus
    QElapsedTimer clock;
    clock.start();
    QList<kb::Article> corpus;
    corpus.reserve(count);
    qint64 chars = 0;
    int zhCount = 0;
    for (int i = 0; i < count; ++i) {
        corpus << generate(rng, v, i);
        chars += corpus.back().body.size();
        zhCount += corpus.back().language == u"zh_CN"_s ? 1 : 0;
    }
    out << "corpus: " << count << " articles (" << fmt(100.0 * zhCount / std::max(count, 1), 1)
        << "% Chinese), " << fmt(double(chars) / std::max(count, 1), 0) << " body characters on average, "
        << "from " << starter.articles.size() << " starter articles; generated in "
        << fmt(clock.elapsed() / 1000.0) << " s\n";

    // ---- build: ours
    models::KbIndex index;
    QString error;
    if (!(reuse ? index.openReadOnly(indexDir, &error) : index.open(indexDir, &error))) {
        out << error << '\n';
        return 2;
    }
    clock.restart();
    for (int i = 0; !reuse && i < corpus.size(); ++i) {
        if (!index.upsert(corpus.at(i))) {
            out << index.lastError() << '\n';
            return 2;
        }
        if ((i + 1) % 20000 == 0 && !index.commit())
            return 2;
    }
    if (!reuse && !index.commit()) {
        out << index.lastError() << '\n';
        return 2;
    }
    const double oursBuild = reuse ? stamp.at(2).toDouble() : clock.elapsed() / 1000.0;
    const qint64 oursBytes = sizeOnDisk(indexDir);

    // ---- build: FTS5 trigram
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fts"_s);
        db.setDatabaseName(ftsFile);
        if (!db.open())
            return 2;
    }
    QSqlDatabase db = QSqlDatabase::database(u"fts"_s);
    clock.restart();
    QSqlQuery create(db);
    if (!reuse && !create.exec(u"CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='trigram')"_s)) {
        out << "FTS5 trigram unavailable: " << create.lastError().text() << '\n';
        return 2;
    }
    db.transaction();
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)"_s);
    for (int i = 0; !reuse && i < corpus.size(); ++i) {
        if (corpus.at(i).status != kb::ArticleStatus::Published)
            continue; // ours indexes drafts too (filtered at query time); FTS5 gets only what is searched
        insert.addBindValue(i);
        insert.addBindValue(corpus.at(i).title);
        insert.addBindValue(corpus.at(i).body);
        if (!insert.exec()) {
            out << insert.lastError().text() << '\n';
            return 2;
        }
    }
    db.commit();
    const double ftsBuild = reuse ? stamp.at(3).toDouble() : clock.elapsed() / 1000.0;
    const qint64 ftsBytes = sizeOnDisk(ftsFile);
    if (!keepDir.isEmpty() && !reuse) {
        QFile f(stampFile);
        if (!f.open(QIODevice::WriteOnly) ||
            f.write(u"%1 %2 %3"_s.arg(stampKey).arg(oursBuild).arg(ftsBuild).toUtf8()) < 0)
            out << "cannot write " << stampFile << '\n';
    }

    if (reuse)
        out << "\n(indexes reused from " << dir.path() << "; build times are those of the run that built them)";
    out << "\n== build                 ours (Xapian)      FTS5 trigram   ours/FTS5\n"
        << "  time s               " << fmt(oursBuild, 1).rightJustified(12)
        << fmt(ftsBuild, 1).rightJustified(18) << ratio(oursBuild, ftsBuild).rightJustified(12) << '\n'
        << "  size MiB             " << fmt(oursBytes / 1048576.0, 1).rightJustified(12)
        << fmt(ftsBytes / 1048576.0, 1).rightJustified(18)
        << ratio(double(oursBytes), double(ftsBytes)).rightJustified(12) << '\n';

    // ---- queries
    struct QueryClass
    {
        QString label;
        QStringList queries;
    };
    const auto make = [&](const std::function<QString()> &gen) {
        QStringList list;
        for (int i = 0; i < perClass; ++i)
            list << gen();
        return list;
    };
    const QList<QueryClass> classes{
        {u"zh 1 char"_s, make([&] { return pick(rng, v.zhChars); })},
        {u"zh 2 chars"_s, make([&] { return pick(rng, v.zhWords2); })},
        {u"zh 3 chars"_s, make([&] { return pick(rng, v.zhWords3); })},
        {u"zh 4 chars"_s, make([&] { return pick(rng, v.zhWords4); })},
        {u"en word"_s, make([&] { return pick(rng, v.enWords); })},
        {u"two terms (en, zh)"_s, make([&] {
             return rng.bounded(2) == 0 ? pick(rng, v.enWords) + u' ' + pick(rng, v.enWords)
                                        : pick(rng, v.zhWords2) + u' ' + pick(rng, v.zhWords2);
         })},
    };

    QSqlQuery fts(db);
    fts.prepare(u"SELECT rowid, snippet(t, 1, char(1), char(2), '…', 16) FROM t WHERE t MATCH ? "
                "ORDER BY bm25(t) LIMIT 20"_s);
    QSqlQuery ftsCount(db);
    ftsCount.prepare(u"SELECT count(*) FROM t WHERE t MATCH ?"_s);

    bool ok = true;
    out << "\n== query latency, " << perClass << " queries per class (limit 20, with snippets; warm cache)\n"
        << "  class                 ours p50  ours p95   FTS5 p50  FTS5 p95  ours/FTS5 p95  ours hits/q  "
           "FTS5 hits/q\n";
    for (const QueryClass &c : classes) {
        QList<double> oursMs, ftsMs;
        qint64 oursHits = 0, ftsHits = 0;
        for (const QString &text : c.queries) { // warm-up pass
            models::KbQuery q;
            q.text = text;
            index.search(q);
        }
        for (const QString &text : c.queries) {
            models::KbQuery q;
            q.text = text;
            QElapsedTimer t;
            t.start();
            oursHits += index.search(q).size();
            oursMs << double(t.nsecsElapsed()) / 1e6;

            t.restart();
            fts.addBindValue(ftsExpression(text));
            int n = 0;
            if (fts.exec()) {
                while (fts.next())
                    ++n;
            }
            ftsMs << double(t.nsecsElapsed()) / 1e6;
            ftsHits += n;
        }
        const Latency o = percentiles(oursMs);
        const Latency f = percentiles(ftsMs);
        ok = ok && o.p95 < 10.0;
        out << "  " << c.label.leftJustified(20) << fmt(o.p50).rightJustified(10)
            << fmt(o.p95).rightJustified(10) << fmt(f.p50).rightJustified(11) << fmt(f.p95).rightJustified(10)
            << ratio(o.p95, f.p95).rightJustified(15)
            << fmt(double(oursHits) / c.queries.size(), 1).rightJustified(13)
            << fmt(double(ftsHits) / c.queries.size(), 1).rightJustified(13) << '\n';
    }

    // ---- recall on 2-character queries: every match counted
    qint64 oursTotal = 0, ftsTotal = 0;
    int oursZero = 0, ftsZero = 0;
    const QStringList twoChar = classes.at(1).queries.mid(0, 50);
    for (const QString &text : twoChar) {
        models::KbQuery q;
        q.text = text;
        q.limit = 1;
        int total = 0;
        index.search(q, nullptr, &total);
        oursTotal += total;
        oursZero += total == 0 ? 1 : 0;
        ftsCount.addBindValue(ftsExpression(text));
        int n = 0;
        if (ftsCount.exec() && ftsCount.next())
            n = ftsCount.value(0).toInt();
        ftsTotal += n;
        ftsZero += n == 0 ? 1 : 0;
    }
    out << "\n== 2-character Chinese queries (" << twoChar.size()
        << "), articles found per query, all matches counted\n"
        << "  ours " << fmt(double(oursTotal) / twoChar.size(), 1) << " (" << oursZero
        << " queries found nothing)"
        << "   FTS5 trigram " << fmt(double(ftsTotal) / twoChar.size(), 1) << " (" << ftsZero
        << " found nothing: trigram needs >= 3 characters)\n";

    out << "\ntarget: ours p95 < 10 ms for every class: " << (ok ? "ok" : "MISSED") << '\n';
    return ok ? 0 : 1;
}

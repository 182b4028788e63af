// Log engine: LineIndex against parseLog's line splitting, index size, lines readable while indexing,
// cancellation, LogSearch against a naive per-line reference (single- and multi-threaded), LogDocument,
// LogSearchJob and the relaydesk-cli "log index" / "log search" commands.
#include "LogEngineTestData.h"
#include "SharedTestData.h"
#include "core/logs/LineIndex.h"
#include "core/logs/LogDocument.h"
#include "core/logs/LogParser.h"
#include "core/logs/LogSearch.h"
#include "core/logs/LogSearchJob.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <mutex>
#include <vector>

using namespace Qt::StringLiterals;
using namespace relaydesk;

namespace {

using namespace relaydesk::test;

void verifyIndex(const QByteArray &data, qint64 chunkBytes, int threads)
{
    const std::vector<Line> expected = parseLogLines(data);
    LineIndex index(data);
    index.setChunkBytes(chunkBytes);
    index.setThreads(threads);
    index.build();
    QVERIFY(index.isFinished());
    QCOMPARE(index.linesReady(), qint64(expected.size()));
    for (std::size_t n = 0; n < expected.size(); ++n) {
        const LineIndex::Range r = index.lineRange(qint64(n));
        QCOMPARE(r.offset, expected[n].offset);
        QCOMPARE(r.length, expected[n].length);
        QCOMPARE(index.lineStart(qint64(n)), expected[n].offset);
    }
    // lineAt: every byte maps to its line, with and without a hint.
    qint64 line = 0;
    for (qint64 off = 0; off < data.size(); ++off) {
        while (line + 1 < qint64(expected.size()) && expected[std::size_t(line + 1)].offset <= off)
            ++line;
        QCOMPARE(index.lineAt(off), line);
        QCOMPARE(index.lineAt(off, line > 0 ? line - 1 : 0), line);
    }
}

QString cliPath()
{
    return QStringLiteral(RELAYDESK_BINARY_DIR) + u"/app/relaydesk-cli/relaydesk-cli"_s;
}

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun runCli(const QStringList &args)
{
    QProcess p;
    p.start(cliPath(), args);
    CliRun r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class LogEngineTest final : public QObject
{
    Q_OBJECT

private slots:
    void indexMatchesParseLog_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<qint64>("chunk");
        const char *const fixed[] = {"",       "\n",   "\r\n",       "a",  "a\r",     "a\r\r\n",
                                     "\n\n\n", "a\nb", "a\r\nb\r\n", "\r", "\r\r\n\r"};
        int i = 0;
        for (const char *f : fixed)
            QTest::addRow("fixed-%d", i++) << QByteArray(f) << qint64(4 << 20);
        QRandomGenerator rng(4242);
        for (int k = 0; k < 40; ++k) {
            const int size = k < 20 ? rng.bounded(300) : rng.bounded(20000);
            QTest::addRow("random-%d", k)
                << randomBytes(rng, size, k % 2 == 0) << qint64(64 + rng.bounded(200));
        }
        // A huge line among short ones: wide bit widths in its block.
        QByteArray huge = "short\nlines\r\n";
        huge.append(QByteArray(300000, 'x')).append("\r\n");
        for (int k = 0; k < 200; ++k)
            huge.append("l").append(QByteArray::number(k)).append('\n');
        QTest::addRow("huge-line") << huge << qint64(4096);
        QTest::addRow("huge-line-unterminated") << QByteArray(70000, 'y') << qint64(100);
    }
    void indexMatchesParseLog()
    {
        QFETCH(QByteArray, data);
        QFETCH(qint64, chunk);
        verifyIndex(data, chunk, 1);
        if (QTest::currentTestFailed())
            return;
        verifyIndex(data, chunk, 2); // the second half scanned by a helper thread
    }

    void indexLinesLongerThanBase()
    {
        // Two lines over 16 MiB: the 24-bit base saturates and the width grows instead.
        QByteArray data = "a\n";
        data.append(QByteArray(17 << 20, 'z')).append('\n').append(QByteArray(17 << 20, 'w')).append("\nend");
        LineIndex index(data);
        index.build();
        QCOMPARE(index.linesReady(), qint64(4));
        const std::vector<Line> expected = parseLogLines(data);
        for (qint64 n = 0; n < 4; ++n) {
            QCOMPARE(index.lineRange(n).offset, expected[std::size_t(n)].offset);
            QCOMPARE(index.lineRange(n).length, expected[std::size_t(n)].length);
        }
        QCOMPARE(index.lineAt(data.size() - 1), qint64(3));
        QCOMPARE(index.lineAt(20 << 20), qint64(2));
    }

    void indexManySegments()
    {
        // More than one 65,536-line segment, lines of varying length.
        QRandomGenerator rng(7);
        const QByteArray data = randomLog(rng, 150000, true);
        const std::vector<Line> expected = parseLogLines(data);
        LineIndex index(data);
        index.setChunkBytes(4096); // two threads: both halves span several segments
        index.setThreads(2);
        index.build();
        QCOMPARE(index.linesReady(), qint64(expected.size()));
        for (std::size_t n = 0; n < expected.size(); n += 7) {
            QCOMPARE(index.lineRange(qint64(n)).offset, expected[n].offset);
            QCOMPARE(index.lineRange(qint64(n)).length, expected[n].length);
            QCOMPARE(index.lineAt(expected[n].offset + expected[n].length), qint64(n));
        }
    }

    void bytesPerLineOnLoghub()
    {
        RELAYDESK_REQUIRE_SHARED_DATA(test::loghubAndroidPath());
        const QByteArray data = loghubRepeated(100);
        QVERIFY(!data.isEmpty());
        LineIndex index(data);
        index.build();
        QCOMPARE(index.linesReady(), qint64(200000));
        const double perLine = double(index.memoryBytes()) / double(index.linesReady());
        qInfo("index: %.3f bytes per line", perLine);
        QVERIFY2(perLine <= 2.0, qPrintable(QString::number(perLine)));
        QVERIFY(perLine > 0.5); // it does store something per line
    }

    void linesReadableBeforeIndexingEnds()
    {
        QByteArray data;
        for (int i = 0; i < 300000; ++i)
            data.append("line ").append(QByteArray::number(i)).append('\n');
        LineIndex index(data);
        index.setChunkBytes(64 << 10);
        QSemaphore firstReady;
        QSemaphore resume;
        std::mutex mutex;
        std::vector<qint64> seen;
        bool signalled = false;
        index.setProgress([&](qint64, qint64) {
            const qint64 ready = index.linesReady();
            {
                const std::lock_guard lock(mutex);
                seen.push_back(ready);
            }
            if (ready > 0 && !signalled) {
                signalled = true;
                firstReady.release();
                resume.acquire(); // the builder waits while the test reads
            }
        });
        index.start();
        QVERIFY(firstReady.tryAcquire(1, 60000));
        QVERIFY(!index.isFinished());
        const qint64 ready = index.linesReady();
        QVERIFY(ready > 0 && ready < 300000);
        for (qint64 n = 0; n < ready; n += 97) {
            const LineIndex::Range r = index.lineRange(n);
            QCOMPARE(data.mid(r.offset, r.length), "line " + QByteArray::number(n));
        }
        resume.release();
        index.wait();
        QVERIFY(index.isFinished());
        QCOMPARE(index.linesReady(), qint64(300000));
        QCOMPARE(index.progressPermille(), 1000);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    }

    void indexCancellationStopsEarly()
    {
        RELAYDESK_REQUIRE_SHARED_DATA(test::loghubAndroidPath());
        const QByteArray data = loghubRepeated(40);
        QVERIFY(!data.isEmpty());
        LineIndex index(data);
        index.setChunkBytes(64 << 10);
        int calls = 0;
        index.setProgress([&](qint64, qint64) {
            ++calls;
            index.cancel();
        });
        index.start();
        index.wait();
        QCOMPARE(calls, 1);
        QVERIFY(index.isCancelled());
        QVERIFY(!index.isFinished());
        QVERIFY(index.bytesScanned() < data.size());
        QVERIFY(index.linesReady() < 80000);
    }

    void searchEqualsNaive_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("regex");
        QTest::addColumn<bool>("caseSensitive");
        const QString literals[] = {u"foo"_s, u"FOO"_s, u"o b"_s,  u"xfoox"_s,  u"o  b"_s,
                                    u"é"_s,   u""_s,    u"a\nb"_s, u"nothing"_s};
        for (const QString &p : literals) {
            QTest::addRow("literal '%s'", qPrintable(p)) << p << false << true;
            QTest::addRow("literal -i '%s'", qPrintable(p)) << p << false << false;
        }
        const QString regexes[] = {u"^foo"_s,
                                   u"bar$"_s,
                                   u"f.o"_s,
                                   u"o\\s+b"_s,
                                   u"(?=foo)fo"_s,
                                   u"^$"_s,
                                   u"a|b"_s,
                                   u"\\bfoo\\b"_s,
                                   u"o\\nb"_s,
                                   u"[^a-z ]"_s,
                                   u"\\d{3}"_s,
                                   u"b$\\n^foo"_s,
                                   u"x*"_s,
                                   u"\\Afoo"_s,
                                   u"foo\\z"_s,
                                   u"\\s$"_s,
                                   u"foo ba"_s,
                                   u"xfoo+x"_s,
                                   u"oo ba?r"_s,
                                   u"é b"_s,
                                   u"FOO.*bar$"_s,
                                   u"^Foo\\s+[a-z]+"_s,
                                   u"[[:alpha:]]oo b"_s};
        for (const QString &p : regexes) {
            QTest::addRow("regex '%s'", qPrintable(p)) << p << true << true;
            QTest::addRow("regex -i '%s'", qPrintable(p)) << p << true << false;
        }
    }
    void searchEqualsNaive()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, regex);
        QFETCH(bool, caseSensitive);
        const LogSearchQuery query{pattern, regex, caseSensitive};
        QRandomGenerator rng(99);
        for (bool withCr : {false, true}) {
            const QByteArray data = randomLog(rng, 3000, withCr);
            LineIndex index(data);
            index.build();
            const QList<qint64> expected = naiveSearch(data, query);

            LogSearch single(index, query);
            single.setThreads(1);
            const LogSearchResult one = single.run();
            QVERIFY2(one.error.isEmpty(), qPrintable(one.error));
            QVERIFY(!one.cancelled);
            QCOMPARE(one.lines, expected);

            LogSearch parallel(index, query);
            parallel.setThreads(4);
            parallel.setTaskBytes(97); // many small ranges: boundaries everywhere
            qint64 lastDone = 0;
            parallel.setProgress([&](qint64 done, qint64) { lastDone = done; });
            const LogSearchResult many = parallel.run();
            QCOMPARE(many.lines, one.lines);
            if (regex || !pattern.contains(u'\n')) // a literal with \n is answered without searching
                QCOMPARE(lastDone, qint64(data.size()));
        }
    }

    void multilineSafety()
    {
        QVERIFY(LogSearch::isMultilineSafe(u"foo\\s+bar$"_s));
        QVERIFY(!LogSearch::isMultilineSafe(u"foo(?=bar)"_s));
        QVERIFY(!LogSearch::isMultilineSafe(u"\\Afoo"_s));
        QVERIFY(!LogSearch::isMultilineSafe(u"(?<!x)foo"_s));
        QCOMPARE(LogSearch::requiredLiteral(u"lock=[0-9]+, flags=0x[0-9a-f]+"_s), QByteArray(", flags=0x"));
        QCOMPARE(LogSearch::requiredLiteral(u"uid=10[0-9]+.*pid=2[0-9]{3}"_s), QByteArray("uid=10"));
        QCOMPARE(LogSearch::requiredLiteral(u"fooo?"_s), QByteArray("foo"));
        QCOMPARE(LogSearch::requiredLiteral(u"\\d+abc\\.def"_s), QByteArray("abc.def"));
        QCOMPARE(LogSearch::requiredLiteral(u"[]abcd]xy"_s), QByteArray());
        QCOMPARE(LogSearch::requiredLiteral(u"[[:alpha:]]xyz"_s), QByteArray("xyz"));
        QCOMPARE(LogSearch::requiredLiteral(u"[a\\]b]cdef"_s), QByteArray("cdef"));
        QVERIFY(LogSearch::requiredLiteral(u"abcd|efgh"_s).isEmpty());
        QVERIFY(LogSearch::requiredLiteral(u"(abcd)?"_s).isEmpty());
    }

    void searchInvalidRegex()
    {
        const QByteArray data = "foo\n";
        LineIndex index(data);
        index.build();
        const LogSearchResult r = LogSearch(index, {u"(foo"_s, true, true}).run();
        QVERIFY(!r.error.isEmpty());
        QVERIFY(r.lines.isEmpty());
    }

    void searchCancellation()
    {
        QRandomGenerator rng(5);
        const QByteArray data = randomLog(rng, 20000, false);
        LineIndex index(data);
        index.build();
        const LogSearchQuery query{u"foo"_s, false, true};
        const qsizetype all = LogSearch(index, query).run().lines.size();
        QVERIFY(all > 100);

        std::atomic<bool> cancel{false};
        LogSearch search(index, query);
        search.setThreads(1);
        search.setTaskBytes(256);
        int calls = 0;
        search.setProgress([&](qint64, qint64) {
            ++calls;
            cancel = true;
        });
        const LogSearchResult r = search.run(&cancel);
        QVERIFY(r.cancelled);
        QCOMPARE(calls, 1);
        QVERIFY(r.lines.size() < all);
    }

    void documentParsesLinesLikeParseLog()
    {
        RELAYDESK_REQUIRE_SHARED_DATA(test::loghubAndroidPath());
        const QByteArray data = loghubRepeated(1) + "not a logcat line\r\n\r\n";
        LogDocument doc;
        doc.openBytes(data);
        doc.waitIndexed();
        QVERIFY(doc.isIndexed());
        QCOMPARE(doc.format(), LogFormat::Logcat);
        const QList<LogLine> expected = parseLog(data);
        QCOMPARE(doc.linesReady(), qint64(expected.size()));
        for (qint64 n = 0; n < doc.linesReady(); n += 13) {
            const LogLine got = doc.parsedLine(n);
            const LogLine &want = expected[n];
            QCOMPARE(got.number, want.number);
            QCOMPARE(got.offset, want.offset);
            QCOMPARE(got.length, want.length);
            QCOMPARE(got.format, want.format);
            QCOMPARE(got.time, want.time);
            QCOMPARE(got.level, want.level);
            QCOMPARE(got.pid, want.pid);
            QCOMPARE(got.tid, want.tid);
            QCOMPARE(got.tag, want.tag);
            QCOMPARE(got.message, want.message);
            QCOMPARE(doc.lineText(n), QString::fromUtf8(data.mid(want.offset, want.length)));
        }
        const qint64 last = doc.linesReady() - 1;
        QCOMPARE(doc.parsedLine(last).format, LogFormat::Text);
        QCOMPARE(doc.parsedLine(last).message, QString());
        QCOMPARE(doc.parsedLine(last - 1).message, u"not a logcat line"_s);
    }

    void documentOpenMissingFile()
    {
        LogDocument doc;
        QString error;
        QVERIFY(!doc.open(u"/nonexistent/log.txt"_s, &error));
        QVERIFY(error.contains(u"/nonexistent/log.txt"_s));
        doc.waitIndexed();
        QCOMPARE(doc.linesReady(), qint64(0));
    }

    void searchJobReportsThroughSignals()
    {
        RELAYDESK_REQUIRE_SHARED_DATA(test::loghubAndroidPath());
        const QByteArray data = loghubRepeated(5);
        QVERIFY(!data.isEmpty());
        LogDocument doc;
        doc.openBytes(data); // the job waits for the index itself
        LogSearchJob job(doc.index(), {u"PowerManagerService"_s, false, true});
        QSignalSpy progress(&job, &LogSearchJob::progress);
        QSignalSpy finished(&job, &LogSearchJob::finished);
        job.start();
        QVERIFY(finished.wait(60000));
        const auto lines = finished.first().at(0).value<QList<qint64>>();
        QCOMPARE(finished.first().at(1).toBool(), false);
        QCOMPARE(lines, naiveSearch(data, {u"PowerManagerService"_s, false, true}));
        QVERIFY(!lines.isEmpty());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 1000);

        LogSearchJob bad(doc.index(), {u"(x"_s, true, true});
        QSignalSpy failed(&bad, &LogSearchJob::failed);
        bad.start();
        QVERIFY(failed.wait(60000));
    }

    void cliLogIndex()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.log"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("one\r\ntwo\n\nfour");
        f.close();
        const CliRun r = runCli({u"log"_s, u"index"_s, path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("lines: 4\n"), r.out.constData());
        QVERIFY(r.out.contains("index bytes: "));
        QVERIFY(r.out.contains("bytes per line: "));
        QCOMPARE(runCli({u"log"_s, u"index"_s, dir.filePath(u"missing.log"_s)}).exitCode, 2);
        QCOMPARE(runCli({u"log"_s, u"index"_s}).exitCode, 2);
    }

    void cliLogSearch()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.log"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("foo bar\r\nnothing\nxFOO\nfoo");
        f.close();
        CliRun r = runCli({u"log"_s, u"search"_s, path, u"foo"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("1:foo bar\n4:foo\n"));
        r = runCli({u"log"_s, u"search"_s, path, u"foo"_s, u"--ignore-case"_s, u"--count"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("3\n"));
        r = runCli({u"log"_s, u"search"_s, u"--regex"_s, path, u"^x.O+$"_s, u"-i"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("3:xFOO\n"));
        r = runCli({u"log"_s, u"search"_s, path, u"absent"_s});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QByteArray());
        r = runCli({u"log"_s, u"search"_s, path, u"absent"_s, u"--count"_s});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QByteArray("0\n"));
        r = runCli({u"log"_s, u"search"_s, path, u"(foo"_s, u"--regex"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("invalid regular expression"));
        r = runCli({u"log"_s, u"search"_s, dir.filePath(u"missing.log"_s), u"foo"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("missing.log"));
        QCOMPARE(runCli({u"log"_s, u"search"_s, path}).exitCode, 2);
        QCOMPARE(runCli({u"log"_s, u"search"_s, path, u"x"_s, u"--bogus"_s}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(LogEngineTest)
#include "tst_log_engine.moc"

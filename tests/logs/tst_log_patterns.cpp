// Log-pattern grouping (core/logs/PatternGrouper, LogPatternMasker, GroupingAccuracy): masking rules, Loghub
// Android_2k grouping accuracy (target >= 0.93), incremental == batch, determinism, empty/huge/mixed inputs.
#include "CsvReader.h"
#include "SharedTestData.h"

#include "core/logs/GroupingAccuracy.h"
#include "core/logs/LogParser.h"
#include "core/logs/LogPatternMasker.h"
#include "core/logs/PatternGrouper.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace relaydesk;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

LogLine makeLine(int number, const QString &tag, const QString &message, LogLevel level = LogLevel::Info)
{
    LogLine line;
    line.number = number;
    line.tag = tag;
    line.message = message;
    line.level = level;
    return line;
}

bool samePatterns(const QList<LogPattern> &a, const QList<LogPattern> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const LogPattern &x = a.at(i);
        const LogPattern &y = b.at(i);
        if (x.id != y.id || x.tag != y.tag || x.text != y.text || x.count != y.count || x.level != y.level ||
            x.firstLine != y.firstLine || x.sampleLines != y.sampleLines)
            return false;
    }
    return true;
}

} // namespace

class LogPatternsTest final : public QObject
{
    Q_OBJECT

private slots:
    void masking_data();
    void masking();
    void maskingReusesBuffer();
    void maskingRandomMessages();
    void accuracyMetric();
    void loghubAndroidAccuracy();
    void groupsByTagAndMaskedMessage();
    void levelCountAndSamples();
    void incrementalEqualsBatch();
    void deterministic();
    void sortErrorsAndRareFirst();
    void emptyInput();
    void hugeInputs();
    void mixedFormats();
    void commandLine();
};

void LogPatternsTest::masking_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("masked");
    const auto row = [](const char *name, const QString &message, const QString &masked) {
        QTest::newRow(name) << message << masked;
    };
    row("empty", QString(), QString());
    row("no variables", u"startAnimation begin"_s, u"startAnimation begin"_s);
    row("numbers", u"took 35ms for 12 items"_s, u"took <*> for <*> items"_s);
    row("negative and decimal", u"x=-1 y=0.5"_s, u"x=<*> y=<*>"_s);
    row("hex with digits", u"flags=0x1 token 9f4ef63"_s, u"flags=<*> token <*>"_s);
    row("hex letters only, long", u"mask ffffffff added"_s, u"mask <*> added"_s);
    row("ipv4 and port collapse", u"connect to 10.0.0.1:8080 failed"_s, u"connect to <*> failed"_s);
    row("ipv6", u"peer fe80::1%wlan0 up"_s, u"peer <*> up"_s);
    row("path", u"open /data/app/base.apk"_s, u"open <*>"_s);
    row("url", u"GET https://api.example.com/v1/send"_s, u"GET https:<*>"_s);
    row("dotted name", u"received broadcast android.intent.action.TIME_TICK"_s, u"received broadcast <*>"_s);
    row("uuid", u"session 123e4567-e89b-12d3-a456-426614174000 started"_s, u"session <*> started"_s);
    row("key=value masked", u"name=audioserver ws=null"_s, u"name=<*> ws=<*>"_s);
    row("key=value keeps booleans and CONSTANTS", u"expand=true state=IDLE mode=auto"_s,
        u"expand=true state=IDLE mode=<*>"_s);
    row("key =value keeps boolean", u"mInCall =false,mScreenOn = true"_s,
        u"mInCall =false,mScreenOn = true"_s);
    row("bracketed value collapses", u"ws=WorkSource{10113} uid=1000"_s, u"ws=<*> uid=<*>"_s);
    row("quoted string", u"acquire tag=\"View Lock\", name=x"_s, u"acquire tag=\"<*>\", name=<*>"_s);
    row("unterminated quote", u"say \"hello"_s, u"say \"hello"_s);
    row("colon-joined variables", u"name=PopupWindow:4c3f2a1 at a.b.C:123"_s, u"name=<*> at <*>"_s);
    row("pipe-joined key", u"key=0|com.tencent.mm|4|null|10113"_s, u"key=<*>|null|<*>"_s);
    row("constant colon kept", u"error: code 5"_s, u"error: code <*>"_s);
    row("whitespace normalised", u"  multiple   spaces\tand tabs  "_s, u"multiple spaces and tabs"_s);
    row("unicode digits", u"Unicode \u0663 digits"_s, u"Unicode <*> digits"_s);
    row("android record", u"ActivityRecord{de9231d u0 com.example/.Main t761}}"_s,
        u"ActivityRecord{<*> <*> <*> <*>}}"_s);
}

void LogPatternsTest::masking()
{
    QFETCH(QString, message);
    QFETCH(QString, masked);
    QCOMPARE(maskLogMessage(message), masked);
    // Masking is idempotent: a template masks to itself.
    QCOMPARE(maskLogMessage(masked), masked);
}

void LogPatternsTest::maskingReusesBuffer()
{
    QString out = u"previous contents"_s;
    maskLogMessage(u"pid 42"_s, out);
    QCOMPARE(out, u"pid <*>"_s);
    QString appended = u"7:"_s;
    appendMaskedLogMessage(u"13 x"_s, appended);
    QCOMPARE(appended, u"7:<*> x"_s); // never collapses with what was already there
}

void LogPatternsTest::maskingRandomMessages()
{
    // Any text: no digit survives, whitespace is single spaces with none at the ends, output is bounded.
    const QString alphabet = u"aZf09 ._-/=:,;()[]{}<>'|@\"\t*\u00e9\u0663\u4e2d\u2003"_s;
    quint32 state = 12345;
    const auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    QString out;
    for (int round = 0; round < 20000; ++round) {
        QString message;
        const int size = int(next() % 120);
        for (int i = 0; i < size; ++i)
            message += alphabet.at(qsizetype(next() % quint32(alphabet.size())));
        maskLogMessage(message, out);
        QCOMPARE(maskLogMessage(message), out);
        QVERIFY(out.size() <= 3 * message.size() + 8);
        for (const QChar ch : std::as_const(out))
            QVERIFY2(!ch.isDigit() && (ch == u' ' || !ch.isSpace()), qPrintable(message + u" -> "_s + out));
        QVERIFY2(!out.startsWith(u' ') && !out.endsWith(u' ') && !out.contains(u"  "_s),
                 qPrintable(message + u" -> "_s + out));
    }
}

void LogPatternsTest::accuracyMetric()
{
    QCOMPARE(groupingAccuracy({}, {}), 1.0);
    QCOMPARE(groupingAccuracy({0}, {u"a"_s, u"b"_s}), 0.0);
    QCOMPARE(groupingAccuracy({0, 0, 1}, {u"a"_s, u"a"_s, u"b"_s}), 1.0);
    QCOMPARE(groupingAccuracy({7, 7, 7}, {u"a"_s, u"a"_s, u"b"_s}), 0.0);            // over-merged: all wrong
    QCOMPARE(groupingAccuracy({0, 1, 2, 2}, {u"a"_s, u"a"_s, u"b"_s, u"b"_s}), 0.5); // split group wrong
}

void LogPatternsTest::loghubAndroidAccuracy()
{
    const QString dir = test::loghubPath(u"Android/"_s);
    RELAYDESK_REQUIRE_SHARED_DATA(dir + u"Android_2k.log"_s, dir + u"Android_2k.log_structured.csv"_s);
    const QByteArray log = readFile(dir + u"Android_2k.log"_s);
    const QByteArray csv = readFile(dir + u"Android_2k.log_structured.csv"_s);
    QVERIFY(!log.isEmpty() && !csv.isEmpty());
    QList<QStringList> rows = test::readCsv(QString::fromUtf8(csv));
    const QStringList header = rows.takeFirst();
    const qsizetype eventColumn = header.indexOf(u"EventId"_s);
    QVERIFY(eventColumn >= 0);

    const QList<LogLine> lines = parseLog(log);
    QCOMPARE(lines.size(), rows.size());
    QStringList truth;
    for (const QStringList &row : std::as_const(rows))
        truth.append(row.at(eventColumn));

    QList<int> predicted;
    const QList<LogPattern> patterns = PatternGrouper::groupLines(lines, &predicted);
    const double accuracy = groupingAccuracy(predicted, truth);
    qInfo("Loghub Android_2k: %lld lines, %lld patterns (ground truth 166), grouping accuracy %.4f",
          qlonglong(lines.size()), qlonglong(patterns.size()), accuracy);
    QVERIFY2(accuracy >= 0.93, qPrintable(u"grouping accuracy %1 < 0.93"_s.arg(accuracy)));
}

void LogPatternsTest::groupsByTagAndMaskedMessage()
{
    const QList<LogLine> lines = {
        makeLine(1, u"Wifi"_s, u"rssi -61 on wlan0"_s),    makeLine(2, u"Wifi"_s, u"rssi -70 on wlan0"_s),
        makeLine(3, u"Bt"_s, u"rssi -61 on wlan0"_s),      makeLine(4, u"Wifi"_s, u"scan done"_s),
        makeLine(5, u"Wifi"_s, u"rssi  -3   on  wlan1"_s),
    };
    QList<int> of;
    const QList<LogPattern> patterns = PatternGrouper::groupLines(lines, &of);
    QCOMPARE(of, (QList<int>{0, 0, 1, 2, 0}));
    QCOMPARE(patterns.size(), 3);
    QCOMPARE(patterns.at(0).text, u"rssi <*> on <*>"_s);
    QCOMPARE(patterns.at(0).displayText(), u"Wifi: rssi <*> on <*>"_s);
    QCOMPARE(patterns.at(1).tag, u"Bt"_s);
    QCOMPARE(makeLine(0, QString(), u"x"_s).tag.isEmpty(), true);
    LogPattern untagged;
    untagged.text = u"x <*>"_s;
    QCOMPARE(untagged.displayText(), u"x <*>"_s);
}

void LogPatternsTest::levelCountAndSamples()
{
    PatternGrouper grouper(PatternGrouper::Options{3});
    for (int i = 1; i <= 10; ++i) {
        const LogLevel level = i == 6 ? LogLevel::Error : (i == 8 ? LogLevel::Warning : LogLevel::Debug);
        QCOMPARE(grouper.addLine(makeLine(i + 100, u"T"_s, u"item %1"_s.arg(i), level)), 0);
    }
    QCOMPARE(grouper.lineCount(), 10);
    const LogPattern &p = grouper.patterns().at(0);
    QCOMPARE(p.count, 10);
    QCOMPARE(p.level, LogLevel::Error);
    QCOMPARE(p.firstLine, 101);
    QCOMPARE(p.sampleLines, (QList<int>{101, 102, 103}));
    grouper.clear();
    QCOMPARE(grouper.patterns().size(), 0);
    QCOMPARE(grouper.lineCount(), 0);
    QCOMPARE(grouper.addLine(makeLine(1, u"T"_s, u"other"_s)), 0);
}

void LogPatternsTest::incrementalEqualsBatch()
{
    RELAYDESK_REQUIRE_SHARED_DATA(test::loghubPath(u"Android/Android_2k.log"_s));
    const QByteArray log = readFile(test::loghubPath(u"Android/Android_2k.log"_s));
    QVERIFY(!log.isEmpty());
    const QList<LogLine> lines = parseLog(log);
    QList<int> batchOf;
    const QList<LogPattern> batch = PatternGrouper::groupLines(lines, &batchOf);

    PatternGrouper grouper;
    QList<int> incrementalOf;
    for (const LogLine &line : lines) {
        incrementalOf.append(grouper.addLine(line));
        // Every pattern seen so far is final in its id, tag and text.
        const LogPattern &p = grouper.patterns().at(incrementalOf.back());
        QCOMPARE(p.text, batch.at(p.id).text);
    }
    QCOMPARE(incrementalOf, batchOf);
    QVERIFY(samePatterns(grouper.patterns(), batch));
}

void LogPatternsTest::deterministic()
{
    QList<LogLine> lines;
    for (int i = 1; i <= 5000; ++i)
        lines.append(
            makeLine(i, u"tag%1"_s.arg(i % 7), u"event %1 kind k%2 v=%3"_s.arg(i).arg(i % 13).arg(i * 7)));
    QList<int> a;
    QList<int> b;
    const QList<LogPattern> first = PatternGrouper::groupLines(lines, &a);
    const QList<LogPattern> second = PatternGrouper::groupLines(lines, &b);
    QCOMPARE(a, b);
    QVERIFY(samePatterns(first, second));
    for (qsizetype i = 0; i < first.size(); ++i)
        QCOMPARE(first.at(i).id, int(i)); // ids follow first appearance
}

void LogPatternsTest::sortErrorsAndRareFirst()
{
    QList<LogLine> lines;
    int n = 0;
    const auto add = [&](const QString &message, LogLevel level, int times) {
        for (int i = 0; i < times; ++i)
            lines.append(makeLine(++n, u"T"_s, message, level));
    };
    add(u"common info"_s, LogLevel::Info, 50);
    add(u"rare info"_s, LogLevel::Info, 1);
    add(u"frequent error"_s, LogLevel::Error, 20);
    add(u"warning"_s, LogLevel::Warning, 3);
    add(u"rare fatal"_s, LogLevel::Fatal, 2);
    add(u"second rare info"_s, LogLevel::Debug, 1);
    QList<LogPattern> patterns = PatternGrouper::groupLines(lines);
    PatternGrouper::sortErrorsAndRareFirst(patterns);
    QStringList order;
    for (const LogPattern &p : std::as_const(patterns))
        order.append(p.text);
    QCOMPARE(order, (QStringList{u"rare fatal"_s, u"frequent error"_s, u"warning"_s, u"rare info"_s,
                                 u"second rare info"_s, u"common info"_s}));
}

void LogPatternsTest::emptyInput()
{
    QList<int> of{1, 2, 3};
    QVERIFY(PatternGrouper::groupLines({}, &of).isEmpty());
    QVERIFY(of.isEmpty());
    QVERIFY(PatternGrouper::groupLines(parseLog(QByteArrayView())).isEmpty());
    // Empty messages and tags still form a pattern.
    const QList<LogPattern> p =
        PatternGrouper::groupLines({makeLine(1, QString(), QString()), makeLine(2, {}, u"  "_s)});
    QCOMPARE(p.size(), 1);
    QCOMPARE(p.at(0).count, 2);
    QCOMPARE(p.at(0).text, QString());
}

void LogPatternsTest::hugeInputs()
{
    // One 8 MB line of mixed variables and words.
    QString huge;
    for (int i = 0; huge.size() < 8 * 1024 * 1024; ++i)
        huge += u"word %1 key=v%2 /p/%3 "_s.arg(i).arg(i).arg(i);
    const QString masked = maskLogMessage(huge);
    QVERIFY(masked.startsWith(u"word <*> key=<*> <*> word <*>"_s));
    QVERIFY(!masked.contains(QChar(u'0')));
    QCOMPARE(
        PatternGrouper::groupLines({makeLine(1, u"T"_s, huge), makeLine(2, u"T"_s, huge + u" 1"_s)}).size(),
        2);

    // 300k lines of 30 shapes, many values: few patterns, fast.
    QList<LogLine> lines;
    lines.reserve(300000);
    for (int i = 0; i < 300000; ++i)
        lines.append(makeLine(i + 1, u"Svc%1"_s.arg(i % 3),
                              u"op%1 id=%2 took %3 ms from 10.1.%4.7"_s.arg(QChar(u'a' + i % 10))
                                  .arg(i)
                                  .arg(i % 97)
                                  .arg(i % 255)));
    QElapsedTimer timer;
    timer.start();
    QList<int> of;
    const QList<LogPattern> patterns = PatternGrouper::groupLines(lines, &of);
    const qint64 ms = timer.elapsed();
    QCOMPARE(patterns.size(), 30);
    QCOMPARE(of.size(), lines.size());
    qint64 total = 0;
    for (const LogPattern &p : patterns)
        total += p.count;
    QCOMPARE(total, 300000);
    qInfo("300k lines grouped in %lld ms", ms);

    // 100k distinct templates (letters only, nothing masked): the index grows, every one found again.
    const auto word = [](int i) {
        QString w;
        do {
            w += QChar(u'a' + i % 26);
            i /= 26;
        } while (i > 0);
        return w;
    };
    PatternGrouper grouper;
    for (int i = 0; i < 100000; ++i)
        QCOMPARE(grouper.addLine(makeLine(i + 1, u"T"_s, u"event "_s + word(i))), i);
    for (int i = 99999; i >= 0; --i)
        QCOMPARE(grouper.addLine(makeLine(i + 1, u"T"_s, u"event "_s + word(i))), i);
    QCOMPARE(grouper.patterns().size(), 100000);
    QVERIFY2(ms < 10000, "grouping 300k lines took over 10 s");
}

void LogPatternsTest::mixedFormats()
{
    const QByteArray log = "03-17 16:13:38.811  1702  2395 D WindowManager: relayout 42 done\n"
                           "2024-03-17 16:13:39.000000+0000 0x1a2b     Default     0x0                  812  "
                           "  0    Relay: [com.x:net] send 17 bytes\n"
                           "Mar 17 16:13:40 host relayd[88]: retry 3 of 5\n"
                           "[2024-03-17 16:13:41.123] [error] (ipc) socket closed after 900 ms\n"
                           "plain text line 1\n"
                           "03-17 16:13:42.811  1702  2395 D WindowManager: relayout 43 done\n"
                           "Mar 17 16:13:43 host relayd[88]: retry 4 of 5\n"
                           "plain text line 2\n"
                           "\n";
    const QList<LogLine> lines = parseLog(log);
    QCOMPARE(lines.size(), 9);
    QList<int> of;
    const QList<LogPattern> patterns = PatternGrouper::groupLines(lines, &of);
    QCOMPARE(of.size(), lines.size());
    QCOMPARE(of.at(5), of.at(0)); // logcat with different numbers
    QCOMPARE(of.at(6), of.at(2)); // syslog
    QCOMPARE(of.at(7), of.at(4)); // unparsed text
    QVERIFY(of.at(0) != of.at(2));
    QVERIFY(of.at(8) != of.at(4)); // the empty line is its own pattern
    qint64 total = 0;
    for (const LogPattern &p : patterns)
        total += p.count;
    QCOMPARE(total, lines.size());
    QCOMPARE(patterns.at(of.at(0)).displayText(), u"WindowManager: relayout <*> done"_s);
}

void LogPatternsTest::commandLine()
{
    const QString cli = QStringLiteral(RELAYDESK_BINARY_DIR) + u"/app/relaydesk-cli/relaydesk-cli"_s;
    const QString log = test::loghubPath(u"Android/Android_2k.log"_s);
    RELAYDESK_REQUIRE_SHARED_DATA(log);
    QVERIFY2(QFile::exists(cli), qPrintable(cli)); // a build dependency of this test
    const auto run = [&](const QStringList &args, QByteArray *output) {
        QProcess p;
        p.start(cli, args);
        if (!p.waitForFinished(60000))
            return -1;
        *output = p.readAllStandardOutput();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    QByteArray csv;
    QCOMPARE(run({u"log"_s, u"patterns"_s, log, u"--csv"_s}, &csv), 0);
    const QList<QStringList> rows = test::readCsv(QString::fromUtf8(csv));
    QCOMPARE(rows.size(), 2001);
    QCOMPARE(rows.at(0), (QStringList{u"line"_s, u"pattern_id"_s, u"pattern"_s}));
    QList<int> of;
    const QList<LogPattern> patterns = PatternGrouper::groupLines(parseLog(readFile(log)), &of);
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).value(0).toInt(), int(i));
        QCOMPARE(rows.at(i).value(1).toInt(), of.at(i - 1));
        QCOMPARE(rows.at(i).value(2), patterns.at(of.at(i - 1)).displayText());
    }
    QByteArray table;
    QCOMPARE(run({u"log"_s, u"patterns"_s, log}, &table), 0);
    QVERIFY(table.contains("patterns: " + QByteArray::number(patterns.size())));
    QByteArray ignored;
    QCOMPARE(run({u"log"_s, u"patterns"_s}, &ignored), 2);
    QCOMPARE(run({u"log"_s, u"patterns"_s, u"/nonexistent/file.log"_s}, &ignored), 2);
}

QTEST_GUILESS_MAIN(LogPatternsTest)
#include "tst_log_patterns.moc"

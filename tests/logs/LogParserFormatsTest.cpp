#include "CsvReader.h"
#include "LogParserTest.h"
#include "SharedTestData.h"

#include "core/logs/LogParser.h"

#include <QDateTime>
#include <QFile>
#include <QTest>

using namespace relaydesk;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

LogLine parseOne(const QByteArray &line, LogFormat hint = LogFormat::Auto)
{
    const QList<LogLine> lines = parseLog(line, hint);
    return lines.size() == 1 ? lines.front() : LogLine{};
}

LogLevel logcatLevel(const QString &letter)
{
    static const QHash<QString, LogLevel> kLevels = {
        {u"V"_s, LogLevel::Verbose}, {u"D"_s, LogLevel::Debug}, {u"I"_s, LogLevel::Info},
        {u"W"_s, LogLevel::Warning}, {u"E"_s, LogLevel::Error}, {u"F"_s, LogLevel::Fatal},
        {u"A"_s, LogLevel::Fatal},
    };
    return kLevels.value(letter, LogLevel::Unknown);
}

} // namespace

void LogParserTest::csvReader()
{
    const QList<QStringList> rows = test::readCsv(u"a,\"b,\"\"c\"\"\",\r\n\"multi\nline\",x\n"_s);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0), (QStringList{u"a"_s, u"b,\"c\""_s, QString()}));
    QCOMPARE(rows.at(1), (QStringList{u"multi\nline"_s, u"x"_s}));
}

void LogParserTest::loghubAndroid()
{
    const QString dir = test::loghubPath(u"Android/"_s);
    RELAYDESK_REQUIRE_SHARED_DATA(dir + u"Android_2k.log"_s, dir + u"Android_2k.log_structured.csv"_s);
    const QByteArray log = readFile(dir + u"Android_2k.log"_s);
    const QByteArray csv = readFile(dir + u"Android_2k.log_structured.csv"_s);
    QVERIFY(!log.isEmpty() && !csv.isEmpty());

    QList<QStringList> rows = test::readCsv(QString::fromUtf8(csv));
    QCOMPARE(rows.takeFirst(), (QStringList{u"LineId"_s, u"Date"_s, u"Time"_s, u"Pid"_s, u"Tid"_s, u"Level"_s,
                                            u"Component"_s, u"Content"_s, u"EventId"_s, u"EventTemplate"_s}));
    QCOMPARE(rows.size(), 2000);
    QCOMPARE(detectLogFormat(log), LogFormat::Logcat);

    const QList<LogLine> lines = parseLog(log);
    QCOMPARE(lines.size(), 2000);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const LogLine &line = lines.at(i);
        const QStringList &row = rows.at(i);
        QCOMPARE(row.size(), 10);
        QCOMPARE(line.number, row.at(0).toInt());
        QCOMPARE(line.format, LogFormat::Logcat);
        QCOMPARE(line.time, row.at(1) + u' ' + row.at(2));
        QCOMPARE(line.timeMs, -1);
        QCOMPARE(line.pid, row.at(3).toLongLong());
        QCOMPARE(line.tid, row.at(4).toLongLong());
        QCOMPARE(line.level, logcatLevel(row.at(5)));
        QCOMPARE(line.tag, row.at(6));
        QCOMPARE(line.message, row.at(7));
    }
}

void LogParserTest::lineFields_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("time");
    QTest::addColumn<int>("level");
    QTest::addColumn<qint64>("pid");
    QTest::addColumn<qint64>("tid");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, const char *input, LogFormat f, const QString &time, LogLevel level,
                        qint64 pid, qint64 tid, const QString &tag, const QString &message) {
        QTest::newRow(name) << QByteArray(input) << int(f) << time << int(level) << pid << tid << tag
                            << message;
    };
    row("threadtime", "03-17 16:13:38.811  1702  2395 D WindowManager: printFreezing: a: b",
        LogFormat::Logcat, u"03-17 16:13:38.811"_s, LogLevel::Debug, 1702, 2395, u"WindowManager"_s,
        u"printFreezing: a: b"_s);
    row("threadtime tag padded", "01-02 03:04:05.006 11 12 W chatty   : uid=1000  x", LogFormat::Logcat,
        u"01-02 03:04:05.006"_s, LogLevel::Warning, 11, 12, u"chatty"_s, u"uid=1000  x"_s);
    row("threadtime empty message", "01-02 03:04:05.006 11 12 E Tag: ", LogFormat::Logcat,
        u"01-02 03:04:05.006"_s, LogLevel::Error, 11, 12, u"Tag"_s, QString());
    row("threadtime tag with spaces", "01-02 03:04:05.006 1 2 I Some Tag (x): m", LogFormat::Logcat,
        u"01-02 03:04:05.006"_s, LogLevel::Info, 1, 2, u"Some Tag (x)"_s, u"m"_s);
    row("brief", "D/dalvikvm(  821): GC_CONCURRENT freed 2049K", LogFormat::Logcat, QString(),
        LogLevel::Debug, 821, -1, u"dalvikvm"_s, u"GC_CONCURRENT freed 2049K"_s);
    row("brief tag with parens", "E/Foo(bar)( 9): boom", LogFormat::Logcat, QString(), LogLevel::Error, 9, -1,
        u"Foo(bar)"_s, u"boom"_s);
    row("ios default",
        "2022-08-25 15:22:01.008417+0100 0x1590e   Error       0x0   1766   0    Kite: [com.kite.im:net] "
        "Task failed: -1001",
        LogFormat::Ios, u"2022-08-25 15:22:01.008417+0100"_s, LogLevel::Error, 1766, -1, u"Kite"_s,
        u"[com.kite.im:net] Task failed: -1001"_s);
    row("ios default fault", "2022-08-25 15:22:01.008417-0700 0x1 Fault 0x0 12 0 backboardd: x",
        LogFormat::Ios, u"2022-08-25 15:22:01.008417-0700"_s, LogLevel::Fatal, 12, -1, u"backboardd"_s,
        u"x"_s);
    row("ios syslog style", "2022-08-25 15:22:01.008417+0100 iPhone Kite[1766]: sent message", LogFormat::Ios,
        u"2022-08-25 15:22:01.008417+0100"_s, LogLevel::Unknown, 1766, -1, u"Kite"_s, u"sent message"_s);
    row("ios syslog style thread", "2022-08-25 15:22:01.008417+0100 localhost kernel[0:1a]: (AMFI) x",
        LogFormat::Ios, u"2022-08-25 15:22:01.008417+0100"_s, LogLevel::Unknown, 0, 0x1a, u"kernel"_s,
        u"(AMFI) x"_s);
    row("ios ndjson",
        R"({"timestamp":"2022-08-25 15:22:01.008417+0100","messageType":"Error","processID":1766,"threadID":88334,)"
        R"("subsystem":"com.kite.im","category":"net","processImagePath":"/private/var/Kite.app/Kite",)"
        R"("eventMessage":"Task <1> failed, code=-1001"})",
        LogFormat::Ios, u"2022-08-25 15:22:01.008417+0100"_s, LogLevel::Error, 1766, 88334, u"Kite"_s,
        u"[com.kite.im:net] Task <1> failed, code=-1001"_s);
    row("ios ndjson no subsystem", R"({"messageType":"Fault","processID":"7","eventMessage":"é"})",
        LogFormat::Ios, QString(), LogLevel::Fatal, 7, -1, QString(), u"é"_s);
    row("ios ndjson escapes and nesting",
        R"( {"backtrace":{"frames":[{"imageOffset":12,"imageUUID":"A-B"}]},"eventMessage":"say \"hi\"\n\u00e9\ud83d\ude00\ud800",)"
        R"("messageType":"Debug","threadID":"x","processID":-3,"timestamp":"2022-08-25T15:22:01Z","flag":true} )",
        LogFormat::Ios, u"2022-08-25T15:22:01Z"_s, LogLevel::Debug, -1, -1, QString(),
        u"say \"hi\"\n\u00e9\U0001F600\uFFFD"_s);
    row("ndjson malformed", R"({"eventMessage":"x",})", LogFormat::Text, QString(), LogLevel::Unknown, -1, -1,
        QString(), uR"({"eventMessage":"x",})"_s);
    row("ndjson trailing garbage", R"({"eventMessage":"x"} y)", LogFormat::Text, QString(), LogLevel::Unknown,
        -1, -1, QString(), uR"({"eventMessage":"x"} y)"_s);
    row("ndjson unbalanced", R"({"eventMessage":"x","a":[{]})", LogFormat::Text, QString(), LogLevel::Unknown,
        -1, -1, QString(), uR"({"eventMessage":"x","a":[{]})"_s);
    row("bsd syslog", "Jul  1 09:01:05 host proc[43]: msg: x", LogFormat::Syslog, u"Jul  1 09:01:05"_s,
        LogLevel::Unknown, 43, -1, u"proc"_s, u"msg: x"_s);
    row("bsd syslog no pid", "Dec 31 23:59:59 mac-mini kernel: boot", LogFormat::Syslog, u"Dec 31 23:59:59"_s,
        LogLevel::Unknown, -1, -1, u"kernel"_s, u"boot"_s);
    row("bsd syslog no tag", "Dec 31 23:59:59 mac last message repeated 3 times", LogFormat::Syslog,
        u"Dec 31 23:59:59"_s, LogLevel::Unknown, -1, -1, QString(), u"last message repeated 3 times"_s);
    row("idevicesyslog", "Mar  4 10:00:00 iPhone Kite(CFNetwork)[310] <Error>: TLS failed", LogFormat::Syslog,
        u"Mar  4 10:00:00"_s, LogLevel::Error, 310, -1, u"Kite(CFNetwork)"_s, u"TLS failed"_s);
    row("electron", "[2024-05-01 10:22:03.123] [error] (send-queue) connect ETIMEDOUT", LogFormat::Electron,
        u"2024-05-01 10:22:03.123"_s, LogLevel::Error, -1, -1, u"send-queue"_s, u"connect ETIMEDOUT"_s);
    row("electron no scope", "[2024-05-01 10:22:03.123] [warn] (not a scope) text", LogFormat::Electron,
        u"2024-05-01 10:22:03.123"_s, LogLevel::Warning, -1, -1, QString(), u"(not a scope) text"_s);
    row("electron padded scope", "[2024-05-01 10:22:03.123] [info]  (main)     ready", LogFormat::Electron,
        u"2024-05-01 10:22:03.123"_s, LogLevel::Info, -1, -1, u"main"_s, u"ready"_s);
    row("ios column header",
        "Timestamp                       Thread     Type        Activity             PID    TTL  ",
        LogFormat::Ios, QString(), LogLevel::Unknown, -1, -1, QString(),
        u"Timestamp                       Thread     Type        Activity             PID    TTL"_s);
    row("text", "--------- beginning of main", LogFormat::Text, QString(), LogLevel::Unknown, -1, -1,
        QString(), u"--------- beginning of main"_s);
    row("text almost logcat", "03-17 16:13:38.81  1702  2395 D Tag: m", LogFormat::Text, QString(),
        LogLevel::Unknown, -1, -1, QString(), u"03-17 16:13:38.81  1702  2395 D Tag: m"_s);
    row("text bad level", "03-17 16:13:38.811  1702  2395 X Tag: m", LogFormat::Text, QString(),
        LogLevel::Unknown, -1, -1, QString(), u"03-17 16:13:38.811  1702  2395 X Tag: m"_s);
    row("text json without event", R"({"count":12,"finished":1})", LogFormat::Text, QString(),
        LogLevel::Unknown, -1, -1, QString(), uR"({"count":12,"finished":1})"_s);
}

void LogParserTest::lineFields()
{
    QFETCH(QByteArray, input);
    QFETCH(int, format);
    QFETCH(QString, time);
    QFETCH(int, level);
    QFETCH(qint64, pid);
    QFETCH(qint64, tid);
    QFETCH(QString, tag);
    QFETCH(QString, message);
    for (const LogFormat hint : {LogFormat::Auto, LogFormat::Text, LogFormat::Logcat, LogFormat::Electron}) {
        const LogLine line = parseOne(input, hint);
        QCOMPARE(line.number, 1);
        QCOMPARE(line.offset, 0);
        QCOMPARE(line.length, input.size());
        QCOMPARE(int(line.format), format);
        QCOMPARE(line.time, time);
        QCOMPARE(int(line.level), level);
        QCOMPARE(line.pid, pid);
        QCOMPARE(line.tid, tid);
        QCOMPARE(line.tag, tag);
        QCOMPARE(line.message, message);
        if (LogFormat(format) != LogFormat::Ios)
            QCOMPARE(line.timeMs, -1);
    }
}

void LogParserTest::levels_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("level");
    const QList<std::pair<const char *, LogLevel>> logcat = {
        {"V", LogLevel::Verbose}, {"D", LogLevel::Debug}, {"I", LogLevel::Info},  {"W", LogLevel::Warning},
        {"E", LogLevel::Error},   {"F", LogLevel::Fatal}, {"A", LogLevel::Fatal},
    };
    for (const auto &[letter, level] : logcat) {
        QTest::addRow("logcat %s", letter)
            << QByteArray("03-17 16:13:38.811 1 2 ") + letter + " T: m" << int(level);
        QTest::addRow("brief %s", letter) << QByteArray(letter) + "/T( 1): m" << int(level);
    }
    const QList<std::pair<const char *, LogLevel>> apple = {
        {"Default", LogLevel::Info}, {"Info", LogLevel::Info},   {"Debug", LogLevel::Debug},
        {"Error", LogLevel::Error},  {"Fault", LogLevel::Fatal}, {"Activity", LogLevel::Unknown},
    };
    for (const auto &[name, level] : apple) {
        QTest::addRow("ios %s", name)
            << QByteArray("2022-08-25 15:22:01.008417+0100 0x1 ") + name + " 0x0 1 0 p: m" << int(level);
        QTest::addRow("ndjson %s", name)
            << QByteArray(R"({"messageType":")") + name + R"(","processID":1,"eventMessage":"m"})"
            << int(level);
    }
    const QList<std::pair<const char *, LogLevel>> electron = {
        {"error", LogLevel::Error},     {"warn", LogLevel::Warning}, {"info", LogLevel::Info},
        {"verbose", LogLevel::Verbose}, {"debug", LogLevel::Debug},  {"silly", LogLevel::Verbose},
        {"custom", LogLevel::Unknown},
    };
    for (const auto &[name, level] : electron)
        QTest::addRow("electron %s", name)
            << QByteArray("[2024-05-01 10:22:03.123] [") + name + "] (s) m" << int(level);
}

void LogParserTest::levels()
{
    QFETCH(QByteArray, input);
    QFETCH(int, level);
    const LogLine line = parseOne(input);
    QVERIFY2(line.format != LogFormat::Text, input.constData());
    QCOMPARE(int(line.level), level);
}

void LogParserTest::iosTimeMs()
{
    const auto expected = [](const char *iso) {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
    };
    QCOMPARE(parseOne("2022-08-25 15:22:01.008417+0100 0x1 Error 0x0 1 0 p: m").timeMs,
             expected("2022-08-25T14:22:01.008Z"));
    QCOMPARE(parseOne("2024-02-29 00:30:00.999999-0530 host p[1]: m").timeMs,
             expected("2024-02-29T06:00:00.999Z"));
    QCOMPARE(parseOne("1999-12-31 23:59:59.5+14:00 host p[1]: m").timeMs,
             expected("1999-12-31T09:59:59.500Z"));
    QCOMPARE(parseOne(R"({"timestamp":"2022-01-01 00:00:00.000000+0000","eventMessage":"m"})").timeMs,
             expected("2022-01-01T00:00:00.000Z"));
    // A full date without an offset (electron-log) or without a year (logcat, BSD syslog) gives no instant.
    QCOMPARE(parseOne("[2024-05-01 10:22:03.123] [info] m").timeMs, -1);
    QCOMPARE(parseOne("Jul  1 09:01:05 host proc[43]: msg").timeMs, -1);
    QCOMPARE(parseOne("2022-13-45 15:22:01.008417+0100 0x1 Error 0x0 1 0 p: m").timeMs, -1);
}

void LogParserTest::detection_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("format");
    QTest::newRow("empty") << QByteArray() << int(LogFormat::Text);
    QTest::newRow("newlines") << QByteArray("\n\r\n\n") << int(LogFormat::Text);
    QTest::newRow("prose") << QByteArray("hello\nworld: yes\n") << int(LogFormat::Text);
    QTest::newRow("logcat") << QByteArray(
                                   "--------- beginning of main\n03-17 16:13:38.811  1702  2395 D W: m\n")
                            << int(LogFormat::Logcat);
    QTest::newRow("brief") << QByteArray("I/ActivityManager(  585): Start proc\r\n")
                           << int(LogFormat::Logcat);
    QTest::newRow("ios")
        << QByteArray("Timestamp                       Thread     Type        Activity     PID    TTL\n"
                      "2022-08-25 15:22:01.008417+0100 0x1590e Error 0x0 1766 0 proc: msg\n")
        << int(LogFormat::Ios);
    QTest::newRow("ios syslog") << QByteArray("2022-08-25 15:22:01.008417+0100 host proc[1766]: msg\n")
                                << int(LogFormat::Ios);
    QTest::newRow("ndjson cut off")
        << QByteArray(R"({"timestamp":"2022-08-25 15:22:01.008417+0100","eventMessage":"x)")
        << int(LogFormat::Ios);
    QTest::newRow("syslog") << QByteArray(
                                   "Jul  1 09:01:05 host proc[43]: msg\nJul  1 09:01:06 host proc[43]: m\n")
                            << int(LogFormat::Syslog);
    QTest::newRow("electron") << QByteArray("[2024-05-01 10:22:03.123] [error] (scope) text")
                              << int(LogFormat::Electron);
    QTest::newRow("mixed, electron majority")
        << QByteArray("03-17 16:13:38.811 1 2 D W: m\n[2024-05-01 10:22:03.123] [info] a\n"
                      "[2024-05-01 10:22:03.124] [info] b\nplain\nplain\nplain\n")
        << int(LogFormat::Electron);
}

void LogParserTest::detection()
{
    QFETCH(QByteArray, head);
    QFETCH(int, format);
    QCOMPARE(int(detectLogFormat(head)), format);
}

void LogParserTest::mixedFile()
{
    const QByteArray data = "03-17 16:13:38.811  1702  2395 D WindowManager: a\n"
                            "[2024-05-01 10:22:03.123] [error] (net) b\n"
                            "2022-08-25 15:22:01.008417+0100 0x1590e Error 0x0 1766 0 Kite: c\n"
                            "Jul  1 09:01:05 host proc[43]: d\n"
                            "D/Tag(  821): e\n"
                            R"({"eventMessage":"f","messageType":"Info"})"
                            "\n"
                            "g\n";
    const QList<LogLine> lines = parseLog(data);
    const QList<LogFormat> formats = {LogFormat::Logcat, LogFormat::Electron, LogFormat::Ios,
                                      LogFormat::Syslog, LogFormat::Logcat,   LogFormat::Ios,
                                      LogFormat::Text};
    const QStringList messages = {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s, u"g"_s};
    QCOMPARE(lines.size(), formats.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QCOMPARE(lines.at(i).number, int(i + 1));
        QCOMPARE(lines.at(i).format, formats.at(i));
        QCOMPARE(lines.at(i).message, messages.at(i));
    }
}

void LogParserTest::hintIsOnlyAPreference()
{
    const QByteArray data = "[2024-05-01 10:22:03.123] [error] (net) b\n03-17 16:13:38.811 1 2 D W: a\n";
    for (const LogFormat hint : {LogFormat::Logcat, LogFormat::Ios, LogFormat::Syslog, LogFormat::Text}) {
        const QList<LogLine> lines = parseLog(data, hint);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).format, LogFormat::Electron);
        QCOMPARE(lines.at(1).format, LogFormat::Logcat);
    }
}

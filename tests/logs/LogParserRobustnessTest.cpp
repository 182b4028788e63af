#include "LogParserTest.h"

#include "core/logs/LogParser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace relaydesk;
using namespace Qt::StringLiterals;

namespace {

// The lines of data by an independent split: each line's bytes without "\n" or "\r\n".
QList<QByteArray> splitLines(const QByteArray &data)
{
    if (data.isEmpty())
        return {};
    QList<QByteArray> lines = data.split('\n');
    if (data.endsWith('\n'))
        lines.removeLast();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const bool terminated = i + 1 < lines.size() || data.endsWith('\n');
        if (terminated && lines[i].endsWith('\r'))
            lines[i].chop(1);
    }
    return lines;
}

// Line count, numbering, offsets and lengths reproduce the input exactly; returns false with a message.
void checkInvariants(const QByteArray &data, const QList<LogLine> &lines)
{
    const QList<QByteArray> expected = splitLines(data);
    QCOMPARE(lines.size(), expected.size());
    QCOMPARE(lines.size(), data.count('\n') + (data.isEmpty() || data.endsWith('\n') ? 0 : 1));
    QByteArray rebuilt;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const LogLine &line = lines.at(i);
        QCOMPARE(line.number, int(i + 1));
        QCOMPARE(line.offset, qint64(rebuilt.size()));
        QVERIFY(line.offset + line.length <= data.size());
        const QByteArray bytes = data.mid(line.offset, line.length);
        QCOMPARE(bytes, expected.at(i));
        rebuilt += bytes;
        // the terminator: \n or \r\n, none after an unterminated last line
        if (line.offset + line.length < data.size())
            rebuilt += data.at(line.offset + line.length) == '\r' ? "\r\n" : "\n";
        if (line.format == LogFormat::Text) {
            QByteArray raw = bytes;
            while (raw.endsWith('\r'))
                raw.chop(1);
            QCOMPARE(line.message, QString::fromUtf8(raw));
        }
    }
    QCOMPARE(rebuilt, data);
}

} // namespace

void LogParserTest::lineSplitting_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QStringList>("messages");
    QTest::newRow("empty") << QByteArray() << QStringList();
    QTest::newRow("one newline") << QByteArray("\n") << QStringList{QString()};
    QTest::newRow("only newlines") << QByteArray("\n\n\n") << QStringList{QString(), QString(), QString()};
    QTest::newRow("only crlf") << QByteArray("\r\n\r\n") << QStringList{QString(), QString()};
    QTest::newRow("crlf") << QByteArray("D/T( 1): a\r\nb\r\n") << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("lone cr stays inside") << QByteArray("a\rb\nc") << QStringList{u"a\rb"_s, u"c"_s};
    QTest::newRow("cr cr lf") << QByteArray("x\r\r\ny\n") << QStringList{u"x"_s, u"y"_s};
    QTest::newRow("truncated last line")
        << QByteArray("03-17 16:13:38.811 1 2 I T: a\n03-17 16:13:38.812 1 2 I T: b")
        << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("truncated mid prefix") << QByteArray("03-17 16:13:38.811 1 2 I T: a\n03-17 16:13:3")
                                          << QStringList{u"a"_s, u"03-17 16:13:3"_s};
    QTest::newRow("unterminated cr") << QByteArray("a\nb\r") << QStringList{u"a"_s, u"b"_s};
}

void LogParserTest::lineSplitting()
{
    QFETCH(QByteArray, data);
    QFETCH(QStringList, messages);
    const QList<LogLine> lines = parseLog(data);
    checkInvariants(data, lines);
    QStringList got;
    for (const LogLine &line : lines)
        got << line.message;
    QCOMPARE(got, messages);
}

void LogParserTest::invalidUtf8()
{
    const QByteArray data = "03-17 16:13:38.811 1 2 E T\xff: bad \xc3\x28 end \xe2\x82\n\xfe\xff raw\n";
    const QList<LogLine> lines = parseLog(data);
    checkInvariants(data, lines);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).format, LogFormat::Logcat);
    QCOMPARE(lines.at(0).tag, u"T\uFFFD"_s);
    QVERIFY(lines.at(0).message.startsWith(u"bad \uFFFD(")); // the bad lead byte only; '(' survives
    QVERIFY(lines.at(0).message.contains(u"end \uFFFD"));
    QCOMPARE(lines.at(1).format, LogFormat::Text);
    QVERIFY(lines.at(1).message.endsWith(u" raw"));
    QVERIFY(lines.at(1).message.startsWith(u'\uFFFD'));
}

void LogParserTest::nulBytes()
{
    static constexpr char kData[] = "03-17 16:13:38.811 1 2 I T: a\0b\n03-17\0 16:13:38.811 1 2 I T: c\n\0\n";
    const QByteArray data(kData, sizeof(kData) - 1);
    QCOMPARE(data.count('\0'), 3);
    const QList<LogLine> lines = parseLog(data);
    checkInvariants(data, lines);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0).format, LogFormat::Logcat);
    QCOMPARE(lines.at(0).message, QString(u"a\0b"_s));
    QCOMPARE(lines.at(0).message.size(), 3);
    QCOMPARE(lines.at(1).format, LogFormat::Text); // a NUL inside the prefix breaks the format
    QCOMPARE(lines.at(1).message.size(), 30);
    QCOMPARE(lines.at(1).message.at(5), QChar(u'\0'));
    QCOMPARE(lines.at(2).message, QString(QChar(u'\0')));
}

void LogParserTest::hugeLines_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<char>("fill");
    QTest::addColumn<int>("format");
    QTest::newRow("logcat message") << QByteArray("03-17 16:13:38.811 1 2 I T: ") << 'x'
                                    << int(LogFormat::Logcat);
    QTest::newRow("logcat no colon") << QByteArray("03-17 16:13:38.811 1 2 I T") << 'x'
                                     << int(LogFormat::Text);
    QTest::newRow("brief parens") << QByteArray("D/T") << '(' << int(LogFormat::Text);
    QTest::newRow("colons") << QByteArray("Jul  1 09:01:05 host proc") << ':' << int(LogFormat::Syslog);
    QTest::newRow("electron scope") << QByteArray("[2024-05-01 10:22:03.123] [info] (") << 'a'
                                    << int(LogFormat::Electron);
    QTest::newRow("json") << QByteArray(R"({"eventMessage":")") << 'y' << int(LogFormat::Text);
    QTest::newRow("ios") << QByteArray("2022-08-25 15:22:01.008417+0100 0x1 Error 0x0 1 0 p") << ' '
                         << int(LogFormat::Ios);
}

void LogParserTest::hugeLines()
{
    QFETCH(QByteArray, prefix);
    QFETCH(char, fill);
    QFETCH(int, format);
    const QByteArray huge = prefix + QByteArray(5 * 1024 * 1024, fill);
    const QByteArray data = "before\n" + huge + "\r\nafter";
    const QList<LogLine> lines = parseLog(data);
    checkInvariants(data, lines);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(1).length, huge.size());
    QCOMPARE(int(lines.at(1).format), format);
    // nothing lost: the filler ends up in the message (or, for "proc::::…", in the tag)
    if (format != int(LogFormat::Ios))
        QVERIFY(lines.at(1).message.size() + lines.at(1).tag.size() >= 5 * 1024 * 1024);
    QCOMPARE(lines.at(2).message, u"after"_s);
}

void LogParserTest::randomBytesKeepInvariants()
{
    // Fragments of every format, glued with random bytes, CR, LF and NUL.
    const QList<QByteArray> pieces = {
        "03-17 16:13:38.811  1702  2395 D WindowManager: m",
        "D/Tag(  821): m",
        "[2024-05-01 10:22:03.123] [error] ",
        "2022-08-25 15:22:01.008417+0100 0x1590e Error 0x0 1766 0 proc: ",
        "Jul  1 09:01:05 host proc[43]: ",
        R"({"eventMessage":"x","messageType":"Info"})",
        "\r",
        "\n",
        "\r\n",
        QByteArray(1, '\0'),
        "\xff\xfe",
        ": ",
        "(",
        "[",
        "]",
        " ",
    };
    QRandomGenerator random(20240501);
    for (int round = 0; round < 300; ++round) {
        QByteArray data;
        const int parts = random.bounded(1, 60);
        for (int i = 0; i < parts; ++i) {
            if (random.bounded(4) == 0) {
                data += char(random.bounded(256));
            } else {
                const QByteArray &piece = pieces.at(random.bounded(int(pieces.size())));
                data += random.bounded(3) == 0 ? piece.left(random.bounded(int(piece.size()) + 1)) : piece;
            }
        }
        for (const LogFormat hint : {LogFormat::Auto, LogFormat::Logcat, LogFormat::Ios, LogFormat::Text}) {
            checkInvariants(data, parseLog(data, hint));
            if (QTest::currentTestFailed()) {
                qWarning() << "input:" << data.toHex();
                return;
            }
        }
    }
}

#include "LogParserTest.h"

#include "core/Limits.h"
#include "core/LogPayload.h"
#include "core/logs/LogParser.h"
#include "sim/ReportGenerator.h"

#include <QSet>
#include <QTest>

using namespace relaydesk;
using namespace Qt::StringLiterals;

void LogParserTest::simulatorLogs()
{
    sim::GeneratorOptions options;
    options.seed = 3003;
    options.logScale = 0.1;
    options.logEncoding = LogEncoding::GzipBase64;
    sim::ReportGenerator generator(options);

    QHash<LogFormat, qint64> total, inFormat;
    qint64 evidenceLines = 0;
    for (int i = 0; i < 300; ++i) {
        const sim::GeneratedReport generated = generator.next();
        const LogPayload &payload = generated.report.log;
        const LogDecodeResult decoded =
            decodeLogPayload(payload, limits::kMaxCompressedLog, limits::kMaxUncompressedLog);
        QCOMPARE(decoded.status, LogDecodeResult::Status::Ok);
        const LogFormat declared = payload.format;
        QVERIFY(declared == LogFormat::Logcat || declared == LogFormat::Ios ||
                declared == LogFormat::Electron);
        QCOMPARE(detectLogFormat(decoded.text), declared);

        const QList<LogLine> lines = parseLog(decoded.text);
        QCOMPARE(lines.size(), decoded.text.count('\n') + (decoded.text.endsWith('\n') ? 0 : 1));
        // The failure evidence must come out in the declared format, with its tag and message.
        QSet<QByteArray> evidence;
        for (const QString &e : generated.evidence)
            evidence.insert(e.toUtf8());
        for (const LogLine &line : lines) {
            total[declared] += 1;
            if (line.format == declared)
                inFormat[declared] += 1;
            const QByteArray raw = decoded.text.mid(line.offset, line.length);
            if (!evidence.contains(raw))
                continue;
            ++evidenceLines;
            QCOMPARE(line.format, declared);
            QVERIFY(line.level != LogLevel::Unknown);
            QVERIFY(!line.tag.isEmpty());
            QVERIFY(raw.trimmed().endsWith(line.message.toUtf8())); // messages drop trailing blanks
            QVERIFY(!line.time.isEmpty());
            QCOMPARE(line.timeMs >= 0, declared == LogFormat::Ios);
        }
    }
    QVERIFY(evidenceLines > 300);
    for (const LogFormat format : {LogFormat::Logcat, LogFormat::Ios, LogFormat::Electron}) {
        QVERIFY2(total.value(format) > 1000, qPrintable(toWire(format)));
        const double share = double(inFormat.value(format)) / double(total.value(format));
        qInfo("%s: %lld of %lld lines (%.4f) in the declared format", qPrintable(toWire(format)),
              inFormat.value(format), total.value(format), share);
        QVERIFY2(share >= 0.99, qPrintable(toWire(format)));
    }
}

// Diagnosis speed on ~1 MiB device logs (simulator lines, per format). Target: < 20 ms per diagnosis.
// Anchors measured in the same run: counting the lines with memchr (the floor) and parseLog of the same
// bytes. Usage: diagnosis_speed [--iterations N] [--mib M]
#include "core/LogPayload.h"
#include "core/diagnosis/Diagnoser.h"
#include "core/logs/LogParser.h"
#include "sim/ReportGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cstring>
#include <functional>

using namespace Qt::StringLiterals;
using namespace relaydesk;

namespace {

// Best-of-N milliseconds of fn() (the minimum is the least noisy statistic on a shared machine).
double bestMs(int iterations, const std::function<void()> &fn)
{
    double best = 1e18;
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        best = qMin(best, t.nsecsElapsed() / 1e6);
    }
    return best;
}

qsizetype memchrLines(const QByteArray &data)
{
    qsizetype lines = 0;
    const char *p = data.constData();
    const char *end = p + data.size();
    while (const void *hit = std::memchr(p, '\n', std::size_t(end - p))) {
        ++lines;
        p = static_cast<const char *>(hit) + 1;
    }
    return lines;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Diagnosis speed on ~1 MiB logs (target < 20 ms)."_s);
    parser.addHelpOption();
    const QCommandLineOption iterations(u"iterations"_s, u"Repetitions (default 30)."_s, u"N"_s, u"30"_s);
    const QCommandLineOption mib(u"mib"_s, u"Log size in MiB (default 1)."_s, u"M"_s, u"1"_s);
    parser.addOptions({iterations, mib});
    parser.process(app);
    const int n = qMax(1, parser.value(iterations).toInt());
    const qsizetype target = qsizetype(parser.value(mib).toDouble() * 1024 * 1024);
    QTextStream out(stdout);

    sim::GeneratorOptions options;
    options.seed = 77;
    options.logEncoding = LogEncoding::Text;
    sim::ReportGenerator generator(options);
    const Diagnoser diagnoser(defaultRules());

    bool allUnder = true;
    out << "diagnosis speed, best of " << n << " runs, rules " << diagnoser.rules().version() << '\n';
    for (LogFormat format : {LogFormat::Logcat, LogFormat::Ios, LogFormat::Electron}) {
        // The failing report is the first of this format; its log is followed by other devices' logs of the
        // same format until the target size, so the signature sits in the first part and noise dominates.
        Report report;
        QByteArray log;
        bool haveReport = false;
        while (log.size() < target) {
            sim::GeneratedReport g = generator.next();
            if (g.report.log.format != format)
                continue;
            const QByteArray text = decodeLogPayload(g.report.log, 8 << 20, 64 << 20).text;
            if (!haveReport) {
                report = g.report;
                haveReport = true;
            }
            log += text;
        }
        const QList<LogLine> lines = parseLog(log, format);
        Diagnosis d;
        const double diagnoseMs = bestMs(n, [&] { d = diagnoser.diagnose(report, lines); });
        qsizetype counted = 0;
        const double floorMs = bestMs(n, [&] { counted = memchrLines(log); });
        qsizetype parsedLines = 0;
        const double parseMs = bestMs(qMax(3, n / 3), [&] { parsedLines = parseLog(log, format).size(); });
        allUnder = allUnder && diagnoseMs < 20.0;
        out << "\n[" << toWire(format) << "] " << log.size() << " bytes, " << lines.size() << " lines ("
            << counted << " by memchr, " << parsedLines << " parsed) -> " << toWire(d.cause) << '\n'
            << "  diagnose            " << QString::number(diagnoseMs, 'f', 3)
            << " ms  (target < 20 ms: " << (diagnoseMs < 20.0 ? "PASS" : "FAIL") << ")\n"
            << "  anchor memchr lines " << QString::number(floorMs, 'f', 3) << " ms  ratio diagnose/memchr "
            << QString::number(diagnoseMs / qMax(1e-6, floorMs), 'f', 1) << "x\n"
            << "  anchor parseLog     " << QString::number(parseMs, 'f', 3) << " ms  ratio diagnose/parse "
            << QString::number(diagnoseMs / qMax(1e-6, parseMs), 'f', 3) << "x\n"
            << "  parse + diagnose    " << QString::number(parseMs + diagnoseMs, 'f', 3) << " ms\n";
    }
    return allUnder ? 0 : 1;
}

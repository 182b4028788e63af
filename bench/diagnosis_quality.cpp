// Diagnosis quality on a labelled simulated corpus: per-cause precision/recall/F1, confusion matrix,
// macro-F1. Usage: diagnosis_quality [--count N] [--seed S] [--rules FILE]   exits 1 when macro-F1 < 0.95.
#include "QualityTable.h"

#include "core/LogPayload.h"
#include "core/diagnosis/Diagnoser.h"
#include "core/logs/LogParser.h"
#include "sim/ReportGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace relaydesk;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Diagnosis quality on a labelled simulated corpus (target: macro-F1 >= 0.95)."_s);
    parser.addHelpOption();
    const QCommandLineOption count(u"count"_s, u"Reports to generate (default 6000)."_s, u"N"_s, u"6000"_s);
    const QCommandLineOption seed(u"seed"_s, u"Generator seed (default 20261101)."_s, u"S"_s, u"20261101"_s);
    const QCommandLineOption rulesFile(u"rules"_s, u"Rules file instead of the embedded rules."_s, u"FILE"_s);
    parser.addOptions({count, seed, rulesFile});
    parser.process(app);
    QTextStream out(stdout);

    RuleSet rules = defaultRules();
    if (parser.isSet(rulesFile)) {
        QFile f(parser.value(rulesFile));
        if (!f.open(QIODevice::ReadOnly)) {
            QTextStream(stderr) << "cannot read " << f.fileName() << '\n';
            return 2;
        }
        auto loaded = loadRules(f.readAll());
        if (!loaded.ok()) {
            QTextStream(stderr) << f.fileName() << ": " << loaded.error().toString() << '\n';
            return 2;
        }
        rules = std::move(loaded).value();
    }
    const Diagnoser diagnoser(rules);

    sim::GeneratorOptions options;
    options.seed = parser.value(seed).toUInt();
    options.logEncoding = LogEncoding::Text; // same content as gzip+base64, without the compression cost
    sim::ReportGenerator generator(options);
    const int n = qMax(1, parser.value(count).toInt());

    bench::QualityTable table;
    bench::QualityTable logOnly; // the same reports stripped of status, code and message: the log must decide
    QMap<QString, std::pair<int, int>> logOnlyFamilies;
    QMap<QString, std::pair<int, int>> families; // family -> (right, total)
    QMap<QString, int> formats;
    QMap<QString, int> wrongExamples;
    qint64 diagnoseNs = 0;
    qint64 parseNs = 0;
    qint64 lines = 0;
    QElapsedTimer timer;
    for (int i = 0; i < n; ++i) {
        const sim::GeneratedReport g = generator.next();
        const LogDecodeResult log = decodeLogPayload(g.report.log, 8 << 20, 64 << 20);
        timer.start();
        const QList<LogLine> parsed = parseLog(log.text, g.report.log.format);
        parseNs += timer.nsecsElapsed();
        timer.start();
        const Diagnosis d = diagnoser.diagnose(g.report, parsed);
        diagnoseNs += timer.nsecsElapsed();
        lines += parsed.size();
        table.add(g.trueCause, d.cause);
        auto &fam = families[toWire(g.trueCause) + u'/' + g.family];
        ++fam.second;
        if (d.cause == g.trueCause)
            ++fam.first;
        else if (wrongExamples[g.family]++ < 2)
            out << "miss: " << g.family << " (" << toWire(g.trueCause) << ") -> " << d.summary << '\n';
        ++formats[toWire(g.report.log.format)];

        Report stripped = g.report;
        stripped.failure.httpStatus = 0;
        stripped.failure.errorCode.clear();
        stripped.failure.errorMessage.clear();
        const Diagnosis fromLog = diagnoser.diagnose(stripped, parsed);
        logOnly.add(g.trueCause, fromLog.cause);
        auto &lf = logOnlyFamilies[toWire(g.trueCause) + u'/' + g.family];
        ++lf.second;
        if (fromLog.cause == g.trueCause)
            ++lf.first;
    }

    out << "diagnosis quality: " << n << " simulated reports, seed " << options.seed << ", rules "
        << rules.version() << "\nlog formats:";
    for (auto it = formats.cbegin(); it != formats.cend(); ++it)
        out << ' ' << it.key() << '=' << it.value();
    out << "\n\n" << table.format() << "\nper family (right/total):\n";
    for (auto it = families.cbegin(); it != families.cend(); ++it)
        out << "  " << it.key().leftJustified(36) << it.value().first << '/' << it.value().second << '\n';
    out << "\nlog-only (http_status, error_code and error_message removed; informational, not gated):\n"
        << logOnly.format() << "per family (right/total):\n";
    for (auto it = logOnlyFamilies.cbegin(); it != logOnlyFamilies.cend(); ++it)
        out << "  " << it.key().leftJustified(36) << it.value().first << '/' << it.value().second << '\n';
    out << "log-only macro-F1 " << QString::number(logOnly.macroF1(), 'f', 4) << '\n';
    const double macro = table.macroF1();
    out << "\naccuracy " << QString::number(table.accuracy(), 'f', 4) << "\nmacro-F1 "
        << QString::number(macro, 'f', 4) << " (target >= 0.95: " << (macro >= 0.95 ? "PASS" : "FAIL")
        << ")\n";
    // Anchor for the cost side: diagnosis time vs parsing the same logs, measured in the same run.
    out << "time: parse " << QString::number(parseNs / 1e6, 'f', 1) << " ms, diagnose "
        << QString::number(diagnoseNs / 1e6, 'f', 1) << " ms for " << lines << " lines; diagnose/parse ratio "
        << QString::number(double(diagnoseNs) / qMax<qint64>(1, parseNs), 'f', 3) << '\n';
    return macro >= 0.95 ? 0 : 1;
}

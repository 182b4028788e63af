// Log-pattern grouping: speed on a ~2M-line generated logcat input and accuracy on Loghub Android_2k.
// Targets (BENCHMARKS.md): grouping accuracy >= 0.93 at >= 1M lines/s. The input is Android_2k's lines
// repeated with their message digits varied per repetition (so values differ, templates don't), generated
// in-process and handled in chunks. Anchors measured in the same run on the same lines: parseLog() of the
// bytes, and a plain whitespace tokenize of each message (the floor of any token-based grouper). Usage:
// log_patterns_bench [--lines N] [--chunk N] [--iterations N]
#include "CsvReader.h"

#include "core/logs/GroupingAccuracy.h"
#include "core/logs/LogParser.h"
#include "core/logs/PatternGrouper.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace relaydesk;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Repetition `rep` of the source log: every digit after the first ": " of a line (the message) is shifted by
// rep and its position, so values vary between repetitions while the shapes stay those of the source.
QByteArray varied(const QByteArray &source, int rep)
{
    QByteArray out = source;
    char *p = out.data();
    const qsizetype n = out.size();
    bool inMessage = false;
    int k = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        if (c == '\n') {
            inMessage = false;
            k = 0;
        } else if (!inMessage) {
            inMessage = c == ':' && i + 1 < n && p[i + 1] == ' ' && k > 30;
            ++k;
        } else if (c >= '0' && c <= '9') {
            p[i] = char('0' + (c - '0' + rep + ++k) % 10);
        }
    }
    return out;
}

qsizetype tokenizeAll(const QList<LogLine> &lines)
{
    qsizetype tokens = 0;
    for (const LogLine &line : lines) {
        for (const QStringView t : QStringView(line.message).tokenize(u' ', Qt::SkipEmptyParts)) {
            Q_UNUSED(t);
            ++tokens;
        }
        tokens += line.tag.size() > 0 ? 1 : 0;
    }
    return tokens;
}

double rate(qint64 lines, qint64 ns)
{
    return ns > 0 ? double(lines) * 1e9 / double(ns) : 0.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Log-pattern grouping speed (target >= 1M lines/s) and accuracy (>= 0.93)."_s);
    parser.addHelpOption();
    const QCommandLineOption linesOption(u"lines"_s, u"Lines to group (default 2000000)."_s, u"N"_s,
                                         u"2000000"_s);
    const QCommandLineOption chunkOption(u"chunk"_s, u"Lines parsed per chunk (default 200000)."_s, u"N"_s,
                                         u"200000"_s);
    const QCommandLineOption iterationsOption(u"iterations"_s, u"Runs, best kept (default 3)."_s, u"N"_s,
                                              u"3"_s);
    parser.addOptions({linesOption, chunkOption, iterationsOption});
    parser.process(app);
    const qint64 wanted = qMax<qint64>(1, parser.value(linesOption).toLongLong());
    const qint64 chunkLines = qMax<qint64>(2000, parser.value(chunkOption).toLongLong());
    const int iterations = qMax(1, parser.value(iterationsOption).toInt());
    QTextStream out(stdout);

    const QString dir = QStringLiteral(RELAYDESK_SHARED_DIR "/data/loghub/Android/");
    QByteArray source = readFile(dir + u"Android_2k.log"_s);
    if (!source.isEmpty() && !source.endsWith('\n'))
        source += '\n'; // the file's last line has no newline: keep repetitions from joining lines
    const QByteArray csv = readFile(dir + u"Android_2k.log_structured.csv"_s);
    if (source.isEmpty() || csv.isEmpty()) {
        out << "log_patterns: Loghub Android_2k files missing under " << dir << '\n';
        return 1;
    }

    // Accuracy on the labelled sample.
    QList<QStringList> rows = test::readCsv(QString::fromUtf8(csv));
    const qsizetype eventColumn = rows.takeFirst().indexOf(u"EventId"_s);
    QStringList truth;
    for (const QStringList &row : std::as_const(rows))
        truth.append(row.value(eventColumn));
    QList<int> predicted;
    const QList<LogPattern> samplePatterns = PatternGrouper::groupLines(parseLog(source), &predicted);
    const double accuracy = groupingAccuracy(predicted, truth);

    // Speed, in chunks of parsed lines; the grouper keeps its state across chunks like a streaming caller.
    const qint64 sourceLines = source.count('\n');
    const int repsPerChunk = int(qMax<qint64>(1, chunkLines / sourceLines));
    qint64 bestGroupNs = 0, bestParseNs = 0, bestTokenNs = 0, total = 0, bytes = 0;
    qsizetype patternCount = 0, tokens = 0;
    for (int it = 0; it < iterations; ++it) {
        qint64 groupNs = 0, parseNs = 0, tokenNs = 0;
        total = 0;
        bytes = 0;
        PatternGrouper grouper;
        int rep = 0;
        while (total < wanted) {
            QByteArray chunk;
            for (int r = 0; r < repsPerChunk; ++r)
                chunk += varied(source, rep++);
            QElapsedTimer t;
            t.start();
            QList<LogLine> lines = parseLog(chunk);
            parseNs += t.nsecsElapsed();
            if (lines.size() > wanted - total)
                lines.resize(wanted - total);
            t.restart();
            tokens = tokenizeAll(lines);
            tokenNs += t.nsecsElapsed();
            t.restart();
            for (const LogLine &line : std::as_const(lines))
                grouper.addLine(line);
            groupNs += t.nsecsElapsed();
            total += lines.size();
            bytes += chunk.size();
        }
        patternCount = grouper.patterns().size();
        if (it == 0 || groupNs < bestGroupNs)
            bestGroupNs = groupNs;
        if (it == 0 || parseNs < bestParseNs)
            bestParseNs = parseNs;
        if (it == 0 || tokenNs < bestTokenNs)
            bestTokenNs = tokenNs;
    }

    const double groupRate = rate(total, bestGroupNs);
    const bool fastEnough = groupRate >= 1e6;
    const bool accurate = accuracy >= 0.93;
    out << "log-pattern grouping, best of " << iterations << " runs\n"
        << "  accuracy  Loghub Android_2k grouping accuracy " << QString::number(accuracy, 'f', 4) << " ("
        << samplePatterns.size() << " patterns, ground truth 166; Spell 0.919, Drain 0.911; target >= 0.93: "
        << (accurate ? "PASS" : "FAIL") << ")\n"
        << "  input     " << total << " lines, " << QString::number(bytes / 1048576.0, 'f', 1)
        << " MiB generated logcat, " << patternCount << " patterns\n"
        << "  group     " << QString::number(bestGroupNs / 1e6, 'f', 1) << " ms  "
        << QString::number(groupRate / 1e6, 'f', 2)
        << " M lines/s  (target >= 1 M lines/s: " << (fastEnough ? "PASS" : "FAIL") << ")\n"
        << "  anchor parseLog   " << QString::number(bestParseNs / 1e6, 'f', 1) << " ms  "
        << QString::number(rate(total, bestParseNs) / 1e6, 'f', 2) << " M lines/s  ratio group/parse "
        << QString::number(double(bestGroupNs) / double(qMax<qint64>(1, bestParseNs)), 'f', 2) << "x\n"
        << "  anchor tokenize   " << QString::number(bestTokenNs / 1e6, 'f', 1) << " ms  "
        << QString::number(rate(total, bestTokenNs) / 1e6, 'f', 2) << " M lines/s  ratio group/tokenize "
        << QString::number(double(bestGroupNs) / double(qMax<qint64>(1, bestTokenNs)), 'f', 2) << "x  ("
        << tokens << " tokens in the last chunk)\n";
    return fastEnough && accurate ? 0 : 1;
}

#include "LogSearchCommand.h"

#include "core/logs/LineIndex.h"
#include "core/logs/LogSearch.h"
#include "core/logs/MappedLog.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

namespace relaydesk::cli {

using namespace Qt::StringLiterals;

namespace {

constexpr int kFound = 0;
constexpr int kNone = 1;
constexpr int kError = 2;

// Writes "N:text\n" for each line, raw bytes, through one buffer.
void printLines(const LineIndex &index, const QList<qint64> &lines)
{
    const char *data = index.data().data();
    QByteArray buffer;
    buffer.reserve(1 << 20);
    for (qint64 n : lines) {
        const LineIndex::Range r = index.lineRange(n);
        buffer.append(QByteArray::number(n + 1)).append(':').append(data + r.offset, r.length).append('\n');
        if (buffer.size() >= (1 << 20)) {
            std::fwrite(buffer.constData(), 1, std::size_t(buffer.size()), stdout);
            buffer.clear();
        }
    }
    std::fwrite(buffer.constData(), 1, std::size_t(buffer.size()), stdout);
    std::fflush(stdout);
}

} // namespace

int runLogSearch(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption regex(u"regex"_s, u"PATTERN is a regular expression."_s);
    const QCommandLineOption ignoreCase({u"i"_s, u"ignore-case"_s}, u"Ignore case."_s);
    const QCommandLineOption count({u"c"_s, u"count"_s}, u"Print the number of matching lines."_s);
    parser.addOptions({regex, ignoreCase, count});
    const char *usage =
        "relaydesk-cli: usage: relaydesk-cli log search FILE PATTERN [--regex] [--ignore-case] "
        "[--count]\n";
    if (!parser.parse(QStringList{u"relaydesk-cli log search"_s} + args)) {
        err << "relaydesk-cli: " << parser.errorText() << '\n' << usage;
        return kError;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        err << usage;
        return kError;
    }
    MappedLog log;
    QString error;
    if (!log.open(positional.at(0), &error)) {
        err << "relaydesk-cli: " << error << '\n';
        return kError;
    }
    LineIndex index(log.bytes());
    index.build();

    LogSearchQuery query;
    query.pattern = positional.at(1);
    query.regex = parser.isSet(regex);
    query.caseSensitive = !parser.isSet(ignoreCase);
    const LogSearchResult result = LogSearch(index, query).run();
    if (!result.error.isEmpty()) {
        err << "relaydesk-cli: " << result.error << '\n';
        return kError;
    }
    if (parser.isSet(count)) {
        out << result.lines.size() << '\n';
        out.flush();
    } else {
        out.flush();
        printLines(index, result.lines);
    }
    return result.lines.isEmpty() ? kNone : kFound;
}

} // namespace relaydesk::cli

#include "LogPatternsCommand.h"

#include "core/logs/LogParser.h"
#include "core/logs/PatternGrouper.h"

#include <QFile>
#include <QTextStream>

namespace relaydesk::cli {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kChunkBytes = 8 * 1024 * 1024;

QString levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Verbose:
        return u"verbose"_s;
    case LogLevel::Debug:
        return u"debug"_s;
    case LogLevel::Info:
        return u"info"_s;
    case LogLevel::Warning:
        return u"warning"_s;
    case LogLevel::Error:
        return u"error"_s;
    case LogLevel::Fatal:
        return u"fatal"_s;
    case LogLevel::Unknown:
        break;
    }
    return u"-"_s;
}

// RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled.
QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

// Calls onLines(lines) for each chunk of parsed lines, numbered and offset across the whole file.
template <typename F> bool forEachChunk(QFile &file, F onLines, QTextStream &err)
{
    LogFormat format = LogFormat::Auto;
    QByteArray carry;
    int lineBase = 0;
    qint64 offsetBase = 0;
    bool atEnd = false;
    while (!atEnd) {
        QByteArray block = file.read(kChunkBytes);
        if (block.isEmpty() && file.error() != QFileDevice::NoError) {
            err << "relaydesk-cli: " << file.fileName() << ": cannot read: " << file.errorString() << '\n';
            return false;
        }
        atEnd = block.isEmpty();
        QByteArray data = carry + block;
        carry.clear();
        if (!atEnd) {
            const qsizetype lastNewline = data.lastIndexOf('\n');
            if (lastNewline < 0) {
                carry = std::move(data);
                continue;
            }
            carry = data.sliced(lastNewline + 1);
            data.truncate(lastNewline + 1);
        }
        if (data.isEmpty())
            continue;
        if (format == LogFormat::Auto)
            format = detectLogFormat(data);
        QList<LogLine> lines = parseLog(data, format);
        for (LogLine &line : lines) {
            line.number += lineBase;
            line.offset += offsetBase;
        }
        lineBase += int(lines.size());
        offsetBase += data.size();
        onLines(lines);
    }
    return true;
}

} // namespace

int runLogPatterns(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QStringList files;
    bool csv = false;
    bool unknownOption = false;
    for (const QString &arg : args) {
        if (arg == "--csv"_L1)
            csv = true;
        else if (arg.startsWith(u'-'))
            unknownOption = true;
        else
            files.append(arg);
    }
    if (files.size() != 1 || unknownOption) {
        err << "relaydesk-cli: usage: relaydesk-cli log patterns FILE [--csv]\n";
        return 2;
    }
    QFile file(files.front());
    if (!file.open(QIODevice::ReadOnly)) {
        err << "relaydesk-cli: " << files.front() << ": cannot read: " << file.errorString() << '\n';
        return 2;
    }

    PatternGrouper grouper;
    if (csv)
        out << "line,pattern_id,pattern\n";
    const bool ok = forEachChunk(
        file,
        [&](const QList<LogLine> &lines) {
            for (const LogLine &line : lines) {
                const int id = grouper.addLine(line);
                if (csv)
                    out << line.number << ',' << id << ','
                        << csvField(grouper.patterns().at(id).displayText()) << '\n';
            }
        },
        err);
    if (!ok)
        return 2;
    if (csv)
        return 0;

    QList<LogPattern> patterns = grouper.patterns();
    PatternGrouper::sortErrorsAndRareFirst(patterns);
    out << "file: " << files.front() << '\n'
        << "lines: " << grouper.lineCount() << '\n'
        << "patterns: " << patterns.size() << " (error and rare first)\n"
        << u"%1 %2 %3 %4  %5\n"_s.arg(u"id"_s, 6)
               .arg(u"count"_s, 9)
               .arg(u"level"_s, -7)
               .arg(u"first"_s, 9)
               .arg(u"pattern"_s);
    for (const LogPattern &p : std::as_const(patterns)) {
        out << u"%1 %2 %3 %4  "_s.arg(p.id, 6).arg(p.count, 9).arg(levelName(p.level), -7).arg(p.firstLine, 9)
            << p.displayText() << '\n';
    }
    return 0;
}

} // namespace relaydesk::cli

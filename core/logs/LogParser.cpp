#include "LogParser.h"

#include "LineParsers.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace relaydesk {

namespace {

using LineParser = bool (*)(QByteArrayView, LogLine &);

struct FormatParser
{
    LogFormat format;
    LineParser parse;
};

// In fallback order: the cheapest and most common first; each rejects foreign lines in a few bytes.
constexpr FormatParser kParsers[] = {
    {LogFormat::Logcat, logparse::parseLogcatLine},     {LogFormat::Ios, logparse::parseAppleLine},
    {LogFormat::Electron, logparse::parseElectronLine}, {LogFormat::Syslog, logparse::parseSyslogLine},
    {LogFormat::Ios, logparse::parseAppleJsonLine},
};

constexpr qsizetype kDetectBytes = 64 * 1024;
constexpr int kDetectLines = 200;

// The line without its terminator's \r (and any further \r before it) for parsing.
QByteArrayView content(QByteArrayView line)
{
    qsizetype end = line.size();
    while (end > 0 && line[end - 1] == '\r')
        --end;
    return line.first(end);
}

// Calls f(offset, length) for each line; length excludes "\n" or "\r\n".
template <typename F> void forEachLine(QByteArrayView data, F &&f)
{
    const char *begin = data.data();
    const qsizetype size = data.size();
    qsizetype pos = 0;
    while (pos < size) {
        const void *nl = std::memchr(begin + pos, '\n', std::size_t(size - pos));
        const qsizetype end = nl ? static_cast<const char *>(nl) - begin : size;
        qsizetype length = end - pos;
        if (nl && length > 0 && begin[end - 1] == '\r')
            --length;
        f(pos, length);
        pos = nl ? end + 1 : size;
    }
}

bool parseAs(LogFormat format, QByteArrayView line, LogLine &out)
{
    for (const FormatParser &p : kParsers) {
        if (p.format == format && p.parse(line, out))
            return true;
    }
    return false;
}

void parseLine(QByteArrayView line, LogFormat preferred, LogLine &out)
{
    if (!line.isEmpty()) {
        if (parseAs(preferred, line, out))
            return;
        for (const FormatParser &p : kParsers) {
            if (p.format != preferred && p.parse(line, out))
                return;
        }
    }
    out.format = LogFormat::Text;
    out.message = logparse::logText(line);
}

// Detection also counts a JSON event line cut off by the end of the head.
bool looksLikeJsonEvent(QByteArrayView line)
{
    return line.startsWith('{') &&
           (line.indexOf("\"eventMessage\"") >= 0 || line.indexOf("\"messageType\"") >= 0);
}

} // namespace

LogFormat detectLogFormat(QByteArrayView head)
{
    head = head.first(std::min(head.size(), kDetectBytes));
    std::array<int, static_cast<std::size_t>(LogFormat::Count)> votes{};
    int seen = 0;
    forEachLine(head, [&](qsizetype offset, qsizetype length) {
        const QByteArrayView line = content(head.sliced(offset, length));
        if (line.isEmpty() || seen >= kDetectLines)
            return;
        ++seen;
        LogLine scratch;
        LogFormat format = LogFormat::Text;
        for (const FormatParser &p : kParsers) {
            if (p.parse(line, scratch)) {
                format = p.format;
                break;
            }
        }
        if (format == LogFormat::Text && looksLikeJsonEvent(line))
            format = LogFormat::Ios;
        ++votes[static_cast<std::size_t>(format)];
    });
    LogFormat best = LogFormat::Text;
    int bestVotes = 0;
    for (const FormatParser &p : kParsers) {
        const int v = votes[static_cast<std::size_t>(p.format)];
        if (v > bestVotes) {
            best = p.format;
            bestVotes = v;
        }
    }
    return best;
}

QList<LogLine> parseLog(QByteArrayView data, LogFormat hint)
{
    LogFormat preferred = hint;
    if (hint == LogFormat::Auto)
        preferred = detectLogFormat(data);
    QList<LogLine> lines;
    lines.reserve(std::count(data.begin(), data.end(), '\n') + 1);
    int number = 0;
    forEachLine(data, [&](qsizetype offset, qsizetype length) {
        LogLine &line = lines.emplace_back();
        line.number = ++number;
        line.offset = offset;
        line.length = length;
        parseLine(content(data.sliced(offset, length)), preferred, line);
    });
    return lines;
}

} // namespace relaydesk

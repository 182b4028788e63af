#include "LineCursor.h"
#include "LineParsers.h"
#include "LogTime.h"

namespace relaydesk::logparse {
namespace {

LogLevel logcatLevel(char c)
{
    switch (c) {
    case 'V':
        return LogLevel::Verbose;
    case 'D':
        return LogLevel::Debug;
    case 'I':
        return LogLevel::Info;
    case 'W':
        return LogLevel::Warning;
    case 'E':
        return LogLevel::Error;
    case 'F':
    case 'A':
        return LogLevel::Fatal;
    default:
        return LogLevel::Unknown;
    }
}

// ^(\d\d-\d\d)\s+(\d\d:\d\d:\d\d\.\d{3})\s+(\d+)\s+(\d+)\s+([VDIWEFA])\s+(.*?)\s*:\s(.*)$
bool parseThreadtime(QByteArrayView line, LogLine &out)
{
    LineCursor c(line);
    LogTime time;
    int month = 0, day = 0;
    if (!c.fixedDigits(2, month) || !c.eat('-') || !c.fixedDigits(2, day) || !c.skipSpaces() ||
        !readClock(c, time, 3))
        return false;
    const qsizetype timeEnd = c.pos();
    qint64 pid = -1, tid = -1;
    if (!c.skipSpaces() || !c.number(pid) || !c.skipSpaces() || !c.number(tid) || !c.skipSpaces())
        return false;
    const LogLevel level = logcatLevel(c.peek());
    if (level == LogLevel::Unknown)
        return false;
    c.eat(c.peek());
    if (!c.skipSpaces())
        return false;
    const qsizetype tagStart = c.pos();
    const qsizetype colon = c.findColonSpace(false);
    if (colon < 0)
        return false;
    out.format = LogFormat::Logcat;
    out.time = QString::fromLatin1(line.first(timeEnd));
    out.timeMs = -1; // logcat carries neither year nor zone
    out.level = level;
    out.pid = pid;
    out.tid = tid;
    out.tag = logText(c.slice(tagStart, trimRightEnd(line, tagStart, colon)));
    out.message = messageText(line.sliced(colon + 2));
    return true;
}

// ^([VDIWEFA])/(.+?)\(\s*(\d+)\):\s(.*)$
bool parseBrief(QByteArrayView line, LogLine &out)
{
    if (line.size() < 7 || line[1] != '/')
        return false;
    const LogLevel level = logcatLevel(line[0]);
    if (level == LogLevel::Unknown)
        return false;
    for (qsizetype open = line.indexOf('(', 3); open >= 0; open = line.indexOf('(', open + 1)) {
        LineCursor c(line);
        c.setPos(open + 1);
        c.skipSpaces();
        qint64 pid = -1;
        if (!c.number(pid) || !c.eat(')') || !c.eat(':') || !isSpace(c.peek()))
            continue;
        out.format = LogFormat::Logcat;
        out.time.clear();
        out.timeMs = -1;
        out.level = level;
        out.pid = pid;
        out.tid = -1;
        out.tag = logText(line.sliced(2, open - 2));
        out.message = messageText(line.sliced(c.pos() + 1));
        return true;
    }
    return false;
}

} // namespace

bool parseLogcatLine(QByteArrayView line, LogLine &out)
{
    if (line.isEmpty())
        return false;
    if (isDigit(line[0]))
        return parseThreadtime(line, out);
    return parseBrief(line, out);
}

} // namespace relaydesk::logparse

#include "LineCursor.h"
#include "LineParsers.h"
#include "LogTime.h"

namespace relaydesk::logparse {
namespace {

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = char(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

// "0x1590e Error 0x0 1766 0 proc: msg" after the timestamp.
bool readDefaultStyle(LineCursor &c, LogLine &out)
{
    if (!c.eat('0') || !c.eat('x') || !c.run(isHexDigit) || !c.skipSpaces())
        return false;
    const qsizetype typeStart = c.pos();
    const qsizetype typeLength = c.run(isAlpha);
    if (!typeLength || !c.skipSpaces())
        return false;
    const QByteArrayView type = c.line().sliced(typeStart, typeLength);
    qint64 pid = -1, ttl = -1;
    if (!c.eat('0') || !c.eat('x') || !c.run(isHexDigit) || !c.skipSpaces() || !c.number(pid) ||
        !c.skipSpaces() || !c.number(ttl))
        return false;
    if (!c.skipSpaces() && !c.atEnd())
        return false;
    const qsizetype tagStart = c.pos();
    const qsizetype colon = c.findColonSpace(true);
    const QByteArrayView line = c.line();
    out.level = appleLevel(type);
    out.pid = pid;
    out.tid = -1;
    if (colon < 0) {
        out.tag.clear();
        out.message = messageText(line.sliced(tagStart));
    } else {
        out.tag = logText(c.slice(tagStart, trimRightEnd(line, tagStart, colon)));
        out.message = messageText(line.sliced(qMin(colon + 2, line.size())));
    }
    return true;
}

bool readSyslogStyle(LineCursor &c, LogLine &out)
{
    SyslogTail tail;
    if (!readSyslogTail(c, tail))
        return false;
    out.level = tail.level;
    out.pid = tail.pid;
    out.tid = tail.tid;
    out.tag = logText(tail.tag);
    out.message = messageText(tail.message);
    return true;
}

// The column header `log show` prints first: "Timestamp  Thread  Type  Activity  PID  TTL" (default style) or
// "Timestamp  (process)[PID]" (syslog style). Kept as an Ios line without fields so it does not count as
// foreign.
bool isColumnHeader(QByteArrayView line)
{
    return line.startsWith("Timestamp ") && line.size() < 200 && line.indexOf("PID") > 0;
}

} // namespace

LogLevel appleLevel(QByteArrayView name)
{
    struct Entry
    {
        QByteArrayView name;
        LogLevel level;
    };
    static constexpr Entry kLevels[] = {
        {"Default", LogLevel::Info},    {"Notice", LogLevel::Info},    {"Info", LogLevel::Info},
        {"Debug", LogLevel::Debug},     {"Error", LogLevel::Error},    {"Fault", LogLevel::Fatal},
        {"Warning", LogLevel::Warning}, {"Critical", LogLevel::Fatal}, {"Alert", LogLevel::Fatal},
        {"Emergency", LogLevel::Fatal},
    };
    for (const Entry &e : kLevels) {
        if (equalsIgnoreCase(name, e.name))
            return e.level;
    }
    return LogLevel::Unknown;
}

bool parseAppleLine(QByteArrayView line, LogLine &out)
{
    if (isColumnHeader(line)) {
        out.format = LogFormat::Ios;
        out.time.clear();
        out.timeMs = -1;
        out.level = LogLevel::Unknown;
        out.pid = -1;
        out.tid = -1;
        out.tag.clear();
        out.message = messageText(line);
        return true;
    }
    if (line.size() < 20 || !isDigit(line[0]))
        return false;
    LineCursor c(line);
    LogTime time;
    if (!readIsoDateTime(c, time) || !readUtcOffset(c, time))
        return false;
    const qsizetype timeEnd = c.pos();
    if (!c.skipSpaces())
        return false;
    const qsizetype fieldsStart = c.pos();
    LogLine parsed;
    if (!readDefaultStyle(c, parsed)) {
        c.setPos(fieldsStart);
        if (!readSyslogStyle(c, parsed))
            return false;
    }
    out.format = LogFormat::Ios;
    out.time = QString::fromLatin1(line.first(timeEnd));
    out.timeMs = toEpochMs(time);
    out.level = parsed.level;
    out.pid = parsed.pid;
    out.tid = parsed.tid;
    out.tag = std::move(parsed.tag);
    out.message = std::move(parsed.message);
    return true;
}

} // namespace relaydesk::logparse

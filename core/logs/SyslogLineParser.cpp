#include "LineCursor.h"
#include "LineParsers.h"
#include "LogTime.h"

namespace relaydesk::logparse {
namespace {

bool readMonth(LineCursor &c)
{
    static constexpr QByteArrayView kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QByteArrayView rest = c.rest();
    for (QByteArrayView month : kMonths) {
        if (rest.startsWith(month)) {
            c.setPos(c.pos() + 3);
            return true;
        }
    }
    return false;
}

// "[1766]" or "[1766:1590e]" (pid, hex thread id) at the end of a process field.
bool readPidSuffix(QByteArrayView field, qsizetype &bracket, qint64 &pid, qint64 &tid)
{
    if (!field.endsWith(']'))
        return false;
    bracket = field.lastIndexOf('[');
    if (bracket < 0)
        return false;
    LineCursor c(field.first(field.size() - 1));
    c.setPos(bracket + 1);
    if (!c.number(pid))
        return false;
    if (c.eat(':')) {
        const qsizetype start = c.pos();
        const qsizetype digits = c.run(isHexDigit);
        if (!digits)
            return false;
        bool ok = false;
        tid = digits <= 15 ? c.slice(start, c.pos()).toLongLong(&ok, 16) : -1;
        if (!ok)
            tid = -1;
    }
    return c.atEnd();
}

} // namespace

bool readSyslogTail(LineCursor &c, SyslogTail &tail)
{
    if (!c.run([](char ch) { return !isSpace(ch); }))
        return false; // no host
    c.skipSpaces();
    const QByteArrayView line = c.line();
    const qsizetype start = c.pos();
    const qsizetype colon = c.findColonSpace(true);
    if (colon < 0) {
        tail.message = line.sliced(start);
        return true;
    }
    QByteArrayView head = line.sliced(start, trimRightEnd(line, start, colon) - start);
    if (head.endsWith('>')) { // idevicesyslog: "proc[43] <Notice>"
        const qsizetype lt = head.lastIndexOf('<');
        const LogLevel level =
            lt < 0 ? LogLevel::Unknown : appleLevel(head.sliced(lt + 1, head.size() - lt - 2));
        if (level != LogLevel::Unknown) {
            tail.level = level;
            head = head.first(trimRightEnd(head, 0, lt));
        }
    }
    qsizetype bracket = -1;
    qint64 pid = -1, tid = -1;
    if (readPidSuffix(head, bracket, pid, tid)) {
        tail.pid = pid;
        tail.tid = tid;
        head = head.first(bracket);
    } else if (head.contains(' ')) { // a sentence with a colon, not "proc: msg"
        tail.level = LogLevel::Unknown;
        tail.message = line.sliced(start);
        return true;
    }
    tail.tag = head;
    tail.message = line.sliced(qMin(colon + 2, line.size()));
    return true;
}

// "Jul  1 09:01:05 host proc[43]: msg"
bool parseSyslogLine(QByteArrayView line, LogLine &out)
{
    if (line.size() < 16 || !isAlpha(line[0]))
        return false;
    LineCursor c(line);
    LogTime time;
    qint64 day = 0;
    if (!readMonth(c) || !c.skipSpaces() || !c.number(day) || day < 1 || day > 31 || !c.skipSpaces() ||
        !readClock(c, time, 0))
        return false;
    const qsizetype timeEnd = c.pos();
    if (!c.skipSpaces())
        return false;
    SyslogTail tail;
    if (!readSyslogTail(c, tail))
        return false;
    out.format = LogFormat::Syslog;
    out.time = QString::fromLatin1(line.first(timeEnd));
    out.timeMs = -1; // no year, no zone
    out.level = tail.level;
    out.pid = tail.pid;
    out.tid = tail.tid;
    out.tag = logText(tail.tag);
    out.message = messageText(tail.message);
    return true;
}

} // namespace relaydesk::logparse

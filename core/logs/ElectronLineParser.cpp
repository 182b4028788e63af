#include "LineCursor.h"
#include "LineParsers.h"
#include "LogTime.h"

namespace relaydesk::logparse {

LogLevel electronLevel(QByteArrayView name)
{
    struct Entry
    {
        QByteArrayView name;
        LogLevel level;
    };
    static constexpr Entry kLevels[] = {
        {"error", LogLevel::Error},   {"warn", LogLevel::Warning},    {"warning", LogLevel::Warning},
        {"info", LogLevel::Info},     {"verbose", LogLevel::Verbose}, {"debug", LogLevel::Debug},
        {"silly", LogLevel::Verbose}, {"fatal", LogLevel::Fatal},     {"log", LogLevel::Info},
    };
    for (const Entry &e : kLevels) {
        if (name.compare(e.name, Qt::CaseInsensitive) == 0)
            return e.level;
    }
    return LogLevel::Unknown;
}

// "[2024-05-01 10:22:03.123] [error] (scope) text", scope optional; electron-log pads the scope with spaces.
bool parseElectronLine(QByteArrayView line, LogLine &out)
{
    if (line.size() < 24 || line[0] != '[')
        return false;
    LineCursor c(line);
    c.eat('[');
    LogTime time;
    if (!readIsoDateTime(c, time))
        return false;
    const qsizetype timeEnd = c.pos();
    if (!c.eat(']'))
        return false;
    c.skipSpaces();
    if (!c.eat('['))
        return false;
    const qsizetype levelStart = c.pos();
    const qsizetype levelLength = c.run(isAlpha);
    if (!levelLength || !c.eat(']'))
        return false;
    const QByteArrayView level = line.sliced(levelStart, levelLength);
    c.skipSpaces();
    QByteArrayView scope;
    if (c.peek() == '(') {
        const qsizetype close = line.indexOf(')', c.pos());
        if (close > c.pos() && (close + 1 == line.size() || isSpace(line[close + 1]))) {
            const QByteArrayView candidate = line.sliced(c.pos() + 1, close - c.pos() - 1);
            if (!candidate.contains('(') && !candidate.contains(' ')) {
                scope = candidate;
                c.setPos(close + 1);
                c.skipSpaces();
            }
        }
    }
    out.format = LogFormat::Electron;
    out.time = QString::fromLatin1(line.sliced(1, timeEnd - 1));
    out.timeMs = -1; // local time without an offset
    out.level = electronLevel(level);
    out.pid = -1;
    out.tid = -1;
    out.tag = logText(scope);
    out.message = messageText(c.rest());
    return true;
}

} // namespace relaydesk::logparse

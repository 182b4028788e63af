#pragma once

#include "core/LogLine.h"

#include <QByteArrayView>
#include <QString>

// The per-format line parsers behind parseLog(). Each takes one line without its terminator and returns
// true when the line is in its format; only then does it fill out's format, time, timeMs, level, pid, tid,
// tag and message (number, offset and length belong to the caller). A false return leaves out untouched.
namespace relaydesk::logparse {

// Android logcat: threadtime ("03-17 16:13:38.811  1702  2395 D Tag: msg") and brief ("D/Tag(  821): msg").
bool parseLogcatLine(QByteArrayView line, LogLine &out);
// iOS/macOS `log show`: default style ("2022-08-25 15:22:01.008417+0100 0x1590e Error 0x0 1766 0 proc: msg"),
// syslog style ("2022-08-25 15:22:01.008417+0100 host proc[1766]: msg"), both LogFormat::Ios.
bool parseAppleLine(QByteArrayView line, LogLine &out);
// iOS/macOS `log show --style ndjson`: one JSON object per line (LogFormat::Ios).
bool parseAppleJsonLine(QByteArrayView line, LogLine &out);
// BSD syslog ("Jul  1 09:01:05 host proc[43]: msg"), LogFormat::Syslog.
bool parseSyslogLine(QByteArrayView line, LogLine &out);
// electron-log ("[2024-05-01 10:22:03.123] [error] (scope) text"), LogFormat::Electron.
bool parseElectronLine(QByteArrayView line, LogLine &out);

// Shared by the Apple syslog style and BSD syslog: "host proc[pid]: msg", "host proc[pid] <Notice>: msg",
// "host proc: msg" or "host msg", from the cursor to the end of the line.
struct SyslogTail
{
    QByteArrayView tag;
    QByteArrayView message;
    qint64 pid = -1;
    qint64 tid = -1;
    LogLevel level = LogLevel::Unknown;
};
class LineCursor;
bool readSyslogTail(LineCursor &cursor, SyslogTail &tail);

// Level names: Apple's message types (Default, Info, Debug, Error, Fault, and syslog's Notice, Warning,
// Critical...) and electron-log's (error, warn, info, verbose, debug, silly); case-insensitive.
LogLevel appleLevel(QByteArrayView name);
LogLevel electronLevel(QByteArrayView name);

// Log bytes as text: invalid UTF-8 becomes U+FFFD, NUL stays U+0000.
inline QString logText(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes);
}

// The message part of a line: as logText(), without trailing whitespace (Loghub's ground truth trims it too).
inline QString messageText(QByteArrayView bytes)
{
    qsizetype end = bytes.size();
    while (end > 0 && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t' || bytes[end - 1] == '\r'))
        --end;
    return QString::fromUtf8(bytes.first(end));
}

} // namespace relaydesk::logparse

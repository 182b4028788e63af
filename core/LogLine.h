#pragma once

#include "Enums.h"

#include <QString>

namespace relaydesk {

enum class LogLevel { Unknown, Verbose, Debug, Info, Warning, Error, Fatal };

// One line of a device log, as parsed. Every line of the input yields exactly one LogLine, in order:
// lines that match no format are kept as LogFormat::Text with the whole line as the message.
struct LogLine
{
    int number = 0;       // 1-based line number in the file
    qint64 offset = 0;    // byte offset of the line's first byte in the file
    qint64 length = 0;    // bytes of the line, without its terminator (\n or \r\n)
    LogFormat format = LogFormat::Text; // the format this line parsed as
    QString time;         // the timestamp exactly as written ("03-17 16:13:38.811"), empty if none
    qint64 timeMs = -1;   // the timestamp as ms since the epoch in UTC when the line carries a full date and offset, else -1
    LogLevel level = LogLevel::Unknown;
    qint64 pid = -1;
    qint64 tid = -1;
    QString tag;          // logcat tag, process name, electron scope, syslog process
    QString message;      // the rest of the line (invalid UTF-8 replaced by U+FFFD, NUL kept as U+0000)
};

} // namespace relaydesk

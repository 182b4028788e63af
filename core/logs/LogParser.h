#pragma once

#include "core/Enums.h"
#include "core/LogLine.h"

#include <QByteArrayView>
#include <QList>

namespace relaydesk {

// The format of a device log, judged from its first lines (up to 64 KiB / 200 lines are looked at): the
// format most of them parse as; LogFormat::Text when none does. Android logcat (threadtime, brief) is Logcat;
// iOS/macOS `log show` (default, syslog and ndjson styles) is Ios; BSD syslog is Syslog; electron-log is
// Electron.
LogFormat detectLogFormat(QByteArrayView head);

// Splits a device log into lines (a line ends at \n; a \r right before it belongs to the terminator) and
// parses each one. Every input line yields exactly one LogLine, in order, with its 1-based number, byte
// offset and length; a last line without a newline is still a line, an empty input has none. Each line is
// tried in the hinted format first (Auto: detectLogFormat() of the head; Text: no preference), then in the
// others, and kept as LogFormat::Text with the whole line as the message when none fits. Never throws; any
// bytes are accepted.
QList<LogLine> parseLog(QByteArrayView data, LogFormat hint = LogFormat::Auto);

} // namespace relaydesk

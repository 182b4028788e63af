#pragma once

#include <QString>

namespace relaydesk::sim {

// One device log line before it is rendered in a concrete format.
struct LogLine
{
    qint64 msUtc = 0;   // when it was written (UTC milliseconds since the epoch)
    char level = 'I';   // logcat level letter: V D I W E F
    QString tag;        // logcat tag, iOS process or electron-log scope
    QString text;
    int pid = 0;
    int tid = 0;
    int order = 0;      // tie-break for lines written in the same millisecond
};

} // namespace relaydesk::sim

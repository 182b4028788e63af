#pragma once

#include <QStringList>

class QTextStream;

namespace relaydesk::cli {

// relaydesk-cli log index FILE: indexes the lines of a log file and prints the line count, the index size
// in bytes and bytes per line. args are the words after "log index". Returns 0, or 2 on a usage or read
// error (reported on err).
int runLogIndex(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace relaydesk::cli

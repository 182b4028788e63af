#pragma once

#include <QStringList>

class QTextStream;

namespace relaydesk::cli {

// relaydesk-cli log patterns FILE [--csv]: groups the lines of a device log into templates (core/logs/
// PatternGrouper). With --csv, one CSV row per line: line number, pattern id, pattern text ("tag: template"),
// after a header row. Without it, a summary table of the patterns, error and rare first: id, count, worst
// level, first line, pattern. The file is read and parsed in chunks, so any size works in bounded memory
// (besides the patterns). args are the words after "log patterns". Returns 0, or 2 on a usage or read error.
int runLogPatterns(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace relaydesk::cli

#pragma once

#include <QStringList>

class QTextStream;

namespace relaydesk::cli {

// relaydesk-cli log search FILE PATTERN [--regex] [--ignore-case] [--count]: prints the matching lines as
// "N:text" (1-based, raw bytes, like grep -n) or, with --count, their number. args are the words after
// "log search". Exit status like grep: 0 some line matched, 1 none, 2 usage, read or regex error (on err).
int runLogSearch(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace relaydesk::cli

#pragma once

#include <QStringList>

class QTextStream;

namespace relaydesk::cli {

// relaydesk-cli kb index --articles DIR --index DIR: parses every article file of DIR (docs/kb.md), indexes
// the good ones into the Xapian index (created if missing; articles no longer in DIR are removed from it) and
// prints how many were indexed and the index size on disk. Each bad file is reported on err. Exit status: 0
// all indexed, 1 some file was bad (the others are indexed), 2 usage or index error.
int runKbIndex(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace relaydesk::cli

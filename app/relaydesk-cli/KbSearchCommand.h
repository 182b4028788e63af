#pragma once

#include <QStringList>

class QTextStream;

namespace relaydesk::cli {

// relaydesk-cli kb search --index DIR QUERY [--limit N] [--json] [--language L] [--category PATH]: prints the
// ranked published articles for QUERY: "rank. id  title" and an indented snippet with the matched terms in
// [brackets]; --json prints {"query", "corrected", "hits": [{rank, id, title, language, category, audience,
// score, snippet}]} with plain snippets. Exit status like grep: 0 found, 1 nothing found, 2 usage or index
// error.
int runKbSearch(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace relaydesk::cli

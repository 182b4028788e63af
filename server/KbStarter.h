#pragma once

#include <QString>

namespace relaydesk::server {

class KbStore;

// The starter knowledge base (resources/kb/articles, compiled in under :/relaydesk/kb): loaded into a fresh
// database as version 1 by "relaydesk", all in one transaction. Runs on a worker thread (it uses the store).
class KbStarter final
{
public:
    static inline const QString kEmbeddedDir = QStringLiteral(":/relaydesk/kb");
    static inline const QString kAuthor = QStringLiteral("relaydesk");

    // Parses every article file of `dir` (empty: the embedded ones); a file that does not parse is our bug
    // and fails with *error naming it. Then stores them if the KB never had an article. Returns how many
    // were stored (0: the KB was not fresh), -1 on error.
    static int seed(const KbStore &store, const QString &dir, QString *error);
};

} // namespace relaydesk::server

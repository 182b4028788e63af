#include "server/KbStarter.h"

#include "core/kb/ArticleFile.h"
#include "server/KbStore.h"

#include <QDir>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

int KbStarter::seed(const KbStore &store, const QString &dir, QString *error)
{
    const QString source = dir.isEmpty() ? kEmbeddedDir : dir;
    if (!dir.isEmpty() && !QDir(dir).exists()) {
        *error = u"the starter knowledge base directory %1 does not exist"_s.arg(dir);
        return -1;
    }
    const kb::ArticleDirLoad load = kb::loadArticleDir(source);
    if (!load.errors.isEmpty()) {
        *error = u"invalid starter knowledge base article in %1: %2"_s.arg(source, load.errors.join(u"; "_s));
        return -1;
    }
    return store.seedIfFresh(load.articles, kAuthor, error);
}

} // namespace relaydesk::server

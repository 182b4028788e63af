#include "KbIndexCommand.h"

#include "core/kb/ArticleFile.h"
#include "models/kb/KbIndex.h"

#include <QCommandLineParser>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QTextStream>

namespace relaydesk::cli {

using namespace Qt::StringLiterals;

namespace {

constexpr int kOk = 0;
constexpr int kBadFiles = 1;
constexpr int kError = 2;

qint64 directorySize(const QString &dir)
{
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        total += QFileInfo(it.next()).size();
    return total;
}

} // namespace

int runKbIndex(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption articles(u"articles"_s, u"Directory of article files."_s, u"DIR"_s);
    const QCommandLineOption index(u"index"_s, u"Index directory (created if missing)."_s, u"DIR"_s);
    parser.addOptions({articles, index});
    const char *usage = "relaydesk-cli: usage: relaydesk-cli kb index --articles DIR --index DIR\n";
    if (!parser.parse(QStringList{u"relaydesk-cli kb index"_s} + args)) {
        err << "relaydesk-cli: " << parser.errorText() << '\n' << usage;
        return kError;
    }
    if (!parser.isSet(articles) || !parser.isSet(index) || !parser.positionalArguments().isEmpty()) {
        err << usage;
        return kError;
    }
    if (!QFileInfo(parser.value(articles)).isDir()) {
        err << "relaydesk-cli: " << parser.value(articles) << ": not a directory\n";
        return kError;
    }
    QElapsedTimer timer;
    timer.start();
    const kb::ArticleDirLoad load = kb::loadArticleDir(parser.value(articles));
    for (const QString &e : load.errors)
        err << "relaydesk-cli: " << e << '\n';

    models::KbIndex kbIndex;
    QString error;
    if (!kbIndex.open(parser.value(index), &error)) {
        err << "relaydesk-cli: " << error << '\n';
        return kError;
    }
    QSet<QString> present;
    for (const kb::Article &a : load.articles) {
        if (!kbIndex.upsert(a)) {
            err << "relaydesk-cli: " << kbIndex.lastError() << '\n';
            return kError;
        }
        present.insert(a.id);
    }
    int removed = 0;
    for (const QString &id : kbIndex.ids()) {
        if (!present.contains(id)) {
            if (!kbIndex.remove(id)) {
                err << "relaydesk-cli: " << kbIndex.lastError() << '\n';
                return kError;
            }
            ++removed;
        }
    }
    if (!kbIndex.commit()) {
        err << "relaydesk-cli: " << kbIndex.lastError() << '\n';
        return kError;
    }
    out << "articles indexed: " << load.articles.size() << '\n'
        << "files with errors: " << load.errors.size() << '\n'
        << "removed from index: " << removed << '\n'
        << "documents in index: " << kbIndex.documentCount() << '\n'
        << "index bytes on disk: " << directorySize(parser.value(index)) << '\n'
        << "index ms: " << QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 1) << '\n';
    return load.errors.isEmpty() ? kOk : kBadFiles;
}

} // namespace relaydesk::cli

#pragma once

#include "core/Decoded.h"
#include "core/kb/Article.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>

#include <optional>

// The knowledge-base article file format (docs/kb.md): one UTF-8, LF file per article per language,
// `resources/kb/articles/<group>.<lang>.md`, a front-matter block between two `---` lines, then the Markdown
// body. Qt Core only, so the service, the console, the command line and the fuzzer share one parser.
namespace relaydesk::kb {

inline constexpr qsizetype kMaxArticleFileBytes = 256 * 1024;
inline constexpr qsizetype kMaxArticleBody = 200000; // characters (UTF-16 code units)
inline constexpr qsizetype kMaxArticleTitle = 200;
inline constexpr qsizetype kMaxArticleTags = 32;
inline constexpr qsizetype kMaxArticleErrorCodes = 32;

// Parses one article file. Strict: every key exactly once, no unknown keys, LF line endings, valid UTF-8.
// On failure DecodeError.path is the offending key ("causes", "title", ...), "front_matter" for the block's
// shape, "body" for the body or "" for the file as a whole, and the message names the line number.
// `version` is 1, `author` empty and `updatedAtMs` 0 (they are not part of files).
Decoded<Article> parseArticleFile(QByteArrayView utf8);

// Writes the canonical file for a valid article: keys in the documented order, lists joined with ", ", the
// body verbatim. parseArticleFile(writeArticleFile(a)) == a for every article validateArticle() accepts (with
// the service-assigned fields at their defaults), and canonical files are reproduced byte for byte.
QByteArray writeArticleFile(const Article &article);

// The field rules of the file format applied to an article from elsewhere (the service's API). The error path
// is the file key name ("group" for translationGroup, "error_codes" for errorCodes, "app_versions", ...).
std::optional<DecodeError> validateArticle(const Article &article);

// Every *.md file of a directory (not recursive), in file-name order. A file whose id is not its file name
// stem, or that does not parse, is left out and reported in errors as "<file name>: <path>: <message>".
struct ArticleDirLoad
{
    QList<Article> articles;
    QStringList errors;
};
ArticleDirLoad loadArticleDir(const QString &dir);

} // namespace relaydesk::kb

#pragma once

#include "core/Decoded.h"
#include "core/kb/Article.h"

#include <QJsonObject>
#include <QList>

// JSON of knowledge-base articles as the service's API serves and takes them (docs/api.md, "Knowledge base").
// Decoders check types and sizes and name the failing field path ("causes[1]", "articles[3].title"); the
// article rules themselves (id shape, category path, ...) are validateArticle()'s (core/kb/ArticleFile.h).
namespace relaydesk::kb {

// An article as served: every field, `updated_at` RFC 3339 UTC.
QJsonObject encodeArticle(const Article &article);
Decoded<Article> decodeArticle(const QJsonObject &json);

// The body of POST/PUT /kb/articles: the editable fields. `tags`, `causes`, `error_codes` and
// `app_versions` may be left out (empty), `status` defaults to draft; `id`, `group` and `language` may be
// left out (empty: the caller fills them from the URL or the current article); version, author and
// updated_at are the service's and ignored.
Decoded<Article> decodeArticleInput(const QJsonObject &json);

// One entry of the delta feed: the article with its change sequence, or a tombstone (`deleted`: only id
// and seq) telling a mirror to drop the article (deleted, or not visible to the asker any more).
struct ArticleRecord
{
    Article article;
    qint64 seq = 0;
    bool deleted = false;

    friend bool operator==(const ArticleRecord &, const ArticleRecord &) = default;
};
QJsonObject encodeArticleRecord(const ArticleRecord &record);
Decoded<ArticleRecord> decodeArticleRecord(const QJsonObject &json);

// A page of GET /kb/articles?since=SEQ: {"articles": [...], "next_since": SEQ, "has_more": bool}.
struct ArticlePage
{
    QList<ArticleRecord> articles;
    qint64 nextSince = 0;
    bool hasMore = false;
};
QJsonObject encodeArticlePage(const ArticlePage &page);
Decoded<ArticlePage> decodeArticlePage(const QJsonObject &json);

} // namespace relaydesk::kb

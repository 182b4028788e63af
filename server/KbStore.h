#pragma once

#include "core/kb/ArticleCodec.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace relaydesk::server {

class Database;

// Why a KB write was not done: the HTTP status, error code, message, field and extra members of the error
// object (e.g. current_version for a version conflict).
struct KbRefusal
{
    int status = 409;
    QString code;
    QString message;
    QString field;
    QJsonObject extra;
};

// The outcome of a KB write that did not fail in storage.
struct KbWrite
{
    std::optional<KbRefusal> refusal; // set: nothing was written
    kb::ArticleRecord record;         // the article after the write (a tombstone after a delete)
    bool changed = false;             // false: nothing to write (e.g. publishing a published article)
};

struct KbVersionInfo
{
    int version = 0;
    QString author;
    qint64 atMs = 0;
    kb::ArticleStatus status = kb::ArticleStatus::Draft;
    QString title;
};

// Usage feedback per article: replies it was inserted into, and how many of those tickets are now resolved
// or closed without a reopen since the reply.
struct KbUsage
{
    QString articleId;
    QString title;
    int inserted = 0;
    int resolved = 0;
};

// The knowledge base in the service's database (docs/api.md, "Knowledge base"): one kb_articles row per
// article with its own change sequence (counter kb_seq), every version as the full article JSON in
// kb_versions, deletes as tombstones. Every write is one transaction that takes the next kb_seq. Thread-safe;
// storage failures return nullopt/false/-1 with *error set, "no such article" nullopt with *error empty.
class KbStore final
{
public:
    static inline const QString kSeqCounter = QStringLiteral("kb_seq");

    explicit KbStore(const Database &database);

    // Articles with seq > since in seq order, at most `limit`. Without `includeDrafts` only published
    // articles are served in full; drafts, archived and deleted ones come as tombstones.
    std::optional<kb::ArticlePage> changedSince(qint64 since, int limit, bool includeDrafts,
                                                QString *error) const;
    // The current version of a live (not deleted) article, with its seq.
    std::optional<kb::ArticleRecord> article(const QString &id, QString *error) const;

    // `input` is validated; version, author and time are set here.
    std::optional<KbWrite> create(kb::Article input, const QString &author, QString *error) const;
    // A new version from `input` (id, group and language are the article's); `keepStatus`: the current status
    // instead of input.status. Refused with version_conflict unless baseVersion is the current version.
    std::optional<KbWrite> edit(const QString &id, int baseVersion, kb::Article input, bool keepStatus,
                                const QString &author, QString *error) const;
    std::optional<KbWrite> setStatus(const QString &id, kb::ArticleStatus status,
                                     std::optional<int> baseVersion, const QString &author,
                                     QString *error) const;
    std::optional<KbWrite> remove(const QString &id, std::optional<int> baseVersion, QString *error) const;
    // A new version with the content of `version` (the status stays the current one).
    std::optional<KbWrite> restore(const QString &id, int version, std::optional<int> baseVersion,
                                   const QString &author, QString *error) const;

    // Newest first; nullopt with *error empty when the article does not exist (or was deleted).
    std::optional<QList<KbVersionInfo>> versions(const QString &id, QString *error) const;
    std::optional<kb::Article> version(const QString &id, int version, QString *error) const;

    // The ids among `ids` that are not live articles.
    std::optional<QStringList> missing(const QStringList &ids, QString *error) const;
    bool recordUsage(qint64 ticketId, qint64 actionId, const QStringList &ids, const QString &actor,
                     QString *error) const;
    std::optional<QList<KbUsage>> usage(QString *error) const;

    // Starter content: on a database whose KB never had a write (kb_seq is 0), stores every article as
    // version 1 by `author` in one transaction and returns how many; 0 when the KB is not fresh; -1 on error.
    int seedIfFresh(const QList<kb::Article> &articles, const QString &author, QString *error) const;

private:
    struct Row;
    std::optional<Row> loadRow(QSqlDatabase &db, const QString &id, QString *error) const;
    std::optional<KbWrite> writeVersion(QSqlDatabase &db, kb::Article next, const QString &author, qint64 now,
                                        bool rowExists, QString *error) const;

    const Database &m_database;
};

} // namespace relaydesk::server

#include "server/KbStore.h"

#include "server/Counters.h"
#include "server/Database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using kb::Article;
using kb::ArticleRecord;
using kb::ArticleStatus;

struct KbStore::Row
{
    bool deleted = false;
    qint64 seq = 0;
    Article current; // the current version (also for a deleted article)
};

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<Article> readStored(const QString &id, const QString &data, QString *error)
{
    const auto decoded = kb::decodeArticle(QJsonDocument::fromJson(data.toUtf8()).object());
    if (!decoded.ok()) {
        *error = u"the stored version of article %1 is unreadable: %2"_s.arg(id, decoded.error().toString());
        return std::nullopt;
    }
    return decoded.value();
}

KbWrite refused(int status, const QString &code, const QString &message, const QString &field = {},
                const QJsonObject &extra = {})
{
    KbWrite w;
    w.refusal = KbRefusal{status, code, message, field, extra};
    return w;
}

KbWrite notFound()
{
    return refused(404, u"not_found"_s, u"no such article"_s);
}

std::optional<KbWrite> conflict(const std::optional<int> &base, int current)
{
    if (!base || *base == current)
        return std::nullopt;
    return refused(
        409, u"version_conflict"_s,
        u"the article is at version %1, not %2: reload it and apply your change again"_s.arg(current).arg(
            *base),
        u"base_version"_s, QJsonObject{{"current_version"_L1, current}});
}

KbWrite unchanged(const Article &current, qint64 seq)
{
    KbWrite w;
    w.record = {current, seq, false};
    return w;
}

// The editable content of two versions is the same (ignoring version, author, time and status).
bool sameContent(const Article &a, const Article &b)
{
    return a.title == b.title && a.body == b.body && a.category == b.category && a.tags == b.tags &&
           a.causes == b.causes && a.errorCodes == b.errorCodes && a.appVersions == b.appVersions &&
           a.audience == b.audience;
}

} // namespace

KbStore::KbStore(const Database &database) : m_database(database) {}

std::optional<KbStore::Row> KbStore::loadRow(QSqlDatabase &db, const QString &id, QString *error) const
{
    QSqlQuery q(db);
    if (!Database::run(q,
                       u"SELECT a.deleted, a.seq, v.data FROM kb_articles a JOIN kb_versions v"
                       " ON v.article_id = a.id AND v.version = a.version WHERE a.id = ?"_s,
                       {id}, error))
        return std::nullopt;
    if (!q.next())
        return std::nullopt;
    Row row;
    row.deleted = q.value(0).toInt() != 0;
    row.seq = q.value(1).toLongLong();
    auto current = readStored(id, q.value(2).toString(), error);
    if (!current)
        return std::nullopt;
    row.current = std::move(*current);
    return row;
}

std::optional<KbWrite> KbStore::writeVersion(QSqlDatabase &db, Article next, const QString &author,
                                             qint64 now, bool rowExists, QString *error) const
{
    next.author = author;
    next.updatedAtMs = now;
    const qint64 seq = Counters::next(db, kSeqCounter, error);
    if (seq < 0)
        return std::nullopt;
    QSqlQuery q(db);
    const QString status = kb::toWire(next.status);
    const bool ok =
        rowExists
            ? Database::run(q,
                            u"UPDATE kb_articles SET version = ?, status = ?, title = ?, category = ?,"
                            " seq = ?, updated_at = ?, deleted = 0 WHERE id = ?"_s,
                            {next.version, status, next.title, next.category, seq, now, next.id}, error)
            : Database::run(q,
                            u"INSERT INTO kb_articles (id, translation_group, language, version, status,"
                            " title, category, seq, created_at, updated_at, deleted)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"_s,
                            {next.id, next.translationGroup, next.language, next.version, status, next.title,
                             next.category, seq, now, now},
                            error);
    if (!ok)
        return std::nullopt;
    if (!Database::run(
            q,
            u"INSERT INTO kb_versions (article_id, version, status, title, data, author, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            {next.id, next.version, status, next.title, compact(kb::encodeArticle(next)), author, now},
            error))
        return std::nullopt;
    KbWrite w;
    w.record = {std::move(next), seq, false};
    w.changed = true;
    return w;
}

std::optional<kb::ArticlePage> KbStore::changedSince(qint64 since, int limit, bool includeDrafts,
                                                     QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(
            q,
            u"SELECT a.id, a.seq, a.deleted, a.status, v.data FROM kb_articles a JOIN kb_versions v"
            " ON v.article_id = a.id AND v.version = a.version WHERE a.seq > ? ORDER BY a.seq LIMIT ?"_s,
            {since, limit + 1}, error))
        return std::nullopt;
    kb::ArticlePage page;
    page.nextSince = since;
    while (q.next()) {
        if (page.articles.size() == limit) {
            page.hasMore = true;
            break;
        }
        ArticleRecord record;
        record.article.id = q.value(0).toString();
        record.seq = q.value(1).toLongLong();
        const bool visible = q.value(2).toInt() == 0 &&
                             (includeDrafts || q.value(3).toString() == kb::toWire(ArticleStatus::Published));
        record.deleted = !visible;
        if (visible) {
            auto article = readStored(record.article.id, q.value(4).toString(), error);
            if (!article)
                return std::nullopt;
            record.article = std::move(*article);
        }
        page.nextSince = record.seq;
        page.articles.append(std::move(record));
    }
    return page;
}

std::optional<ArticleRecord> KbStore::article(const QString &id, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    const auto row = loadRow(db, id, error);
    if (!row || row->deleted)
        return std::nullopt;
    return ArticleRecord{row->current, row->seq, false};
}

std::optional<KbWrite> KbStore::create(Article input, const QString &author, QString *error) const
{
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return std::nullopt;
    const auto row = loadRow(tx.db(), input.id, error);
    if (!error->isEmpty())
        return std::nullopt;
    if (row && !row->deleted)
        return refused(409, u"article_exists"_s, u"an article with the id %1 exists"_s.arg(input.id),
                       u"id"_s);
    // A deleted article's id may be used again; its history continues.
    input.version = row ? row->current.version + 1 : 1;
    auto w = writeVersion(tx.db(), std::move(input), author, QDateTime::currentMSecsSinceEpoch(),
                          row.has_value(), error);
    if (!w || !tx.commit(error))
        return std::nullopt;
    return w;
}

std::optional<KbWrite> KbStore::edit(const QString &id, int baseVersion, Article input, bool keepStatus,
                                     const QString &author, QString *error) const
{
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return std::nullopt;
    const auto row = loadRow(tx.db(), id, error);
    if (!error->isEmpty())
        return std::nullopt;
    if (!row || row->deleted)
        return notFound();
    if (auto refusal = conflict(baseVersion, row->current.version))
        return refusal;
    const Article &current = row->current;
    input.id = current.id;
    input.translationGroup = current.translationGroup;
    input.language = current.language;
    if (keepStatus)
        input.status = current.status;
    if (sameContent(input, current) && input.status == current.status)
        return unchanged(current, row->seq);
    input.version = current.version + 1;
    auto w =
        writeVersion(tx.db(), std::move(input), author, QDateTime::currentMSecsSinceEpoch(), true, error);
    if (!w || !tx.commit(error))
        return std::nullopt;
    return w;
}

std::optional<KbWrite> KbStore::setStatus(const QString &id, ArticleStatus status,
                                          std::optional<int> baseVersion, const QString &author,
                                          QString *error) const
{
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return std::nullopt;
    const auto row = loadRow(tx.db(), id, error);
    if (!error->isEmpty())
        return std::nullopt;
    if (!row || row->deleted)
        return notFound();
    if (auto refusal = conflict(baseVersion, row->current.version))
        return refusal;
    if (row->current.status == status)
        return unchanged(row->current, row->seq);
    Article next = row->current;
    next.status = status;
    next.version += 1;
    auto w = writeVersion(tx.db(), std::move(next), author, QDateTime::currentMSecsSinceEpoch(), true, error);
    if (!w || !tx.commit(error))
        return std::nullopt;
    return w;
}

std::optional<KbWrite> KbStore::remove(const QString &id, std::optional<int> baseVersion,
                                       QString *error) const
{
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return std::nullopt;
    const auto row = loadRow(tx.db(), id, error);
    if (!error->isEmpty())
        return std::nullopt;
    if (!row || row->deleted)
        return notFound();
    if (auto refusal = conflict(baseVersion, row->current.version))
        return refusal;
    const qint64 seq = Counters::next(tx.db(), kSeqCounter, error);
    if (seq < 0)
        return std::nullopt;
    QSqlQuery q(tx.db());
    if (!Database::run(q, u"UPDATE kb_articles SET deleted = 1, seq = ?, updated_at = ? WHERE id = ?"_s,
                       {seq, QDateTime::currentMSecsSinceEpoch(), id}, error))
        return std::nullopt;
    q.finish();
    if (!tx.commit(error))
        return std::nullopt;
    KbWrite w;
    w.record.article.id = id;
    w.record.seq = seq;
    w.record.deleted = true;
    w.changed = true;
    return w;
}

std::optional<KbWrite> KbStore::restore(const QString &id, int version, std::optional<int> baseVersion,
                                        const QString &author, QString *error) const
{
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return std::nullopt;
    const auto row = loadRow(tx.db(), id, error);
    if (!error->isEmpty())
        return std::nullopt;
    if (!row || row->deleted)
        return notFound();
    if (auto refusal = conflict(baseVersion, row->current.version))
        return refusal;
    QSqlQuery q(tx.db());
    if (!Database::run(q, u"SELECT data FROM kb_versions WHERE article_id = ? AND version = ?"_s,
                       {id, version}, error))
        return std::nullopt;
    if (!q.next())
        return refused(422, u"validation_failed"_s, u"article %1 has no version %2"_s.arg(id).arg(version),
                       u"version"_s);
    const auto old = readStored(id, q.value(0).toString(), error);
    if (!old)
        return std::nullopt;
    q.finish();
    Article next = *old;
    next.status = row->current.status;
    next.version = row->current.version + 1;
    auto w = writeVersion(tx.db(), std::move(next), author, QDateTime::currentMSecsSinceEpoch(), true, error);
    if (!w || !tx.commit(error))
        return std::nullopt;
    return w;
}

std::optional<QList<KbVersionInfo>> KbStore::versions(const QString &id, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT deleted FROM kb_articles WHERE id = ?"_s, {id}, error))
        return std::nullopt;
    if (!q.next() || q.value(0).toInt() != 0)
        return std::nullopt;
    if (!Database::run(q,
                       u"SELECT version, author, at, status, title FROM kb_versions WHERE article_id = ?"
                       " ORDER BY version DESC"_s,
                       {id}, error))
        return std::nullopt;
    QList<KbVersionInfo> list;
    while (q.next()) {
        list.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toLongLong(),
                     kb::statusFromWire(q.value(3).toString()).value_or(ArticleStatus::Draft),
                     q.value(4).toString()});
    }
    return list;
}

std::optional<Article> KbStore::version(const QString &id, int version, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q,
                       u"SELECT v.data FROM kb_versions v JOIN kb_articles a ON a.id = v.article_id"
                       " WHERE v.article_id = ? AND v.version = ? AND a.deleted = 0"_s,
                       {id, version}, error))
        return std::nullopt;
    if (!q.next())
        return std::nullopt;
    return readStored(id, q.value(0).toString(), error);
}

std::optional<QStringList> KbStore::missing(const QStringList &ids, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    QStringList out;
    for (const QString &id : ids) {
        if (!Database::run(q, u"SELECT 1 FROM kb_articles WHERE id = ? AND deleted = 0"_s, {id}, error))
            return std::nullopt;
        if (!q.next())
            out.append(id);
        q.finish();
    }
    return out;
}

bool KbStore::recordUsage(qint64 ticketId, qint64 actionId, const QStringList &ids, const QString &actor,
                          QString *error) const
{
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return false;
    QSqlQuery q(tx.db());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        if (!Database::run(
                q,
                u"INSERT INTO kb_usage (article_id, ticket_id, action_id, actor, at) VALUES (?, ?, ?, ?, ?)"_s,
                {id, ticketId, actionId, actor, now}, error))
            return false;
    }
    q.finish();
    return tx.commit(error);
}

std::optional<QList<KbUsage>> KbStore::usage(QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    // A ticket counts as resolved when it is resolved or closed now and was not reopened after the reply.
    if (!Database::run(q,
                       u"SELECT u.article_id, COALESCE(a.title, ''), COUNT(DISTINCT u.action_id),"
                       " COUNT(DISTINCT CASE WHEN t.status IN ('resolved', 'resolved_auto', 'closed')"
                       "   AND NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = u.ticket_id"
                       "     AND e.kind = 'reopened' AND e.at >= u.at)"
                       "   THEN u.ticket_id END)"
                       " FROM kb_usage u JOIN tickets t ON t.id = u.ticket_id"
                       " LEFT JOIN kb_articles a ON a.id = u.article_id"
                       " GROUP BY u.article_id, a.title ORDER BY u.article_id"_s,
                       {}, error))
        return std::nullopt;
    QList<KbUsage> list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toInt()});
    return list;
}

int KbStore::seedIfFresh(const QList<Article> &articles, const QString &author, QString *error) const
{
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return -1;
    const qint64 seq = Counters::current(tx.db(), kSeqCounter, error);
    if (seq < 0)
        return -1;
    if (seq > 0 || articles.isEmpty())
        return 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (Article article : articles) {
        article.version = 1;
        if (!writeVersion(tx.db(), std::move(article), author, now, false, error))
            return -1;
    }
    if (!tx.commit(error))
        return -1;
    return int(articles.size());
}

} // namespace relaydesk::server

#include "KbMirror.h"

#include "ApiClient.h"
#include "FutureWatch.h"
#include "core/JsonReader.h"
#include "core/ReportCodec.h"
#include "core/kb/ArticleCodec.h"
#include "models/kb/KbIndex.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <tuple>

namespace relaydesk::models {

using namespace Qt::StringLiterals;

namespace {

constexpr int kSchemaVersion = 1;

QString sqlError(const QString &what, const QSqlError &error)
{
    return QCoreApplication::translate("KbMirror", "Knowledge base mirror: %1 failed: %2")
        .arg(what, error.text());
}

// The worker thread's connection, opened on first use.
std::optional<QSqlDatabase> connection(const QString &name, const QString &path, QString *error)
{
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                   : QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    if (!db.isOpen()) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            *error =
                sqlError(QCoreApplication::translate("KbMirror", "opening %1").arg(path), db.lastError());
            return std::nullopt;
        }
        QSqlQuery pragma(db);
        pragma.exec(u"PRAGMA journal_mode=WAL"_s);
        pragma.exec(u"PRAGMA synchronous=NORMAL"_s);
    }
    return db;
}

bool run(QSqlQuery &q, const QString &sql, const QVariantList &values, const QString &what, QString *error)
{
    if (!q.prepare(sql)) {
        *error = sqlError(what, q.lastError());
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec())
        return true;
    *error = sqlError(what, q.lastError());
    return false;
}

bool migrate(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!run(q, u"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s, {},
             QCoreApplication::translate("KbMirror", "creating the schema"), error))
        return false;
    if (!run(q, u"SELECT value FROM meta WHERE key = 'schema_version'"_s, {},
             QCoreApplication::translate("KbMirror", "reading the schema version"), error))
        return false;
    const int version = q.next() ? q.value(0).toInt() : 0;
    if (version == kSchemaVersion)
        return true;
    if (version > kSchemaVersion) {
        *error = QCoreApplication::translate(
                     "KbMirror", "Knowledge base mirror %1 was written by a newer Relaydesk (schema %2).")
                     .arg(db.databaseName())
                     .arg(version);
        return false;
    }
    if (!db.transaction()) {
        *error = sqlError(QCoreApplication::translate("KbMirror", "starting the migration"), db.lastError());
        return false;
    }
    const QStringList statements = {
        u"CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, seq INTEGER NOT NULL,"
        " translation_group TEXT NOT NULL, language TEXT NOT NULL, json TEXT NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS articles_group ON articles (translation_group, language)"_s,
        u"INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '1')"_s,
    };
    for (const QString &sql : statements) {
        if (!run(q, sql, {}, QCoreApplication::translate("KbMirror", "migrating the schema"), error)) {
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        *error =
            sqlError(QCoreApplication::translate("KbMirror", "committing the migration"), db.lastError());
        return false;
    }
    return true;
}

std::optional<kb::Article> decodeRow(const QByteArray &json)
{
    const auto object = parseJsonObject(json);
    if (!object.ok())
        return std::nullopt;
    auto article = kb::decodeArticle(object.value());
    if (!article.ok())
        return std::nullopt;
    return std::move(article).value();
}

// Every readable article in the file (rows this version cannot read are skipped; the next sync rewrites
// them).
std::optional<QList<kb::Article>> loadAll(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!run(q, u"SELECT json FROM articles"_s, {},
             QCoreApplication::translate("KbMirror", "reading articles"), error))
        return std::nullopt;
    QList<kb::Article> list;
    while (q.next()) {
        if (auto article = decodeRow(q.value(0).toByteArray()))
            list.append(std::move(*article));
    }
    return list;
}

int countRows(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!run(q, u"SELECT COUNT(*) FROM articles"_s, {},
             QCoreApplication::translate("KbMirror", "counting articles"), error) ||
        !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

struct KbMirror::OpenResult
{
    qint64 cursor = 0;
    int count = 0;
    QString error;   // the mirror cannot be used
    QString warning; // usable, but degraded (the index is another window's: searched, not synced into)
    bool readOnly = false;
};

struct KbMirror::ApplyResult
{
    qint64 cursor = 0;
    int count = 0;
    QStringList ids;
    QString error;
};

KbMirror::KbMirror(ApiClient *api, QString databasePath, QString indexDir, QObject *parent)
    : QObject(parent), m_api(api), m_path(std::move(databasePath)), m_indexDir(std::move(indexDir)),
      m_connectionName(u"relaydesk-kb-"_s + QUuid::createUuid().toString(QUuid::Id128)),
      m_index(std::make_shared<KbIndex>()), m_worker(u"relaydesk-kb"_s)
{
    m_searchPool.setMaxThreadCount(2);
    m_searchPool.setObjectName(u"relaydesk-kb-search"_s);
}

KbMirror::~KbMirror()
{
    m_stopped = true;
    m_searchPool.waitForDone();
    m_worker
        .run([name = m_connectionName] {
            if (QSqlDatabase::contains(name)) {
                QSqlDatabase::database(name, false).close();
                QSqlDatabase::removeDatabase(name);
            }
        })
        .waitForFinished();
}

void KbMirror::start()
{
    m_stopped = false;
    if (m_open) {
        syncNow();
        return;
    }
    if (m_opening)
        return;
    m_opening = true;
    auto job = [name = m_connectionName, path = m_path, dir = m_indexDir, index = m_index]() -> OpenResult {
        OpenResult result;
        auto db = connection(name, path, &result.error);
        if (!db || !migrate(*db, &result.error))
            return result;
        QSqlQuery meta(*db);
        if (!run(meta, u"SELECT value FROM meta WHERE key = 'cursor'"_s, {}, tr("reading the sync cursor"),
                 &result.error))
            return result;
        result.cursor = meta.next() ? meta.value(0).toLongLong() : 0;
        result.count = countRows(*db, &result.error);
        if (result.count < 0)
            return result;
        QString indexError;
        if (!index->open(dir, &indexError)) {
            // Another console holds the index (one writer per directory): search it, but do not sync into it.
            QString readOnlyError;
            if (!index->openReadOnly(dir, &readOnlyError)) {
                result.error = tr("Cannot open the knowledge base index %1: %2").arg(dir, indexError);
                return result;
            }
            result.readOnly = true;
            result.warning =
                tr("The knowledge base index is in use by another Relaydesk window; it will not be "
                   "updated here (%1).")
                    .arg(indexError);
            return result;
        }
        if (index->documentCount() == result.count)
            return result;
        // The index lost its contents (deleted, or written by a crash between the two commits): rebuild it
        // from the mirror, which is what the cursor describes.
        const auto all = loadAll(*db, &result.error);
        if (!all)
            return result;
        for (const kb::Article &article : *all) {
            if (!index->upsert(article)) {
                result.error = tr("Cannot rebuild the knowledge base index: %1").arg(index->lastError());
                return result;
            }
        }
        if (!index->commit()) {
            result.error = tr("Cannot rebuild the knowledge base index: %1").arg(index->lastError());
            return result;
        }
        return result;
    };
    whenFinished(this, m_worker.run(std::move(job)), [this](const OpenResult &result) {
        m_opening = false;
        if (!result.error.isEmpty()) {
            emit problem(result.error);
            return;
        }
        if (!result.warning.isEmpty())
            emit problem(result.warning);
        m_open = true;
        m_readOnly = result.readOnly;
        m_cursor = result.cursor;
        m_count = result.count;
        emit opened(m_count);
        if (!m_stopped)
            syncNow();
    });
}

void KbMirror::stop()
{
    m_stopped = true;
}

void KbMirror::syncNow()
{
    if (m_stopped || !m_open || m_readOnly)
        return;
    if (m_syncing) {
        m_syncAgain = true;
        return;
    }
    m_syncing = true;
    m_syncAgain = false;
    fetchPage();
}

void KbMirror::onKbChanged(qint64 seq)
{
    if (seq > m_cursor)
        syncNow();
}

void KbMirror::fetchPage()
{
    QPointer<KbMirror> self(this);
    m_api->fetchKbArticles(
        m_cursor, m_pageSize, m_includeDrafts, [self, this](ApiResult<kb::ArticlePage> result) {
            if (!self)
                return;
            if (m_stopped) {
                m_syncing = false;
                return;
            }
            if (!result.ok()) {
                m_syncing = false;
                m_syncAgain = false;
                // A 401 is the ticket sync's to report (it asks to sign in); after signing in, the resumed
                // stream syncs the mirror again.
                if (result.error.kind != ApiError::Kind::Unauthorized)
                    emit problem(tr("The knowledge base could not be synced: %1").arg(result.error.message));
                return;
            }
            kb::ArticlePage page = std::move(*result.value);
            if (page.articles.isEmpty() && page.nextSince <= m_cursor)
                return finishSync();
            const bool more = page.hasMore && !page.articles.isEmpty();
            auto job = [name = m_connectionName, path = m_path, index = m_index,
                        page = std::move(page)]() -> ApplyResult {
                ApplyResult out;
                auto db = connection(name, path, &out.error);
                if (!db)
                    return out;
                if (!db->transaction()) {
                    out.error = sqlError(tr("starting a transaction"), db->lastError());
                    return out;
                }
                QSqlQuery q(*db);
                bool ok = true;
                for (const kb::ArticleRecord &record : page.articles) {
                    const kb::Article &a = record.article;
                    if (record.deleted) {
                        ok = run(q, u"DELETE FROM articles WHERE id = ?"_s, {a.id}, tr("removing an article"),
                                 &out.error);
                        if (ok && !index->remove(a.id)) {
                            out.error = tr("Cannot remove %1 from the knowledge base index: %2")
                                            .arg(a.id, index->lastError());
                            ok = false;
                        }
                    } else {
                        const QByteArray json =
                            QJsonDocument(kb::encodeArticle(a)).toJson(QJsonDocument::Compact);
                        ok = run(
                            q,
                            u"INSERT OR REPLACE INTO articles (id, seq, translation_group, language, json)"
                            " VALUES (?, ?, ?, ?, ?)"_s,
                            {a.id, record.seq, a.translationGroup, a.language, QString::fromUtf8(json)},
                            tr("storing an article"), &out.error);
                        if (ok && !index->upsert(a)) {
                            out.error = tr("Cannot index %1: %2").arg(a.id, index->lastError());
                            ok = false;
                        }
                    }
                    if (!ok)
                        break;
                    out.ids.append(a.id);
                }
                out.cursor = page.nextSince;
                if (ok)
                    ok = run(q, u"INSERT OR REPLACE INTO meta (key, value) VALUES ('cursor', ?)"_s,
                             {QString::number(page.nextSince)}, tr("storing the sync cursor"), &out.error);
                // The index commits first: if the file then fails to commit, the next sync applies the same
                // page again (upserts and removals are idempotent); the reverse order could leave the index
                // behind.
                if (ok && !index->commit()) {
                    out.error = tr("Cannot commit the knowledge base index: %1").arg(index->lastError());
                    ok = false;
                }
                if (!ok || !db->commit()) {
                    if (ok)
                        out.error = sqlError(tr("committing a synced page"), db->lastError());
                    db->rollback();
                    out.ids.clear();
                    return out;
                }
                out.count = countRows(*db, &out.error);
                return out;
            };
            whenFinished(this, m_worker.run(std::move(job)), [this, more](const ApplyResult &applied) {
                if (!applied.error.isEmpty()) {
                    m_syncing = false;
                    m_syncAgain = false;
                    emit problem(applied.error);
                    return;
                }
                m_cursor = std::max(m_cursor, applied.cursor);
                m_count = applied.count;
                if (!applied.ids.isEmpty())
                    emit changed(applied.ids);
                if (more && !m_stopped)
                    return fetchPage();
                finishSync();
            });
        });
}

void KbMirror::finishSync()
{
    m_syncing = false;
    if (!m_caughtUp) {
        m_caughtUp = true;
        emit caughtUp();
    }
    if (m_syncAgain)
        syncNow();
}

QFuture<QList<KbHit>> KbMirror::search(const KbQuery &query) const
{
    if (!m_open)
        return QtFuture::makeReadyFuture(QList<KbHit>());
    return QtConcurrent::run(&m_searchPool, [index = m_index, query] { return index->search(query); });
}

QFuture<QList<KbHit>> KbMirror::suggest(const KbSuggestContext &context) const
{
    if (!m_open)
        return QtFuture::makeReadyFuture(QList<KbHit>());
    return QtConcurrent::run(&m_searchPool, [index = m_index, context] { return index->suggest(context); });
}

QFuture<std::optional<kb::Article>> KbMirror::article(const QString &id) const
{
    return m_worker.run([name = m_connectionName, path = m_path, id]() -> std::optional<kb::Article> {
        QString error;
        auto db = connection(name, path, &error);
        if (!db)
            return std::nullopt;
        QSqlQuery q(*db);
        if (!run(q, u"SELECT json FROM articles WHERE id = ?"_s, {id}, {}, &error) || !q.next())
            return std::nullopt;
        return decodeRow(q.value(0).toByteArray());
    });
}

QFuture<std::optional<kb::Article>> KbMirror::inLanguage(const QString &group, const QString &language) const
{
    return m_worker.run(
        [name = m_connectionName, path = m_path, group, language]() -> std::optional<kb::Article> {
            QString error;
            auto db = connection(name, path, &error);
            if (!db)
                return std::nullopt;
            QSqlQuery q(*db);
            if (!run(q, u"SELECT json FROM articles WHERE translation_group = ? AND language = ?"_s,
                     {group, language}, {}, &error) ||
                !q.next())
                return std::nullopt;
            return decodeRow(q.value(0).toByteArray());
        });
}

QFuture<QList<kb::Article>> KbMirror::articles() const
{
    return m_worker.run([name = m_connectionName, path = m_path]() -> QList<kb::Article> {
        QString error;
        auto db = connection(name, path, &error);
        if (!db)
            return {};
        QList<kb::Article> list = loadAll(*db, &error).value_or(QList<kb::Article>());
        std::sort(list.begin(), list.end(), [](const kb::Article &a, const kb::Article &b) {
            return std::tie(a.category, a.title, a.id) < std::tie(b.category, b.title, b.id);
        });
        return list;
    });
}

} // namespace relaydesk::models

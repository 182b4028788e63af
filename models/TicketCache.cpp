#include "TicketCache.h"

#include "core/ReportCodec.h"
#include "core/TicketCodec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace relaydesk::models {

using namespace Qt::StringLiterals;

namespace {

constexpr int kSchemaVersion = 2;

QString sqlError(const QString &what, const QSqlError &error)
{
    return QCoreApplication::translate("TicketCache", "Local cache: %1 failed: %2").arg(what, error.text());
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
            *error = sqlError(QCoreApplication::translate("TicketCache", "opening %1").arg(path), db.lastError());
            return std::nullopt;
        }
        QSqlQuery pragma(db);
        pragma.exec(u"PRAGMA journal_mode=WAL"_s);
        pragma.exec(u"PRAGMA synchronous=NORMAL"_s);
    }
    return db;
}

bool exec(QSqlQuery &q, const QString &what, QString *error)
{
    if (q.exec())
        return true;
    *error = sqlError(what, q.lastError());
    return false;
}

bool migrate(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(u"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s)) {
        *error = sqlError(QCoreApplication::translate("TicketCache", "creating the schema"), q.lastError());
        return false;
    }
    q.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s);
    const int version = q.next() ? q.value(0).toInt() : 0;
    if (version == kSchemaVersion)
        return true;
    if (version > kSchemaVersion) {
        *error = QCoreApplication::translate("TicketCache", "Local cache %1 was written by a newer Relaydesk (schema %2).")
                     .arg(db.databaseName()).arg(version);
        return false;
    }
    const QStringList statements = {
        u"CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, json TEXT NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS events (ticket_id INTEGER PRIMARY KEY, json TEXT NOT NULL)"_s,
        // Version 1 kept logs in a table; they are files beside the database now (logDir()).
        u"DROP TABLE IF EXISTS logs"_s,
        u"INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '2')"_s,
    };
    if (!db.transaction()) {
        *error = sqlError(QCoreApplication::translate("TicketCache", "starting the migration"), db.lastError());
        return false;
    }
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            *error = sqlError(QCoreApplication::translate("TicketCache", "migrating the schema"), q.lastError());
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        *error = sqlError(QCoreApplication::translate("TicketCache", "committing the migration"), db.lastError());
        return false;
    }
    return true;
}

QString logFilePath(const QString &dir, qint64 ticketId)
{
    return u"%1/%2.log"_s.arg(dir).arg(ticketId);
}

// Removes the least recently used logs until the directory holds at most `budget` bytes; `keep` stays.
void pruneLogs(const QString &dir, qint64 budget, const QString &keep)
{
    QFileInfoList files = QDir(dir).entryInfoList({u"*.log"_s}, QDir::Files, QDir::Time); // newest first
    qint64 total = 0;
    for (const QFileInfo &f : std::as_const(files))
        total += f.size();
    while (total > budget && !files.isEmpty()) {
        const QFileInfo oldest = files.takeLast();
        if (oldest.absoluteFilePath() == QFileInfo(keep).absoluteFilePath())
            continue;
        if (QFile::remove(oldest.absoluteFilePath()))
            total -= oldest.size();
    }
}

} // namespace

TicketCache::TicketCache(QString path)
    : m_path(std::move(path)),
      m_connectionName(u"relaydesk-cache-"_s + QUuid::createUuid().toString(QUuid::Id128)),
      m_worker(u"relaydesk-cache"_s)
{
}

TicketCache::~TicketCache()
{
    const QString name = m_connectionName;
    // The connection is closed on the thread that owns it; the worker's destructor then joins.
    m_worker.run([name = m_connectionName] {
        if (QSqlDatabase::contains(name)) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
    }).waitForFinished();
}

QFuture<CacheResult<CachedState>> TicketCache::open()
{
    return m_worker.run([name = m_connectionName, path = m_path]() -> CacheResult<CachedState> {
        QString error;
        auto db = connection(name, path, &error);
        if (!db || !migrate(*db, &error))
            return {std::nullopt, error};
        CachedState state;
        QSqlQuery q(*db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT json FROM tickets ORDER BY seq"_s);
        if (!exec(q, QCoreApplication::translate("TicketCache", "reading tickets"), &error))
            return {std::nullopt, error};
        while (q.next()) {
            const auto json = parseJsonObject(q.value(0).toByteArray());
            auto ticket = json.ok() ? decodeTicket(json.value()) : Decoded<Ticket>(json.error());
            if (!ticket.ok())
                continue; // a row this version cannot read is skipped; the next full sync rewrites it
            state.cursor = std::max(state.cursor, ticket.value().seq);
            state.tickets.append(std::move(ticket).value());
        }
        QSqlQuery meta(*db);
        meta.prepare(u"SELECT value FROM meta WHERE key = 'cursor'"_s);
        if (exec(meta, QCoreApplication::translate("TicketCache", "reading the sync cursor"), &error) && meta.next())
            state.cursor = meta.value(0).toLongLong();
        return {std::move(state), {}};
    });
}

QFuture<CacheResult<bool>> TicketCache::storeTickets(const QList<Ticket> &tickets, qint64 cursor)
{
    return m_worker.run([name = m_connectionName, path = m_path, tickets, cursor]() -> CacheResult<bool> {
        QString error;
        auto db = connection(name, path, &error);
        if (!db)
            return {std::nullopt, error};
        if (!db->transaction())
            return {std::nullopt, sqlError(QCoreApplication::translate("TicketCache", "starting a transaction"), db->lastError())};
        QSqlQuery q(*db);
        q.prepare(u"INSERT INTO tickets (id, seq, json) VALUES (?, ?, ?) "
                  "ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, json = excluded.json"_s);
        for (const Ticket &t : tickets) {
            q.addBindValue(t.id);
            q.addBindValue(t.seq);
            q.addBindValue(QString::fromUtf8(QJsonDocument(encodeTicket(t)).toJson(QJsonDocument::Compact)));
            if (!exec(q, QCoreApplication::translate("TicketCache", "storing ticket %1").arg(t.id), &error)) {
                db->rollback();
                return {std::nullopt, error};
            }
        }
        QSqlQuery meta(*db);
        meta.prepare(u"INSERT INTO meta (key, value) VALUES ('cursor', ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
        meta.addBindValue(QString::number(cursor));
        if (!exec(meta, QCoreApplication::translate("TicketCache", "storing the sync cursor"), &error)) {
            db->rollback();
            return {std::nullopt, error};
        }
        if (!db->commit())
            return {std::nullopt, sqlError(QCoreApplication::translate("TicketCache", "committing tickets"), db->lastError())};
        return {true, {}};
    });
}

QFuture<CacheResult<QList<TicketEvent>>> TicketCache::loadEvents(qint64 ticketId)
{
    return m_worker.run([name = m_connectionName, path = m_path, ticketId]() -> CacheResult<QList<TicketEvent>> {
        QString error;
        auto db = connection(name, path, &error);
        if (!db)
            return {std::nullopt, error};
        QSqlQuery q(*db);
        q.prepare(u"SELECT json FROM events WHERE ticket_id = ?"_s);
        q.addBindValue(ticketId);
        if (!exec(q, QCoreApplication::translate("TicketCache", "reading the timeline"), &error))
            return {std::nullopt, error};
        if (!q.next())
            return {QList<TicketEvent>(), {}};
        const auto json = parseJsonObject(q.value(0).toByteArray());
        auto events = json.ok() ? decodeTicketEvents(json.value()) : Decoded<QList<TicketEvent>>(json.error());
        if (!events.ok())
            return {QList<TicketEvent>(), {}};
        return {std::move(events).value(), {}};
    });
}

QFuture<CacheResult<bool>> TicketCache::storeEvents(qint64 ticketId, const QList<TicketEvent> &events)
{
    return m_worker.run([name = m_connectionName, path = m_path, ticketId, events]() -> CacheResult<bool> {
        QString error;
        auto db = connection(name, path, &error);
        if (!db)
            return {std::nullopt, error};
        QJsonArray array;
        for (const TicketEvent &e : events)
            array.append(encodeTicketEvent(e));
        QSqlQuery q(*db);
        q.prepare(u"INSERT INTO events (ticket_id, json) VALUES (?, ?) "
                  "ON CONFLICT(ticket_id) DO UPDATE SET json = excluded.json"_s);
        q.addBindValue(ticketId);
        q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonObject{{"events"_L1, array}}).toJson(QJsonDocument::Compact)));
        if (!exec(q, QCoreApplication::translate("TicketCache", "storing the timeline"), &error))
            return {std::nullopt, error};
        return {true, {}};
    });
}

QString TicketCache::logDir() const
{
    return m_path + u".logs"_s;
}

QFuture<CacheResult<std::optional<QString>>> TicketCache::loadLog(qint64 ticketId)
{
    return m_worker.run([dir = logDir(), ticketId]() -> CacheResult<std::optional<QString>> {
        const QString file = logFilePath(dir, ticketId);
        if (!QFileInfo::exists(file))
            return {std::optional<QString>(), {}};
        // Touch it so that pruning keeps the logs agents look at.
        QFile f(file);
        if (f.open(QIODevice::ReadWrite))
            f.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
        return {std::optional<QString>(file), {}};
    });
}

QFuture<CacheResult<QString>> TicketCache::storeLog(qint64 ticketId, const QByteArray &log)
{
    return m_worker.run([dir = logDir(), ticketId, log, budget = m_logBudget]() -> CacheResult<QString> {
        if (!QDir().mkpath(dir))
            return {std::nullopt, QCoreApplication::translate("TicketCache", "Local cache: cannot create %1").arg(dir)};
        const QString file = logFilePath(dir, ticketId);
        // Written whole or not at all: a crash or a full disk never leaves a truncated log behind.
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(log) != log.size() || !out.commit()) {
            return {std::nullopt, QCoreApplication::translate("TicketCache", "Local cache: cannot write %1: %2")
                                      .arg(file, out.errorString())};
        }
        pruneLogs(dir, budget, file);
        return {file, {}};
    });
}

} // namespace relaydesk::models

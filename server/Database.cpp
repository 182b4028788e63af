#include "server/Database.h"

#include "server/ServerLog.h"

#include <QFile>
#include <QSqlError>
#include <QStringList>
#include <QUuid>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

// Who this thread is, for connection names: a number never reused in this process (thread ids are), and a
// flag the thread sets when it ends. The flag is all a thread-exit hook touches: connections are closed by
// their Database, never from a thread's TLS destructor (those run after QThread::wait() has returned and
// raced the main thread's exit, corrupting the heap).
struct ThreadIdentity
{
    quint64 serial;
    std::shared_ptr<std::atomic<bool>> ended = std::make_shared<std::atomic<bool>>(false);
    ThreadIdentity()
    {
        static std::atomic<quint64> next{0};
        serial = ++next;
    }
    ~ThreadIdentity() { ended->store(true, std::memory_order_release); }
    Q_DISABLE_COPY_MOVE(ThreadIdentity)
};
thread_local ThreadIdentity t_thread;

// What the last storage failure on this thread was (HttpReply turns "unavailable" into a 503).
thread_local bool t_storageUnavailable = false;

QString describe(const QSqlError &error)
{
    QString text = error.text().trimmed();
    return text.isEmpty() ? u"unknown database error"_s : text;
}

bool createPrivately(const QString &path, QString *error)
{
    if (path.isEmpty() || path == ":memory:"_L1 || path.startsWith("file:"_L1))
        return true;
    const QByteArray native = QFile::encodeName(path);
    // O_EXCL: an existing file keeps its mode; a new one is 0600 before SQLite writes a byte to it, and
    // SQLite gives its -wal and -shm files the database file's mode.
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd >= 0) {
        ::close(fd);
        return true;
    }
    if (errno == EEXIST)
        return true;
    *error = u"cannot create database %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    return false;
}

} // namespace

Database::Database(QString path)
    : m_path(std::move(path)), m_instanceId(QUuid::createUuid().toString(QUuid::Id128))
{
}

Database::~Database()
{
    // The owner ends every thread that used this database first (the service's pool is waited for before
    // the database goes): no connection is in use now.
    const QMutexLocker lock(&m_connectionsMutex);
    for (const Opened &opened : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(opened.name);
    m_connections.clear();
}

QString Database::connectionName() const
{
    return u"relaydesk-%1-%2"_s.arg(m_instanceId).arg(t_thread.serial);
}

void Database::reapEndedThreads() const
{
    // Called with m_connectionsMutex held. A thread that ended holds no handle to its connection any more.
    for (auto it = m_connections.begin(); it != m_connections.end();) {
        if (it->threadEnded->load(std::memory_order_acquire)) {
            QSqlDatabase::removeDatabase(it->name);
            it = m_connections.erase(it);
        } else {
            ++it;
        }
    }
}

bool Database::storageUnavailable()
{
    return t_storageUnavailable;
}

void Database::clearStorageFailure()
{
    t_storageUnavailable = false;
}

bool Database::isUnavailable(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    if (!ok)
        return false;
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN,
    // SQLITE_PROTOCOL: the storage, not the statement, is at fault.
    return code == 5 || code == 6 || code == 7 || code == 8 || code == 10 || code == 13 || code == 14 || code == 15;
}

void Database::noteFailure(const QSqlError &error)
{
    if (isUnavailable(error))
        t_storageUnavailable = true;
}

QSqlDatabase Database::connection(QString *error) const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    } else {
        const QMutexLocker lock(&m_connectionsMutex);
        reapEndedThreads();
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        m_connections.push_back({name, t_thread.ended});
    }
    if (!createPrivately(m_path, error)) {
        t_storageUnavailable = true;
        return QSqlDatabase();
    }
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (!db.open()) {
        *error = u"cannot open database %1: %2"_s.arg(m_path, describe(db.lastError()));
        t_storageUnavailable = true;
        return QSqlDatabase();
    }
    // Connection settings are driver specific; the data layer above stays portable SQL.
    if (db.driverName() == "QSQLITE"_L1) {
        QSqlQuery q(db);
        for (const QString &pragma : {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA journal_mode = WAL"_s,
                                      u"PRAGMA synchronous = NORMAL"_s}) {
            if (!run(q, pragma, {}, error)) {
                db.close();
                return QSqlDatabase();
            }
        }
    }
    qCDebug(lcStorage) << "opened connection" << name;
    return db;
}

bool Database::run(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error)
{
    if (!query.prepare(sql)) {
        noteFailure(query.lastError());
        *error = u"cannot prepare \"%1\": %2"_s.arg(sql.simplified().left(80), describe(query.lastError()));
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        noteFailure(query.lastError());
        *error = u"\"%1\" failed: %2"_s.arg(sql.simplified().left(80), describe(query.lastError()));
        return false;
    }
    return true;
}

WriteTransaction::WriteTransaction(const Database &database)
    : m_database(database), m_lock(&database.writeMutex())
{
}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

bool WriteTransaction::begin(QString *error)
{
    m_db = m_database.connection(error);
    if (!m_db.isValid())
        return false;
    // IMMEDIATE: take the write lock now, waiting (busy timeout) for a writer in another process. A deferred
    // BEGIN would read first and then fail at once with SQLITE_BUSY when upgrading to a writer in WAL mode
    // (SQLite does not call the busy handler there, as waiting could deadlock).
    QSqlQuery begin(m_db);
    if (!begin.exec(u"BEGIN IMMEDIATE"_s)) {
        Database::noteFailure(begin.lastError());
        *error = u"cannot begin a write transaction: %1"_s.arg(describe(begin.lastError()));
        return false;
    }
    m_open = true;
    return true;
}

bool WriteTransaction::commit(QString *error)
{
    if (!m_open) {
        *error = u"no open transaction"_s;
        return false;
    }
    QSqlQuery commit(m_db);
    if (!commit.exec(u"COMMIT"_s)) {
        Database::noteFailure(commit.lastError());
        *error = u"cannot commit: %1"_s.arg(describe(commit.lastError()));
        rollback();
        return false;
    }
    m_open = false;
    return true;
}

void WriteTransaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    QSqlQuery rollback(m_db);
    if (!rollback.exec(u"ROLLBACK"_s))
        qCWarning(lcStorage) << "rollback failed:" << describe(rollback.lastError());
}

} // namespace relaydesk::server

#pragma once

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <atomic>
#include <memory>
#include <vector>

namespace relaydesk::server {

// The service's database: one named Qt SQL connection per thread (opened lazily on first use in that
// thread), and an in-process write lock so that at most one write transaction runs at a time. Write
// transactions begin IMMEDIATE, so a writer in another process is waited for (busy timeout, 10 s) instead of
// failing fast on a lock upgrade. The Database owns every connection it opened: they are removed by
// ~Database (after the threads that used them are done), never by a thread-exit hook, and each thread's
// connection name is unique for the process's lifetime (a recycled thread id never meets another thread's
// connection). A connection whose thread has ended is closed the next time any thread opens one. The
// database file (and so its -wal and -shm files) is created mode 0600. All methods are thread-safe.
class Database final
{
public:
    explicit Database(QString path);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    const QString &path() const { return m_path; }

    // This thread's connection, opened and configured on first use. Invalid (and *error set) on failure.
    QSqlDatabase connection(QString *error) const;

    // Prepares `sql` on `query`, binds `values` positionally and executes it. On failure *error names
    // the statement and the driver's message. Every statement in the service goes through here.
    static bool run(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error);

    QMutex &writeMutex() const { return m_writeMutex; }

    // Storage failures of this thread: run(), connection() and WriteTransaction note when the storage
    // itself is unavailable (cannot open, locked past the busy timeout, disk full, read-only, I/O error),
    // so that the reply can be 503 rather than 500. Cleared at the start of each request's work.
    static bool storageUnavailable();
    static void clearStorageFailure();
    static void noteFailure(const QSqlError &error);
    static bool isUnavailable(const QSqlError &error);

private:
    struct Opened
    {
        QString name;
        std::shared_ptr<const std::atomic<bool>> threadEnded; // set when the thread that used it ends
    };
    QString connectionName() const;
    void reapEndedThreads() const;

    QString m_path;
    QString m_instanceId;
    mutable QMutex m_writeMutex;
    mutable QMutex m_connectionsMutex;
    mutable std::vector<Opened> m_connections; // every connection this Database added
};

// A write transaction on this thread's connection, holding the database's write lock for its lifetime.
// Rolls back unless commit() succeeded.
class WriteTransaction final
{
public:
    explicit WriteTransaction(const Database &database);
    ~WriteTransaction();
    Q_DISABLE_COPY_MOVE(WriteTransaction)

    bool begin(QString *error); // false: no connection or BEGIN failed
    bool commit(QString *error);
    void rollback();
    QSqlDatabase &db() { return m_db; }

private:
    const Database &m_database;
    QMutexLocker<QMutex> m_lock;
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace relaydesk::server

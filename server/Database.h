#pragma once

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace relaydesk::server {

// The service's database: one named Qt SQL connection per thread (opened lazily on first use in that
// thread, closed when the thread ends), and an in-process write lock so that at most one write
// transaction runs at a time (SQLite would otherwise answer SQLITE_BUSY when two deferred transactions
// both try to upgrade to writers). All methods are thread-safe.
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

private:
    QString connectionName() const;

    QString m_path;
    QString m_instanceId;
    mutable QMutex m_writeMutex;
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

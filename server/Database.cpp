#include "server/Database.h"

#include "server/ServerLog.h"

#include <QSqlError>
#include <QStringList>
#include <QThread>
#include <QUuid>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

// The connections this thread opened; removed when the thread ends (worker threads of the pool).
struct ThreadConnections
{
    QStringList names;
    ~ThreadConnections()
    {
        for (const QString &name : std::as_const(names))
            QSqlDatabase::removeDatabase(name);
    }
};
thread_local ThreadConnections t_connections;

QString describe(const QSqlError &error)
{
    QString text = error.text().trimmed();
    return text.isEmpty() ? u"unknown database error"_s : text;
}

} // namespace

Database::Database(QString path)
    : m_path(std::move(path)), m_instanceId(QUuid::createUuid().toString(QUuid::Id128))
{
}

Database::~Database()
{
    // Worker threads close their own connections when they end; only this thread's can be closed here.
    const QString name = connectionName();
    if (t_connections.names.removeOne(name))
        QSqlDatabase::removeDatabase(name);
}

QString Database::connectionName() const
{
    return u"relaydesk-%1-%2"_s.arg(m_instanceId).arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

QSqlDatabase Database::connection(QString *error) const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    } else {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        t_connections.names.append(name);
    }
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (!db.open()) {
        *error = u"cannot open database %1: %2"_s.arg(m_path, describe(db.lastError()));
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
        *error = u"cannot prepare \"%1\": %2"_s.arg(sql.simplified().left(80), describe(query.lastError()));
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
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
    if (!m_db.transaction()) {
        *error = u"cannot begin a transaction: %1"_s.arg(describe(m_db.lastError()));
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
    if (!m_db.commit()) {
        *error = u"cannot commit: %1"_s.arg(describe(m_db.lastError()));
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
    if (!m_db.rollback())
        qCWarning(lcStorage) << "rollback failed:" << describe(m_db.lastError());
}

} // namespace relaydesk::server

#include "server/Counters.h"

#include "server/Database.h"

#include <QSqlQuery>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

qint64 Counters::next(QSqlDatabase &db, const QString &name, QString *error)
{
    QSqlQuery q(db);
    if (!Database::run(q, u"UPDATE counters SET value = value + 1 WHERE name = ?"_s, {name}, error))
        return -1;
    if (q.numRowsAffected() != 1) {
        *error = u"counter %1 is missing"_s.arg(name);
        return -1;
    }
    return current(db, name, error);
}

qint64 Counters::current(QSqlDatabase &db, const QString &name, QString *error)
{
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT value FROM counters WHERE name = ?"_s, {name}, error))
        return -1;
    if (!q.next()) {
        *error = u"counter %1 is missing"_s.arg(name);
        return -1;
    }
    return q.value(0).toLongLong();
}

} // namespace relaydesk::server

#pragma once

#include <QSqlDatabase>
#include <QString>

namespace relaydesk::server {

// Portable sequences: a row per name in `counters`, incremented inside the caller's write transaction,
// so the new value is committed (or rolled back) together with the rows that use it.
class Counters final
{
public:
    // The next value of `name` (1, 2, ...), or -1 with *error set.
    static qint64 next(QSqlDatabase &db, const QString &name, QString *error);
    // The current value without changing it, or -1 with *error set.
    static qint64 current(QSqlDatabase &db, const QString &name, QString *error);

    static inline const QString kChangeSeq = QStringLiteral("change_seq");
};

} // namespace relaydesk::server

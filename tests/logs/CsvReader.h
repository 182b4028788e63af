#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace relaydesk::test {

// RFC 4180 CSV: fields separated by commas, quoted fields may hold commas, newlines and doubled quotes;
// records end at \n or \r\n. Returns one QStringList per record (the header included).
QList<QStringList> readCsv(const QString &text);

} // namespace relaydesk::test

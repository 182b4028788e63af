#pragma once

#include "core/Report.h"
#include "server/TriagePolicy.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace relaydesk::server {

class Database;

struct IntakeResult
{
    qint64 reportId = 0;
    qint64 ticketId = 0;
    qint64 seq = 0;         // the ticket's change sequence (0 for a duplicate)
    bool duplicate = false;
    int outboxRows = 0;     // gateway effects queued by this intake
};

// Writes a new report with everything that belongs to it — the report, its uncompressed log, the ticket
// and the ticket's first events — in one transaction. Idempotent on client_report_id (also when two
// requests race: the UNIQUE constraint decides, and the loser answers with the winner's ids).
class ReportStore final
{
public:
    explicit ReportStore(const Database &database);

    std::optional<IntakeResult> store(const Report &report, const QByteArray &logText, qint64 clientKeyId,
                                      const TriageDecision &decision, QString *error) const;
    // The ids already stored for a client_report_id sent with this client key (ids are scoped per key).
    std::optional<IntakeResult> findByClientReportId(qint64 clientKeyId, const QString &clientReportId,
                                                     QString *error) const;

private:
    const Database &m_database;
};

} // namespace relaydesk::server

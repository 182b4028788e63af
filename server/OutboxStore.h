#pragma once

#include "core/Enums.h"
#include "server/TriagePolicy.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace relaydesk::server {

class Database;

// A gateway effect waiting in the outbox (table `outbox`, migration 2).
struct OutboxRow
{
    qint64 id = 0;
    qint64 ticketId = 0;
    OutboxRequest::Kind kind = OutboxRequest::Kind::Resend;
    QString idempotencyKey; // fixed when the row is written; every attempt and every restart reuses it
    QString path;
    QJsonObject body;
    QString homeRegion;
    QString lastRegion;     // region of the last attempt; empty before the first
    bool preferReroute = false;
    int attempts = 0;
    qint64 nextAt = 0;      // ms since the epoch; not sent before
    QString actor;          // the agent who asked for it; empty for tier 1
    qint64 actionId = 0;    // the agent action (docs/api.md), 0 for tier 1
};

// The result of one attempt, written in one transaction: the row's new state, the timeline events and,
// when the effect is settled, the ticket's new status.
struct AttemptRecord
{
    qint64 rowId = 0;
    qint64 ticketId = 0;
    int attempts = 0;
    QString region;
    qint64 nextAt = 0;
    bool done = false;
    QString outcome; // done rows: delivered, duplicate_suppressed, failed
    QList<TriageStep> events;
    std::optional<TicketStatus> status; // applied only while the ticket is still auto_handling
    QString queue;
};

// The durable outbox. Rows are inserted by the intake transaction that decides them (insert()), read
// and settled by the dispatcher on worker threads. Thread-safe.
class OutboxStore final
{
public:
    explicit OutboxStore(const Database &database);

    // Inside the caller's transaction: the row for `request` with key "t{ticket}-{kind}-{n}" (or
    // request.key when given); the key or an empty string with *error set.
    static QString insert(QSqlDatabase &db, qint64 ticketId, const OutboxRequest &request, qint64 now,
                          QString *error);

    // Pending rows in (next_at, id) order, at most `perRegion` of each region (the last attempt's, else the
    // home region), so rows waiting for one busy region do not hide the due rows of the others.
    std::optional<QList<OutboxRow>> pending(int perRegion, QString *error) const;
    // Applies `record`; returns the ticket's new change sequence (0 if the row was already settled).
    std::optional<qint64> record(const AttemptRecord &record, QString *error) const;
    // Applies every record in one transaction, all or none; returns each one's sequence as record() does,
    // in order. A failure leaves every row as it was (still pending: sent again with its stored key).
    std::optional<QList<qint64>> recordAll(const QList<AttemptRecord> &records, QString *error) const;

private:
    const Database &m_database;
};

} // namespace relaydesk::server

#pragma once

#include "core/Ticket.h"
#include "core/TicketCodec.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace relaydesk::server {

class Database;

// A slice of a ticket's log.
struct LogSlice
{
    qint64 total = 0; // bytes of the whole log
    QByteArray data;
};

// Read side of tickets: the delta feed, single tickets, logs and timelines. Thread-safe; storage
// failures return nullopt with *error set, "no such ticket" returns nullopt with *error empty.
class TicketStore final
{
public:
    explicit TicketStore(const Database &database);

    // Tickets with seq > since in increasing seq order, at most `limit`. With `rawDiagnoses`, each ticket's
    // stored diagnosis JSON is appended there (empty: none) instead of being decoded into the ticket.
    std::optional<TicketPage> changedSince(qint64 since, int limit, QString *error,
                                           QList<QByteArray> *rawDiagnoses = nullptr) const;
    std::optional<Ticket> ticket(qint64 id, QString *error) const;
    bool exists(qint64 id, QString *error) const;
    // The total log size of a ticket (0 when it has none), or nullopt when the ticket does not exist.
    std::optional<qint64> logSize(qint64 ticketId, QString *error) const;
    // `length` bytes of the log from `offset` (the caller clamps the range to logSize()).
    std::optional<QByteArray> logBytes(qint64 ticketId, qint64 offset, qint64 length, QString *error) const;
    std::optional<QList<TicketEvent>> events(qint64 ticketId, QString *error) const;
    // Other tickets with the same diagnosis signature as ticket `id` (its incident), newest first; nullopt
    // with *error empty when the ticket does not exist, an empty list when it has no diagnosis.
    std::optional<QList<Ticket>> related(qint64 id, int limit, QString *error) const;
    // The current global change sequence.
    std::optional<qint64> currentSeq(QString *error) const;

private:
    const Database &m_database;
};

} // namespace relaydesk::server

#pragma once

#include "server/TicketActions.h"

#include <QSqlDatabase>

#include <optional>

namespace relaydesk::server {

class Database;
class SurveyStore;
class TicketStore;

// Carries out agent actions (docs/api.md, "Agent actions"), each in one write transaction: the stored
// answer for a repeated Idempotency-Key (table action_keys, per user), else the ticket's change
// (TicketActions), its timeline events, a gateway effect in the outbox, the new seq and the key with its
// answer. Concurrent claims serialize on the write lock, so exactly one wins. With `surveys` (a gateway is
// configured) a resolve also issues the CSAT survey and a reopen invalidates the open one, in the same
// transaction. Thread-safe; storage failures return nullopt with *error set.
class ActionStore final
{
public:
    ActionStore(const Database &database, const TicketStore &tickets, const SurveyStore *surveys = nullptr);

    std::optional<ActionAnswer> perform(const ActionCall &call, QString *error) const;

private:
    // Queues the ticket's effect; returns the action id (an earlier pending one for a repeated resend).
    qint64 queueEffect(QSqlDatabase &db, const Ticket &ticket, OutboxRequest effect, qint64 now, bool *coalesced,
                       QString *error) const;

    const Database &m_database;
    const TicketStore &m_tickets;
    const SurveyStore *m_surveys;
};

} // namespace relaydesk::server

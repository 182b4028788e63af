#pragma once

#include "core/Ticket.h"
#include "server/TriagePolicy.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace relaydesk::server {

// The agent actions of docs/api.md ("Agent actions").
enum class ActionVerb { Claim, Release, Resend, Reroute, Reply, Transfer, Note, Resolve, Reopen };
QString toWire(ActionVerb verb);

// One action as the controller validated it.
struct ActionCall
{
    ActionVerb verb = ActionVerb::Claim;
    QString actor;       // the agent's username
    QString key;         // the console's Idempotency-Key
    qint64 ticketId = 0;
    QJsonObject input;   // the validated body (region, locale/title/body, queue/assignee, text, resolution, reason)
};

// The answer to an action: an HTTP status and body, and what the controller does after the commit.
struct ActionAnswer
{
    int status = 200;
    QJsonObject body;
    qint64 ticketId = 0;
    qint64 seq = 0;        // > 0: the ticket changed and has this seq (push ticket.changed)
    bool outbox = false;   // a gateway effect was queued (wake the dispatcher)
    bool replayed = false; // the stored answer to an earlier request with the same key

    static ActionAnswer refusal(int status, const QString &code, const QString &message, const QString &field = {},
                                const QString &holder = {});
};

// What an action changes on a ticket (pure: decided from the ticket as it is inside the transaction).
struct TicketChange
{
    std::optional<ActionAnswer> refusal; // set: nothing is written, this is the answer
    std::optional<TicketStatus> status;
    std::optional<QString> queue;
    std::optional<QString> assignee;     // empty string: unassigned (NULL)
    QList<TriageStep> events;            // actor = the agent
    std::optional<OutboxRequest> effect; // resend / reroute / reply: the gateway effect (key set by the store)
    bool changed = true;                 // false: nothing to write (claiming a ticket one already holds)
};

// The resolution codes `resolve` accepts.
const QStringList &resolutionCodes();

TicketChange decideAction(const ActionCall &call, const Ticket &ticket);

} // namespace relaydesk::server

#pragma once

#include "ApiClient.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace relaydesk::models {

// What an agent asks for, beyond the action itself.
struct ActionArgs
{
    std::optional<QString> region; // resend (optional), reroute (required)
    QString locale;                // reply
    QString title;                 // reply
    QString body;                  // reply
    QStringList kbArticles;        // reply: ids of the KB articles inserted into it
    std::optional<QString> queue;  // transfer
    std::optional<QString> assignee;
    QString text;                  // note, reopen reason
    QString resolution;            // resolve
};

// Runs agents' actions against the service. Each action gets its Idempotency-Key once, when the agent asks
// for it; a retry after a failure reuses that key, so nothing acts twice. While an action of a kind is
// pending on a ticket, asking again (a double click) does nothing.
class TicketActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketActions)

public:
    enum class Kind { Claim, Release, Resend, Reroute, Reply, Transfer, Note, Resolve, Reopen };
    Q_ENUM(Kind)

    explicit TicketActions(ApiClient *api, QObject *parent = nullptr);

    // False when the same action is already pending on that ticket.
    bool start(qint64 ticketId, Kind kind, const ActionArgs &args = {});
    // Sends the last failed action of that kind again, with its original key.
    bool retry(qint64 ticketId, Kind kind);
    bool isPending(qint64 ticketId, Kind kind) const;
    bool canRetry(qint64 ticketId, Kind kind) const;

    static QString name(Kind kind);

    // Feeds the ticket's timeline in: the outcome of a gateway action this console started (an
    // `action_outcome` event with its action id) is announced once with outcomeArrived(). A failed one can
    // then be retried, as a new action with a new key (the first one has its answer).
    void observeEvents(qint64 ticketId, const QList<TicketEvent> &events);

signals:
    void pendingChanged(qint64 ticketId);
    // The service accepted the action. Gateway actions (resend, reroute, reply) are then pending at the
    // gateway; their outcome arrives on the ticket's timeline (see observeEvents()).
    void accepted(qint64 ticketId, relaydesk::models::TicketActions::Kind kind, const QString &message);
    void failed(qint64 ticketId, relaydesk::models::TicketActions::Kind kind, const QString &message,
                const relaydesk::models::ApiError &error);
    // The gateway's answer to an accepted resend, reroute or reply. outcome: delivered, duplicate_suppressed
    // or failed; message: translated, for the agent.
    void outcomeArrived(qint64 ticketId, relaydesk::models::TicketActions::Kind kind, const QString &outcome,
                        const QString &message);
    // The service answered with the ticket's new state.
    void ticketUpdated(const relaydesk::Ticket &ticket);

private:
    struct Request
    {
        Kind kind;
        ActionArgs args;
        QString key;
    };
    void send(qint64 ticketId, const Request &request);
    static quint64 slot(qint64 ticketId, Kind kind) { return (quint64(ticketId) << 4) | quint64(kind); }

    ApiClient *m_api;
    QHash<quint64, Request> m_pending;
    QHash<quint64, Request> m_failed;
    struct Awaiting
    {
        qint64 ticketId;
        Request request;
    };
    QHash<qint64, Awaiting> m_awaiting; // accepted gateway actions by action id, until their outcome
};

} // namespace relaydesk::models

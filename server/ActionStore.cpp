#include "server/ActionStore.h"

#include "core/TicketCodec.h"
#include "server/Counters.h"
#include "server/Database.h"
#include "server/OutboxStore.h"
#include "server/SurveyStore.h"
#include "server/TicketEvents.h"
#include "server/TicketStore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

ActionStore::ActionStore(const Database &database, const TicketStore &tickets, const SurveyStore *surveys)
    : m_database(database), m_tickets(tickets), m_surveys(surveys)
{
}

qint64 ActionStore::queueEffect(QSqlDatabase &db, const Ticket &ticket, OutboxRequest effect, qint64 now,
                                bool *coalesced, QString *error) const
{
    QSqlQuery q(db);
    *coalesced = false;
    if (effect.kind == OutboxRequest::Kind::Resend) {
        // Every agent resend of the message shares one gateway key; one still pending absorbs the repeat
        // (a reroute moves its next attempt to the new region), a settled one is sent again with the same
        // key, so the gateway answers duplicate_suppressed when it was delivered.
        if (!Database::run(q, u"SELECT id, state, action_id FROM outbox WHERE idempotency_key = ?"_s, {effect.key},
                           error))
            return -1;
        if (q.next()) {
            const qint64 rowId = q.value(0).toLongLong();
            const bool pending = q.value(1).toString() == "pending"_L1;
            const qint64 pendingAction = q.value(2).toLongLong();
            q.finish();
            if (pending) {
                *coalesced = true;
                if (!effect.region.isEmpty()
                    && !Database::run(q, u"UPDATE outbox SET last_region = ?, updated_at = ? WHERE id = ?"_s,
                                      {effect.region, now, rowId}, error))
                    return -1;
                return pendingAction;
            }
            const qint64 actionId = Counters::next(db, u"action_id"_s, error);
            if (actionId < 0)
                return -1;
            if (!Database::run(q,
                               u"UPDATE outbox SET state = 'pending', outcome = '', attempts = 0, next_at = ?,"
                               " last_region = COALESCE(?, ''), prefer_reroute = 0, actor = ?, action_id = ?,"
                               " updated_at = ? WHERE id = ?"_s,
                               {now, effect.region, effect.actor, actionId, now, rowId}, error))
                return -1;
            return actionId;
        }
        q.finish();
    }
    const qint64 actionId = Counters::next(db, u"action_id"_s, error);
    if (actionId < 0)
        return -1;
    effect.actionId = actionId;
    if (effect.key.isEmpty())
        effect.key = u"t%1-%2-a%3"_s.arg(ticket.id).arg(toWire(effect.kind)).arg(actionId);
    if (OutboxStore::insert(db, ticket.id, effect, now, error).isEmpty())
        return -1;
    return actionId;
}

std::optional<ActionAnswer> ActionStore::perform(const ActionCall &call, QString *error) const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return std::nullopt;
    QSqlDatabase &db = tx.db();
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT route, ticket_id, status, body FROM action_keys WHERE username = ? AND idem_key = ?"_s,
                       {call.actor, call.key}, error))
        return std::nullopt;
    if (q.next()) {
        if (q.value(0).toString() != toWire(call.verb) || q.value(1).toLongLong() != call.ticketId)
            return ActionAnswer::refusal(422, u"idempotency_key_reused"_s,
                                         u"this Idempotency-Key was used for %1 on ticket %2"_s.arg(
                                             q.value(0).toString()).arg(q.value(1).toLongLong()));
        ActionAnswer stored;
        stored.status = q.value(2).toInt();
        stored.body = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        stored.ticketId = call.ticketId;
        stored.replayed = true;
        return stored;
    }
    q.finish();

    const auto ticket = m_tickets.ticket(call.ticketId, error);
    if (!ticket) {
        if (!error->isEmpty())
            return std::nullopt;
        return ActionAnswer::refusal(404, u"not_found"_s, u"no such ticket"_s);
    }
    TicketChange change = decideAction(call, *ticket);
    if (change.refusal)
        return change.refusal; // nothing written; a retry with the same key is decided afresh

    ActionAnswer answer;
    answer.ticketId = ticket->id;
    qint64 actionId = 0;
    bool coalesced = false;
    if (change.effect) {
        actionId = queueEffect(db, *ticket, *change.effect, now, &coalesced, error);
        if (actionId < 0)
            return std::nullopt;
        answer.outbox = !coalesced;
        for (TriageStep &step : change.events) {
            step.detail.insert("action_id"_L1, actionId);
            if (coalesced)
                step.detail.insert("coalesced"_L1, true);
        }
    }
    // The CSAT survey follows an agent's resolve; a reopen closes the unanswered one.
    if (call.verb == ActionVerb::Resolve && m_surveys) {
        const auto survey = m_surveys->issue(db, *ticket, call.actor, now, error);
        if (!survey)
            return std::nullopt;
        change.events.append(survey->event);
        answer.outbox = true;
    } else if (call.verb == ActionVerb::Reopen && !SurveyStore::invalidateOpen(db, ticket->id, now, error)) {
        return std::nullopt;
    }
    if (change.changed) {
        if (!TicketEvents::insertAll(db, ticket->id, now, change.events, error))
            return std::nullopt;
        const qint64 seq = Counters::next(db, Counters::kChangeSeq, error);
        if (seq < 0)
            return std::nullopt;
        const QString assignee = change.assignee.value_or(ticket->assignee);
        if (!Database::run(q, u"UPDATE tickets SET status = ?, queue = ?, assignee = ?, seq = ?, updated_at = ? WHERE id = ?"_s,
                           {toWire(change.status.value_or(ticket->status)), change.queue.value_or(ticket->queue),
                            nullable(assignee), seq, now, ticket->id},
                           error))
            return std::nullopt;
        q.finish();
        answer.seq = seq;
    }
    if (change.effect) {
        answer.status = 202;
        answer.body = {{"action_id"_L1, actionId}, {"status"_L1, u"pending"_s}, {"ticket_id"_L1, ticket->id},
                       {"coalesced"_L1, coalesced}};
    } else {
        const auto updated = m_tickets.ticket(ticket->id, error);
        if (!updated)
            return std::nullopt;
        answer.body = encodeTicket(*updated);
    }
    if (!Database::run(q,
                       u"INSERT INTO action_keys (username, idem_key, route, ticket_id, status, body, created_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                       {call.actor, call.key, toWire(call.verb), call.ticketId, answer.status,
                        QString::fromUtf8(QJsonDocument(answer.body).toJson(QJsonDocument::Compact)), now},
                       error))
        return std::nullopt;
    q.finish();
    if (!tx.commit(error))
        return std::nullopt;
    return answer;
}

} // namespace relaydesk::server

#include "server/TicketActions.h"

#include <QUrl>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

bool in(TicketStatus status, std::initializer_list<TicketStatus> set)
{
    return std::find(set.begin(), set.end(), status) != set.end();
}

// Statuses an agent may claim (or act on when holding the claim).
bool open(TicketStatus s)
{
    return in(s, {TicketStatus::Escalated, TicketStatus::Reopened, TicketStatus::Claimed, TicketStatus::WaitingUser});
}

ActionAnswer invalidStatus(const Ticket &t, const QString &what)
{
    return ActionAnswer::refusal(409, u"invalid_status"_s,
                                 u"cannot %1 a ticket that is %2"_s.arg(what, toWire(t.status)));
}

// The agent must hold the claim.
std::optional<ActionAnswer> notHolder(const Ticket &t, const QString &actor)
{
    if (t.assignee.isEmpty())
        return ActionAnswer::refusal(409, u"not_claimed"_s, u"claim the ticket before acting on it"_s);
    if (t.assignee != actor)
        return ActionAnswer::refusal(409, u"claimed_by_other"_s, u"the ticket is claimed by %1"_s.arg(t.assignee), {},
                                     t.assignee);
    return std::nullopt;
}

QString pathSegment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

TriageStep step(const ActionCall &call, const QString &kind, const QString &summary, QJsonObject detail = {})
{
    detail.insert("idempotency_key"_L1, call.key);
    return {call.actor, kind, summary, detail};
}

QString str(const ActionCall &call, QLatin1StringView name)
{
    return call.input.value(name).toString();
}

} // namespace

ActionAnswer ActionAnswer::refusal(int status, const QString &code, const QString &message, const QString &field,
                                   const QString &holder)
{
    QJsonObject error{{"code"_L1, code}, {"message"_L1, message}};
    if (!field.isEmpty())
        error.insert("field"_L1, field);
    ActionAnswer a;
    a.status = status;
    a.body = {{"error"_L1, error}};
    if (!holder.isEmpty()) {
        error.insert("holder"_L1, holder);
        a.body = {{"error"_L1, error}, {"holder"_L1, holder}};
    }
    return a;
}

QString toWire(ActionVerb verb)
{
    switch (verb) {
    case ActionVerb::Claim: return u"claim"_s;
    case ActionVerb::Release: return u"release"_s;
    case ActionVerb::Resend: return u"resend"_s;
    case ActionVerb::Reroute: return u"reroute"_s;
    case ActionVerb::Reply: return u"reply"_s;
    case ActionVerb::Transfer: return u"transfer"_s;
    case ActionVerb::Note: return u"note"_s;
    case ActionVerb::Resolve: return u"resolve"_s;
    case ActionVerb::Reopen: return u"reopen"_s;
    }
    return {};
}

const QStringList &resolutionCodes()
{
    static const QStringList codes{u"resent"_s,    u"replied"_s,   u"rerouted"_s,   u"duplicate"_s,
                                   u"no_action"_s, u"user_fixed"_s, u"engineering"_s};
    return codes;
}

TicketChange decideAction(const ActionCall &call, const Ticket &t)
{
    TicketChange c;
    const QString &me = call.actor;
    switch (call.verb) {
    case ActionVerb::Claim:
        if (!t.assignee.isEmpty() && t.assignee != me)
            c.refusal = ActionAnswer::refusal(409, u"claimed_by_other"_s, u"the ticket is claimed by %1"_s.arg(t.assignee),
                                              {}, t.assignee);
        else if (!open(t.status))
            c.refusal = invalidStatus(t, u"claim"_s);
        else if (t.assignee == me)
            c.changed = false; // already ours: the same answer, nothing written
        else {
            c.assignee = me;
            if (t.status != TicketStatus::WaitingUser)
                c.status = TicketStatus::Claimed;
            c.events.append(step(call, u"claimed"_s, u"Claimed by %1"_s.arg(me)));
        }
        return c;
    case ActionVerb::Release:
        if (auto r = notHolder(t, me)) {
            c.refusal = r;
            return c;
        }
        c.assignee = QString();
        if (t.status == TicketStatus::Claimed)
            c.status = TicketStatus::Escalated;
        c.events.append(step(call, u"released"_s, u"Released by %1, back in queue %2"_s.arg(me, t.queue)));
        return c;
    case ActionVerb::Transfer: {
        if (!t.assignee.isEmpty() && t.assignee != me) {
            c.refusal = notHolder(t, me);
            return c;
        }
        if (!open(t.status)) {
            c.refusal = invalidStatus(t, u"transfer"_s);
            return c;
        }
        const QString queue = call.input.contains("queue"_L1) ? str(call, "queue"_L1) : t.queue;
        const QString assignee = str(call, "assignee"_L1);
        c.queue = queue;
        c.assignee = assignee;
        c.status = assignee.isEmpty() ? TicketStatus::Escalated : TicketStatus::Claimed;
        c.events.append(step(call, u"transferred"_s,
                             assignee.isEmpty() ? u"Transferred by %1 to queue %2"_s.arg(me, queue)
                                                : u"Transferred by %1 to %2 in queue %3"_s.arg(me, assignee, queue),
                             QJsonObject{{"from_queue"_L1, t.queue}, {"queue"_L1, queue}, {"assignee"_L1, assignee}}));
        return c;
    }
    case ActionVerb::Reopen:
        if (!in(t.status, {TicketStatus::Resolved, TicketStatus::ResolvedAuto, TicketStatus::Closed})) {
            c.refusal = invalidStatus(t, u"reopen"_s);
            return c;
        }
        c.status = TicketStatus::Reopened;
        c.assignee = QString();
        if (t.queue == "tier1"_L1)
            c.queue = u"tier2"_s;
        c.events.append(step(call, u"reopened"_s,
                             str(call, "reason"_L1).isEmpty() ? u"Reopened by %1"_s.arg(me)
                                                               : u"Reopened by %1: %2"_s.arg(me, str(call, "reason"_L1)),
                             QJsonObject{{"reason"_L1, str(call, "reason"_L1)}, {"from"_L1, toWire(t.status)}}));
        return c;
    case ActionVerb::Resend:
    case ActionVerb::Reroute:
    case ActionVerb::Reply:
    case ActionVerb::Note:
    case ActionVerb::Resolve:
        break;
    }

    // Acting: the agent holds the claim on an open ticket.
    if (auto r = notHolder(t, me)) {
        c.refusal = r;
        return c;
    }
    if (!in(t.status, {TicketStatus::Claimed, TicketStatus::WaitingUser})) {
        c.refusal = invalidStatus(t, toWire(call.verb));
        return c;
    }
    switch (call.verb) {
    case ActionVerb::Note:
        c.events.append(step(call, u"note"_s, str(call, "text"_L1), QJsonObject{{"internal"_L1, true}}));
        return c;
    case ActionVerb::Resolve:
        c.status = TicketStatus::Resolved;
        c.events.append(step(call, u"resolved"_s, u"Resolved by %1 (%2)"_s.arg(me, str(call, "resolution"_L1)),
                             QJsonObject{{"resolution"_L1, str(call, "resolution"_L1)}}));
        return c;
    case ActionVerb::Resend:
    case ActionVerb::Reroute: {
        OutboxRequest r;
        r.kind = OutboxRequest::Kind::Resend;
        r.path = u"/v1/messages/%1/resend"_s.arg(pathSegment(t.clientMessageId));
        r.body = {{"conversation_id"_L1, t.conversationId}, {"recipient_id"_L1, t.recipientId}};
        r.homeRegion = t.region;
        r.region = str(call, "region"_L1);
        r.actor = me;
        // One intended effect per failed message: the gateway de-duplicates every agent resend of it.
        r.key = u"t%1-msg-%2"_s.arg(t.id).arg(t.clientMessageId);
        c.effect = r;
        const bool reroute = call.verb == ActionVerb::Reroute;
        c.events.append(step(call, reroute ? u"reroute_requested"_s : u"resend_requested"_s,
                             reroute ? u"%1 reroutes message %2 through %3"_s.arg(me, t.clientMessageId, r.region)
                                     : u"%1 resends message %2%3"_s.arg(me, t.clientMessageId,
                                           r.region.isEmpty() ? QString() : u" through %1"_s.arg(r.region)),
                             QJsonObject{{"client_message_id"_L1, t.clientMessageId},
                                         {"region"_L1, r.region.isEmpty() ? t.region : r.region},
                                         {"gateway_key"_L1, r.key}}));
        return c;
    }
    case ActionVerb::Reply: {
        OutboxRequest r;
        r.kind = OutboxRequest::Kind::Notice;
        r.path = u"/v1/users/%1/notices"_s.arg(pathSegment(t.userId));
        r.body = {{"locale"_L1, str(call, "locale"_L1)}, {"title"_L1, str(call, "title"_L1)},
                  {"body"_L1, str(call, "body"_L1)}};
        r.actor = me;
        c.effect = r;
        c.status = TicketStatus::WaitingUser;
        QJsonObject detail{{"locale"_L1, str(call, "locale"_L1)},
                           {"title"_L1, str(call, "title"_L1)},
                           {"body"_L1, str(call, "body"_L1)}};
        if (call.input.value("kb_articles"_L1).isArray())
            detail.insert("kb_articles"_L1, call.input.value("kb_articles"_L1)); // usage feedback
        c.events.append(step(call, u"replied"_s, u"%1 replied to the user: \"%2\" (%3)"_s.arg(
                                                     me, str(call, "title"_L1), str(call, "locale"_L1)),
                             detail));
        return c;
    }
    default: break;
    }
    return c;
}

} // namespace relaydesk::server

#include "server/OutboxAttempt.h"

#include "server/Tier1Planner.h"

#include <QDateTime>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

QString describe(const GatewayOutcome &o)
{
    if (o.httpStatus == 0)
        return o.code;
    return o.code.isEmpty() ? QString::number(o.httpStatus) : u"%1 %2"_s.arg(o.httpStatus).arg(o.code);
}

QString effectName(const OutboxRow &row)
{
    if (row.kind == OutboxRequest::Kind::Resend)
        return u"Resend"_s;
    return row.body.value("purpose"_L1).toString() == "csat_survey"_L1 ? u"Survey notice"_s : u"Reply notice"_s;
}

// The end of an agent's effect: {action_id, effect, outcome (delivered|duplicate_suppressed|failed),
// http_status, code, delivery_id, attempts}.
TriageStep agentOutcome(const OutboxRow &row, const AttemptRecord &r, const GatewayOutcome &o, const QString &what)
{
    return {row.actor, u"action_outcome"_s, u"%1 (action %2): %3"_s.arg(effectName(row)).arg(row.actionId).arg(what),
            QJsonObject{{"action_id"_L1, row.actionId},
                        {"effect"_L1, toWire(row.kind)},
                        {"outcome"_L1, o.succeeded() ? o.outcomeName() : u"failed"_s},
                        {"http_status"_L1, o.httpStatus},
                        {"code"_L1, o.code},
                        {"delivery_id"_L1, o.deliveryId},
                        {"region"_L1, r.region},
                        {"attempts"_L1, r.attempts}}};
}

} // namespace

AttemptRecord settleAttempt(const OutboxRow &row, const AttemptRoute &route, const GatewayOutcome &o,
                            const Tier1Config &config, qint64 now, double unit)
{
    AttemptRecord r;
    r.rowId = row.id;
    r.ticketId = row.ticketId;
    r.attempts = row.attempts + 1;
    r.region = route.region;
    r.nextAt = row.nextAt;
    // An agent's effect (ActionStore): the agent is the actor, and the end is an action_outcome event
    // that leaves the ticket's status to the agent.
    const bool agent = !row.actor.isEmpty();
    const QString actor = agent ? row.actor : u"tier1"_s;

    if (!route.reroutedFrom.isEmpty()) {
        r.events.append({actor, u"rerouted"_s,
                         u"Rerouted through %1: region %2 is unhealthy"_s.arg(route.region, route.reroutedFrom),
                         QJsonObject{{"from"_L1, route.reroutedFrom}, {"to"_L1, route.region},
                                     {"idempotency_key"_L1, row.idempotencyKey}}});
    }
    QJsonObject detail{{"attempt"_L1, r.attempts},
                       {"effect"_L1, toWire(row.kind)},
                       {"idempotency_key"_L1, row.idempotencyKey},
                       {"region"_L1, route.region},
                       {"outcome"_L1, o.outcomeName()},
                       {"http_status"_L1, o.httpStatus},
                       {"code"_L1, o.code}};
    if (!o.deliveryId.isEmpty())
        detail.insert("delivery_id"_L1, o.deliveryId);
    if (agent)
        detail.insert("action_id"_L1, row.actionId);
    if (o.retryAfterMs >= 0)
        detail.insert("retry_after_ms"_L1, o.retryAfterMs);
    if (!route.circuit.isEmpty())
        detail.insert("circuit"_L1, route.circuit);
    const QString where = route.region.isEmpty() ? QString() : u" via %1"_s.arg(route.region);

    if (o.succeeded()) {
        const bool duplicate = o.kind == GatewayOutcome::Kind::Duplicate;
        r.done = true;
        r.outcome = o.outcomeName();
        r.events.append({actor, u"gateway_attempt"_s,
                         u"%1 attempt %2%3: %4"_s.arg(effectName(row)).arg(r.attempts).arg(where,
                             duplicate ? u"duplicate suppressed (already delivered)"_s : u"delivered"_s),
                         detail});
        if (agent) {
            r.events.append(agentOutcome(row, r, o, duplicate ? u"duplicate suppressed (already delivered)"_s
                                                              : u"delivered"_s));
            return r;
        }
        r.events.append({u"tier1"_s, u"resolved_auto"_s,
                         row.kind == OutboxRequest::Kind::Resend
                             ? u"Resolved by tier 1: the message was delivered"_s
                             : u"Resolved by tier 1: the user got guidance"_s,
                         QJsonObject{{"outcome"_L1, r.outcome}, {"delivery_id"_L1, o.deliveryId},
                                     {"attempts"_L1, r.attempts}}});
        r.status = TicketStatus::ResolvedAuto;
        r.queue = Tier1Planner::kTier1;
        return r;
    }

    QString giveUp;
    if (o.kind == GatewayOutcome::Kind::Refused)
        giveUp = u"the gateway refused it (%1)"_s.arg(describe(o));
    else if (o.kind == GatewayOutcome::Kind::Unauthorized)
        giveUp = u"the gateway rejected our signature (%1): check the gateway secret and clock"_s.arg(describe(o));
    else if (o.retryAfterMs > config.maxRetryAfterMs)
        giveUp = u"the gateway asked to wait %1 s, longer than the policy allows"_s.arg(o.retryAfterMs / 1000);
    else if (r.attempts >= config.maxAttempts)
        giveUp = u"%1 attempts failed, the last with %2"_s.arg(r.attempts).arg(describe(o));

    if (!giveUp.isEmpty()) {
        r.done = true;
        r.outcome = u"failed"_s;
        r.events.append({actor, u"gateway_attempt"_s,
                         u"%1 attempt %2%3: failed (%4)"_s.arg(effectName(row)).arg(r.attempts).arg(where, describe(o)),
                         detail});
        if (agent) {
            r.events.append(agentOutcome(row, r, o, u"failed: %1"_s.arg(giveUp)));
            return r;
        }
        r.events.append({u"tier1"_s, u"escalated"_s, u"Escalated to tier 2: automatic handling failed, %1"_s.arg(giveUp),
                         QJsonObject{{"queue"_L1, Tier1Planner::kTier2},
                                     {"reason"_L1, u"auto_handling_failed"_s},
                                     {"outcome"_L1, o.outcomeName()},
                                     {"http_status"_L1, o.httpStatus},
                                     {"code"_L1, o.code},
                                     {"attempts"_L1, r.attempts}}});
        r.status = TicketStatus::Escalated;
        r.queue = Tier1Planner::kTier2;
        return r;
    }

    qint64 delay = config.backoffMs(r.attempts + 1, unit);
    // A throttled message (429) waits at least Retry-After wherever it goes; an unavailable region's
    // Retry-After (503) binds only that region, so a reroute elsewhere need not wait for it.
    const bool regionOnly = o.httpStatus == 503 && route.canReroute;
    if (!regionOnly && o.retryAfterMs > delay)
        delay = o.retryAfterMs;
    r.nextAt = now + delay;
    detail.insert("next_attempt_at"_L1, QDateTime::fromMSecsSinceEpoch(r.nextAt, Qt::UTC).toString(Qt::ISODateWithMs));
    r.events.append({actor, u"gateway_attempt"_s,
                     u"%1 attempt %2%3: failed (%4), retrying in %5 s"_s.arg(effectName(row)).arg(r.attempts)
                         .arg(where, describe(o)).arg(double(delay) / 1000.0, 0, 'f', 1),
                     detail});
    return r;
}

} // namespace relaydesk::server

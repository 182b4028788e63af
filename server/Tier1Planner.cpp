#include "server/Tier1Planner.h"

#include <QJsonArray>
#include <QUrl>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

QJsonObject diagnosisDetail(const Diagnosis &d)
{
    QJsonArray evidence;
    for (const Evidence &e : d.evidence)
        evidence.append(QJsonObject{{"line"_L1, e.line}, {"rule"_L1, e.rule}, {"why"_L1, e.why}});
    return {{"cause"_L1, toWire(d.cause)},        {"confidence"_L1, d.confidence}, {"action"_L1, toWire(d.action)},
            {"summary"_L1, d.summary},            {"signature"_L1, d.signature},   {"rules_version"_L1, d.rulesVersion},
            {"evidence_count"_L1, evidence.size()}};
}

QString percent(double confidence)
{
    return u"%1 %"_s.arg(qRound(confidence * 100));
}

QString pathSegment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

QString toWire(OutboxRequest::Kind kind)
{
    return kind == OutboxRequest::Kind::Resend ? u"resend"_s : u"notice"_s;
}

Tier1Planner::Tier1Planner(Tier1Config config, ReplyTemplates replies, bool gatewayConfigured)
    : m_config(std::move(config)), m_replies(std::move(replies)), m_gatewayConfigured(gatewayConfigured)
{
}

void Tier1Planner::escalate(TriageDecision *decision, const QString &reasonCode, const QString &reason)
{
    decision->status = TicketStatus::Escalated;
    decision->queue = kTier2;
    decision->steps.append({u"tier1"_s, u"escalated"_s, u"Escalated to tier 2: %1"_s.arg(reason),
                            QJsonObject{{"queue"_L1, kTier2},
                                        {"cause"_L1, toWire(decision->cause)},
                                        {"reason"_L1, reasonCode}}});
}

QString Tier1Planner::escalationReason(const Diagnosis &d) const
{
    if (d.cause == Cause::Unknown)
        return u"unknown_cause"_s;
    if (d.confidence < m_config.minConfidence)
        return u"low_confidence"_s;
    const bool resend = m_config.resendCauses.contains(d.cause) && m_config.resendActions.contains(d.action);
    const bool reply = m_config.replyCauses.contains(d.cause) && m_config.replyActions.contains(d.action);
    if (!resend && !reply)
        return u"not_automatic"_s;
    if (!m_gatewayConfigured)
        return u"no_gateway"_s;
    return {};
}

TriageDecision Tier1Planner::plan(const Report &report, const std::optional<Diagnosis> &diagnosis,
                                  const QString &failure) const
{
    TriageDecision decision;
    if (!diagnosis) {
        decision.cause = Cause::Unknown;
        decision.steps.append({u"tier1"_s, u"diagnosis_failed"_s,
                               u"Automatic diagnosis failed: %1"_s.arg(failure),
                               QJsonObject{{"error"_L1, failure}}});
        escalate(&decision, u"diagnosis_failed"_s, u"the automatic diagnosis failed, cause unknown"_s);
        return decision;
    }
    const Diagnosis &d = *diagnosis;
    decision.diagnosis = d;
    decision.cause = d.cause;
    decision.steps.append({u"tier1"_s, u"diagnosed"_s,
                           u"Diagnosed as %1 (%2 confident): %3"_s.arg(toWire(d.cause), percent(d.confidence), d.summary),
                           diagnosisDetail(d)});

    const QString reason = escalationReason(d);
    if (reason == "unknown_cause"_L1)
        escalate(&decision, reason, u"no cause could be determined with enough confidence"_s);
    else if (reason == "low_confidence"_L1)
        escalate(&decision, reason,
                 u"the diagnosis confidence %1 is below the tier-1 threshold %2"_s.arg(percent(d.confidence),
                                                                                      percent(m_config.minConfidence)));
    else if (reason == "not_automatic"_L1)
        escalate(&decision, reason,
                 u"tier 1 does not handle cause %1 with action %2 automatically"_s.arg(toWire(d.cause),
                                                                                       toWire(d.action)));
    else if (reason == "no_gateway"_L1)
        escalate(&decision, reason, u"no IM gateway is configured, so tier 1 cannot act"_s);
    if (!reason.isEmpty())
        return decision;

    const bool resend = m_config.resendCauses.contains(d.cause) && m_config.resendActions.contains(d.action);
    OutboxRequest request;
    request.homeRegion = report.failure.region;
    if (resend) {
        request.kind = OutboxRequest::Kind::Resend;
        request.path = u"/v1/messages/%1/resend"_s.arg(pathSegment(report.message.clientMessageId));
        request.body = {{"conversation_id"_L1, report.message.conversationId},
                        {"recipient_id"_L1, report.message.recipientId}};
        request.preferReroute = d.action == RecommendedAction::Reroute;
        decision.steps.append(
            {u"tier1"_s, u"auto_handling"_s,
             u"Resending message %1 through the gateway with its own client message id (up to %2 attempts)"_s.arg(
                 report.message.clientMessageId)
                 .arg(m_config.maxAttempts),
             QJsonObject{{"effect"_L1, u"resend"_s},
                         {"client_message_id"_L1, report.message.clientMessageId},
                         {"region"_L1, report.failure.region},
                         {"max_attempts"_L1, m_config.maxAttempts},
                         {"reroute"_L1, request.preferReroute}}});
    } else {
        const auto reply = m_replies.render(d.cause, report);
        if (!reply) {
            escalate(&decision, u"no_template"_s, u"no reply template fits cause %1"_s.arg(toWire(d.cause)));
            return decision;
        }
        request.kind = OutboxRequest::Kind::Notice;
        request.path = u"/v1/users/%1/notices"_s.arg(pathSegment(report.user.id));
        request.body = {{"locale"_L1, reply->locale}, {"title"_L1, reply->title}, {"body"_L1, reply->body}};
        decision.steps.append({u"tier1"_s, u"auto_handling"_s,
                               u"Replying to the user with guidance \"%1\" (%2)"_s.arg(reply->title, reply->locale),
                               QJsonObject{{"effect"_L1, u"notice"_s},
                                           {"template"_L1, reply->templateId},
                                           {"locale"_L1, reply->locale},
                                           {"title"_L1, reply->title}}});
    }
    decision.status = TicketStatus::AutoHandling;
    decision.queue = kTier1;
    decision.outbox.append(std::move(request));
    return decision;
}

} // namespace relaydesk::server

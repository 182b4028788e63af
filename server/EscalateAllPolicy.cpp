#include "server/EscalateAllPolicy.h"

namespace relaydesk::server {

using namespace Qt::StringLiterals;

TriageDecision EscalateAllPolicy::decide(const Report &, const QByteArray &)
{
    TriageDecision decision;
    decision.status = TicketStatus::Escalated;
    decision.cause = Cause::Unknown;
    decision.queue = u"tier2"_s;
    decision.steps.append({u"tier1"_s, u"escalated"_s, u"Escalated to tier 2: no automatic diagnosis configured yet"_s,
                           QJsonObject{{"queue"_L1, decision.queue}, {"cause"_L1, toWire(decision.cause)}}});
    return decision;
}

} // namespace relaydesk::server

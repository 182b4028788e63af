#pragma once

#include "server/GatewayClient.h"
#include "server/OutboxStore.h"
#include "server/Tier1Config.h"

namespace relaydesk::server {

// Where one attempt was sent.
struct AttemptRoute
{
    QString region;        // the region the request went to (home region unless rerouted)
    QString reroutedFrom;  // non-empty when the attempt was rerouted away from this region
    QString circuit;       // state of the target region's circuit after the answer (closed/open/half_open)
    bool canReroute = false; // another healthy region could take the next attempt
};

// What one gateway answer means for an outbox row and its ticket (pure; unit-tested):
//  delivered / duplicate suppressed -> row done, ticket resolved_auto;
//  transient -> retry at now + backoff (429: never before Retry-After) while attempts remain, else escalate;
//  refusal, bad signature, Retry-After beyond the policy's limit -> row done (failed), ticket escalated.
// `unit` in [0, 1) draws the jitter.
AttemptRecord settleAttempt(const OutboxRow &row, const AttemptRoute &route, const GatewayOutcome &outcome,
                            const Tier1Config &config, qint64 now, double unit);

} // namespace relaydesk::server

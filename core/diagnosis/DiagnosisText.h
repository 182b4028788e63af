#pragma once

#include "core/Diagnosis.h"
#include "core/Report.h"

// The sentences of a diagnosis: evidence reasons with report placeholders filled in, and the one-line
// summary.
namespace relaydesk {

// Fills {error_code} {http_status} {endpoint} {network} {region} {app_version} from the report.
QString expandWhy(const QString &why, const Report &report);

// What the agent (or tier-1 automation) should do, as a short imperative phrase.
QString actionPhrase(RecommendedAction action);

// "server (0.95): HTTP 429 M_LIMIT_EXCEEDED: rate limited. Do: wait 30 s (Retry-After), then retry - never
// sooner."
QString decidedSummary(Cause cause, double confidence, const QString &why, RecommendedAction action,
                       const Report &report);
// "unknown: conflicting signals (server 0.90 vs client 0.85). Do: escalate to a tier-2 agent."
QString undecidedSummary(Cause top, double topScore, Cause second, double secondScore);

// Seconds to wait from a 429-style report ("Retry-After: 30", "retry after 30 s", FLOOD_WAIT_30), or -1.
int retryAfterSeconds(const Report &report);

} // namespace relaydesk

#pragma once

#include "server/TriagePolicy.h"

namespace relaydesk::server {

// The default triage until diagnosis and tier-1 handling exist: every ticket goes to the tier-2 queue
// with cause `unknown`.
class EscalateAllPolicy final : public TriagePolicy
{
public:
    TriageDecision decide(const Report &report, const QByteArray &logText) override;
};

} // namespace relaydesk::server

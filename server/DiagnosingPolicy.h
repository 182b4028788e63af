#pragma once

#include "core/diagnosis/Diagnoser.h"
#include "server/Tier1Planner.h"
#include "server/TriagePolicy.h"

namespace relaydesk::server {

// The triage of issue 3: parse the device log, diagnose it with the rules loaded at start, then let the
// tier-1 planner decide. Runs on the intake worker thread just before the intake transaction; if parsing
// or diagnosis throws, the ticket is still stored, escalated with cause unknown. Thread-safe.
class DiagnosingPolicy final : public TriagePolicy
{
public:
    DiagnosingPolicy(Diagnoser diagnoser, Tier1Planner planner);

    TriageDecision decide(const Report &report, const QByteArray &logText) override;

private:
    Diagnoser m_diagnoser;
    Tier1Planner m_planner;
};

} // namespace relaydesk::server

#pragma once

#include "RuleSet.h"

#include "core/Diagnosis.h"
#include "core/LogLine.h"
#include "core/Report.h"

namespace relaydesk {

// Finds why a message failed: report facts first, log signatures second (DOMAIN.md), as the rules say.
// Stateless after construction; diagnose() may run concurrently from several threads.
class Diagnoser final
{
public:
    explicit Diagnoser(RuleSet rules);

    Diagnosis diagnose(const Report &report, const QList<LogLine> &log) const;
    const RuleSet &rules() const { return m_rules; }

private:
    RuleSet m_rules;
};

// cause|error_code|region|app_version, the key that groups tickets into incidents. Numbers that only
// parametrise a code (FLOOD_WAIT_42, NETWORK_MIGRATE_3) become X so one incident gets one key.
QString diagnosisSignature(Cause cause, const Report &report);

} // namespace relaydesk

#pragma once

#include "server/ReplyTemplates.h"
#include "server/Tier1Config.h"
#include "server/TriagePolicy.h"

#include <optional>

namespace relaydesk::server {

// Tier-1 decisions from a diagnosis (DOMAIN.md): transient network/server failures are resent through
// the gateway, clear user errors get a templated reply, everything else goes to the tier-2 queue with
// the reason on the timeline. Pure and immutable: thread-safe.
class Tier1Planner final
{
public:
    Tier1Planner(Tier1Config config, ReplyTemplates replies, bool gatewayConfigured);

    // `diagnosis` is nullopt when the diagnosis failed (`failure` says why): the ticket is escalated with
    // cause unknown.
    TriageDecision plan(const Report &report, const std::optional<Diagnosis> &diagnosis,
                        const QString &failure) const;

    const Tier1Config &config() const { return m_config; }

    static inline const QString kTier2 = QStringLiteral("tier2");
    static inline const QString kTier1 = QStringLiteral("tier1");

private:
    QString escalationReason(const Diagnosis &diagnosis) const; // empty: tier 1 may act
    static void escalate(TriageDecision *decision, const QString &reasonCode, const QString &reason);

    Tier1Config m_config;
    ReplyTemplates m_replies;
    bool m_gatewayConfigured = false;
};

} // namespace relaydesk::server

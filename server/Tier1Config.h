#pragma once

#include "core/Decoded.h"
#include "core/Diagnosis.h"
#include "core/Enums.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace relaydesk::server {

// What tier 1 may do on its own, and how hard it tries (docs/operations.md, "Tier-1 policy"). Loaded
// once at start from --policy FILE; every field has a built-in default.
struct Tier1Config
{
    double minConfidence = 0.6; // below this a diagnosis is never acted on automatically

    QSet<Cause> resendCauses{Cause::Network, Cause::Server};
    QSet<RecommendedAction> resendActions{RecommendedAction::Retry, RecommendedAction::WaitAndRetry,
                                          RecommendedAction::Reroute};
    QSet<Cause> replyCauses{Cause::User};
    QSet<RecommendedAction> replyActions{RecommendedAction::ReplyGuidance};

    int maxAttempts = 5;          // gateway attempts per effect, first one included
    qint64 baseDelayMs = 2000;    // backoff 2, 4, 8, 16 s ... (DOMAIN.md)
    qint64 maxDelayMs = 60000;
    double jitter = 0.2;          // +-20 %
    qint64 maxRetryAfterMs = 300000; // a Retry-After longer than this gives up and escalates
    qint64 timeoutMs = 10000;     // gateway transfer timeout per request

    // Gateway requests the outbox has out at once per region ("dispatch": {"max_in_flight_per_region"}):
    // the rest of the due rows wait for a free slot. 1 sends one row at a time.
    int maxInFlightPerRegion = 32;

    int circuitFailureThreshold = 3; // consecutive transient failures that open a region's circuit
    qint64 circuitCoolDownMs = 30000; // open -> half-open (one probe)

    QStringList regions{QStringLiteral("cn-north"), QStringLiteral("cn-east"), QStringLiteral("cn-south"),
                        QStringLiteral("ap-southeast"), QStringLiteral("eu-west"), QStringLiteral("us-east")};
    QString repliesFile; // empty: the built-in templates (resources/tier1/replies.json)

    // Parses a policy file; absent keys keep their defaults, unknown keys are ignored.
    static Decoded<Tier1Config> parse(const QByteArray &json);
    // The backoff before attempt `nextAttempt` (2 = the first retry), jitter applied with `unit` in [0, 1).
    qint64 backoffMs(int nextAttempt, double unit) const;
};

} // namespace relaydesk::server

#pragma once

#include "Enums.h"

#include <QList>
#include <QString>

namespace relaydesk {

// Why the diagnosis says what it says: a log line or a report fact, the rule that fired, and why.
struct Evidence
{
    int line = 0;     // 1-based log line number; 0 when the evidence is a report fact
    QString rule;     // rule id from the rules file
    QString why;      // one sentence an agent can read
};

enum class RecommendedAction { Retry, WaitAndRetry, Reroute, ReplyGuidance, AskUpgrade, EscalateEngineering, TrustAndSafety, Escalate, Count };
QString toWire(RecommendedAction v);
template <> std::optional<RecommendedAction> fromWire<RecommendedAction>(const QString &name);

// The output of the automatic diagnosis, carried by the ticket as "diagnosis" (docs/api.md).
struct Diagnosis
{
    Cause cause = Cause::Unknown;
    double confidence = 0.0;   // 0..1
    QString summary;           // one line for the agent
    QList<Evidence> evidence;
    RecommendedAction action = RecommendedAction::Escalate;
    QString signature;         // cause|error_code|region|app_version, for grouping tickets into incidents
    QString rulesVersion;
};

} // namespace relaydesk

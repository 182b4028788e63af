#pragma once

#include "core/Diagnosis.h"
#include "core/Enums.h"
#include "core/LogLine.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

// One diagnosis rule as loaded from the rules file (docs/diagnosis-rules.md).
namespace relaydesk {

// What a rule does when it matches.
enum class RuleEffect
{
    Evidence, // votes for `cause` with `weight`
    Exclude,  // rules out the causes in `excludes` (e.g. a 4xx other than 429 is never network/server)
    Recovery  // a later success: earlier log evidence for `cause` not about the failed message is void
};

// Conditions on the report's facts. Every present field must match; a list matches when any entry does.
struct ReportCondition
{
    QList<std::pair<int, int>> httpStatus; // inclusive ranges
    QStringList errorCodes;                // case-insensitive wildcards (* and ?)
    QStringList errorCodesNot;             // none of these may match
    QStringList endpoints;                 // case-insensitive wildcards
    std::optional<QRegularExpression> errorMessage;
    QList<NetworkType> networks;
    QList<Platform> platforms;
};

// Conditions on one log line. At least one of literals/regex; literals are the fast prefilter.
struct LogCondition
{
    QStringList literals; // any of them occurs in the message
    bool ignoreCase = false;
    std::optional<QRegularExpression> regex; // must also match the message when present
    QStringList tags;                        // case-sensitive wildcards on the tag; empty: any
    LogLevel minLevel = LogLevel::Unknown;   // lines below are skipped; lines of unknown level always pass
};

struct Rule
{
    QString id;
    RuleEffect effect = RuleEffect::Evidence;
    Cause cause = Cause::Unknown;
    QList<Cause> excludes;
    RecommendedAction action = RecommendedAction::Escalate;
    double weight = 0.5; // 0..1, strength of this evidence alone
    QString why;         // sentence for the agent; {error_code} {http_status} {endpoint} {network} {region}
    std::optional<ReportCondition> report;
    std::optional<LogCondition> log;
};

} // namespace relaydesk

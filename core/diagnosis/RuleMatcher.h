#pragma once

#include "Rule.h"

#include "core/Report.h"

namespace relaydesk {

// Whether the facts of a report satisfy a rule's report condition.
bool matchesReport(const ReportCondition &condition, const Report &report);

// Whether one parsed log line satisfies a log condition. The caller has already found one of the literals
// with the (case-folding) prefilter; this checks exactly.
bool matchesLine(const LogCondition &condition, const LogLine &line);

// Case-insensitive wildcard match: '*' any run of characters, '?' one character.
bool wildcardMatch(QStringView pattern, QStringView text, Qt::CaseSensitivity cs = Qt::CaseInsensitive);

} // namespace relaydesk

#pragma once

#include "core/Enums.h"
#include "core/kb/Article.h"

#include <QString>

#include <optional>

// The questions asked of the KB search index (KbIndex) and the answers it gives.
namespace relaydesk::models {

// A search as the agent types: free text (Chinese and/or English, error codes) plus filters.
struct KbQuery
{
    QString text;               // empty: every article passing the filters, by title
    int limit = 20;             // 1..1000
    QString categoryPrefix;     // "Network" or "Network/DNS": the path or any path below it; "" = all
    QString language;           // "en", "zh_CN" or "" for both
    std::optional<Cause> cause; // articles that list this cause
    std::optional<kb::Audience> audience;
    std::optional<kb::ArticleStatus> status = kb::ArticleStatus::Published; // nullopt: any status
    QString markStart = QStringLiteral("\x01"); // put around every matched term in KbHit::snippet
    QString markEnd = QStringLiteral("\x02");
    int snippetBytes = 240; // roughly the snippet's UTF-8 length
};

// One ranked result. The snippet is plain text (never HTML): the caller escapes it and then turns
// markStart/markEnd into highlighting.
struct KbHit
{
    QString id;
    QString translationGroup;
    QString title;
    QString language;
    QString category;
    kb::Audience audience = kb::Audience::Agent;
    QString snippet;
    double score = 0; // higher is better; only comparable within one answer
};

// What is known about a ticket before anyone types: suggestions rank articles by these.
struct KbSuggestContext
{
    std::optional<Cause> cause;
    QString errorCode;  // e.g. "M_LIMIT_EXCEEDED" (case-insensitive)
    QString appVersion; // e.g. "5.3.2"; articles whose range excludes it are left out
    QString language;   // "en", "zh_CN" or "" for both
    std::optional<kb::Audience> audience;
    int limit = 5;
    int snippetChars = 160;
};

} // namespace relaydesk::models

#include "RuleMatcher.h"

#include <algorithm>

namespace relaydesk {

bool wildcardMatch(QStringView pattern, QStringView text, Qt::CaseSensitivity cs)
{
    // Iterative matcher with single-star backtracking: linear in practice, no recursion.
    qsizetype p = 0;
    qsizetype t = 0;
    qsizetype starP = -1;
    qsizetype starT = 0;
    const auto same = [cs](QChar a, QChar b) {
        return cs == Qt::CaseSensitive ? a == b : a.toCaseFolded() == b.toCaseFolded();
    };
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == u'?' || (pattern[p] != u'*' && same(pattern[p], text[t])))) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == u'*') {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

namespace {

bool anyWildcard(const QStringList &patterns, QStringView text, Qt::CaseSensitivity cs = Qt::CaseInsensitive)
{
    return std::any_of(patterns.cbegin(), patterns.cend(),
                       [&](const QString &p) { return wildcardMatch(p, text, cs); });
}

} // namespace

bool matchesReport(const ReportCondition &c, const Report &report)
{
    const FailureInfo &f = report.failure;
    if (!c.httpStatus.isEmpty() &&
        std::none_of(c.httpStatus.cbegin(), c.httpStatus.cend(),
                     [&](const auto &r) { return f.httpStatus >= r.first && f.httpStatus <= r.second; }))
        return false;
    if (!c.errorCodes.isEmpty() && !anyWildcard(c.errorCodes, f.errorCode))
        return false;
    if (!c.errorCodesNot.isEmpty() && anyWildcard(c.errorCodesNot, f.errorCode))
        return false;
    if (!c.endpoints.isEmpty() && !anyWildcard(c.endpoints, f.endpoint))
        return false;
    if (c.errorMessage && !c.errorMessage->match(f.errorMessage).hasMatch())
        return false;
    if (!c.networks.isEmpty() && !c.networks.contains(report.device.network))
        return false;
    if (!c.platforms.isEmpty() && !c.platforms.contains(report.device.platform))
        return false;
    return true;
}

bool matchesLine(const LogCondition &c, const LogLine &line)
{
    if (c.minLevel != LogLevel::Unknown && line.level != LogLevel::Unknown && line.level < c.minLevel)
        return false;
    if (!c.tags.isEmpty() && !anyWildcard(c.tags, line.tag, Qt::CaseSensitive))
        return false;
    const Qt::CaseSensitivity cs = c.ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive;
    if (!c.literals.isEmpty() && std::none_of(c.literals.cbegin(), c.literals.cend(),
                                              [&](const QString &l) { return line.message.contains(l, cs); }))
        return false;
    return !c.regex || c.regex->match(line.message).hasMatch();
}

} // namespace relaydesk

#include "Diagnoser.h"

#include "DiagnosisText.h"
#include "LiteralMatcher.h"
#include "RuleMatcher.h"

#include <QRegularExpression>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <cmath>

namespace relaydesk {

using namespace Qt::StringLiterals;

namespace {

constexpr int kCauses = int(Cause::Unknown); // the five real causes
constexpr double kAnchorBonus = 0.1;         // a line naming the failed message is stronger evidence
constexpr double kRepeatBonus = 0.05;        // per further line of the same signature (retries), at most 2
constexpr double kRivalPenalty = 0.5;        // confidence = top score - penalty * runner-up score
constexpr qsizetype kMaxEvidence = 8;

struct RuleHits
{
    int count = 0;
    int firstAnchored = 0; // first hit on a line naming the failed message
    int last = 0;          // last hit of any kind
};

struct Vote
{
    int rule = 0;
    int line = 0;
    double weight = 0;
};

} // namespace

QString diagnosisSignature(Cause cause, const Report &report)
{
    static const QRegularExpression parameter(u"(?<=_)\\d+$"_s);
    QString code = report.failure.errorCode;
    code.replace(parameter, u"X"_s);
    code.replace(u'|', u'/');
    QString region = report.failure.region;
    region.replace(u'|', u'/');
    QString version = report.device.appVersion;
    version.replace(u'|', u'/');
    return toWire(cause) + u'|' + code + u'|' + region + u'|' + version;
}

Diagnoser::Diagnoser(RuleSet rules) : m_rules(std::move(rules)) {}

Diagnosis Diagnoser::diagnose(const Report &report, const QList<LogLine> &log) const
{
    const QList<Rule> &rules = m_rules.rules();
    const int ruleCount = int(rules.size());

    // 1. Report facts: which rules apply to this report at all, and the fact-only votes.
    QVarLengthArray<bool, 128> active(ruleCount);
    for (int i = 0; i < ruleCount; ++i)
        active[i] = !rules[i].report || matchesReport(*rules[i].report, report);
    std::array<bool, kCauses> excluded{};
    QList<Vote> votes;
    for (int i : m_rules.reportOnlyRules()) {
        if (!active[i])
            continue;
        if (rules[i].effect == RuleEffect::Exclude) {
            for (Cause c : rules[i].excludes)
                if (int(c) < kCauses)
                    excluded[std::size_t(c)] = true;
        } else if (rules[i].effect == RuleEffect::Evidence) {
            votes.append({i, 0, rules[i].weight});
        }
    }

    // 2. Log signatures: one prefilter pass per line, exact checks only for candidate rules.
    QVarLengthArray<RuleHits, 128> hits(ruleCount);
    QVarLengthArray<int, 128> seenOnLine(ruleCount);
    std::fill(seenOnLine.begin(), seenOnLine.end(), -1);
    const QString &mid = report.message.clientMessageId;
    const bool canAnchor = mid.size() >= 4;
    const LiteralMatcher &index = m_rules.literalIndex();
    const QList<int> &regexOnly = m_rules.regexOnlyRules();
    QVarLengthArray<int, 16> candidates;
    for (qsizetype n = 0; n < log.size(); ++n) {
        const LogLine &line = log[n];
        candidates.clear();
        const int stamp = int(n);
        index.scan(line.message, [&](int rule) {
            if (active[rule] && seenOnLine[rule] != stamp) {
                seenOnLine[rule] = stamp;
                candidates.append(rule);
            }
        });
        for (int rule : regexOnly)
            if (active[rule])
                candidates.append(rule);
        for (int rule : candidates) {
            if (!matchesLine(*rules[rule].log, line))
                continue;
            const int number = line.number > 0 ? line.number : int(n + 1);
            RuleHits &h = hits[rule];
            ++h.count;
            h.last = number;
            if (h.firstAnchored == 0 && canAnchor && line.message.contains(mid))
                h.firstAnchored = number;
        }
    }

    // 3. Recoveries void earlier evidence of their cause that is not about the failed message; log-based
    // exclusions apply like fact-based ones.
    std::array<int, kCauses> recoveredAt{};
    for (int i = 0; i < ruleCount; ++i) {
        if (!rules[i].log || hits[i].count == 0)
            continue;
        if (rules[i].effect == RuleEffect::Recovery)
            recoveredAt[std::size_t(rules[i].cause)] =
                qMax(recoveredAt[std::size_t(rules[i].cause)], hits[i].last);
        else if (rules[i].effect == RuleEffect::Exclude)
            for (Cause c : rules[i].excludes)
                if (int(c) < kCauses)
                    excluded[std::size_t(c)] = true;
    }
    for (int i = 0; i < ruleCount; ++i) {
        const RuleHits &h = hits[i];
        if (!rules[i].log || h.count == 0 || rules[i].effect != RuleEffect::Evidence)
            continue;
        const double repeated = rules[i].weight + kRepeatBonus * qMin(2, h.count - 1);
        if (h.firstAnchored > 0)
            votes.append({i, h.firstAnchored, qMin(0.99, repeated + kAnchorBonus)});
        else if (h.last > recoveredAt[std::size_t(rules[i].cause)])
            votes.append({i, h.last, qMin(0.99, repeated)});
    }

    // 4. Scores: noisy-OR of the independent votes per cause; excluded causes score nothing.
    std::array<double, kCauses> miss{};
    miss.fill(1.0);
    for (const Vote &v : std::as_const(votes))
        miss[std::size_t(rules[v.rule].cause)] *= 1.0 - v.weight;
    std::array<double, kCauses> score{};
    for (int c = 0; c < kCauses; ++c)
        score[std::size_t(c)] = excluded[std::size_t(c)] ? 0.0 : 1.0 - miss[std::size_t(c)];
    std::array<int, kCauses> order{0, 1, 2, 3, 4};
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return score[std::size_t(a)] > score[std::size_t(b)]; });
    const double top = score[std::size_t(order[0])];
    const double second = score[std::size_t(order[1])];
    const double confidence = qBound(0.0, top - kRivalPenalty * second, 1.0);

    Diagnosis d;
    d.rulesVersion = m_rules.version();
    d.confidence = std::round(confidence * 100.0) / 100.0;
    const bool decided = top > 0.0 && confidence >= m_rules.minConfidence();
    d.cause = decided ? static_cast<Cause>(order[0]) : Cause::Unknown;

    // 5. Evidence: the winner's votes, strongest first (all non-excluded votes when undecided).
    std::stable_sort(votes.begin(), votes.end(),
                     [](const Vote &a, const Vote &b) { return a.weight > b.weight; });
    const Vote *strongest = nullptr;
    for (const Vote &v : std::as_const(votes)) {
        const Cause c = rules[v.rule].cause;
        if (excluded[std::size_t(c)] || (decided && c != d.cause) || d.evidence.size() >= kMaxEvidence)
            continue;
        if (!strongest)
            strongest = &v;
        d.evidence.append({v.line, rules[v.rule].id, expandWhy(rules[v.rule].why, report)});
    }
    d.action = decided && strongest ? rules[strongest->rule].action : RecommendedAction::Escalate;
    d.signature = diagnosisSignature(d.cause, report);
    if (decided) {
        d.summary = decidedSummary(d.cause, d.confidence, d.evidence.front().why, d.action, report);
    } else {
        d.summary = undecidedSummary(top > 0.0 ? static_cast<Cause>(order[0]) : Cause::Unknown, top,
                                     second > 0.0 ? static_cast<Cause>(order[1]) : Cause::Unknown, second);
    }
    return d;
}

} // namespace relaydesk

#include "RuleSet.h"

#include "LiteralMatcher.h"

namespace relaydesk {

struct RuleSet::Data
{
    QString version;
    double minConfidence = 0.5;
    QList<Rule> rules;
    LiteralMatcher literals;
    QList<int> regexOnly;
    QList<int> reportOnly;
};

RuleSet::RuleSet() : RuleSet(QString(), 0.5, {}) {}

RuleSet::RuleSet(QString version, double minConfidence, QList<Rule> rules)
{
    auto d = std::make_shared<Data>();
    d->version = std::move(version);
    d->minConfidence = minConfidence;
    d->rules = std::move(rules);
    for (int i = 0; i < d->rules.size(); ++i) {
        Rule &rule = d->rules[i];
        if (!rule.log) {
            d->reportOnly.append(i);
            continue;
        }
        if (rule.log->regex)
            rule.log->regex->optimize();
        if (rule.log->literals.isEmpty())
            d->regexOnly.append(i);
        for (const QString &literal : std::as_const(rule.log->literals))
            d->literals.add(literal, i);
    }
    d->literals.build();
    m_d = std::move(d);
}

const QString &RuleSet::version() const
{
    return m_d->version;
}
double RuleSet::minConfidence() const
{
    return m_d->minConfidence;
}
const QList<Rule> &RuleSet::rules() const
{
    return m_d->rules;
}
const LiteralMatcher &RuleSet::literalIndex() const
{
    return m_d->literals;
}
const QList<int> &RuleSet::regexOnlyRules() const
{
    return m_d->regexOnly;
}
const QList<int> &RuleSet::reportOnlyRules() const
{
    return m_d->reportOnly;
}

} // namespace relaydesk

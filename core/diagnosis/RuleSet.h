#pragma once

#include "Rule.h"

#include "core/Decoded.h"

#include <QByteArray>

#include <memory>

namespace relaydesk {

class LiteralMatcher;

// A validated, compiled set of rules: immutable and cheap to copy (shared), safe to use from many threads.
// Regular expressions are compiled (and JIT-optimised) once here, and the literals of all log rules are
// merged into one prefilter automaton.
class RuleSet final
{
public:
    RuleSet();
    RuleSet(QString version, double minConfidence, QList<Rule> rules);

    const QString &version() const;
    double minConfidence() const; // below it the diagnosis is `unknown`
    const QList<Rule> &rules() const;

    // Indices into rules(): rules with a log condition whose literals are in literalIndex(), and those that
    // have only a regex (tested on every line that passes their level filter).
    const LiteralMatcher &literalIndex() const;
    const QList<int> &regexOnlyRules() const;
    const QList<int> &reportOnlyRules() const;

private:
    struct Data;
    std::shared_ptr<const Data> m_d;
};

// Parses and validates a rules file. Errors name the field path, e.g.
// "rules[3].match.log.regex: invalid regular expression: missing ) at offset 7".
Decoded<RuleSet> loadRules(const QByteArray &json);

// The rules shipped with the application (resources/diagnosis/rules.json, compiled into relaydesk_core).
RuleSet defaultRules();

} // namespace relaydesk

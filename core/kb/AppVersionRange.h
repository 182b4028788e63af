#pragma once

#include <QList>
#include <QString>

#include <optional>

// App-version ranges of KB articles: "" (every version) or space-separated constraints such as
// ">=5.2.0 <5.4.1". Each constraint is an operator (>=, >, <=, <, =) and a dotted version of 1..4 numbers;
// a bare version means "=". Missing components compare as 0 (5.2 == 5.2.0).
namespace relaydesk::kb {

class AppVersionRange final
{
public:
    // Parses a range; nullopt with *error set when malformed.
    static std::optional<AppVersionRange> parse(const QString &text, QString *error = nullptr);
    // Parses a version like "5.3.0" (trailing build suffixes such as "5.3.0-beta2" or "5.3.0 (1234)"
    // ignored).
    static std::optional<QList<int>> parseVersion(const QString &text);

    bool isEmpty() const { return m_constraints.isEmpty(); } // applies to every version
    bool contains(const QList<int> &version) const;
    bool
    contains(const QString &version) const; // false when version does not parse and the range is not empty

private:
    enum class Op
    {
        Less,
        LessEqual,
        Equal,
        GreaterEqual,
        Greater
    };
    struct Constraint
    {
        Op op;
        QList<int> version;
    };
    QList<Constraint> m_constraints;
};

} // namespace relaydesk::kb

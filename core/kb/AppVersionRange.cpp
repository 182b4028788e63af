#include "AppVersionRange.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace relaydesk::kb {
namespace {

constexpr int kMaxComponent = 1000000;

int compareVersions(const QList<int> &a, const QList<int> &b)
{
    const qsizetype n = std::max(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const int x = i < a.size() ? a.at(i) : 0;
        const int y = i < b.size() ? b.at(i) : 0;
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

std::optional<QList<int>> parseDotted(QStringView text)
{
    const QList<QStringView> parts = text.split(u'.');
    if (parts.isEmpty() || parts.size() > 4)
        return std::nullopt;
    QList<int> out;
    for (QStringView part : parts) {
        if (part.isEmpty() || part.size() > 7)
            return std::nullopt;
        for (QChar c : part) {
            if (c < u'0' || c > u'9')
                return std::nullopt;
        }
        const int value = part.toInt();
        if (value > kMaxComponent)
            return std::nullopt;
        out << value;
    }
    return out;
}

} // namespace

std::optional<AppVersionRange> AppVersionRange::parse(const QString &text, QString *error)
{
    AppVersionRange range;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    if (words.size() > 4) {
        if (error)
            *error = u"at most 4 constraints"_s;
        return std::nullopt;
    }
    for (const QString &word : words) {
        QStringView rest(word);
        Op op = Op::Equal;
        if (rest.startsWith(u">="))
            op = Op::GreaterEqual, rest = rest.mid(2);
        else if (rest.startsWith(u"<="))
            op = Op::LessEqual, rest = rest.mid(2);
        else if (rest.startsWith(u'>'))
            op = Op::Greater, rest = rest.mid(1);
        else if (rest.startsWith(u'<'))
            op = Op::Less, rest = rest.mid(1);
        else if (rest.startsWith(u'='))
            rest = rest.mid(1);
        const std::optional<QList<int>> version = parseDotted(rest);
        if (!version) {
            if (error)
                *error = u"'%1' is not a constraint like >=5.2.0 or <5.4.1"_s.arg(word);
            return std::nullopt;
        }
        range.m_constraints << Constraint{op, *version};
    }
    return range;
}

std::optional<QList<int>> AppVersionRange::parseVersion(const QString &text)
{
    static const QRegularExpression leading(u"^\\s*v?(\\d+(?:\\.\\d+){0,3})"_s);
    const QRegularExpressionMatch m = leading.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return parseDotted(m.capturedView(1));
}

bool AppVersionRange::contains(const QList<int> &version) const
{
    for (const Constraint &c : m_constraints) {
        const int cmp = compareVersions(version, c.version);
        bool ok = false;
        switch (c.op) {
        case Op::Less:
            ok = cmp < 0;
            break;
        case Op::LessEqual:
            ok = cmp <= 0;
            break;
        case Op::Equal:
            ok = cmp == 0;
            break;
        case Op::GreaterEqual:
            ok = cmp >= 0;
            break;
        case Op::Greater:
            ok = cmp > 0;
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

bool AppVersionRange::contains(const QString &version) const
{
    if (isEmpty())
        return true;
    const std::optional<QList<int>> v = parseVersion(version);
    return v && contains(*v);
}

} // namespace relaydesk::kb

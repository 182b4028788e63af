#include "RuleSet.h"

#include <QAnyStringView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

// loadRules(): strict validation of the rules file (docs/diagnosis-rules.md), every error names its path.
namespace relaydesk {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kMaxFileBytes = 1024 * 1024;
constexpr qsizetype kMaxRules = 1000;
constexpr qsizetype kMaxListEntries = 64;
constexpr qsizetype kMaxLiteral = 256;
constexpr qsizetype kMaxPattern = 2048;
constexpr qsizetype kMaxWhy = 512;
constexpr qsizetype kMaxId = 64;

constexpr std::array<const char *, 6> kLevels{"verbose", "debug", "info", "warning", "error", "fatal"};

// Reads one JSON object, recording the first error with its full path.
class Reader final
{
public:
    Reader(const QJsonObject &object, QString path, std::optional<DecodeError> &error)
        : m_object(object), m_path(std::move(path)), m_error(error)
    {}

    QString pathOf(QAnyStringView key) const
    {
        return m_path.isEmpty() ? key.toString() : m_path + u'.' + key.toString();
    }
    bool ok() const { return !m_error.has_value(); }
    void fail(const QString &path, const QString &message)
    {
        if (ok())
            m_error = DecodeError{path, message};
    }
    void failKey(QAnyStringView key, const QString &message) { fail(pathOf(key), message); }
    bool has(QLatin1StringView key) const { return m_object.contains(key) && !m_object.value(key).isNull(); }

    void allowOnly(std::initializer_list<const char *> keys)
    {
        QStringList names;
        for (const char *k : keys)
            names << QString::fromLatin1(k);
        for (auto it = m_object.constBegin(); it != m_object.constEnd() && ok(); ++it) {
            if (!names.contains(it.key()) && it.key() != "comment"_L1)
                failKey(it.key(), u"unknown key (expected one of: %1)"_s.arg(names.join(u", "_s)));
        }
    }

    QString string(QLatin1StringView key, qsizetype maxLength, bool required = true)
    {
        if (!ok())
            return {};
        if (!has(key)) {
            if (required)
                failKey(key, u"is required"_s);
            return {};
        }
        const QJsonValue v = m_object.value(key);
        if (!v.isString()) {
            failKey(key, u"must be a string"_s);
            return {};
        }
        return checkString(pathOf(key), v.toString(), maxLength);
    }

    QString checkString(const QString &path, const QString &s, qsizetype maxLength)
    {
        if (s.isEmpty())
            fail(path, u"must not be empty"_s);
        else if (s.size() > maxLength)
            fail(path, u"is too long (%1 characters, at most %2)"_s.arg(s.size()).arg(maxLength));
        return ok() ? s : QString();
    }

    // A string or an array of strings.
    QStringList strings(QLatin1StringView key, qsizetype maxLength)
    {
        if (!ok() || !has(key))
            return {};
        const QJsonValue v = m_object.value(key);
        if (v.isString())
            return {checkString(pathOf(key), v.toString(), maxLength)};
        if (!v.isArray()) {
            failKey(key, u"must be a string or an array of strings"_s);
            return {};
        }
        const QJsonArray array = v.toArray();
        if (array.isEmpty() || array.size() > kMaxListEntries) {
            failKey(key, u"must hold 1 to %1 entries"_s.arg(kMaxListEntries));
            return {};
        }
        QStringList out;
        for (qsizetype i = 0; i < array.size() && ok(); ++i) {
            const QString path = pathOf(key) + u"[%1]"_s.arg(i);
            if (!array.at(i).isString())
                fail(path, u"must be a string"_s);
            else
                out << checkString(path, array.at(i).toString(), maxLength);
        }
        return out;
    }

    template <typename E> QList<E> enums(QLatin1StringView key)
    {
        QList<E> out;
        const QStringList names = strings(key, 64);
        for (qsizetype i = 0; i < names.size() && ok(); ++i) {
            if (auto e = fromWire<E>(names[i]); e && *e != E::Count)
                out << *e;
            else
                fail(pathOf(key) +
                         (names.size() > 1 || m_object.value(key).isArray() ? u"[%1]"_s.arg(i) : QString()),
                     u"unknown value \"%1\" (expected one of: %2)"_s.arg(names[i].left(64),
                                                                         wireNames<E>().join(u", "_s)));
        }
        return out;
    }

    double number(QLatin1StringView key, double min, double max, double fallback, bool required)
    {
        if (!ok())
            return fallback;
        if (!has(key)) {
            if (required)
                failKey(key, u"is required"_s);
            return fallback;
        }
        const QJsonValue v = m_object.value(key);
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || !std::isfinite(d) || d < min || d > max) {
            failKey(key, u"must be a number between %1 and %2"_s.arg(min).arg(max));
            return fallback;
        }
        return d;
    }

    std::optional<QRegularExpression> regex(QLatin1StringView key, bool ignoreCase)
    {
        const QString pattern = string(key, kMaxPattern, false);
        if (!ok() || pattern.isEmpty())
            return std::nullopt;
        QRegularExpression::PatternOptions options = QRegularExpression::DontCaptureOption;
        if (ignoreCase)
            options |= QRegularExpression::CaseInsensitiveOption;
        QRegularExpression re(pattern, options);
        if (!re.isValid()) {
            failKey(key, u"invalid regular expression: %1 at offset %2"_s.arg(re.errorString())
                             .arg(re.patternErrorOffset()));
            return std::nullopt;
        }
        return re;
    }

    std::optional<Reader> child(QLatin1StringView key, bool required)
    {
        if (!ok())
            return std::nullopt;
        if (!has(key)) {
            if (required)
                failKey(key, u"is required"_s);
            return std::nullopt;
        }
        const QJsonValue v = m_object.value(key);
        if (!v.isObject()) {
            failKey(key, u"must be an object"_s);
            return std::nullopt;
        }
        return Reader(v.toObject(), pathOf(key), m_error);
    }

    const QJsonObject &object() const { return m_object; }

private:
    QJsonObject m_object;
    QString m_path;
    std::optional<DecodeError> &m_error;
};

QList<std::pair<int, int>> readStatuses(Reader &r)
{
    QList<std::pair<int, int>> out;
    const auto key = "http_status"_L1;
    if (!r.has(key))
        return out;
    const QJsonValue v = r.object().value(key);
    const QJsonArray array = v.isArray() ? v.toArray() : QJsonArray{v};
    if (array.isEmpty() || array.size() > kMaxListEntries) {
        r.failKey(key, u"must hold 1 to %1 entries"_s.arg(kMaxListEntries));
        return out;
    }
    static const QRegularExpression range(u"^(\\d{1,3})(?:-(\\d{1,3}))?$"_s);
    for (qsizetype i = 0; i < array.size() && r.ok(); ++i) {
        const QString path = r.pathOf(key) + (v.isArray() ? u"[%1]"_s.arg(i) : QString());
        const QJsonValue e = array.at(i);
        int low = -1;
        int high = -1;
        if (e.isDouble() && e.toDouble() == std::floor(e.toDouble()) && std::abs(e.toDouble()) < 1e6) {
            low = high = int(e.toDouble());
        } else if (e.isString()) {
            const auto m = range.match(e.toString());
            if (m.hasMatch()) {
                low = m.capturedView(1).toInt();
                high = m.hasCaptured(2) ? m.capturedView(2).toInt() : low;
            }
        }
        if (low < 0 || high > 599 || low > high || (low != 0 && low < 100))
            r.fail(path, u"must be a status (0 or 100-599) or a range \"LOW-HIGH\""_s);
        else
            out.append({low, high});
    }
    return out;
}

ReportCondition readReport(Reader &r)
{
    r.allowOnly(
        {"http_status", "error_code", "error_code_not", "endpoint", "error_message", "network", "platform"});
    ReportCondition c;
    c.httpStatus = readStatuses(r);
    c.errorCodes = r.strings("error_code"_L1, 128);
    c.errorCodesNot = r.strings("error_code_not"_L1, 128);
    c.endpoints = r.strings("endpoint"_L1, 512);
    c.errorMessage = r.regex("error_message"_L1, true);
    c.networks = r.enums<NetworkType>("network"_L1);
    c.platforms = r.enums<Platform>("platform"_L1);
    if (r.ok() && r.object().isEmpty())
        r.fail(r.pathOf(u""_s).chopped(1), u"must hold at least one condition"_s);
    return c;
}

LogCondition readLog(Reader &r)
{
    r.allowOnly({"literal", "regex", "ignore_case", "tag", "min_level"});
    LogCondition c;
    if (r.has("ignore_case"_L1)) {
        if (!r.object().value("ignore_case"_L1).isBool())
            r.failKey(u"ignore_case"_s, u"must be true or false"_s);
        c.ignoreCase = r.object().value("ignore_case"_L1).toBool();
    }
    c.literals = r.strings("literal"_L1, kMaxLiteral);
    c.regex = r.regex("regex"_L1, c.ignoreCase);
    c.tags = r.strings("tag"_L1, 128);
    const QString level = r.string("min_level"_L1, 16, false);
    if (r.ok() && !level.isEmpty()) {
        const auto it = std::find_if(kLevels.begin(), kLevels.end(),
                                     [&](const char *n) { return level == QLatin1StringView(n); });
        if (it == kLevels.end())
            r.failKey(
                u"min_level"_s,
                u"unknown value \"%1\" (expected one of: verbose, debug, info, warning, error, fatal)"_s.arg(
                    level.left(16)));
        else
            c.minLevel = static_cast<LogLevel>(int(LogLevel::Verbose) + int(it - kLevels.begin()));
    }
    if (r.ok() && c.literals.isEmpty() && !c.regex)
        r.fail(r.pathOf(u"literal"_s), u"a log condition needs a literal or a regex"_s);
    return c;
}

Rule readRule(Reader &r, QSet<QString> &ids)
{
    r.allowOnly({"id", "effect", "cause", "excludes", "action", "weight", "why", "match"});
    Rule rule;
    static const QRegularExpression idPattern(u"^[A-Za-z0-9][A-Za-z0-9._-]*$"_s);
    rule.id = r.string("id"_L1, kMaxId);
    if (r.ok() && !idPattern.match(rule.id).hasMatch())
        r.failKey(u"id"_s, u"may only hold letters, digits, '.', '_' and '-'"_s);
    if (r.ok() && ids.contains(rule.id))
        r.failKey(u"id"_s, u"duplicate id \"%1\""_s.arg(rule.id));
    ids.insert(rule.id);

    const QString effect = r.string("effect"_L1, 16, false);
    if (effect == "exclude"_L1)
        rule.effect = RuleEffect::Exclude;
    else if (effect == "recovery"_L1)
        rule.effect = RuleEffect::Recovery;
    else if (!effect.isEmpty() && effect != "evidence"_L1)
        r.failKey(u"effect"_s, u"unknown value \"%1\" (expected one of: evidence, exclude, recovery)"_s.arg(
                                   effect.left(16)));

    const bool evidence = rule.effect == RuleEffect::Evidence;
    if (rule.effect != RuleEffect::Exclude || r.has("cause"_L1)) {
        const QList<Cause> cause = r.enums<Cause>("cause"_L1);
        if (r.ok() && (cause.size() != 1 || cause.front() == Cause::Unknown))
            r.failKey(u"cause"_s, u"must be one of: network, server, client, policy, user"_s);
        if (r.ok())
            rule.cause = cause.front();
    }
    if (rule.effect == RuleEffect::Exclude) {
        rule.excludes = r.enums<Cause>("excludes"_L1);
        if (r.ok() && rule.excludes.isEmpty())
            r.failKey(u"excludes"_s, u"is required for an exclude rule"_s);
    }
    if (evidence) {
        const QString action = r.string("action"_L1, 32);
        if (r.ok()) {
            if (auto a = fromWire<RecommendedAction>(action))
                rule.action = *a;
            else
                r.failKey(u"action"_s, u"unknown value \"%1\" (expected one of: %2)"_s.arg(
                                           action, wireNames<RecommendedAction>().join(u", "_s)));
        }
        rule.weight = r.number("weight"_L1, 0.01, 1.0, 0.5, true);
        rule.why = r.string("why"_L1, kMaxWhy);
    } else {
        rule.why = r.string("why"_L1, kMaxWhy, false);
    }

    if (auto match = r.child("match"_L1, true)) {
        match->allowOnly({"report", "log"});
        if (auto report = match->child("report"_L1, false))
            rule.report = readReport(*report);
        if (auto log = match->child("log"_L1, false))
            rule.log = readLog(*log);
        if (r.ok() && !rule.report && !rule.log)
            r.failKey(u"match"_s, u"needs a \"report\" or a \"log\" condition"_s);
        if (r.ok() && rule.effect == RuleEffect::Recovery && !rule.log)
            match->failKey(u"log"_s, u"is required for a recovery rule"_s);
    }
    return rule;
}

} // namespace

Decoded<RuleSet> loadRules(const QByteArray &json)
{
    if (json.size() > kMaxFileBytes)
        return DecodeError{
            {}, u"the rules file is too large (%1 bytes, at most %2)"_s.arg(json.size()).arg(kMaxFileBytes)};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return DecodeError{
            {}, u"invalid JSON at offset %1: %2"_s.arg(parseError.offset).arg(parseError.errorString())};
    if (!doc.isObject())
        return DecodeError{{}, u"the rules file must be a JSON object"_s};

    std::optional<DecodeError> error;
    Reader r(doc.object(), QString(), error);
    r.allowOnly({"version", "description", "min_confidence", "rules"});
    const QString version = r.string("version"_L1, 32);
    static const QRegularExpression versionPattern(u"^\\d{4}\\.\\d{1,2}\\.\\d{1,4}$"_s);
    if (r.ok() && !versionPattern.match(version).hasMatch())
        r.failKey(u"version"_s, u"must look like YEAR.MONTH.N, e.g. 2026.11.1"_s);
    r.string("description"_L1, 4096, false);
    const double minConfidence = r.number("min_confidence"_L1, 0.0, 1.0, 0.5, false);

    QList<Rule> rules;
    if (r.ok()) {
        const QJsonValue v = doc.object().value("rules"_L1);
        if (!v.isArray())
            r.failKey(u"rules"_s, v.isUndefined() || v.isNull() ? u"is required"_s : u"must be an array"_s);
        const QJsonArray array = v.toArray();
        if (r.ok() && (array.isEmpty() || array.size() > kMaxRules))
            r.failKey(u"rules"_s, u"must hold 1 to %1 rules"_s.arg(kMaxRules));
        QSet<QString> ids;
        for (qsizetype i = 0; i < array.size() && r.ok(); ++i) {
            const QString path = u"rules[%1]"_s.arg(i);
            if (!array.at(i).isObject()) {
                r.fail(path, u"must be an object"_s);
                break;
            }
            Reader rule(array.at(i).toObject(), path, error);
            rules.append(readRule(rule, ids));
        }
        if (r.ok() && std::none_of(rules.cbegin(), rules.cend(),
                                   [](const Rule &x) { return x.effect == RuleEffect::Evidence; }))
            r.failKey(u"rules"_s, u"needs at least one evidence rule"_s);
    }
    if (error)
        return *error;
    return RuleSet(version, minConfidence, std::move(rules));
}

} // namespace relaydesk

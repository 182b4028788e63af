#include "DiagnosisCodec.h"

#include "core/JsonReader.h"

#include <QJsonArray>

#include <array>
#include <cmath>
#include <limits>

namespace relaydesk {

using namespace Qt::StringLiterals;

namespace {

constexpr std::array<const char *, 8> kActions{
    "retry",       "wait_and_retry",       "reroute",          "reply_guidance",
    "ask_upgrade", "escalate_engineering", "trust_and_safety", "escalate"};
static_assert(kActions.size() == std::size_t(RecommendedAction::Count));
constexpr qsizetype kMaxEvidence = 64;

} // namespace

QString toWire(RecommendedAction v)
{
    const auto i = std::size_t(v);
    return i < kActions.size() ? QString::fromLatin1(kActions[i]) : QString();
}

template <> std::optional<RecommendedAction> fromWire<RecommendedAction>(const QString &name)
{
    for (std::size_t i = 0; i < kActions.size(); ++i)
        if (name == QLatin1StringView(kActions[i]))
            return static_cast<RecommendedAction>(i);
    return std::nullopt;
}

QJsonObject encodeDiagnosis(const Diagnosis &d)
{
    QJsonArray evidence;
    for (const Evidence &e : d.evidence)
        evidence.append(QJsonObject{{"line"_L1, e.line}, {"rule"_L1, e.rule}, {"why"_L1, e.why}});
    return {{"cause"_L1, toWire(d.cause)},       {"confidence"_L1, d.confidence},
            {"summary"_L1, d.summary},           {"evidence"_L1, evidence},
            {"action"_L1, toWire(d.action)},     {"signature"_L1, d.signature},
            {"rules_version"_L1, d.rulesVersion}};
}

Decoded<Diagnosis> decodeDiagnosis(const QJsonObject &json)
{
    JsonReader r(json);
    Diagnosis d;
    d.cause = r.requiredEnum<Cause>("cause"_L1);
    if (r.ok()) {
        const QJsonValue c = json.value("confidence"_L1);
        const double v = c.toDouble(std::nan(""));
        if (c.isUndefined() || c.isNull())
            r.fail("confidence"_L1, u"is required"_s);
        else if (!c.isDouble() || !std::isfinite(v) || v < 0.0 || v > 1.0)
            r.fail("confidence"_L1, u"must be a number between 0 and 1"_s);
        d.confidence = v;
    }
    d.summary = r.requiredString("summary"_L1, 4096);
    d.action = r.requiredEnum<RecommendedAction>("action"_L1);
    d.signature = r.requiredString("signature"_L1, 1024);
    d.rulesVersion = r.requiredString("rules_version"_L1, 64, true);
    if (!r.ok())
        return r.error();

    const QJsonValue ev = json.value("evidence"_L1);
    if (!ev.isArray())
        return DecodeError{u"evidence"_s,
                           ev.isUndefined() || ev.isNull() ? u"is required"_s : u"must be an array"_s};
    const QJsonArray array = ev.toArray();
    if (array.size() > kMaxEvidence)
        return DecodeError{u"evidence"_s, u"holds too many entries (at most %1)"_s.arg(kMaxEvidence)};
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = u"evidence[%1]"_s.arg(i);
        if (!array.at(i).isObject())
            return DecodeError{path, u"must be an object"_s};
        JsonReader e(array.at(i).toObject());
        Evidence item;
        item.line = int(e.requiredInt("line"_L1, 0, std::numeric_limits<int>::max()));
        item.rule = e.requiredString("rule"_L1, 128);
        item.why = e.requiredString("why"_L1, 1024);
        if (!e.ok())
            return DecodeError{path + u'.' + e.error().path, e.error().message};
        d.evidence.append(item);
    }
    return d;
}

} // namespace relaydesk

#include "server/Tier1Config.h"


#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

template <typename E>
void readSet(const QJsonObject &object, QLatin1StringView key, const QString &path, QSet<E> *out,
             std::optional<DecodeError> *error)
{
    if (error->has_value() || !object.contains(key))
        return;
    const QString where = path.isEmpty() ? QString(key) : path + u'.' + key;
    if (!object.value(key).isArray()) {
        *error = DecodeError{where, u"must be an array of names"_s};
        return;
    }
    QSet<E> values;
    const QJsonArray array = object.value(key).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const auto value = fromWire<E>(array.at(i).toString());
        if (!value) {
            *error = DecodeError{u"%1[%2]"_s.arg(where).arg(i),
                                 u"unknown value (expected one of: %1)"_s.arg(wireNames<E>().join(u", "_s))};
            return;
        }
        values.insert(*value);
    }
    *out = values;
}

} // namespace

Decoded<Tier1Config> Tier1Config::parse(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return DecodeError{{}, parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                            : u"must be a JSON object"_s};
    const QJsonObject root = document.object();
    Tier1Config c;
    std::optional<DecodeError> error;
    const auto number = [&](const QJsonObject &object, QLatin1StringView key, const QString &path, double min,
                            double max, double fallback) {
        if (error || !object.contains(key))
            return fallback;
        const QJsonValue v = object.value(key);
        if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max) {
            error = DecodeError{path + key, u"must be a number in [%1, %2]"_s.arg(min).arg(max)};
            return fallback;
        }
        return v.toDouble();
    };
    c.minConfidence = number(root, "min_confidence"_L1, {}, 0, 1, c.minConfidence);
    const QJsonObject retry = root.value("retry"_L1).toObject();
    c.maxAttempts = int(number(retry, "max_attempts"_L1, u"retry."_s, 1, 100, c.maxAttempts));
    c.baseDelayMs = qint64(number(retry, "base_delay_ms"_L1, u"retry."_s, 0, 3.6e6, double(c.baseDelayMs)));
    c.maxDelayMs = qint64(number(retry, "max_delay_ms"_L1, u"retry."_s, 0, 3.6e6, double(c.maxDelayMs)));
    c.jitter = number(retry, "jitter"_L1, u"retry."_s, 0, 1, c.jitter);
    c.maxRetryAfterMs =
        qint64(number(retry, "max_retry_after_ms"_L1, u"retry."_s, 0, 8.64e7, double(c.maxRetryAfterMs)));
    c.timeoutMs = qint64(number(root, "gateway_timeout_ms"_L1, {}, 100, 600000, double(c.timeoutMs)));
    const QJsonObject dispatch = root.value("dispatch"_L1).toObject();
    c.maxInFlightPerRegion =
        int(number(dispatch, "max_in_flight_per_region"_L1, u"dispatch."_s, 1, 256, c.maxInFlightPerRegion));
    const QJsonObject circuit = root.value("circuit_breaker"_L1).toObject();
    c.circuitFailureThreshold =
        int(number(circuit, "failure_threshold"_L1, u"circuit_breaker."_s, 1, 1000, c.circuitFailureThreshold));
    c.circuitCoolDownMs =
        qint64(number(circuit, "cool_down_ms"_L1, u"circuit_breaker."_s, 0, 8.64e7, double(c.circuitCoolDownMs)));
    const QJsonObject resend = root.value("auto_resend"_L1).toObject();
    readSet(resend, "causes"_L1, u"auto_resend"_s, &c.resendCauses, &error);
    readSet(resend, "actions"_L1, u"auto_resend"_s, &c.resendActions, &error);
    const QJsonObject reply = root.value("auto_reply"_L1).toObject();
    readSet(reply, "causes"_L1, u"auto_reply"_s, &c.replyCauses, &error);
    readSet(reply, "actions"_L1, u"auto_reply"_s, &c.replyActions, &error);
    if (error)
        return *error;
    if (reply.contains("templates"_L1))
        c.repliesFile = reply.value("templates"_L1).toString();
    if (root.contains("regions"_L1)) {
        if (!root.value("regions"_L1).isArray())
            return DecodeError{u"regions"_s, u"must be an array of region names"_s};
        c.regions.clear();
        for (const QJsonValue &v : root.value("regions"_L1).toArray()) {
            if (!v.isString() || v.toString().isEmpty())
                return DecodeError{u"regions"_s, u"must be an array of region names"_s};
            c.regions.append(v.toString());
        }
    }
    return c;
}

qint64 Tier1Config::backoffMs(int nextAttempt, double unit) const
{
    const int exponent = qBound(0, nextAttempt - 2, 30);
    const double plain = qMin(double(maxDelayMs), double(baseDelayMs) * std::pow(2.0, exponent));
    const double factor = 1.0 + jitter * (2.0 * unit - 1.0);
    return qMax<qint64>(0, qint64(plain * factor));
}

} // namespace relaydesk::server

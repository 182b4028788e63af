#pragma once

#include "DecodeError.h"
#include "Enums.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace relaydesk {

// Strict, path-aware reading of a JSON object. The first problem is recorded (with the full field path)
// and every later read returns a default, so decoders read straight through and check ok() once.
// Unknown keys are ignored: the contract may only be extended compatibly.
class JsonReader final
{
public:
    explicit JsonReader(const QJsonObject &object);

    bool ok() const { return !m_error->has_value(); }
    DecodeError error() const { return m_error->value_or(DecodeError{}); }

    // Strings: the key must hold a JSON string no longer than maxLength UTF-16 code units.
    QString requiredString(QLatin1StringView key, qsizetype maxLength, bool allowEmpty = false);
    QString optionalString(QLatin1StringView key, qsizetype maxLength);
    // Integers: JSON numbers without fraction inside [min, max].
    qint64 requiredInt(QLatin1StringView key, qint64 min, qint64 max);
    qint64 optionalInt(QLatin1StringView key, qint64 min, qint64 max, qint64 fallback);
    // RFC 3339 date-time with an explicit offset or Z.
    QDateTime requiredTime(QLatin1StringView key);
    QDateTime optionalTime(QLatin1StringView key);
    // Child object; a missing or mistyped one records an error and yields an empty reader.
    JsonReader object(QLatin1StringView key);
    std::optional<JsonReader> optionalObject(QLatin1StringView key);
    QJsonObject rawObject(QLatin1StringView key); // optional, any content
    bool has(QLatin1StringView key) const { return m_object.contains(key); }

    template <typename E> E requiredEnum(QLatin1StringView key)
    {
        const QString name = requiredString(key, 64);
        return toEnum<E>(key, name, E{});
    }
    template <typename E> E optionalEnum(QLatin1StringView key, E fallback)
    {
        if (!m_object.contains(key) || m_object.value(key).isNull())
            return fallback;
        const QString name = requiredString(key, 64);
        return toEnum<E>(key, name, fallback);
    }

    void fail(QLatin1StringView key, const QString &message);
    QString pathOf(QLatin1StringView key) const;

private:
    JsonReader(const QJsonObject &object, QString path, std::shared_ptr<std::optional<DecodeError>> error);

    template <typename E> E toEnum(QLatin1StringView key, const QString &name, E fallback)
    {
        if (!ok())
            return fallback;
        if (auto value = fromWire<E>(name))
            return *value;
        fail(key, QStringLiteral("unknown value \"%1\" (expected one of: %2)")
                      .arg(name.left(64), wireNames<E>().join(QStringLiteral(", "))));
        return fallback;
    }
    bool present(QLatin1StringView key, bool required);

    QJsonObject m_object;
    QString m_path;
    std::shared_ptr<std::optional<DecodeError>> m_error;
};

// RFC 3339 helpers shared by codecs: parse requires an offset; format always writes UTC with milliseconds.
std::optional<QDateTime> parseRfc3339(const QString &text);
QString formatRfc3339(const QDateTime &time);

} // namespace relaydesk

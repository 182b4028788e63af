#include "JsonReader.h"

#include <QRegularExpression>

#include <cmath>

namespace relaydesk {

JsonReader::JsonReader(const QJsonObject &object)
    : JsonReader(object, QString(), std::make_shared<std::optional<DecodeError>>())
{
}

JsonReader::JsonReader(const QJsonObject &object, QString path, std::shared_ptr<std::optional<DecodeError>> error)
    : m_object(object), m_path(std::move(path)), m_error(std::move(error))
{
}

QString JsonReader::pathOf(QLatin1StringView key) const
{
    return m_path.isEmpty() ? QString(key) : m_path + QLatin1Char('.') + key;
}

void JsonReader::fail(QLatin1StringView key, const QString &message)
{
    if (ok())
        *m_error = DecodeError{pathOf(key), message};
}

bool JsonReader::present(QLatin1StringView key, bool required)
{
    if (!ok())
        return false;
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd() || it->isNull() || it->isUndefined()) {
        if (required)
            fail(key, QStringLiteral("is required"));
        return false;
    }
    return true;
}

static QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    default: return QStringLiteral("null");
    }
}

// The index of the first UTF-16 surrogate that is not half of a pair, -1 when there is none.
static qsizetype loneSurrogate(const QString &s)
{
    const QChar *data = s.constData();
    const qsizetype size = s.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = data[i].unicode();
        if (c < 0xD800 || c > 0xDFFF)
            continue;
        if (c <= 0xDBFF && i + 1 < size && QChar::isLowSurrogate(data[i + 1].unicode())) {
            ++i;
            continue;
        }
        return i;
    }
    return -1;
}

QString JsonReader::requiredString(QLatin1StringView key, qsizetype maxLength, bool allowEmpty)
{
    if (!present(key, true))
        return {};
    const QJsonValue v = m_object.value(key);
    if (!v.isString()) {
        fail(key, QStringLiteral("must be a string, got %1").arg(typeName(v)));
        return {};
    }
    QString s = v.toString();
    if (s.size() > maxLength) {
        fail(key, QStringLiteral("is too long (%1 characters, at most %2)").arg(s.size()).arg(maxLength));
        return {};
    }
    if (!allowEmpty && s.trimmed().isEmpty()) {
        fail(key, QStringLiteral("must not be empty"));
        return {};
    }
    // A lone UTF-16 surrogate ("\ud800" in the JSON) is not text: stored as UTF-8 it would turn into a
    // replacement character, and two different values would become one.
    if (const qsizetype at = loneSurrogate(s); at >= 0) {
        fail(key, QStringLiteral("contains an unpaired UTF-16 surrogate at character %1").arg(at));
        return {};
    }
    return s;
}

QString JsonReader::optionalString(QLatin1StringView key, qsizetype maxLength)
{
    // Absent is "", never a null QString: the stores bind a null string as SQL NULL, and the optional text
    // columns are NOT NULL ('' when not given).
    if (!present(key, false))
        return QStringLiteral("");
    const QString value = requiredString(key, maxLength, true);
    return value.isNull() ? QStringLiteral("") : value;
}

qint64 JsonReader::requiredInt(QLatin1StringView key, qint64 min, qint64 max)
{
    if (!present(key, true))
        return min;
    const QJsonValue v = m_object.value(key);
    if (!v.isDouble()) {
        fail(key, QStringLiteral("must be an integer, got %1").arg(typeName(v)));
        return min;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d) {
        fail(key, QStringLiteral("must be an integer"));
        return min;
    }
    if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
        fail(key, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return min;
    }
    return static_cast<qint64>(d);
}

qint64 JsonReader::optionalInt(QLatin1StringView key, qint64 min, qint64 max, qint64 fallback)
{
    if (!present(key, false))
        return fallback;
    return requiredInt(key, min, max);
}

QDateTime JsonReader::requiredTime(QLatin1StringView key)
{
    const QString text = requiredString(key, 64);
    if (!ok())
        return {};
    if (auto t = parseRfc3339(text))
        return *t;
    fail(key, QStringLiteral("must be an RFC 3339 date-time with offset, e.g. 2026-03-17T16:13:38Z"));
    return {};
}

QDateTime JsonReader::optionalTime(QLatin1StringView key)
{
    if (!present(key, false))
        return {};
    return requiredTime(key);
}

JsonReader JsonReader::object(QLatin1StringView key)
{
    if (present(key, true)) {
        const QJsonValue v = m_object.value(key);
        if (v.isObject())
            return JsonReader(v.toObject(), pathOf(key), m_error);
        fail(key, QStringLiteral("must be an object, got %1").arg(typeName(v)));
    }
    return JsonReader(QJsonObject(), pathOf(key), m_error);
}

std::optional<JsonReader> JsonReader::optionalObject(QLatin1StringView key)
{
    if (!present(key, false))
        return std::nullopt;
    return object(key);
}

QJsonObject JsonReader::rawObject(QLatin1StringView key)
{
    if (!present(key, false))
        return {};
    const QJsonValue v = m_object.value(key);
    if (!v.isObject()) {
        fail(key, QStringLiteral("must be an object, got %1").arg(typeName(v)));
        return {};
    }
    return v.toObject();
}

std::optional<QDateTime> parseRfc3339(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$)"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt());
    int ms = 0;
    if (m.hasCaptured(7)) {
        const QString frac = (m.captured(7) + QStringLiteral("00")).left(3);
        ms = frac.toInt();
    }
    const QTime time(m.capturedView(4).toInt(), m.capturedView(5).toInt(), m.capturedView(6).toInt(), ms);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    int offsetSeconds = 0;
    const QStringView zone = m.capturedView(8);
    if (zone.size() == 6) {
        const int hours = zone.mid(1, 2).toInt();
        const int minutes = zone.mid(4, 2).toInt();
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        offsetSeconds = (hours * 3600 + minutes * 60) * (zone.front() == QLatin1Char('-') ? -1 : 1);
    }
    QDateTime dt(date, time, Qt::OffsetFromUTC, offsetSeconds);
    if (!dt.isValid())
        return std::nullopt;
    dt = dt.toUTC();
    // formatRfc3339 writes UTC with four year digits: an instant outside 0001-9999 UTC could be accepted
    // but never written back in a form this parser (or a console) reads.
    if (dt.date().year() < 1 || dt.date().year() > 9999)
        return std::nullopt;
    return dt;
}

QString formatRfc3339(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

} // namespace relaydesk

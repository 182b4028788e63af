#include "server/TelemetryBatch.h"

#include "core/JsonReader.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

std::optional<qint64> integer(const QJsonValue &v, qint64 max)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 0 || d > double(max) || d != double(qint64(d)))
        return std::nullopt;
    return qint64(d);
}

} // namespace

Decoded<TelemetryBatch> TelemetryBatch::decode(const QJsonObject &body, qint64 now)
{
    const QJsonValue minutes = body.value("minutes"_L1);
    if (!minutes.isArray())
        return DecodeError{u"minutes"_s, u"must be an array"_s};
    const QJsonArray array = minutes.toArray();
    if (array.size() > kMaxRows)
        return DecodeError{u"minutes"_s, u"at most %1 rows per request"_s.arg(kMaxRows)};
    static const QRegularExpression regionName(u"^[a-z0-9_-]{1,64}$"_s);
    TelemetryBatch batch;
    QHash<std::pair<QString, qint64>, qsizetype> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = u"minutes[%1]"_s.arg(i);
        if (!array.at(i).isObject())
            return DecodeError{path, u"must be an object"_s};
        const QJsonObject row = array.at(i).toObject();
        const QJsonValue at = row.value("at"_L1);
        const auto time = at.isString() ? parseRfc3339(at.toString()) : std::nullopt;
        if (!time)
            return DecodeError{path + u".at"_s, u"must be an RFC 3339 time with an offset"_s};
        const qint64 minute = time->toMSecsSinceEpoch();
        if (minute % kMinuteMs != 0)
            return DecodeError{path + u".at"_s, u"must be on a whole minute (seconds 0)"_s};
        if (minute < now - kMaxAgeMs || minute > now + kMaxAheadMs)
            return DecodeError{path + u".at"_s,
                               u"must be within the last 48 hours (and at most 5 minutes ahead)"_s};
        const QJsonValue region = row.value("region"_L1);
        if (!region.isString() || !regionName.match(region.toString()).hasMatch())
            return DecodeError{path + u".region"_s, u"must be 1-64 characters of a-z, 0-9, _ and -"_s};
        const auto sent = integer(row.value("sent"_L1), kMaxCount);
        if (!sent)
            return DecodeError{path + u".sent"_s, u"must be an integer from 0 to %1"_s.arg(kMaxCount)};
        const auto failed = integer(row.value("failed"_L1), kMaxCount);
        if (!failed || *failed > *sent)
            return DecodeError{path + u".failed"_s, u"must be an integer from 0 to sent"_s};
        TelemetrySample sample{region.toString(), minute, *sent, *failed};
        const auto key = std::pair(sample.region, minute);
        if (const auto it = seen.constFind(key); it != seen.constEnd()) {
            batch.rows[*it] = sample; // the later row wins, as a later request would
            continue;
        }
        seen.insert(key, batch.rows.size());
        batch.rows.append(sample);
    }
    return batch;
}

} // namespace relaydesk::server

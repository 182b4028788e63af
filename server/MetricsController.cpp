#include "server/MetricsController.h"

#include "core/JsonReader.h"
#include "server/AgentGate.h"
#include "server/HttpReply.h"
#include "server/HttpRequestData.h"
#include "server/MetricsCalculator.h"
#include "server/MetricsRollupReader.h"
#include "server/MetricsStore.h"
#include "server/TelemetryStore.h"

#include <QDateTime>
#include "server/http/Router.h"
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <limits>
#include <variant>

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using Status = HttpReply::Status;

namespace {

constexpr qint64 kMinBucketS = 60;
constexpr qint64 kMaxBucketS = 86'400;
constexpr int kMaxBuckets = 2000;
constexpr qint64 kDefaultSpanMs = 24 * 3'600'000LL;
constexpr qint64 kDefaultBucketS = 3600;

QString rfc3339(qint64 ms)
{
    return formatRfc3339(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

HttpResponse invalid(const QString &field, const QString &message)
{
    return HttpReply::error(Status::UnprocessableEntity, u"invalid_parameter"_s, message, field);
}

// "300", "300s", "5m", "1h", "1d" -> seconds; 0 when malformed.
qint64 parseBucket(const QString &text)
{
    static const QRegularExpression pattern(u"^([0-9]{1,9})([smhd]?)$"_s);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return 0;
    const qint64 n = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    return unit == "m"_L1 ? n * 60 : unit == "h"_L1 ? n * 3600 : unit == "d"_L1 ? n * 86'400 : n;
}

std::variant<MetricsRange, HttpResponse> parseRange(const QUrlQuery &query, qint64 now)
{
    MetricsRange range;
    const auto time = [&](const QString &name, qint64 fallback) -> std::optional<qint64> {
        if (!query.hasQueryItem(name))
            return fallback;
        const auto parsed = parseRfc3339(query.queryItemValue(name, QUrl::FullyDecoded));
        return parsed ? std::optional<qint64>(parsed->toMSecsSinceEpoch()) : std::nullopt;
    };
    const auto to = time(u"to"_s, now);
    if (!to)
        return invalid(u"to"_s, u"to must be an RFC 3339 time with an offset"_s);
    const auto from = time(u"from"_s, *to - kDefaultSpanMs);
    if (!from)
        return invalid(u"from"_s, u"from must be an RFC 3339 time with an offset"_s);
    if (*from >= *to)
        return invalid(u"from"_s, u"from must be before to"_s);
    qint64 bucket = kDefaultBucketS;
    if (query.hasQueryItem(u"bucket"_s)) {
        bucket = parseBucket(query.queryItemValue(u"bucket"_s));
        if (bucket < kMinBucketS || bucket > kMaxBucketS)
            return invalid(u"bucket"_s, u"bucket must be 60s to 1d (e.g. 300, 5m, 1h, 1d)"_s);
    }
    range.from = *from;
    range.to = *to;
    range.bucketMs = bucket * 1000;
    if (range.count() > kMaxBuckets)
        return invalid(
            u"bucket"_s,
            u"the range has %1 buckets of %2 s; at most %3: choose a larger bucket or a shorter range"_s
                .arg(range.count())
                .arg(bucket)
                .arg(kMaxBuckets));
    return range;
}

QJsonValue orNull(bool present, qint64 value)
{
    return present ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonObject encodePercentiles(const Percentiles &p)
{
    const bool any = p.count > 0;
    return {{"count"_L1, p.count},
            {"p50_ms"_L1, orNull(any, p.p50)},
            {"p90_ms"_L1, orNull(any, p.p90)},
            {"p95_ms"_L1, orNull(any, p.p95)}};
}

QJsonValue rate(qint64 sent, qint64 failed)
{
    return sent > 0 ? QJsonValue(double(sent - failed) / double(sent)) : QJsonValue(QJsonValue::Null);
}

QJsonObject counts(const QMap<QString, int> &map)
{
    QJsonObject object;
    for (auto it = map.begin(); it != map.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

int total(const QMap<QString, int> &map)
{
    int n = 0;
    for (int v : map)
        n += v;
    return n;
}

QJsonArray intArray(const QList<int> &values)
{
    QJsonArray array;
    for (int v : values)
        array.append(v);
    return array;
}

} // namespace

MetricsController::MetricsController(const ServiceContext &context) : m_context(context) {}

void MetricsController::registerRoutes(Router &server)
{
    static const QList<std::pair<QString, Series>> series{{u"queue"_s, Series::Queue},
                                                          {u"flow"_s, Series::Flow},
                                                          {u"causes"_s, Series::Causes},
                                                          {u"regions"_s, Series::Regions},
                                                          {u"app-versions"_s, Series::AppVersions},
                                                          {u"delivery"_s, Series::Delivery},
                                                          {u"response"_s, Series::Response},
                                                          {u"sla"_s, Series::Sla},
                                                          {u"csat"_s, Series::Csat},
                                                          {u"agents"_s, Series::Agents}};
    for (const auto &[name, kind] : series) {
        server.route(u"/api/v1/metrics/"_s + name, [this, kind](const HttpRequest &request) {
            if (request.method() != HttpMethod::Get)
                return HttpReply::ready(HttpReply::methodNotAllowed());
            return HttpReply::onPool(m_context.pool, [this, kind, data = HttpRequestData::from(request)] {
                return answer(data, kind);
            });
        });
    }
}

HttpResponse MetricsController::answer(const HttpRequestData &request, Series series) const
{
    std::optional<HttpResponse> refusal;
    const auto principal = AgentGate::check(*m_context.auth, request, &refusal);
    if (!principal)
        return std::move(*refusal);
    if (principal->role == Role::Trainer)
        return HttpReply::error(Status::Forbidden, u"forbidden"_s, u"trainers cannot read metrics"_s);
    const qint64 now = m_context.now();
    auto parsed = parseRange(request.query, now);
    if (auto *refused = std::get_if<HttpResponse>(&parsed))
        return std::move(*refused);
    const MetricsRange range = std::get<MetricsRange>(parsed);
    QString error;
    QJsonObject body = compute(series, range, now, &error);
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot compute the metrics: %1"_s.arg(error));
    body.insert("from"_L1, rfc3339(range.from));
    body.insert("to"_L1, rfc3339(range.to));
    body.insert("bucket_seconds"_L1, range.bucketMs / 1000);
    return HttpReply::json(body);
}

QJsonObject MetricsController::compute(Series series, const MetricsRange &range, qint64 now,
                                       QString *error) const
{
    const MetricsStore &store = *m_context.metrics;
    QJsonArray buckets;
    const auto start = [&](int i) { return QJsonObject{{"start"_L1, rfc3339(range.start(i))}}; };

    if (series == Series::Delivery) {
        // Minute rows exist for the last 48 h; older ranges read the hourly sums, each hour counted in the
        // bucket holding its start.
        const bool hourly = range.from < TelemetryStore::minuteHorizon(now);
        const auto samples = m_context.telemetry->read(
            hourly ? TelemetryStore::hourOf(range.from) : range.from, range.to, hourly, error);
        if (!samples)
            return {};
        QList<TelemetrySample> shifted = *samples;
        if (hourly) {
            for (TelemetrySample &s : shifted)
                s.at = qMax(s.at, range.from); // the hour containing `from` goes to the first bucket
        }
        QSet<QString> names;
        for (const TelemetrySample &s : shifted)
            names.insert(s.region);
        const auto cells = MetricsCalculator::delivery(range, shifted);
        for (int i = 0; i < range.count(); ++i) {
            QJsonObject b = start(i);
            QJsonObject regions;
            qint64 sent = 0, failed = 0;
            for (auto it = cells.at(i).begin(); it != cells.at(i).end(); ++it) {
                regions.insert(it.key(), QJsonObject{{"sent"_L1, it->sent},
                                                     {"failed"_L1, it->failed},
                                                     {"success_rate"_L1, rate(it->sent, it->failed)}});
                sent += it->sent;
                failed += it->failed;
            }
            b.insert("regions"_L1, regions);
            b.insert("sent"_L1, sent);
            b.insert("failed"_L1, failed);
            b.insert("success_rate"_L1, rate(sent, failed));
            buckets.append(b);
        }
        QStringList sorted = names.values();
        sorted.sort();
        return {{"resolution"_L1, hourly ? u"hour"_s : u"minute"_s},
                {"regions"_L1, QJsonArray::fromStringList(sorted)},
                {"buckets"_L1, buckets}};
    }

    // Whole-minute ranges (the console's) read the rollups; others are computed from the raw rows.
    const MetricsRollupReader *rollups =
        m_context.rollups && MetricsRollupReader::covers(range) ? m_context.rollups : nullptr;

    if (series == Series::Csat) {
        std::optional<QList<QMap<int, int>>> scores;
        if (rollups) {
            scores = rollups->csat(range, error);
        } else if (const auto answers = store.surveys(range.from, range.to, error)) {
            scores.emplace(range.count());
            for (const auto &a : *answers) {
                if (const int i = range.indexOf(a.answeredAt); i >= 0 && a.score >= 1 && a.score <= 5)
                    ++(*scores)[i][a.score];
            }
        }
        if (!scores)
            return {};
        for (int i = 0; i < range.count(); ++i) {
            QJsonObject b = start(i);
            QJsonObject distribution;
            int sum = 0;
            int n = 0;
            for (int s = 1; s <= 5; ++s) {
                const int count = scores->at(i).value(s);
                distribution.insert(QString::number(s), count);
                sum += s * count;
                n += count;
            }
            b.insert("count"_L1, n);
            b.insert("mean"_L1, n > 0 ? QJsonValue(double(sum) / n) : QJsonValue(QJsonValue::Null));
            b.insert("scores"_L1, distribution);
            buckets.append(b);
        }
        return {{"buckets"_L1, buckets}};
    }

    const SlaTargets &sla = m_context.sla;
    const qint64 lookback = series == Series::Sla ? qMax(sla.firstResponseMs, sla.resolutionMs) : 0;
    // The counts by key need the tickets reported in the range, no timelines (no "changed since" condition).
    const bool countsOnly =
        series == Series::Causes || series == Series::Regions || series == Series::AppVersions;
    std::optional<QList<TicketHistory>> tickets;
    if (!rollups) {
        tickets = countsOnly
                      ? store.histories(std::numeric_limits<qint64>::max(), range.to, range.from, false, error)
                      : store.histories(range.from, range.to, range.from - lookback, true, error);
        if (!tickets)
            return {};
    }

    switch (series) {
    case Series::Queue: {
        std::optional<QList<QMap<QString, int>>> depth;
        if (rollups) {
            depth = rollups->queueDepth(range, error);
        } else if (const auto baseline = store.unchangedByStatus(range.from, range.to, error)) {
            depth = MetricsCalculator::queueDepth(range, *tickets, *baseline);
        }
        if (!depth)
            return {};
        for (int i = 0; i < range.count(); ++i) {
            QJsonObject b = start(i);
            b.insert("depth"_L1, counts(depth->at(i)));
            b.insert("total"_L1, total(depth->at(i)));
            buckets.append(b);
        }
        return {{"states"_L1, QJsonArray{u"reported"_s, u"diagnosed"_s, u"auto_handling"_s, u"escalated"_s,
                                         u"claimed"_s, u"waiting_user"_s, u"reopened"_s}},
                {"buckets"_L1, buckets}};
    }
    case Series::Flow: {
        const auto flow = rollups ? rollups->flow(range, error) : MetricsCalculator::flow(range, *tickets);
        if (!flow)
            return {};
        for (int i = 0; i < range.count(); ++i) {
            QJsonObject b = start(i);
            b.insert("inflow"_L1, flow->at(i).inflow);
            b.insert("outflow"_L1, flow->at(i).outflow);
            b.insert("reopened"_L1, flow->at(i).reopened);
            buckets.append(b);
        }
        return {{"buckets"_L1, buckets}};
    }
    case Series::Causes:
    case Series::Regions:
    case Series::AppVersions: {
        const auto key = series == Series::Causes    ? MetricsCalculator::Key::Cause
                         : series == Series::Regions ? MetricsCalculator::Key::Region
                                                     : MetricsCalculator::Key::AppVersion;
        const auto byKey = rollups ? rollups->countBy(range, key, error)
                                   : MetricsCalculator::countBy(range, *tickets, key);
        if (!byKey)
            return {};
        QSet<QString> keys;
        for (int i = 0; i < range.count(); ++i) {
            QJsonObject b = start(i);
            b.insert("counts"_L1, counts(byKey->at(i)));
            b.insert("total"_L1, total(byKey->at(i)));
            for (auto it = byKey->at(i).begin(); it != byKey->at(i).end(); ++it)
                keys.insert(it.key());
            buckets.append(b);
        }
        QStringList sorted = keys.values();
        sorted.sort();
        return {{"keys"_L1, QJsonArray::fromStringList(sorted)}, {"buckets"_L1, buckets}};
    }
    case Series::Response: {
        const auto response =
            rollups ? rollups->response(range, error) : MetricsCalculator::response(range, *tickets);
        if (!response)
            return {};
        for (int i = 0; i < range.count(); ++i) {
            QJsonObject b = start(i);
            b.insert("first_response"_L1, encodePercentiles(response->at(i).firstResponse));
            b.insert("resolution"_L1, encodePercentiles(response->at(i).resolution));
            buckets.append(b);
        }
        return {{"buckets"_L1, buckets}};
    }
    case Series::Sla: {
        const auto breaches =
            rollups ? rollups->sla(range, now, error) : MetricsCalculator::sla(range, *tickets, sla, now);
        if (!breaches)
            return {};
        for (int i = 0; i < range.count(); ++i) {
            QJsonObject b = start(i);
            b.insert("first_response_breaches"_L1, breaches->at(i).firstResponseBreaches);
            b.insert("resolution_breaches"_L1, breaches->at(i).resolutionBreaches);
            buckets.append(b);
        }
        return {{"targets"_L1, QJsonObject{{"first_response_minutes"_L1, sla.firstResponseMs / 60'000},
                                           {"resolution_hours"_L1, sla.resolutionMs / 3'600'000}}},
                {"buckets"_L1, buckets}};
    }
    case Series::Agents: {
        const auto claims = store.openClaims(error);
        if (!claims)
            return {};
        auto found = rollups ? rollups->agents(range, error) : MetricsCalculator::agents(range, *tickets);
        if (!found)
            return {};
        QList<AgentSeries> perAgent = std::move(*found);
        for (auto it = claims->begin(); it != claims->end(); ++it) {
            if (std::none_of(perAgent.begin(), perAgent.end(),
                             [&](const AgentSeries &s) { return s.username == it.key(); }))
                perAgent.append({it.key(), QList<int>(range.count(), 0), QList<int>(range.count(), 0)});
        }
        std::sort(perAgent.begin(), perAgent.end(),
                  [](const AgentSeries &a, const AgentSeries &b) { return a.username < b.username; });
        QJsonArray agents;
        for (const AgentSeries &s : perAgent)
            agents.append(QJsonObject{{"username"_L1, s.username},
                                      {"open_claimed"_L1, claims->value(s.username)},
                                      {"actions"_L1, intArray(s.actions)},
                                      {"resolved"_L1, intArray(s.resolved)}});
        for (int i = 0; i < range.count(); ++i)
            buckets.append(start(i));
        return {{"agents"_L1, agents}, {"buckets"_L1, buckets}};
    }
    case Series::Delivery:
    case Series::Csat:
        break;
    }
    return {};
}

} // namespace relaydesk::server

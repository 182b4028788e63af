#include "MetricsFrame.h"

#include "core/JsonReader.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>
#include <limits>

namespace relaydesk::models {

using namespace Qt::StringLiterals;

namespace {

constexpr std::array<const char *, int(Metric::Count)> kPaths{"queue",    "flow",     "causes", "regions", "app-versions",
                                                             "delivery", "response", "sla",    "csat",    "agents"};
constexpr int kMaxBuckets = 5000;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Path-aware reading of the parts JsonReader does not cover (arrays, numbers that may be null or
// fractional). The first problem wins; later reads return defaults.
class Reader final
{
public:
    bool ok() const { return !m_error.has_value(); }
    DecodeError error() const { return m_error.value_or(DecodeError{}); }
    void fail(const QString &path, const QString &message)
    {
        if (!m_error)
            m_error = DecodeError{path, message};
    }

    QJsonObject object(const QJsonObject &parent, const QString &path, QLatin1StringView key)
    {
        const QJsonValue v = parent.value(key);
        if (!v.isObject()) {
            fail(join(path, key), v.isUndefined() ? u"is missing"_s : u"must be an object"_s);
            return {};
        }
        return v.toObject();
    }
    QJsonArray array(const QJsonObject &parent, const QString &path, QLatin1StringView key)
    {
        const QJsonValue v = parent.value(key);
        if (!v.isArray()) {
            fail(join(path, key), v.isUndefined() ? u"is missing"_s : u"must be an array"_s);
            return {};
        }
        return v.toArray();
    }
    QStringList names(const QJsonObject &parent, const QString &path, QLatin1StringView key)
    {
        QStringList out;
        const QJsonArray a = array(parent, path, key);
        for (qsizetype i = 0; ok() && i < a.size(); ++i) {
            const QString name = a.at(i).toString();
            if (!a.at(i).isString() || name.isEmpty() || name.size() > 128)
                fail(u"%1[%2]"_s.arg(join(path, key)).arg(i), u"must be a non-empty string of at most 128 characters"_s);
            else
                out.append(name);
        }
        return out;
    }
    // A count: an integer >= 0.
    double count(const QJsonValue &v, const QString &path)
    {
        if (!ok())
            return 0;
        if (v.isUndefined()) {
            fail(path, u"is missing"_s);
            return 0;
        }
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d != std::floor(d) || d > 1e15) {
            fail(path, u"must be a whole number >= 0"_s);
            return 0;
        }
        return d;
    }
    double count(const QJsonObject &o, const QString &path, QLatin1StringView key) { return count(o.value(key), join(path, key)); }
    // A number or null (NaN); `max` < 0: no upper bound.
    double number(const QJsonObject &o, const QString &path, QLatin1StringView key, double min, double max)
    {
        if (!ok())
            return kNaN;
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            fail(join(path, key), u"is missing"_s);
            return kNaN;
        }
        if (v.isNull())
            return kNaN;
        const double d = v.toDouble();
        if (!v.isDouble() || d < min || (max >= min && d > max)) {
            fail(join(path, key), max >= min ? u"must be a number from %1 to %2 or null"_s.arg(min).arg(max)
                                             : u"must be a number >= %1 or null"_s.arg(min));
            return kNaN;
        }
        return d;
    }

    static QString join(const QString &path, QLatin1StringView key)
    {
        return path.isEmpty() ? QString(key) : path + QLatin1Char('.') + key;
    }

private:
    std::optional<DecodeError> m_error;
};

QString bucketPath(qsizetype i)
{
    return u"buckets[%1]"_s.arg(i);
}

MetricSeries &seriesFor(MetricsFrame &frame, const QString &name, const QString &field)
{
    for (MetricSeries &s : frame.series) {
        if (s.name == name && s.field == field)
            return s;
    }
    frame.series.append(MetricSeries{name, field, QList<double>(frame.starts.size(), 0.0)});
    return frame.series.last();
}

// The map `key` of bucket i: {name: count}; names outside `known` are appended in sorted order.
void readCounts(Reader &r, MetricsFrame &frame, const QJsonArray &buckets, QLatin1StringView key, const QString &field,
                const QStringList &known)
{
    for (const QString &name : known)
        seriesFor(frame, name, field);
    for (qsizetype i = 0; r.ok() && i < buckets.size(); ++i) {
        const QString path = bucketPath(i);
        const QJsonObject counts = r.object(buckets.at(i).toObject(), path, key);
        QStringList keys = counts.keys(); // sorted
        for (const QString &name : keys) {
            if (name.isEmpty() || name.size() > 128) {
                r.fail(Reader::join(path, key), u"has an empty or over-long name"_s);
                break;
            }
            seriesFor(frame, name, field).values[i] = r.count(counts.value(name), Reader::join(path, key) + u'.' + name);
        }
    }
}

void readScalars(Reader &r, MetricsFrame &frame, const QJsonArray &buckets, const QString &name,
                 std::initializer_list<QLatin1StringView> keys)
{
    for (QLatin1StringView key : keys)
        seriesFor(frame, name, QString(key));
    for (qsizetype i = 0; r.ok() && i < buckets.size(); ++i) {
        for (QLatin1StringView key : keys)
            seriesFor(frame, name, QString(key)).values[i] = r.count(buckets.at(i).toObject(), bucketPath(i), key);
    }
}

void readPercentiles(Reader &r, MetricsFrame &frame, const QJsonArray &buckets, QLatin1StringView key)
{
    const QString name(key);
    for (const char *field : {"count", "p50_ms", "p90_ms", "p95_ms"})
        seriesFor(frame, name, QString::fromLatin1(field));
    for (qsizetype i = 0; r.ok() && i < buckets.size(); ++i) {
        const QString path = Reader::join(bucketPath(i), key);
        const QJsonObject p = r.object(buckets.at(i).toObject(), bucketPath(i), key);
        seriesFor(frame, name, u"count"_s).values[i] = r.count(p, path, "count"_L1);
        for (const char *field : {"p50_ms", "p90_ms", "p95_ms"})
            seriesFor(frame, name, QString::fromLatin1(field)).values[i] = r.number(p, path, QLatin1StringView(field), 0, -1);
    }
}

} // namespace

QString metricPath(Metric metric)
{
    const int i = int(metric);
    return i >= 0 && i < int(Metric::Count) ? QString::fromLatin1(kPaths[std::size_t(i)]) : QString();
}

std::optional<Metric> metricFromPath(const QString &path)
{
    for (int i = 0; i < int(Metric::Count); ++i) {
        if (path == QLatin1StringView(kPaths[std::size_t(i)]))
            return Metric(i);
    }
    return std::nullopt;
}

double MetricSeries::total() const
{
    double sum = 0;
    for (double v : values) {
        if (!std::isnan(v))
            sum += v;
    }
    return sum;
}

bool MetricSeries::hasData() const
{
    return std::any_of(values.begin(), values.end(), [](double v) { return !std::isnan(v) && v != 0; });
}

const MetricSeries *MetricsFrame::find(const QString &name, const QString &field) const
{
    for (const MetricSeries &s : series) {
        if (s.name == name && s.field == field)
            return &s;
    }
    return nullptr;
}

QList<const MetricSeries *> MetricsFrame::withField(const QString &field) const
{
    QList<const MetricSeries *> out;
    for (const MetricSeries &s : series) {
        if (s.field == field)
            out.append(&s);
    }
    return out;
}

QStringList MetricsFrame::names() const
{
    QStringList out;
    for (const MetricSeries &s : series) {
        if (!out.contains(s.name))
            out.append(s.name);
    }
    return out;
}

bool MetricsFrame::hasData() const
{
    return std::any_of(series.begin(), series.end(), [](const MetricSeries &s) { return s.hasData(); }) ||
           std::any_of(current.begin(), current.end(), [](const auto &c) { return c.second != 0; });
}

Decoded<MetricsFrame> decodeMetrics(Metric metric, const QJsonObject &json)
{
    MetricsFrame frame;
    frame.metric = metric;
    {
        JsonReader head(json);
        const QDateTime from = head.requiredTime("from"_L1);
        const QDateTime to = head.requiredTime("to"_L1);
        frame.bucketSeconds = head.requiredInt("bucket_seconds"_L1, 1, 366LL * 86'400);
        if (!head.ok())
            return head.error();
        frame.fromMs = from.toMSecsSinceEpoch();
        frame.toMs = to.toMSecsSinceEpoch();
        if (frame.fromMs >= frame.toMs)
            return DecodeError{u"from"_s, u"must be before to"_s};
    }
    Reader r;
    const QJsonArray buckets = r.array(json, {}, "buckets"_L1);
    if (!r.ok())
        return r.error();
    if (buckets.size() > kMaxBuckets)
        return DecodeError{u"buckets"_s, u"has more than %1 buckets"_s.arg(kMaxBuckets)};
    for (qsizetype i = 0; i < buckets.size(); ++i) {
        if (!buckets.at(i).isObject())
            return DecodeError{bucketPath(i), u"must be an object"_s};
        JsonReader b(buckets.at(i).toObject());
        const QDateTime start = b.requiredTime("start"_L1);
        if (!b.ok())
            return DecodeError{bucketPath(i) + u'.' + b.error().path, b.error().message};
        const qint64 ms = start.toMSecsSinceEpoch();
        if (!frame.starts.isEmpty() && ms <= frame.starts.last())
            return DecodeError{bucketPath(i) + u".start"_s, u"must be later than the previous bucket's"_s};
        frame.starts.append(ms);
    }

    switch (metric) {
    case Metric::Queue:
        readCounts(r, frame, buckets, "depth"_L1, {}, r.names(json, {}, "states"_L1));
        readScalars(r, frame, buckets, u"all"_s, {"total"_L1});
        break;
    case Metric::Flow:
        readScalars(r, frame, buckets, u"all"_s, {"inflow"_L1, "outflow"_L1, "reopened"_L1});
        break;
    case Metric::Causes:
    case Metric::Regions:
    case Metric::AppVersions:
        readCounts(r, frame, buckets, "counts"_L1, {}, r.names(json, {}, "keys"_L1));
        readScalars(r, frame, buckets, u"all"_s, {"total"_L1});
        break;
    case Metric::Delivery: {
        frame.resolution = json.value("resolution"_L1).toString();
        const QStringList regions = r.names(json, {}, "regions"_L1);
        for (const QString &region : regions) {
            for (const char *field : {"success_rate", "sent", "failed"})
                seriesFor(frame, region, QString::fromLatin1(field));
        }
        for (const char *field : {"success_rate", "sent", "failed"})
            seriesFor(frame, u"all"_s, QString::fromLatin1(field));
        for (qsizetype i = 0; r.ok() && i < buckets.size(); ++i) {
            const QString path = bucketPath(i);
            const QJsonObject b = buckets.at(i).toObject();
            const QJsonObject cells = r.object(b, path, "regions"_L1);
            for (auto it = cells.begin(); r.ok() && it != cells.end(); ++it) {
                const QString cellPath = path + u".regions."_s + it.key();
                if (!it.value().isObject()) {
                    r.fail(cellPath, u"must be an object"_s);
                    break;
                }
                const QJsonObject cell = it.value().toObject();
                const double sent = r.count(cell, cellPath, "sent"_L1);
                const double failed = r.count(cell, cellPath, "failed"_L1);
                if (r.ok() && failed > sent)
                    r.fail(cellPath + u".failed"_s, u"must not exceed sent"_s);
                seriesFor(frame, it.key(), u"sent"_s).values[i] = sent;
                seriesFor(frame, it.key(), u"failed"_s).values[i] = failed;
                seriesFor(frame, it.key(), u"success_rate"_s).values[i] = r.number(cell, cellPath, "success_rate"_L1, 0, 1);
            }
            seriesFor(frame, u"all"_s, u"sent"_s).values[i] = r.count(b, path, "sent"_L1);
            seriesFor(frame, u"all"_s, u"failed"_s).values[i] = r.count(b, path, "failed"_L1);
            seriesFor(frame, u"all"_s, u"success_rate"_s).values[i] = r.number(b, path, "success_rate"_L1, 0, 1);
        }
        // A region without any message in a bucket has no rate there, not a rate of 0.
        for (MetricSeries &s : frame.series) {
            if (s.field != "success_rate"_L1)
                continue;
            const MetricSeries *sent = frame.find(s.name, u"sent"_s);
            for (qsizetype i = 0; sent && i < s.values.size(); ++i) {
                if (sent->values.at(i) == 0)
                    s.values[i] = kNaN;
            }
        }
        break;
    }
    case Metric::Response:
        readPercentiles(r, frame, buckets, "first_response"_L1);
        readPercentiles(r, frame, buckets, "resolution"_L1);
        break;
    case Metric::Sla: {
        readScalars(r, frame, buckets, u"all"_s, {"first_response_breaches"_L1, "resolution_breaches"_L1});
        const QJsonObject targets = r.object(json, {}, "targets"_L1);
        const double fr = r.count(targets, u"targets"_s, "first_response_minutes"_L1);
        const double res = r.count(targets, u"targets"_s, "resolution_hours"_L1);
        frame.current = {{u"first_response_minutes"_s, fr}, {u"resolution_hours"_s, res}};
        break;
    }
    case Metric::Csat:
        for (int s = 1; s <= 5; ++s)
            seriesFor(frame, u"scores"_s, QString::number(s));
        seriesFor(frame, u"all"_s, u"count"_s);
        seriesFor(frame, u"all"_s, u"mean"_s);
        for (qsizetype i = 0; r.ok() && i < buckets.size(); ++i) {
            const QString path = bucketPath(i);
            const QJsonObject b = buckets.at(i).toObject();
            const QJsonObject scores = r.object(b, path, "scores"_L1);
            for (int s = 1; s <= 5; ++s) {
                const QString key = QString::number(s);
                seriesFor(frame, u"scores"_s, key).values[i] = r.count(scores.value(key), path + u".scores."_s + key);
            }
            seriesFor(frame, u"all"_s, u"count"_s).values[i] = r.count(b, path, "count"_L1);
            seriesFor(frame, u"all"_s, u"mean"_s).values[i] = r.number(b, path, "mean"_L1, 1, 5);
        }
        break;
    case Metric::Agents: {
        const QJsonArray agents = r.array(json, {}, "agents"_L1);
        QSet<QString> seen;
        for (qsizetype a = 0; r.ok() && a < agents.size(); ++a) {
            const QString path = u"agents[%1]"_s.arg(a);
            JsonReader agent(agents.at(a).toObject());
            const QString name = agent.requiredString("username"_L1, 128);
            const qint64 open = agent.requiredInt("open_claimed"_L1, 0, std::numeric_limits<int>::max());
            if (!agents.at(a).isObject() || !agent.ok()) {
                r.fail(agents.at(a).isObject() ? path + u'.' + agent.error().path : path,
                       agents.at(a).isObject() ? agent.error().message : u"must be an object"_s);
                break;
            }
            if (seen.contains(name)) {
                r.fail(path + u".username"_s, u"appears twice"_s);
                break;
            }
            seen.insert(name);
            frame.current.append({name, double(open)});
            for (const char *field : {"actions", "resolved"}) {
                const QLatin1StringView key(field);
                const QJsonArray values = r.array(agents.at(a).toObject(), path, key);
                if (r.ok() && values.size() != buckets.size()) {
                    r.fail(Reader::join(path, key), u"has %1 values for %2 buckets"_s.arg(values.size()).arg(buckets.size()));
                    break;
                }
                MetricSeries &s = seriesFor(frame, name, QString(key));
                for (qsizetype i = 0; r.ok() && i < values.size(); ++i)
                    s.values[i] = r.count(values.at(i), u"%1[%2]"_s.arg(Reader::join(path, key)).arg(i));
            }
        }
        break;
    }
    case Metric::Count: return DecodeError{{}, u"unknown metric"_s};
    }
    if (!r.ok())
        return r.error();
    return frame;
}

QByteArray metricsCsv(const MetricsFrame &frame)
{
    // Cells are numbers and names the decoder limited to plain strings; quote names anyway (RFC 4180).
    const auto cell = [](const QString &text) {
        if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
            return text;
        QString quoted = text;
        quoted.replace(u"\""_s, u"\"\""_s);
        return u'"' + quoted + u'"';
    };
    QString out = u"bucket_start"_s;
    for (const MetricSeries &s : frame.series)
        out += u',' + cell(s.column());
    out += u'\n';
    for (qsizetype i = 0; i < frame.starts.size(); ++i) {
        out += formatRfc3339(QDateTime::fromMSecsSinceEpoch(frame.starts.at(i), Qt::UTC));
        for (const MetricSeries &s : frame.series) {
            out += u',';
            const double v = s.values.value(i, kNaN);
            if (!std::isnan(v))
                out += QString::number(v, 'g', 10);
        }
        out += u'\n';
    }
    return out.toUtf8();
}

} // namespace relaydesk::models

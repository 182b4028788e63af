#pragma once

#include "core/Decoded.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace relaydesk::models {

// The dashboard's series, one per GET /api/v1/metrics/{path} endpoint (docs/api.md "Metrics").
enum class Metric { Queue, Flow, Causes, Regions, AppVersions, Delivery, Response, Sla, Csat, Agents, Count };

QString metricPath(Metric metric); // "queue", "app-versions", ...
std::optional<Metric> metricFromPath(const QString &path);

// One named series of a metrics answer: one value per bucket, NaN where the service sent null (no data,
// e.g. a success rate without any message sent).
struct MetricSeries
{
    QString name;  // a state, cause, region, agent ...; "all" for totals
    QString field; // what of it: "success_rate", "p90_ms", "actions" ...; empty when the name says it all
    QList<double> values;

    QString column() const { return field.isEmpty() ? name : name + QLatin1Char(':') + field; }
    double total() const; // sum of the values that are numbers
    bool hasData() const;  // some value is a number other than 0
};

// A decoded metrics answer: the buckets' start times and every series over them, in the service's order.
struct MetricsFrame
{
    Metric metric = Metric::Queue;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 bucketSeconds = 0;
    QList<qint64> starts; // ms since the epoch, one per bucket
    QList<MetricSeries> series;
    // Values that are not per bucket: agents' open claims ("alice" -> 3), SLA targets.
    QList<std::pair<QString, double>> current;
    QString resolution; // delivery: "minute" or "hour"

    const MetricSeries *find(const QString &name, const QString &field = {}) const;
    QList<const MetricSeries *> withField(const QString &field) const;
    QStringList names() const; // distinct series names, in order
    bool hasData() const;
};

// Decodes one metrics answer strictly: every bucket has a valid start, every count is a non-negative
// integer, rates are within 0..1 or null, per-agent arrays have one value per bucket. The error names the
// offending field path ("buckets[3].depth.escalated").
Decoded<MetricsFrame> decodeMetrics(Metric metric, const QJsonObject &json);

// The frame as CSV: "bucket_start" (RFC 3339, UTC) then one column per series; empty cells for null.
QByteArray metricsCsv(const MetricsFrame &frame);

} // namespace relaydesk::models

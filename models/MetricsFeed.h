#pragma once

#include "MetricsFrame.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace relaydesk::models {

class ApiClient;

// The time window the dashboard shows: `to` is now rounded up to a whole bucket, so buckets line up with
// the clock; the bucket keeps every chart at or below ~200 points.
struct MetricsWindow
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 bucketSeconds = 0;
    int buckets() const { return bucketSeconds > 0 ? int((toMs - fromMs) / (bucketSeconds * 1000)) : 0; }
};

// Fetches the dashboard's metrics for the chosen range and keeps them current: at once when the range
// changes, on a timer while active, and when something changed (tickets, alerts) at most once per
// throttle interval. Answers of an older round (a range changed meanwhile) are dropped.
class MetricsFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsFeed)

public:
    enum class Range { Hour, Day, Week, Month };
    Q_ENUM(Range)

    explicit MetricsFeed(ApiClient *api, QObject *parent = nullptr);

    static MetricsWindow window(Range range, qint64 nowMs);

    Range range() const { return m_range; }
    void setRange(Range range); // refetches at once
    MetricsWindow currentWindow() const { return m_window; }
    // Polls and honours change notices only while active (the dashboard is shown).
    void setActive(bool active);
    bool isActive() const { return m_active; }
    void setPollInterval(int ms);        // default 30 s
    void setThrottleInterval(int ms);    // default 2 s
    void setMetrics(const QList<Metric> &metrics) { m_metrics = metrics; }

    // Fetches every metric now (a round already running is superseded).
    void refreshNow();
    // Something changed: refresh, but not more often than the throttle interval.
    void requestRefresh();

    // The last good answer of each metric in the current range.
    std::optional<MetricsFrame> frame(Metric metric) const;
    int rounds() const { return m_round; }  // rounds started
    bool isLoading() const { return m_outstanding > 0; }

signals:
    void roundStarted(int round);
    void frameReady(relaydesk::models::Metric metric, const relaydesk::models::MetricsFrame &frame);
    // Translated, plain text.
    void frameFailed(relaydesk::models::Metric metric, const QString &message);
    // Every metric of the round answered (well or not).
    void roundFinished(int round);

private:
    void startRound();

    ApiClient *m_api;
    QList<Metric> m_metrics;
    Range m_range = Range::Day;
    MetricsWindow m_window;
    QHash<int, MetricsFrame> m_frames;
    QTimer m_pollTimer;
    QTimer m_throttleTimer;
    QElapsedTimer m_lastRound;
    int m_throttleMs = 2000;
    int m_round = 0;
    int m_outstanding = 0;
    bool m_active = false;
};

} // namespace relaydesk::models

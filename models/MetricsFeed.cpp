#include "MetricsFeed.h"

#include "ApiClient.h"
#include "core/JsonReader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>

namespace relaydesk::models {

using namespace Qt::StringLiterals;

MetricsFeed::MetricsFeed(ApiClient *api, QObject *parent) : QObject(parent), m_api(api)
{
    for (int i = 0; i < int(Metric::Count); ++i)
        m_metrics.append(Metric(i));
    m_pollTimer.setInterval(30000);
    connect(&m_pollTimer, &QTimer::timeout, this, &MetricsFeed::refreshNow);
    m_throttleTimer.setSingleShot(true);
    connect(&m_throttleTimer, &QTimer::timeout, this, &MetricsFeed::refreshNow);
}

MetricsWindow MetricsFeed::window(Range range, qint64 nowMs)
{
    qint64 spanS = 3600;
    qint64 bucketS = 60; // 60 points
    switch (range) {
    case Range::Hour: break;
    case Range::Day: spanS = 86'400, bucketS = 600; break;            // 144 points
    case Range::Week: spanS = 7 * 86'400, bucketS = 3600; break;      // 168 points
    case Range::Month: spanS = 30 * 86'400, bucketS = 4 * 3600; break; // 180 points
    }
    const qint64 bucketMs = bucketS * 1000;
    MetricsWindow w;
    w.bucketSeconds = bucketS;
    w.toMs = (nowMs / bucketMs + 1) * bucketMs; // the bucket holding now is the last one
    w.fromMs = w.toMs - spanS * 1000;
    return w;
}

void MetricsFeed::setRange(Range range)
{
    m_range = range;
    m_frames.clear();
    refreshNow();
}

void MetricsFeed::setActive(bool active)
{
    m_active = active;
    if (active) {
        m_pollTimer.start();
    } else {
        m_pollTimer.stop();
        m_throttleTimer.stop();
    }
}

void MetricsFeed::setPollInterval(int ms)
{
    m_pollTimer.setInterval(ms);
}

void MetricsFeed::setThrottleInterval(int ms)
{
    m_throttleMs = ms;
}

void MetricsFeed::requestRefresh()
{
    if (!m_active || m_throttleTimer.isActive())
        return;
    const qint64 since = m_lastRound.isValid() ? m_lastRound.elapsed() : m_throttleMs;
    m_throttleTimer.start(int(std::max<qint64>(0, m_throttleMs - since)));
}

void MetricsFeed::refreshNow()
{
    m_throttleTimer.stop();
    startRound();
}

void MetricsFeed::startRound()
{
    m_lastRound.start();
    const int round = ++m_round;
    m_window = window(m_range, QDateTime::currentMSecsSinceEpoch());
    const auto time = [](qint64 ms) { return formatRfc3339(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)); };
    const QList<std::pair<QString, QString>> query{{u"from"_s, time(m_window.fromMs)},
                                                   {u"to"_s, time(m_window.toMs)},
                                                   {u"bucket"_s, QString::number(m_window.bucketSeconds)}};
    m_outstanding = int(m_metrics.size());
    emit roundStarted(round);
    QPointer<MetricsFeed> self(this);
    for (Metric metric : std::as_const(m_metrics)) {
        m_api->getObject(u"/metrics/"_s + metricPath(metric), query, [self, round, metric](ApiResult<QJsonObject> r) {
            if (!self || round != self->m_round)
                return; // superseded by a newer round
            if (!r.ok()) {
                emit self->frameFailed(metric, r.error.message);
            } else if (auto decoded = decodeMetrics(metric, *r.value); !decoded.ok()) {
                emit self->frameFailed(metric, QCoreApplication::translate("MetricsFeed", "The service sent metrics this "
                                                                                          "console does not understand: %1")
                                                   .arg(decoded.error().toString()));
            } else {
                self->m_frames.insert(int(metric), decoded.value());
                emit self->frameReady(metric, decoded.value());
            }
            if (--self->m_outstanding == 0)
                emit self->roundFinished(round);
        });
    }
}

std::optional<MetricsFrame> MetricsFeed::frame(Metric metric) const
{
    const auto it = m_frames.constFind(int(metric));
    return it == m_frames.constEnd() ? std::nullopt : std::optional<MetricsFrame>(*it);
}

} // namespace relaydesk::models

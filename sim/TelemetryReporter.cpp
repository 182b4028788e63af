#include "sim/TelemetryReporter.h"

#include "sim/GatewaySimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <cmath>
#include <numbers>

namespace relaydesk::sim {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr int kMaxRowsPerRequest = 1440;

QDateTime truncateToMinute(const QDateTime &time)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch(ms - ((ms % kMinuteMs) + kMinuteMs) % kMinuteMs, Qt::UTC);
}

// Share of the daily peak at a time of day (UTC): ~20 % at 04:00, 100 % at 16:00.
double diurnal(const QDateTime &minute)
{
    const QTime t = minute.time();
    const double hour = t.hour() + t.minute() / 60.0;
    return 0.2 + 0.8 * (0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * (hour - 4.0) / 24.0));
}

} // namespace

TelemetryReporter::TelemetryReporter(QNetworkAccessManager *network, quint32 seed, QObject *parent)
    : QObject(parent), m_network(network), m_seed(seed), m_regions(defaultRegions()),
      m_start(truncateToMinute(QDateTime::currentDateTimeUtc()))
{
    connect(&m_timer, &QTimer::timeout, this, &TelemetryReporter::tick);
}

TelemetryReporter::~TelemetryReporter()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QStringList TelemetryReporter::defaultRegions()
{
    return {u"eu-west"_s, u"us-east"_s, u"ap-south"_s, u"cn-north"_s};
}

void TelemetryReporter::setStart(const QDateTime &minute)
{
    m_start = truncateToMinute(minute);
}

TelemetryMinute TelemetryReporter::minute(const QString &region, int index) const
{
    TelemetryMinute m;
    m.region = region;
    m.minute = m_start.addMSecs(qint64(index) * kMinuteMs);
    // One generator per (seed, region, minute): the counts do not depend on the order they are asked in.
    QRandomGenerator random(m_seed ^ quint32(qHash(region)) ^ (quint32(index) * 2654435761u));
    const qsizetype position = qMax<qsizetype>(0, m_regions.indexOf(region));
    const double weight = 1.0 + 0.25 * double(position % 3);
    const double volume = m_peak * weight * diurnal(m.minute) * (0.9 + 0.2 * random.generateDouble());
    m.sent = qMax<qint64>(1, qRound64(volume));
    const double rate = m_plan.failureRate(region, qint64(index) * kMinuteMs).value_or(m_background);
    m.failed =
        qBound<qint64>(0, qRound64(double(m.sent) * rate * (0.7 + 0.6 * random.generateDouble())), m.sent);
    return m;
}

void TelemetryReporter::start()
{
    m_index = 0;
    m_accepted = 0;
    m_pending.clear();
    m_pendingLast = -1;
    m_timer.start(m_intervalMs);
    tick(); // minute 0 at once
}

void TelemetryReporter::stop()
{
    m_timer.stop();
    if (m_gateway) {
        for (const QString &region : std::as_const(m_down))
            m_gateway->setRegionDown(region, false);
    }
    m_down.clear();
}

void TelemetryReporter::applyGateway(qint64 elapsedMs)
{
    if (!m_gateway)
        return;
    const QStringList down = m_plan.regionsDown(elapsedMs);
    for (const QString &region : down) {
        if (!m_down.contains(region))
            m_gateway->setRegionDown(region, true);
    }
    for (const QString &region : std::as_const(m_down)) {
        if (!down.contains(region))
            m_gateway->setRegionDown(region, false);
    }
    m_down = down;
}

void TelemetryReporter::tick()
{
    if (m_count > 0 && m_index >= m_count) {
        stop(); // outages scripted past the end are over
        flush();
        return;
    }
    applyGateway(qint64(m_index) * kMinuteMs);
    for (const QString &region : std::as_const(m_regions))
        m_pending.append(minute(region, m_index));
    m_pendingLast = m_index;
    Q_EMIT minuteProduced(m_index, m_start.addMSecs(qint64(m_index) * kMinuteMs));
    ++m_index;
    flush();
}

void TelemetryReporter::flush()
{
    if (m_reply || m_pending.isEmpty()) {
        if (!m_reply && m_pending.isEmpty() && m_count > 0 && m_index >= m_count && !m_timer.isActive())
            Q_EMIT finished();
        return;
    }
    // Whole minutes only, so that an accepted request means accepted minutes.
    const int perMinute = qMax(1, int(m_regions.size()));
    const int rows = qMin(int(m_pending.size()), (kMaxRowsPerRequest / perMinute) * perMinute);
    QList<TelemetryMinute> batch = m_pending.mid(0, rows);
    m_pending.remove(0, rows);
    const int lastIndex =
        m_pending.isEmpty() ? m_pendingLast : m_pendingLast - int(m_pending.size()) / perMinute;
    QJsonArray array;
    for (const TelemetryMinute &m : std::as_const(batch))
        array.append(QJsonObject{{"at"_L1, m.minute.toString(Qt::ISODate)},
                                 {"region"_L1, m.region},
                                 {"sent"_L1, m.sent},
                                 {"failed"_L1, m.failed}});
    QUrl url = m_server;
    url.setPath(url.path() + u"/api/v1/telemetry"_s);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Authorization", "Bearer " + m_clientKey.toUtf8());
    request.setTransferTimeout(30'000);
    m_reply = m_network->post(
        request, QJsonDocument(QJsonObject{{"minutes"_L1, array}}).toJson(QJsonDocument::Compact));
    connect(m_reply, &QNetworkReply::finished, this,
            [this, reply = m_reply, batch, lastIndex] { onReply(reply, batch, lastIndex); });
}

void TelemetryReporter::onReply(QNetworkReply *reply, QList<TelemetryMinute> rows, int lastIndex)
{
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const int perMinute = qMax(1, int(m_regions.size()));
    if (status == 202) {
        const int minutes = int(rows.size()) / perMinute;
        for (int i = minutes - 1; i >= 0; --i)
            Q_EMIT minuteAccepted(lastIndex - i, m_start.addMSecs(qint64(lastIndex - i) * kMinuteMs));
        m_accepted += minutes;
    } else if (status >= 400 && status < 500) {
        Q_EMIT failed(u"the service refused telemetry (HTTP %1): %2"_s.arg(status).arg(
            QString::fromUtf8(reply->readAll().left(300))));
    } else {
        // Kept for the next try, a second from now (or with the next tick, whichever comes first).
        m_pending = rows + m_pending;
        Q_EMIT failed(status == 0 ? reply->errorString() : u"HTTP %1"_s.arg(status));
        QTimer::singleShot(1000, this, &TelemetryReporter::flush);
        return;
    }
    flush();
}

} // namespace relaydesk::sim

#pragma once

#include "sim/OutagePlan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace relaydesk::sim {

class GatewaySimulator;

// One region's delivery counts for one minute, as POST /api/v1/telemetry takes them.
struct TelemetryMinute
{
    QString region;
    QDateTime minute; // UTC, seconds 0
    qint64 sent = 0;
    qint64 failed = 0;
};

// The IM platform's delivery telemetry: per region and minute, a diurnal message volume (low at night, peak
// in the afternoon, UTC) with a small background failure rate, and scripted outages (OutagePlan) that raise
// a region's failure rate and, with a gateway simulator attached, take that region down on the gateway for
// the outage. Time is simulated: minute i is start + i minutes and is produced every `minuteIntervalMs` of
// real time (60 000 plays in real time; 5 plays an hour in a third of a second). Counts are deterministic for
// a seed. Rows are posted in order; while a request is on the wire new minutes queue and go with the next
// one; 5xx and network errors keep the rows for the next try, a 4xx drops them and reports failed().
class TelemetryReporter final : public QObject
{
    Q_OBJECT

public:
    TelemetryReporter(QNetworkAccessManager *network, quint32 seed, QObject *parent = nullptr);
    ~TelemetryReporter() override;
    Q_DISABLE_COPY_MOVE(TelemetryReporter)

    static QStringList defaultRegions();

    void setServer(const QUrl &server) { m_server = server; }
    void setClientKey(const QString &key) { m_clientKey = key; }
    void setRegions(const QStringList &regions) { m_regions = regions; }
    void setStart(const QDateTime &minute); // truncated to the minute; default: the current minute
    void setMinuteIntervalMs(int ms) { m_intervalMs = qMax(1, ms); }
    void setMinutes(int count) { m_count = qMax(0, count); } // 0: until stop()
    void setPeakPerMinute(double messages) { m_peak = qMax(1.0, messages); }
    void setBackgroundFailureRate(double rate) { m_background = qBound(0.0, rate, 1.0); }
    void setOutages(const OutagePlan &plan) { m_plan = plan; }
    void addOutage(const Outage &outage) { m_plan.add(outage); }
    void setGateway(GatewaySimulator *gateway) { m_gateway = gateway; }

    // The counts of minute `index` for `region` (pure for a seed: the same every call).
    TelemetryMinute minute(const QString &region, int index) const;
    QDateTime startTime() const { return m_start; }

    void start();
    void stop(); // no more minutes; regions an outage took down on the gateway come back up
    bool isRunning() const { return m_timer.isActive(); }
    int minutesProduced() const { return m_index; }
    int minutesAccepted() const { return m_accepted; } // minutes whose every region the service accepted

Q_SIGNALS:
    // Minute `index` was produced (the gateway's regions already reflect its outages).
    void minuteProduced(int index, const QDateTime &minute);
    void minuteAccepted(int index, const QDateTime &minute);
    void failed(const QString &reason);
    void finished(); // every minute produced (setMinutes) was accepted or dropped

private:
    void tick();
    void flush();
    void onReply(QNetworkReply *reply, QList<TelemetryMinute> rows, int lastIndex);
    void applyGateway(qint64 elapsedMs);

    QNetworkAccessManager *m_network;
    quint32 m_seed;
    QUrl m_server;
    QString m_clientKey;
    QStringList m_regions;
    QDateTime m_start;
    int m_intervalMs = 60'000;
    int m_count = 0;
    double m_peak = 600.0;
    double m_background = 0.005;
    OutagePlan m_plan;
    GatewaySimulator *m_gateway = nullptr;
    QStringList m_down;

    QTimer m_timer;
    int m_index = 0; // next minute to produce
    int m_accepted = 0;
    QList<TelemetryMinute> m_pending;
    int m_pendingLast = -1; // index of the newest pending minute
    QNetworkReply *m_reply = nullptr;
};

} // namespace relaydesk::sim

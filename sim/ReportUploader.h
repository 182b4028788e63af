#pragma once

#include "core/Report.h"

#include <QElapsedTimer>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace relaydesk::sim {

struct UploadStats
{
    qint64 sent = 0;       // reports started (first attempt issued)
    qint64 accepted = 0;   // 202, new
    qint64 duplicates = 0; // 202 with "duplicate": true
    qint64 failed = 0;     // refused (4xx), given up after the last retry, or cut off by stop()
    qint64 retries = 0;    // extra attempts made
    qint64 inFlight = 0;   // requests on the wire or waiting for their retry
};

// Posts reports to {server}/api/v1/reports with a client key, at a steady rate and with at most a few
// requests in flight; never blocks. Network errors, 5xx and 429 are retried with exponential backoff
// (429 and 503 honour Retry-After, never sooner); other 4xx are final. When the server never answered at
// all and a report exhausts its retries, the server counts as unreachable and the upload stops.
class ReportUploader final : public QObject
{
    Q_OBJECT

public:
    using ReportSource = std::function<Report()>;

    ReportUploader(QNetworkAccessManager *network, ReportSource source, QObject *parent = nullptr);
    ~ReportUploader() override;

    void setServer(const QUrl &server) { m_server = server; }
    void setClientKey(const QString &key) { m_clientKey = key; }
    void setRate(double reportsPerSecond) { m_rate = reportsPerSecond; } // 0: as fast as the window allows
    void setCount(qint64 count) { m_count = count; }                       // 0: until stop()
    void setMaxInFlight(int requests) { m_maxInFlight = qMax(1, requests); }
    void setMaxAttempts(int attempts) { m_maxAttempts = qMax(1, attempts); }
    void setBackoff(int initialMs, int maxMs);
    void setMaxRetryAfter(int seconds) { m_maxRetryAfterSeconds = seconds; }
    void setTransferTimeout(int ms) { m_transferTimeoutMs = ms; }

    void start();
    void stop(); // no new reports; requests on the wire are aborted; finished() follows
    bool isRunning() const { return m_running; }

    UploadStats stats() const { return m_stats; }
    bool serverUnreachable() const { return m_unreachable; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void progress(const relaydesk::sim::UploadStats &stats);
    void reportFailed(const QString &clientReportId, const QString &reason);
    void finished();

private:
    struct Upload
    {
        QString clientReportId;
        QByteArray body;
        int attempt = 0;
    };

    void pump();
    void post(Upload upload);
    void onReply(QNetworkReply *reply, Upload upload);
    void retryLater(Upload upload, int delayMs);
    void finish(const Upload &upload, bool ok, bool duplicate, const QString &error);
    int backoffMs(int attempt);
    void maybeFinish();

    QNetworkAccessManager *m_network;
    ReportSource m_source;
    QUrl m_server;
    QString m_clientKey;
    double m_rate = 10.0;
    qint64 m_count = 0;
    int m_maxInFlight = 4;
    int m_maxAttempts = 5;
    int m_initialBackoffMs = 500;
    int m_maxBackoffMs = 16000;
    int m_maxRetryAfterSeconds = 600;
    int m_transferTimeoutMs = 30000;

    QTimer m_pacer;
    QElapsedTimer m_clock;
    qint64 m_pacedBase = 0;
    QRandomGenerator m_jitter{0x5eed};
    QSet<QNetworkReply *> m_replies;
    QSet<QTimer *> m_retryTimers;
    UploadStats m_stats;
    bool m_running = false;
    bool m_stopping = false;
    bool m_everAnswered = false;
    bool m_unreachable = false;
    QString m_lastError;
};

} // namespace relaydesk::sim

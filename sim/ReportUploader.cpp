#include "ReportUploader.h"

#include "core/ReportCodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <cmath>

namespace relaydesk::sim {

using namespace Qt::StringLiterals;

namespace {

// Retry-After is either delta-seconds or an HTTP-date (RFC 9110 10.2.3). -1 when absent or unreadable.
int retryAfterSeconds(const QNetworkReply *reply)
{
    const QByteArray value = reply->rawHeader("Retry-After").trimmed();
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = value.toInt(&ok);
    if (ok)
        return qMax(0, seconds);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)));
}

QString errorCodeOf(const QByteArray &body)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value("error"_L1).toObject();
    const QString code = error.value("code"_L1).toString();
    const QString field = error.value("field"_L1).toString();
    return field.isEmpty() ? code : code + u" ("_s + field + u")"_s;
}

} // namespace

ReportUploader::ReportUploader(QNetworkAccessManager *network, ReportSource source, QObject *parent)
    : QObject(parent), m_network(network), m_source(std::move(source))
{
    m_pacer.setTimerType(Qt::PreciseTimer);
    connect(&m_pacer, &QTimer::timeout, this, &ReportUploader::pump);
}

ReportUploader::~ReportUploader()
{
    for (QNetworkReply *reply : std::as_const(m_replies)) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    qDeleteAll(m_retryTimers);
}

void ReportUploader::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = qMax(1, initialMs);
    m_maxBackoffMs = qMax(m_initialBackoffMs, maxMs);
}

void ReportUploader::start()
{
    if (m_running)
        return;
    m_running = true;
    m_stopping = false;
    m_clock.start();
    m_pacedBase = 0;
    m_pacer.start(m_rate > 0 ? qBound(1, int(1000.0 / m_rate), 100) : 5);
    pump();
}

void ReportUploader::stop()
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    m_pacer.stop();
    // Whatever was not delivered by now counts as failed, so sent == accepted + duplicates + failed.
    for (QTimer *timer : std::as_const(m_retryTimers)) {
        timer->stop();
        timer->deleteLater();
        --m_stats.inFlight;
        ++m_stats.failed;
    }
    m_retryTimers.clear();
    const auto replies = m_replies;
    for (QNetworkReply *reply : replies)
        reply->abort(); // onReply sees OperationCanceledError while stopping: counted as failed
    maybeFinish();
}

void ReportUploader::pump()
{
    if (!m_running || m_stopping)
        return;
    // Reports due by now at the configured rate, counted from m_pacedBase when the clock last restarted.
    const double elapsed = double(m_clock.elapsed()) / 1000.0;
    const qint64 due = m_pacedBase + qint64(std::floor(elapsed * m_rate)) + 1;
    while (m_stats.inFlight < m_maxInFlight && (m_count == 0 || m_stats.sent < m_count)) {
        if (m_rate > 0 && m_stats.sent >= due)
            break;
        const Report report = m_source();
        ++m_stats.sent;
        ++m_stats.inFlight;
        post({report.clientReportId, QJsonDocument(encodeReport(report)).toJson(QJsonDocument::Compact), 0});
    }
    // Behind schedule because the window is full: resume the rate from now instead of bursting later.
    if (m_rate > 0 && due > m_stats.sent + m_maxInFlight) {
        m_pacedBase = m_stats.sent;
        m_clock.restart();
    }
    maybeFinish();
}

void ReportUploader::post(Upload upload)
{
    ++upload.attempt;
    QUrl url = m_server;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + u"/api/v1/reports"_s);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Authorization", "Bearer " + m_clientKey.toUtf8());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_transferTimeoutMs);
    QNetworkReply *reply = m_network->post(request, upload.body);
    m_replies.insert(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, upload = std::move(upload)]() mutable {
        m_replies.remove(reply);
        reply->deleteLater();
        onReply(reply, std::move(upload));
    });
}

int ReportUploader::backoffMs(int attempt)
{
    const double base = double(m_initialBackoffMs) * std::pow(2.0, attempt - 1);
    const double jitter = 0.8 + 0.4 * m_jitter.generateDouble();
    return int(qMin(double(m_maxBackoffMs), base) * jitter);
}

void ReportUploader::onReply(QNetworkReply *reply, Upload upload)
{
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    const QByteArray body = reply->readAll();
    if (reply->error() == QNetworkReply::OperationCanceledError && m_stopping)
        return finish(upload, false, false, u"cancelled"_s);
    if (status == 0) {
        m_lastError = reply->errorString();
        if (upload.attempt < m_maxAttempts && !m_stopping) {
            const int delay = backoffMs(upload.attempt);
            return retryLater(std::move(upload), delay);
        }
        if (!m_everAnswered) {
            // Nothing ever answered: the server is down or the URL is wrong; stop instead of grinding on.
            m_unreachable = true;
            stop();
            return finish(upload, false, false, u"server unreachable: "_s + m_lastError);
        }
        return finish(upload, false, false, m_lastError);
    }
    m_everAnswered = true;
    if (status >= 200 && status < 300) {
        const bool duplicate = QJsonDocument::fromJson(body).object().value("duplicate"_L1).toBool();
        return finish(upload, true, duplicate, {});
    }
    const QString what = u"HTTP %1 %2"_s.arg(status).arg(errorCodeOf(body)).trimmed();
    m_lastError = what;
    if ((status == 429 || status >= 500) && upload.attempt < m_maxAttempts && !m_stopping) {
        const int retryAfter = retryAfterSeconds(reply);
        if (retryAfter > m_maxRetryAfterSeconds)
            return finish(upload, false, false, what + u", Retry-After %1 s is too long"_s.arg(retryAfter));
        const int delay = retryAfter >= 0 ? qMax(retryAfter * 1000, 1) : backoffMs(upload.attempt);
        return retryLater(std::move(upload), delay);
    }
    finish(upload, false, false, what);
}

void ReportUploader::retryLater(Upload upload, int delayMs)
{
    ++m_stats.retries;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    m_retryTimers.insert(timer);
    connect(timer, &QTimer::timeout, this, [this, timer, upload = std::move(upload)]() mutable {
        m_retryTimers.remove(timer);
        timer->deleteLater();
        post(std::move(upload));
    });
    timer->start(delayMs);
}

void ReportUploader::finish(const Upload &upload, bool ok, bool duplicate, const QString &error)
{
    --m_stats.inFlight;
    if (ok && duplicate)
        ++m_stats.duplicates;
    else if (ok)
        ++m_stats.accepted;
    else
        ++m_stats.failed;
    if (!ok)
        Q_EMIT reportFailed(upload.clientReportId, error);
    Q_EMIT progress(m_stats);
    if (!m_stopping)
        pump();
    maybeFinish();
}

void ReportUploader::maybeFinish()
{
    if (!m_running || m_stats.inFlight > 0)
        return;
    if (!m_stopping && (m_count == 0 || m_stats.sent < m_count))
        return;
    m_running = false;
    m_pacer.stop();
    Q_EMIT finished();
}

} // namespace relaydesk::sim

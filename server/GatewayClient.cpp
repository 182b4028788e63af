#include "server/GatewayClient.h"

#include "core/GatewaySigning.h"
#include "server/ServerLog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

// Retry-After: delta seconds or an HTTP date; -1 when absent or unreadable.
qint64 parseRetryAfter(const QByteArray &value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : seconds * 1000;
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    return at.isValid() ? qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(at)) : -1;
}

} // namespace

QString GatewayOutcome::outcomeName() const
{
    switch (kind) {
    case Kind::Delivered: return u"delivered"_s;
    case Kind::Duplicate: return u"duplicate_suppressed"_s;
    case Kind::Refused: return u"refused"_s;
    case Kind::Unauthorized: return u"unauthorized"_s;
    case Kind::Transient: break;
    }
    return u"transient"_s;
}

GatewayClient::GatewayClient(QUrl base, QByteArray secret, int timeoutMs, QObject *parent)
    : QObject(parent), m_base(std::move(base)), m_secret(std::move(secret)), m_timeoutMs(timeoutMs)
{
    pick(); // the first manager; more are made when requests overlap
}

GatewayClient::~GatewayClient() = default; // the managers are children: their replies go with them

GatewayClient::Manager &GatewayClient::pick()
{
    Manager *best = nullptr;
    for (Manager &m : m_pool) {
        if (!best || m.inFlight < best->inFlight)
            best = &m;
    }
    if (best && (best->inFlight < kConnectionsPerManager || m_pool.size() >= kMaxManagers))
        return *best;
    auto *nam = new QNetworkAccessManager(this);
    nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_pool.append({nam, 0});
    return m_pool.last();
}

GatewayOutcome GatewayClient::classify(int httpStatus, const QByteArray &body, const QByteArray &retryAfter)
{
    GatewayOutcome o;
    o.httpStatus = httpStatus;
    o.retryAfterMs = parseRetryAfter(retryAfter);
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QJsonObject error = json.value("error"_L1).toObject();
    o.code = error.value("code"_L1).toString();
    o.message = error.value("message"_L1).toString();
    if (httpStatus == 200) {
        const QString status = json.value("status"_L1).toString();
        o.deliveryId = json.value("delivery_id"_L1).toString();
        if (status == "delivered"_L1)
            o.kind = GatewayOutcome::Kind::Delivered;
        else if (status == "duplicate_suppressed"_L1)
            o.kind = GatewayOutcome::Kind::Duplicate;
        else
            o.code = u"bad_answer"_s; // transient: the same key makes a retry safe
        return o;
    }
    if (httpStatus == 401)
        o.kind = GatewayOutcome::Kind::Unauthorized;
    else if (httpStatus >= 400 && httpStatus < 500 && httpStatus != 408 && httpStatus != 429)
        o.kind = GatewayOutcome::Kind::Refused;
    if (o.code.isEmpty())
        o.code = u"http_%1"_s.arg(httpStatus);
    return o;
}

void GatewayClient::send(const GatewayCall &call, std::function<void(const GatewayOutcome &)> done)
{
    QUrl url = m_base;
    QString basePath = url.path(QUrl::FullyEncoded);
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    const QByteArray path = (basePath + call.path).toUtf8();
    url.setPath(QString::fromUtf8(path), QUrl::StrictMode);
    const qint64 timestamp = QDateTime::currentSecsSinceEpoch();

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader(kGatewayIdempotencyHeader, call.idempotencyKey.toUtf8());
    request.setRawHeader(kGatewayTimestampHeader, QByteArray::number(timestamp));
    request.setRawHeader(kGatewaySignatureHeader, gatewaySignature(m_secret, timestamp, "POST", path, call.body));
    request.setTransferTimeout(m_timeoutMs);
    Manager &manager = pick();
    QNetworkReply *reply = manager.nam->post(request, call.body);
    ++manager.inFlight;
    ++m_inFlight;
    connect(reply, &QNetworkReply::finished, this, [this, reply, nam = manager.nam, done = std::move(done)] {
        reply->deleteLater();
        --m_inFlight;
        for (Manager &m : m_pool) {
            if (m.nam == nam)
                --m.inFlight;
        }
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            GatewayOutcome o;
            o.code = reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError
                         ? u"timeout"_s
                         : u"connection_error"_s;
            o.message = reply->errorString();
            done(o);
            return;
        }
        done(classify(status.toInt(), reply->readAll(), reply->rawHeader("Retry-After")));
    });
}

} // namespace relaydesk::server

#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace relaydesk::server {

// One request to the IM gateway (docs/gateway.md).
struct GatewayCall
{
    QString path;           // e.g. /v1/messages/m-1/resend (already percent-encoded)
    QByteArray body;        // JSON
    QString idempotencyKey; // the same for every attempt of one intended effect
};

// What the gateway answered, classified into what the service does next.
struct GatewayOutcome
{
    enum class Kind {
        Delivered,    // 200 delivered
        Duplicate,    // 200 duplicate_suppressed: the effect had already happened
        Refused,      // final 4xx: never retried
        Unauthorized, // 401: configuration error (secret or clock)
        Transient     // 408/429/5xx, timeout, connection error, unreadable answer: retry with backoff
    };
    Kind kind = Kind::Transient;
    int httpStatus = 0;       // 0: no HTTP answer
    QString code;             // error.code, or timeout / connection_error / bad_answer
    QString message;
    QString deliveryId;
    qint64 retryAfterMs = -1; // Retry-After, when given

    bool succeeded() const { return kind == Kind::Delivered || kind == Kind::Duplicate; }
    QString outcomeName() const; // delivered, duplicate_suppressed, refused, unauthorized, transient
};

// Outbound HTTP to the IM gateway: HMAC-SHA256 signed (core/GatewaySigning.h), Idempotency-Key header,
// transfer timeout, no redirects. Lives on the service's thread; `done` is called there exactly once.
// Qt 6.4's QNetworkAccessManager opens at most 6 connections per host (and has no QHttp1Configuration to
// change that), so requests beyond 6 in flight would queue inside it: the client keeps a pool of managers,
// sends each request through the least busy one and adds a manager when every one has 6 in flight (up to
// kMaxManagers). How many requests are in flight is the caller's bound (OutboxDispatcher, per region).
class GatewayClient final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kConnectionsPerManager = 6;
    static constexpr int kMaxManagers = 64;

    GatewayClient(QUrl base, QByteArray secret, int timeoutMs, QObject *parent = nullptr);
    ~GatewayClient() override;

    void send(const GatewayCall &call, std::function<void(const GatewayOutcome &)> done);
    static GatewayOutcome classify(int httpStatus, const QByteArray &body, const QByteArray &retryAfter);

    int inFlight() const { return m_inFlight; }
    int managers() const { return int(m_pool.size()); }

private:
    struct Manager
    {
        QNetworkAccessManager *nam = nullptr;
        int inFlight = 0;
    };
    Manager &pick();

    QUrl m_base;
    QByteArray m_secret;
    int m_timeoutMs;
    QList<Manager> m_pool;
    int m_inFlight = 0;
};

} // namespace relaydesk::server

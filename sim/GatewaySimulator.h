#pragma once

#include "core/Enums.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace relaydesk::sim {

class GatewayHttpServer;
class GatewayLedger;
class GatewayOutcomes;
struct GatewayRequest;
struct GatewayAnswer;

// One Idempotency-Key as the gateway saw it (also served by GET /v1/_sim/received).
struct GatewayDelivery
{
    QString idempotencyKey;
    QString kind;            // "resend" or "notice"
    QString clientMessageId; // resend only
    QString userId;          // notice only
    QString region;          // region of the last attempt; empty: the default route
    int attempts = 0;        // signed, valid requests that carried this key
    int delivered = 0; // times it actually reached the recipient: 0 or 1 for a correct sender and gateway
};

// The IM platform's gateway for relaydesk-server (docs/gateway.md): verifies signatures and timestamps,
// validates bodies, de-duplicates on Idempotency-Key and client message id, and answers each resend the way a
// real platform would for the message's hidden true cause (registerTruth) and the health of the region it is
// routed through. Deterministic for a given seed and request order.
class GatewaySimulator final : public QObject
{
    Q_OBJECT

public:
    explicit GatewaySimulator(const QByteArray &secret, quint32 seed = 1, QObject *parent = nullptr);
    ~GatewaySimulator() override;
    Q_DISABLE_COPY_MOVE(GatewaySimulator)

    // Port 0 picks a free port. False with *error set when the address cannot be bound.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // http://HOST:PORT (127.0.0.1 when listening on any address)

    // The hidden truth behind a failed message. `family` is the signature family id (e.g. "user_blocked") and
    // picks the platform error code; `region` is where the message failed. Unknown ids behave like a network
    // failure that has healed: delivered on the first attempt.
    void registerTruth(const QString &clientMessageId, Cause cause, const QString &family = {},
                       const QString &region = {});
    // A degraded region refuses server-cause messages routed through it (503/429 with Retry-After).
    void setRegionDegraded(const QString &region, bool degraded);
    // A region that is down answers every request routed to it 503 with Retry-After: 5.
    void setRegionDown(const QString &region, bool down);
    bool isRegionDown(const QString &region) const;

    void setLatency(int ms); // delay before every answer; the effect (delivery) happens on arrival
    // Chance (0..1, default 0.5) that the first attempt for a network-cause message fails transiently.
    void setTransientFailureRate(double rate);
    // How long a "timeout" transient failure holds the answer before a 504 (default 20000 ms).
    void setStallMs(int ms);

    qint64 totalRequests() const { return m_totalRequests; } // every HTTP request, valid or not
    // Resend and notice requests received and not yet answered (or dropped), now and at most so far; per
    // region too (the region the request was routed through; empty: the default route or not yet parsed).
    int inFlight() const { return m_inFlight; }
    int maxInFlight() const { return m_maxInFlight; }
    int maxInFlight(const QString &region) const { return m_regionMaxInFlight.value(region); }
    void resetMaxInFlight(); // the maxima restart from what is in flight now
    // While held, every answer waits (the effect still happens on arrival); releasing sends them all, each
    // after its own delay. Lets tests count concurrent requests without depending on timing.
    void setHoldAnswers(bool hold);
    qint64 duplicatesSuppressed() const;
    int deliveriesForKey(const QString &idempotencyKey) const;
    int deliveriesForMessage(const QString &clientMessageId) const;
    int attemptsForMessage(const QString &clientMessageId) const;
    QList<GatewayDelivery> deliveries() const; // in order of first arrival
    // The body of every delivered notice with "user_id" and "idempotency_key" added, in order (tests read the
    // survey link a user got).
    QList<QJsonObject> deliveredNotices() const { return m_notices; }
    QJsonObject receivedJson() const;          // the body of GET /v1/_sim/received

Q_SIGNALS:
    // After every answer is written (status 0: the connection was dropped without an answer).
    void answered(const QString &path, int status);

private:
    void handle(const GatewayRequest &request);
    GatewayAnswer answer(const GatewayRequest &request);
    GatewayAnswer simRequest(const GatewayRequest &request);
    GatewayAnswer resend(const GatewayRequest &request, const QString &clientMessageId);
    GatewayAnswer notice(const GatewayRequest &request, const QString &userId);
    void send(const GatewayRequest &request, const GatewayAnswer &answer);
    void schedule(const GatewayRequest &request, const GatewayAnswer &answer, const QString &region);
    void finish(const QString &region);

    QByteArray m_secret;
    std::unique_ptr<GatewayHttpServer> m_http;
    std::unique_ptr<GatewayLedger> m_ledger;
    std::unique_ptr<GatewayOutcomes> m_outcomes;
    quint16 m_port = 0;
    QHostAddress m_address;
    int m_latencyMs = 0;
    qint64 m_totalRequests = 0;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    QHash<QString, int> m_regionInFlight;
    QHash<QString, int> m_regionMaxInFlight;
    QString m_routedRegion; // set by resend()/notice() for the request being answered
    bool m_hold = false;
    QList<std::function<void()>> m_held; // answers waiting for setHoldAnswers(false)
    QList<QJsonObject> m_notices;
};

} // namespace relaydesk::sim

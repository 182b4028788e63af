#pragma once

#include "core/Enums.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QString>

namespace relaydesk::sim {

// What the platform does with one resend attempt.
struct ResendOutcome
{
    enum class Kind
    {
        Deliver,    // 200 delivered
        Refuse,     // final 4xx, remembered for the key
        Transient,  // 429/5xx with or without Retry-After, not remembered
        Drop,       // connection closed before anything happened
        LostAnswer, // delivered, then the connection closed before the answer
        Stall,      // nothing happens for a while, then 504
    };
    Kind kind = Kind::Deliver;
    int status = 200;
    QString code;
    QString message;
    int retryAfterSeconds = -1;
};

// The platform's behaviour: decides each resend from the message's hidden true cause, the region it is routed
// through and a seeded random stream. Rules (docs/gateway.md, "Simulated outcomes"):
//   network: the first attempt fails transiently with probability transientFailureRate, later ones deliver;
//   server:  503 (Retry-After 2) or 429 (Retry-After 3, rate-limit families) while routed through the region
//   it
//            failed in or a degraded region, delivered through any other region;
//   client:  409 RESEND_FROM_DEVICE_REQUIRED; policy: 403 with the family's platform code;
//   user:    the family's 400/404/410/413/415 code; unknown ids and Cause::Unknown: delivered.
class GatewayOutcomes final
{
public:
    struct Truth
    {
        Cause cause = Cause::Unknown;
        QString family;
        QString region;
    };

    explicit GatewayOutcomes(quint32 seed);
    Q_DISABLE_COPY_MOVE(GatewayOutcomes)

    void registerTruth(const QString &clientMessageId, const Truth &truth)
    {
        m_truths.insert(clientMessageId, truth);
    }
    Truth truth(const QString &clientMessageId) const { return m_truths.value(clientMessageId); }

    void setRegionDegraded(const QString &region, bool degraded);
    void setRegionDown(const QString &region, bool down);
    bool isRegionDown(const QString &region) const { return m_down.contains(region); }
    void setTransientFailureRate(double rate) { m_transientRate = qBound(0.0, rate, 1.0); }
    void setStallMs(int ms) { m_stallMs = qMax(0, ms); }
    int stallMs() const { return m_stallMs; }

    // The region a resend goes through: the requested one, else the one the message failed in.
    QString route(const QString &clientMessageId, const QString &requestedRegion) const;
    ResendOutcome resend(const QString &clientMessageId, const QString &region);

private:
    ResendOutcome network(const QString &clientMessageId);
    ResendOutcome server(const Truth &truth, const QString &region) const;
    static ResendOutcome refusal(const Truth &truth, int fallbackStatus, const QString &fallbackCode);

    QRandomGenerator m_random;
    QHash<QString, Truth> m_truths;
    QHash<QString, int> m_decided; // resend decisions per message
    QSet<QString> m_degraded;
    QSet<QString> m_down;
    double m_transientRate = 0.5;
    int m_stallMs = 20000;
};

} // namespace relaydesk::sim

#include "sim/GatewayOutcomes.h"

#include "sim/SignatureTables.h"

namespace relaydesk::sim {

using namespace Qt::StringLiterals;

namespace {

constexpr int kServerRetryAfter = 2;
constexpr int kRateLimitRetryAfter = 3;

const SignatureFamily *findFamily(Cause cause, const QString &name)
{
    if (name.isEmpty() || cause == Cause::Unknown || cause == Cause::Count)
        return nullptr;
    for (const SignatureFamily &family : tables::familiesOf(cause)) {
        if (name == QLatin1StringView(family.name))
            return &family;
    }
    return nullptr;
}

// The platform code of a family: the first of "android|apple|electron" variants, placeholders filled.
QString familyCode(const SignatureFamily &family)
{
    QString code = QString::fromLatin1(family.errorCode).section(u'|', 0, 0);
    code.replace(u"{retry}"_s, QString::number(kRateLimitRetryAfter));
    return code;
}

bool isFinalRefusal(int status)
{
    return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
}

} // namespace

GatewayOutcomes::GatewayOutcomes(quint32 seed) : m_random(seed) {}

void GatewayOutcomes::setRegionDegraded(const QString &region, bool degraded)
{
    if (degraded)
        m_degraded.insert(region);
    else
        m_degraded.remove(region);
}

void GatewayOutcomes::setRegionDown(const QString &region, bool down)
{
    if (down)
        m_down.insert(region);
    else
        m_down.remove(region);
}

QString GatewayOutcomes::route(const QString &clientMessageId, const QString &requestedRegion) const
{
    return requestedRegion.isEmpty() ? m_truths.value(clientMessageId).region : requestedRegion;
}

ResendOutcome GatewayOutcomes::resend(const QString &clientMessageId, const QString &region)
{
    const Truth truth = m_truths.value(clientMessageId);
    switch (truth.cause) {
    case Cause::Network:
        return network(clientMessageId);
    case Cause::Server:
        return server(truth, region);
    case Cause::Client: {
        ResendOutcome outcome;
        outcome.kind = ResendOutcome::Kind::Refuse;
        outcome.status = 409;
        outcome.code = u"RESEND_FROM_DEVICE_REQUIRED"_s;
        outcome.message = u"the sending app crashed; the message can only be resent from the same device"_s;
        return outcome;
    }
    case Cause::Policy:
        return refusal(truth, 403, u"M_FORBIDDEN"_s);
    case Cause::User:
        return refusal(truth, 400, u"PEER_ID_INVALID"_s);
    case Cause::Unknown:
    case Cause::Count:
        break;
    }
    return {};
}

ResendOutcome GatewayOutcomes::network(const QString &clientMessageId)
{
    const int decision = ++m_decided[clientMessageId];
    ResendOutcome outcome;
    if (decision > 1 || m_random.generateDouble() >= m_transientRate)
        return outcome;
    switch (m_random.bounded(4)) {
    case 0:
        outcome.kind = ResendOutcome::Kind::Transient;
        outcome.status = 503;
        outcome.code = u"UPSTREAM_UNREACHABLE"_s;
        outcome.message = u"the recipient's connection did not answer"_s;
        break;
    case 1:
        outcome.kind = ResendOutcome::Kind::Drop;
        break;
    case 2:
        outcome.kind = ResendOutcome::Kind::LostAnswer;
        break;
    default:
        outcome.kind = ResendOutcome::Kind::Stall;
        outcome.status = 504;
        outcome.code = u"GATEWAY_TIMEOUT"_s;
        outcome.message = u"upstream request timeout"_s;
        break;
    }
    return outcome;
}

ResendOutcome GatewayOutcomes::server(const Truth &truth, const QString &region) const
{
    ResendOutcome outcome;
    if (region != truth.region && !m_degraded.contains(region))
        return outcome;
    outcome.kind = ResendOutcome::Kind::Transient;
    const SignatureFamily *family = findFamily(Cause::Server, truth.family);
    if (family && family->httpStatus == 429) {
        outcome.status = 429;
        outcome.code = familyCode(*family);
        outcome.message = u"too many requests through %1"_s.arg(region);
        outcome.retryAfterSeconds = kRateLimitRetryAfter;
    } else {
        outcome.status = 503;
        outcome.code = u"SERVICE_UNAVAILABLE"_s;
        outcome.message =
            u"message store in %1 unavailable"_s.arg(region.isEmpty() ? u"the default region"_s : region);
        outcome.retryAfterSeconds = kServerRetryAfter;
    }
    return outcome;
}

ResendOutcome GatewayOutcomes::refusal(const Truth &truth, int fallbackStatus, const QString &fallbackCode)
{
    ResendOutcome outcome;
    outcome.kind = ResendOutcome::Kind::Refuse;
    outcome.status = fallbackStatus;
    outcome.code = fallbackCode;
    const SignatureFamily *family = findFamily(truth.cause, truth.family);
    if (family && isFinalRefusal(family->httpStatus)) {
        outcome.status = family->httpStatus;
        outcome.code = familyCode(*family);
    }
    outcome.message = family ? QString::fromLatin1(family->errorMessage) : QString();
    if (outcome.message.isEmpty() || outcome.message.contains(u'{'))
        outcome.message = u"refused by the platform: %1"_s.arg(outcome.code);
    return outcome;
}

} // namespace relaydesk::sim

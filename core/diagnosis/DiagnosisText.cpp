#include "DiagnosisText.h"

#include <QRegularExpression>

namespace relaydesk {

using namespace Qt::StringLiterals;

QString expandWhy(const QString &why, const Report &report)
{
    if (!why.contains(u'{'))
        return why;
    QString out = why;
    const FailureInfo &f = report.failure;
    out.replace(u"{error_code}"_s, f.errorCode.isEmpty() ? u"(no code)"_s : f.errorCode.left(128));
    out.replace(u"{http_status}"_s,
                f.httpStatus == 0 ? u"no HTTP response"_s : QString::number(f.httpStatus));
    out.replace(u"{endpoint}"_s, f.endpoint.left(128));
    out.replace(u"{network}"_s, toWire(report.device.network));
    out.replace(u"{region}"_s, f.region.left(64));
    out.replace(u"{app_version}"_s, report.device.appVersion.left(64));
    return out;
}

QString actionPhrase(RecommendedAction action)
{
    switch (action) {
    case RecommendedAction::Retry:
        return u"retry with the same idempotency key (backoff 2/4/8/16 s)"_s;
    case RecommendedAction::WaitAndRetry:
        return u"wait for Retry-After, then retry with the same idempotency key, never sooner"_s;
    case RecommendedAction::Reroute:
        return u"resend via a healthy region with the same idempotency key"_s;
    case RecommendedAction::ReplyGuidance:
        return u"reply to the user with guidance, do not retry"_s;
    case RecommendedAction::AskUpgrade:
        return u"ask the user to upgrade or restart the app"_s;
    case RecommendedAction::EscalateEngineering:
        return u"escalate to engineering with the stack, app and OS version"_s;
    case RecommendedAction::TrustAndSafety:
        return u"send to the trust-and-safety queue, do not retry"_s;
    case RecommendedAction::Escalate:
    case RecommendedAction::Count:
        break;
    }
    return u"escalate to a tier-2 agent"_s;
}

int retryAfterSeconds(const Report &report)
{
    static const QRegularExpression re(
        u"(?:retry[- _]after[:= ]*|FLOOD_WAIT_|SLOWMODE_WAIT_|a wait of )(\\d{1,6})"_s,
        QRegularExpression::CaseInsensitiveOption);
    for (const QString *text : {&report.failure.errorCode, &report.failure.errorMessage}) {
        const auto m = re.match(*text);
        if (m.hasMatch())
            return m.capturedView(1).toInt();
    }
    return -1;
}

QString decidedSummary(Cause cause, double confidence, const QString &why, RecommendedAction action,
                       const Report &report)
{
    QString todo = actionPhrase(action);
    if (action == RecommendedAction::WaitAndRetry) {
        if (const int wait = retryAfterSeconds(report); wait >= 0)
            todo = u"wait %1 s (Retry-After), then retry with the same idempotency key, never sooner"_s.arg(
                wait);
    }
    QString reason = why;
    while (reason.endsWith(u'.'))
        reason.chop(1);
    return u"%1 (%2): %3. Do: %4."_s.arg(toWire(cause), QString::number(confidence, 'f', 2), reason, todo);
}

QString undecidedSummary(Cause top, double topScore, Cause second, double secondScore)
{
    QString reason;
    if (top == Cause::Unknown)
        reason = u"no rule matched the report or the log"_s;
    else if (second != Cause::Unknown && secondScore >= topScore * 0.5)
        reason = u"conflicting signals (%1 %2 vs %3 %4)"_s.arg(toWire(top), QString::number(topScore, 'f', 2),
                                                               toWire(second),
                                                               QString::number(secondScore, 'f', 2));
    else
        reason = u"evidence too weak (%1 %2)"_s.arg(toWire(top), QString::number(topScore, 'f', 2));
    return u"unknown: %1. Do: %2."_s.arg(reason, actionPhrase(RecommendedAction::Escalate));
}

} // namespace relaydesk

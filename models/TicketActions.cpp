#include "TicketActions.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUuid>

namespace relaydesk::models {

TicketActions::TicketActions(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

QString TicketActions::name(Kind kind)
{
    switch (kind) {
    case Kind::Claim: return QCoreApplication::translate("TicketActions", "Claim");
    case Kind::Release: return QCoreApplication::translate("TicketActions", "Release");
    case Kind::Resend: return QCoreApplication::translate("TicketActions", "Resend");
    case Kind::Reroute: return QCoreApplication::translate("TicketActions", "Reroute");
    case Kind::Reply: return QCoreApplication::translate("TicketActions", "Reply");
    case Kind::Transfer: return QCoreApplication::translate("TicketActions", "Transfer");
    case Kind::Note: return QCoreApplication::translate("TicketActions", "Note");
    case Kind::Resolve: return QCoreApplication::translate("TicketActions", "Resolve");
    case Kind::Reopen: return QCoreApplication::translate("TicketActions", "Reopen");
    }
    return {};
}

bool TicketActions::isPending(qint64 ticketId, Kind kind) const { return m_pending.contains(slot(ticketId, kind)); }

bool TicketActions::canRetry(qint64 ticketId, Kind kind) const { return m_failed.contains(slot(ticketId, kind)); }

bool TicketActions::start(qint64 ticketId, Kind kind, const ActionArgs &args)
{
    if (isPending(ticketId, kind))
        return false;
    m_failed.remove(slot(ticketId, kind));
    send(ticketId, Request{kind, args, QUuid::createUuid().toString(QUuid::WithoutBraces)});
    return true;
}

void TicketActions::observeEvents(qint64 ticketId, const QList<TicketEvent> &events)
{
    if (m_awaiting.isEmpty())
        return;
    for (const TicketEvent &e : events) {
        if (e.kind != QLatin1String("action_outcome"))
            continue;
        const qint64 actionId = e.detail.value(QLatin1String("action_id")).toInteger();
        const auto it = m_awaiting.constFind(actionId);
        if (it == m_awaiting.constEnd() || it->ticketId != ticketId)
            continue;
        const Awaiting awaiting = *it;
        m_awaiting.erase(it);
        const QString outcome = e.detail.value(QLatin1String("outcome")).toString();
        const QString region = e.detail.value(QLatin1String("region")).toString();
        QString message;
        if (outcome == QLatin1String("delivered")) {
            message = region.isEmpty() ? QCoreApplication::translate("TicketActions", "delivered")
                                       : QCoreApplication::translate("TicketActions", "delivered via %1").arg(region);
        } else if (outcome == QLatin1String("duplicate_suppressed")) {
            message = QCoreApplication::translate("TicketActions", "duplicate suppressed: the user already has it");
        } else {
            const int status = e.detail.value(QLatin1String("http_status")).toInt();
            const QString code = e.detail.value(QLatin1String("code")).toString();
            const QString reason = status > 0 ? QStringLiteral("%1 %2").arg(status).arg(code).trimmed() : code;
            message = reason.isEmpty() ? QCoreApplication::translate("TicketActions", "failed at the gateway")
                                       : QCoreApplication::translate("TicketActions", "failed at the gateway: %1").arg(reason);
            // The first action has its answer; trying again is a new action with its own key.
            Request again = awaiting.request;
            again.key = QUuid::createUuid().toString(QUuid::WithoutBraces);
            m_failed.insert(slot(ticketId, again.kind), again);
        }
        emit outcomeArrived(ticketId, awaiting.request.kind, outcome, message);
    }
}

bool TicketActions::retry(qint64 ticketId, Kind kind)
{
    const auto it = m_failed.constFind(slot(ticketId, kind));
    if (it == m_failed.constEnd() || isPending(ticketId, kind))
        return false;
    const Request request = *it;
    m_failed.erase(it);
    send(ticketId, request);
    return true;
}

void TicketActions::send(qint64 ticketId, const Request &request)
{
    const quint64 key = slot(ticketId, request.kind);
    m_pending.insert(key, request);
    emit pendingChanged(ticketId);

    QPointer<TicketActions> self(this);
    const auto finish = [self, this, ticketId, key, request](const ApiError *error, const QString &message) {
        if (!self)
            return;
        m_pending.remove(key);
        if (error) {
            m_failed.insert(key, request);
            emit failed(ticketId, request.kind, error->message, *error);
        } else {
            emit accepted(ticketId, request.kind, message);
        }
        emit pendingChanged(ticketId);
    };
    const auto onTicket = [self, this, finish](ApiResult<Ticket> r) {
        if (!self)
            return;
        if (!r.ok())
            return finish(&r.error, {});
        emit ticketUpdated(*r.value);
        finish(nullptr, {});
    };
    const auto onGateway = [self, this, finish, ticketId, request](ApiResult<ActionStatus> r) {
        if (!self)
            return;
        if (!r.ok())
            return finish(&r.error, {});
        m_awaiting.insert(r.value->actionId, Awaiting{ticketId, request});
        finish(nullptr, r.value->coalesced
                            ? QCoreApplication::translate("TicketActions", "Joined the resend already on its way.")
                            : QCoreApplication::translate("TicketActions", "Sent to the gateway; waiting for its answer."));
    };

    const ActionArgs &a = request.args;
    switch (request.kind) {
    case Kind::Claim: m_api->claim(ticketId, request.key, onTicket); break;
    case Kind::Release: m_api->release(ticketId, request.key, onTicket); break;
    case Kind::Resend: m_api->resend(ticketId, request.key, a.region, onGateway); break;
    case Kind::Reroute: m_api->reroute(ticketId, request.key, a.region.value_or(QString()), onGateway); break;
    case Kind::Reply: m_api->reply(ticketId, request.key, a.locale, a.title, a.body, onGateway, a.kbArticles); break;
    case Kind::Transfer: m_api->transfer(ticketId, request.key, a.queue, a.assignee, onTicket); break;
    case Kind::Note: m_api->note(ticketId, request.key, a.text, onTicket); break;
    case Kind::Resolve: m_api->resolve(ticketId, request.key, a.resolution, onTicket); break;
    case Kind::Reopen: m_api->reopen(ticketId, request.key, a.text, onTicket); break;
    }
}

} // namespace relaydesk::models

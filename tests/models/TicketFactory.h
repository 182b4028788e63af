#pragma once

#include "core/Ticket.h"

#include <QDateTime>

// Builds valid tickets for model tests; the fields tests vary are parameters.
inline relaydesk::Ticket makeTicket(qint64 id, qint64 seq, const QString &user = QStringLiteral("Ann"),
                                    relaydesk::Cause cause = relaydesk::Cause::Unknown,
                                    const QString &region = QStringLiteral("eu-west"),
                                    relaydesk::TicketStatus status = relaydesk::TicketStatus::Escalated,
                                    const QString &assignee = {})
{
    relaydesk::Ticket t;
    t.id = id;
    t.reportId = id;
    t.seq = seq;
    t.status = status;
    t.cause = cause;
    t.queue = QStringLiteral("tier2");
    t.assignee = assignee;
    t.createdAt = QDateTime(QDate(2026, 3, 17), QTime(16, 0), Qt::UTC).addSecs(id * 60);
    t.updatedAt = t.createdAt.addSecs(seq);
    t.clientReportId = QStringLiteral("r-%1").arg(id);
    t.userId = QStringLiteral("u-%1").arg(id);
    t.userName = user;
    t.userLocale = QStringLiteral("en");
    t.osVersion = QStringLiteral("14");
    t.appVersion = QStringLiteral("8.4.1");
    t.clientMessageId = QStringLiteral("m-%1").arg(id);
    t.conversationId = QStringLiteral("c-1");
    t.recipientId = QStringLiteral("u-2");
    t.sentAt = t.createdAt.addSecs(-30);
    t.endpoint = QStringLiteral("/v1/messages/send");
    t.httpStatus = 503;
    t.errorCode = QStringLiteral("SERVICE_UNAVAILABLE");
    t.region = region;
    t.attempts = 3;
    return t;
}

#pragma once

#include "Diagnosis.h"
#include "Enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace relaydesk {

// The user's answer to the satisfaction survey sent when an agent resolved the ticket (docs/api.md, "Surveys").
struct Csat
{
    int score = 0;   // 1..5
    QString comment; // may be empty
    QDateTime answeredAt;
};

// A ticket as the service exposes it to consoles: the report's facts flattened for lists, plus the
// ticket's own state. `seq` is the change sequence: it grows every time the ticket changes.
struct Ticket
{
    qint64 id = 0;
    qint64 reportId = 0;
    qint64 seq = 0;
    TicketStatus status = TicketStatus::Reported;
    Cause cause = Cause::Unknown;
    QString queue;    // e.g. "tier2"
    QString assignee; // username, empty when unassigned
    QDateTime createdAt;
    QDateTime updatedAt;

    QString clientReportId;
    QString userId;
    QString userName;
    QString userLocale;
    Platform platform = Platform::Android;
    QString osVersion;
    QString deviceModel;
    QString appVersion;
    NetworkType network = NetworkType::Unknown;
    QString carrier;
    QString clientMessageId;
    QString conversationId;
    QString recipientId;
    MessageKind messageKind = MessageKind::Text;
    qint64 messageSize = 0;
    QDateTime sentAt;
    QString preview;
    QString endpoint;
    int httpStatus = 0;
    QString errorCode;
    QString errorMessage;
    QString region;
    int attempts = 0;
    QString comment;
    LogFormat logFormat = LogFormat::Auto;
    qint64 logSize = 0; // bytes of the uncompressed log
    std::optional<Diagnosis> diagnosis; // the automatic diagnosis; absent for tickets stored before it existed
    std::optional<Csat> csat;           // the latest survey answer; absent until the user answered one
};

// One step on a ticket's timeline. Nothing about a ticket changes without one.
struct TicketEvent
{
    qint64 id = 0;
    qint64 ticketId = 0;
    QDateTime at;
    QString actor; // "system", "tier1", or a username
    QString kind;  // "reported", "escalated", "claimed", ...
    QString summary;
    QJsonObject detail;
};

} // namespace relaydesk

#pragma once

#include "Enums.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

// The intake contract: what an IM client uploads when the user presses "report failed message".
namespace relaydesk {

struct UserInfo
{
    QString id;
    QString displayName;
    QString locale; // BCP 47-ish, e.g. "zh_CN" or "en"
};

struct DeviceFacts
{
    Platform platform = Platform::Android;
    QString osVersion;
    QString model;
    QString appVersion;
    NetworkType network = NetworkType::Unknown;
    QString carrier; // optional
};

struct FailedMessage
{
    QString clientMessageId;
    QString conversationId;
    QString recipientId;
    MessageKind kind = MessageKind::Text;
    qint64 sizeBytes = 0;
    QDateTime sentAt;
    QString preview; // optional, first characters of the message
};

struct FailureInfo
{
    QString endpoint;
    int httpStatus = 0; // 0: no HTTP response at all
    QString errorCode;  // optional
    QString errorMessage;
    QString region;
    int attempts = 0;
};

struct LogPayload
{
    LogFormat format = LogFormat::Auto;
    LogEncoding encoding = LogEncoding::Text;
    QByteArray data; // as sent: text, or base64 of a gzip stream
};

struct Report
{
    QString clientReportId;
    QDateTime reportedAt;
    UserInfo user;
    DeviceFacts device;
    FailedMessage message;
    FailureInfo failure;
    QString comment; // optional
    LogPayload log;
};

} // namespace relaydesk

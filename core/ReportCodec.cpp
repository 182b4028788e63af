#include "ReportCodec.h"

#include "JsonReader.h"
#include "Limits.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace relaydesk {

using namespace Qt::StringLiterals;

Decoded<QJsonObject> parseJsonObject(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return DecodeError{{}, QStringLiteral("invalid JSON at offset %1: %2").arg(error.offset).arg(error.errorString())};
    if (!doc.isObject())
        return DecodeError{{}, QStringLiteral("the body must be a JSON object")};
    return doc.object();
}

UserInfo readUser(JsonReader &r)
{
    UserInfo u;
    u.id = r.requiredString("id"_L1, limits::kMaxIdLength);
    u.displayName = r.optionalString("display_name"_L1, limits::kMaxShortText);
    u.locale = r.requiredString("locale"_L1, 35);
    return u;
}

DeviceFacts readDevice(JsonReader &r)
{
    DeviceFacts d;
    d.platform = r.requiredEnum<Platform>("platform"_L1);
    d.osVersion = r.requiredString("os_version"_L1, limits::kMaxShortText);
    d.model = r.optionalString("model"_L1, limits::kMaxShortText);
    d.appVersion = r.requiredString("app_version"_L1, limits::kMaxShortText);
    d.network = r.optionalEnum<NetworkType>("network"_L1, NetworkType::Unknown);
    d.carrier = r.optionalString("carrier"_L1, limits::kMaxShortText);
    return d;
}

FailedMessage readMessage(JsonReader &r)
{
    FailedMessage m;
    m.clientMessageId = r.requiredString("client_message_id"_L1, limits::kMaxIdLength);
    m.conversationId = r.requiredString("conversation_id"_L1, limits::kMaxIdLength);
    m.recipientId = r.requiredString("recipient_id"_L1, limits::kMaxIdLength);
    m.kind = r.requiredEnum<MessageKind>("kind"_L1);
    m.sizeBytes = r.optionalInt("size_bytes"_L1, 0, qint64(1) << 40, 0);
    m.sentAt = r.requiredTime("sent_at"_L1);
    m.preview = r.optionalString("preview"_L1, limits::kMaxTextLength);
    return m;
}

FailureInfo readFailure(JsonReader &r)
{
    FailureInfo f;
    f.endpoint = r.requiredString("endpoint"_L1, limits::kMaxEndpointLength);
    f.httpStatus = int(r.requiredInt("http_status"_L1, 0, 599));
    if (f.httpStatus != 0 && f.httpStatus < 100)
        r.fail("http_status"_L1, QStringLiteral("must be 0 (no response) or an HTTP status 100-599"));
    f.errorCode = r.optionalString("error_code"_L1, limits::kMaxIdLength);
    f.errorMessage = r.optionalString("error_message"_L1, limits::kMaxTextLength);
    f.region = r.requiredString("region"_L1, 64);
    f.attempts = int(r.requiredInt("attempts"_L1, 0, 1000));
    return f;
}

Decoded<Report> decodeReport(const QJsonObject &json)
{
    JsonReader r(json);
    Report report;
    report.clientReportId = r.requiredString("client_report_id"_L1, limits::kMaxIdLength);
    report.reportedAt = r.requiredTime("reported_at"_L1);
    {
        JsonReader u = r.object("user"_L1);
        report.user = readUser(u);
    }
    {
        JsonReader d = r.object("device"_L1);
        report.device = readDevice(d);
    }
    {
        JsonReader m = r.object("message"_L1);
        report.message = readMessage(m);
    }
    {
        JsonReader f = r.object("failure"_L1);
        report.failure = readFailure(f);
    }
    report.comment = r.optionalString("comment"_L1, limits::kMaxTextLength);
    if (auto log = r.optionalObject("log"_L1)) {
        report.log.format = log->optionalEnum<LogFormat>("format"_L1, LogFormat::Auto);
        report.log.encoding = log->optionalEnum<LogEncoding>("encoding"_L1, LogEncoding::Text);
        // The body limit bounds this string; the payload decoder applies the log limits.
        const QString data = log->requiredString("data"_L1, limits::kMaxReportBody, true);
        report.log.data = report.log.encoding == LogEncoding::Text ? data.toUtf8() : data.toLatin1();
    }
    if (!r.ok())
        return r.error();
    return report;
}

QJsonObject writeUser(const UserInfo &u)
{
    return {{"id"_L1, u.id}, {"display_name"_L1, u.displayName}, {"locale"_L1, u.locale}};
}

QJsonObject writeDevice(const DeviceFacts &d)
{
    return {{"platform"_L1, toWire(d.platform)}, {"os_version"_L1, d.osVersion}, {"model"_L1, d.model},
            {"app_version"_L1, d.appVersion},   {"network"_L1, toWire(d.network)},  {"carrier"_L1, d.carrier}};
}

QJsonObject writeMessage(const FailedMessage &m)
{
    return {{"client_message_id"_L1, m.clientMessageId},
            {"conversation_id"_L1, m.conversationId},
            {"recipient_id"_L1, m.recipientId},
            {"kind"_L1, toWire(m.kind)},
            {"size_bytes"_L1, m.sizeBytes},
            {"sent_at"_L1, formatRfc3339(m.sentAt)},
            {"preview"_L1, m.preview}};
}

QJsonObject writeFailure(const FailureInfo &f)
{
    return {{"endpoint"_L1, f.endpoint},         {"http_status"_L1, f.httpStatus},
            {"error_code"_L1, f.errorCode},      {"error_message"_L1, f.errorMessage},
            {"region"_L1, f.region},             {"attempts"_L1, f.attempts}};
}

QJsonObject encodeReport(const Report &report)
{
    const QString data = report.log.encoding == LogEncoding::Text ? QString::fromUtf8(report.log.data)
                                                                  : QString::fromLatin1(report.log.data);
    return {{"client_report_id"_L1, report.clientReportId},
            {"reported_at"_L1, formatRfc3339(report.reportedAt)},
            {"user"_L1, writeUser(report.user)},
            {"device"_L1, writeDevice(report.device)},
            {"message"_L1, writeMessage(report.message)},
            {"failure"_L1, writeFailure(report.failure)},
            {"comment"_L1, report.comment},
            {"log"_L1, QJsonObject{{"format"_L1, toWire(report.log.format)},
                                   {"encoding"_L1, toWire(report.log.encoding)},
                                   {"data"_L1, data}}}};
}

} // namespace relaydesk

#include "TicketCodec.h"

#include "JsonReader.h"
#include "Limits.h"
#include "ReportCodec.h"
#include "TicketJson.h"
#include "diagnosis/DiagnosisCodec.h"

#include <QJsonDocument>

namespace relaydesk {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kMaxId = std::numeric_limits<qint64>::max() / 2;

// Decodes every element of an array member with `decode`, prefixing errors with "key[i]".
template <typename T, typename F>
std::optional<QList<T>> decodeArray(const QJsonObject &json, QLatin1StringView key, F decode, DecodeError *error)
{
    const QJsonValue v = json.value(key);
    if (!v.isArray()) {
        *error = {QString(key), QStringLiteral("must be an array")};
        return std::nullopt;
    }
    const QJsonArray array = v.toArray();
    QList<T> out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("%1[%2]").arg(key).arg(i);
        if (!array.at(i).isObject()) {
            *error = {where, QStringLiteral("must be an object")};
            return std::nullopt;
        }
        auto item = decode(array.at(i).toObject());
        if (!item.ok()) {
            const DecodeError &e = item.error();
            *error = {e.path.isEmpty() ? where : where + QLatin1Char('.') + e.path, e.message};
            return std::nullopt;
        }
        out.append(std::move(item).value());
    }
    return out;
}
} // namespace

QJsonObject encodeTicket(const Ticket &t)
{
    QJsonObject json{{"id"_L1, t.id},
            {"report_id"_L1, t.reportId},
            {"seq"_L1, t.seq},
            {"status"_L1, toWire(t.status)},
            {"cause"_L1, toWire(t.cause)},
            {"queue"_L1, t.queue},
            {"assignee"_L1, t.assignee.isEmpty() ? QJsonValue() : QJsonValue(t.assignee)},
            {"created_at"_L1, formatRfc3339(t.createdAt)},
            {"updated_at"_L1, formatRfc3339(t.updatedAt)},
            {"client_report_id"_L1, t.clientReportId},
            {"user"_L1, writeUser({t.userId, t.userName, t.userLocale})},
            {"device"_L1, writeDevice({t.platform, t.osVersion, t.deviceModel, t.appVersion, t.network, t.carrier})},
            {"message"_L1, writeMessage({t.clientMessageId, t.conversationId, t.recipientId, t.messageKind,
                                         t.messageSize, t.sentAt, t.preview})},
            {"failure"_L1, writeFailure({t.endpoint, t.httpStatus, t.errorCode, t.errorMessage, t.region,
                                         t.attempts})},
            {"comment"_L1, t.comment},
            {"log"_L1, QJsonObject{{"format"_L1, toWire(t.logFormat)}, {"size_bytes"_L1, t.logSize}}}};
    json.insert("diagnosis"_L1, t.diagnosis ? QJsonValue(encodeDiagnosis(*t.diagnosis)) : QJsonValue());
    json.insert("csat"_L1, t.csat ? QJsonValue(QJsonObject{{"score"_L1, t.csat->score},
                                                            {"comment"_L1, t.csat->comment},
                                                            {"answered_at"_L1, formatRfc3339(t.csat->answeredAt)}})
                                  : QJsonValue());
    return json;
}

Decoded<Ticket> decodeTicket(const QJsonObject &json)
{
    JsonReader r(json);
    Ticket t;
    t.id = r.requiredInt("id"_L1, 1, kMaxId);
    t.reportId = r.requiredInt("report_id"_L1, 1, kMaxId);
    t.seq = r.requiredInt("seq"_L1, 1, kMaxId);
    t.status = r.requiredEnum<TicketStatus>("status"_L1);
    t.cause = r.requiredEnum<Cause>("cause"_L1);
    t.queue = r.requiredString("queue"_L1, 64);
    t.assignee = r.optionalString("assignee"_L1, limits::kMaxShortText);
    t.createdAt = r.requiredTime("created_at"_L1);
    t.updatedAt = r.requiredTime("updated_at"_L1);
    t.clientReportId = r.requiredString("client_report_id"_L1, limits::kMaxIdLength);
    {
        JsonReader u = r.object("user"_L1);
        const UserInfo user = readUser(u);
        t.userId = user.id;
        t.userName = user.displayName;
        t.userLocale = user.locale;
    }
    {
        JsonReader d = r.object("device"_L1);
        const DeviceFacts device = readDevice(d);
        t.platform = device.platform;
        t.osVersion = device.osVersion;
        t.deviceModel = device.model;
        t.appVersion = device.appVersion;
        t.network = device.network;
        t.carrier = device.carrier;
    }
    {
        JsonReader m = r.object("message"_L1);
        const FailedMessage message = readMessage(m);
        t.clientMessageId = message.clientMessageId;
        t.conversationId = message.conversationId;
        t.recipientId = message.recipientId;
        t.messageKind = message.kind;
        t.messageSize = message.sizeBytes;
        t.sentAt = message.sentAt;
        t.preview = message.preview;
    }
    {
        JsonReader f = r.object("failure"_L1);
        const FailureInfo failure = readFailure(f);
        t.endpoint = failure.endpoint;
        t.httpStatus = failure.httpStatus;
        t.errorCode = failure.errorCode;
        t.errorMessage = failure.errorMessage;
        t.region = failure.region;
        t.attempts = failure.attempts;
    }
    t.comment = r.optionalString("comment"_L1, limits::kMaxTextLength);
    {
        JsonReader l = r.object("log"_L1);
        t.logFormat = l.requiredEnum<LogFormat>("format"_L1);
        t.logSize = l.requiredInt("size_bytes"_L1, 0, limits::kMaxUncompressedLog);
    }
    if (!r.ok())
        return r.error();
    // Optional: absent or null for tickets without a diagnosis (and from services before it existed).
    const QJsonValue diagnosis = json.value("diagnosis"_L1);
    if (diagnosis.isObject()) {
        auto decoded = decodeDiagnosis(diagnosis.toObject());
        if (!decoded.ok()) {
            const DecodeError &e = decoded.error();
            return DecodeError{e.path.isEmpty() ? u"diagnosis"_s : u"diagnosis."_s + e.path, e.message};
        }
        t.diagnosis = std::move(decoded).value();
    } else if (!diagnosis.isNull() && !diagnosis.isUndefined()) {
        return DecodeError{u"diagnosis"_s, u"must be an object or null"_s};
    }
    // Optional: absent or null until the user answered a survey (and from services before surveys existed).
    const QJsonValue csat = json.value("csat"_L1);
    if (csat.isObject()) {
        JsonReader c = r.object("csat"_L1);
        Csat answer;
        answer.score = int(c.requiredInt("score"_L1, 1, 5));
        answer.comment = c.optionalString("comment"_L1, limits::kMaxCsatComment);
        answer.answeredAt = c.requiredTime("answered_at"_L1);
        if (!r.ok())
            return r.error();
        t.csat = std::move(answer);
    } else if (!csat.isNull() && !csat.isUndefined()) {
        return DecodeError{u"csat"_s, u"must be an object or null"_s};
    }
    return t;
}

QJsonObject encodeTicketEvent(const TicketEvent &e)
{
    return {{"id"_L1, e.id},           {"ticket_id"_L1, e.ticketId}, {"at"_L1, formatRfc3339(e.at)},
            {"actor"_L1, e.actor},     {"kind"_L1, e.kind},          {"summary"_L1, e.summary},
            {"detail"_L1, e.detail}};
}

Decoded<TicketEvent> decodeTicketEvent(const QJsonObject &json)
{
    JsonReader r(json);
    TicketEvent e;
    e.id = r.requiredInt("id"_L1, 1, kMaxId);
    e.ticketId = r.requiredInt("ticket_id"_L1, 1, kMaxId);
    e.at = r.requiredTime("at"_L1);
    e.actor = r.requiredString("actor"_L1, limits::kMaxShortText);
    e.kind = r.requiredString("kind"_L1, 64);
    e.summary = r.optionalString("summary"_L1, limits::kMaxTextLength);
    e.detail = r.rawObject("detail"_L1);
    if (!r.ok())
        return r.error();
    return e;
}

QJsonObject encodeTicketPage(const TicketPage &page)
{
    QJsonArray tickets;
    for (const Ticket &t : page.tickets)
        tickets.append(encodeTicket(t));
    return {{"tickets"_L1, tickets}, {"next"_L1, page.next}, {"has_more"_L1, page.hasMore}};
}

QByteArray encodeTicketPageJson(const TicketPage &page, const QList<QByteArray> &diagnoses)
{
    QByteArray out;
    out.reserve(page.tickets.size() * 1536 + 64);
    out += "{\"tickets\":[";
    for (qsizetype i = 0; i < page.tickets.size(); ++i) {
        if (i > 0)
            out += ',';
        appendTicketJson(out, page.tickets.at(i), diagnoses.value(i));
    }
    out += "],\"next\":";
    out += QByteArray::number(page.next);
    out += ",\"has_more\":";
    out += page.hasMore ? "true" : "false";
    out += '}';
    return out;
}

Decoded<TicketPage> decodeTicketPage(const QJsonObject &json)
{
    TicketPage page;
    DecodeError error;
    auto tickets = decodeArray<Ticket>(json, "tickets"_L1, decodeTicket, &error);
    if (!tickets)
        return error;
    page.tickets = std::move(*tickets);
    JsonReader r(json);
    page.next = r.requiredInt("next"_L1, 0, kMaxId);
    const QJsonValue more = json.value("has_more"_L1);
    if (r.ok() && !more.isBool())
        r.fail("has_more"_L1, QStringLiteral("must be a boolean"));
    page.hasMore = more.toBool();
    if (!r.ok())
        return r.error();
    return page;
}

Decoded<QList<TicketEvent>> decodeTicketEvents(const QJsonObject &json)
{
    DecodeError error;
    auto events = decodeArray<TicketEvent>(json, "events"_L1, decodeTicketEvent, &error);
    if (!events)
        return error;
    return std::move(*events);
}

} // namespace relaydesk

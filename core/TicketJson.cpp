#include "TicketJson.h"

#include "JsonReader.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace relaydesk {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void appendJsonString(QByteArray &out, QStringView text);
void appendJsonTime(QByteArray &out, const QDateTime &time);

void appendNumber(QByteArray &out, qint64 value)
{
    char buffer[24];
    char *end = buffer + sizeof buffer;
    char *p = end;
    const bool negative = value < 0;
    quint64 v = negative ? quint64(0) - quint64(value) : quint64(value);
    do {
        *--p = char('0' + v % 10);
        v /= 10;
    } while (v);
    if (negative)
        *--p = '-';
    out.append(p, end - p);
}

void twoDigits(QByteArray &out, int v)
{
    out += char('0' + v / 10);
    out += char('0' + v % 10);
}

// "key": (with the comma before it when needed)
void key(QByteArray &out, const char *name, bool &first)
{
    if (!first)
        out += ',';
    first = false;
    out += '"';
    out += name;
    out += "\":";
}

void field(QByteArray &out, const char *name, bool &first, QStringView value)
{
    key(out, name, first);
    appendJsonString(out, value);
}

void field(QByteArray &out, const char *name, bool &first, qint64 value)
{
    key(out, name, first);
    appendNumber(out, value);
}

void timeField(QByteArray &out, const char *name, bool &first, const QDateTime &value)
{
    key(out, name, first);
    appendJsonTime(out, value);
}

// JSON string literal of `text` (quotes included), as JSON requires it escaped.
void appendJsonString(QByteArray &out, QStringView text)
{
    out += '"';
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    while (p < end) {
        const char16_t c = *p;
        if (c < 0x80) {
            if (c == u'"' || c == u'\\') {
                out += '\\';
                out += char(c);
            } else if (c < 0x20) {
                switch (c) {
                case u'\n':
                    out += "\\n";
                    break;
                case u'\r':
                    out += "\\r";
                    break;
                case u'\t':
                    out += "\\t";
                    break;
                default:
                    out += "\\u00";
                    out += kHex[c >> 4];
                    out += kHex[c & 0xf];
                }
            } else {
                out += char(c);
            }
            ++p;
            continue;
        }
        // A run of non-ASCII text: UTF-8 as QString does it (a lone surrogate becomes U+FFFD).
        const char16_t *run = p;
        while (p < end && *p >= 0x80)
            ++p;
        out += QStringView(run, p - run).toUtf8();
    }
    out += '"';
}

// formatRfc3339(time) as a JSON string ("" for an invalid time), without QDateTime::toString.
void appendJsonTime(QByteArray &out, const QDateTime &time)
{
    if (!time.isValid()) {
        out += "\"\"";
        return;
    }
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    if (d.year() < 0 || d.year() > 9999) {
        appendJsonString(out, formatRfc3339(time));
        return;
    }
    out += '"';
    twoDigits(out, d.year() / 100);
    twoDigits(out, d.year() % 100);
    out += '-';
    twoDigits(out, d.month());
    out += '-';
    twoDigits(out, d.day());
    out += 'T';
    twoDigits(out, t.hour());
    out += ':';
    twoDigits(out, t.minute());
    out += ':';
    twoDigits(out, t.second());
    out += '.';
    const int ms = t.msec();
    out += char('0' + ms / 100);
    twoDigits(out, ms % 100);
    out += "Z\"";
}

} // namespace

void appendTicketJson(QByteArray &out, const Ticket &t, QByteArrayView diagnosisJson)
{
    bool first = true;
    out += '{';
    field(out, "id", first, t.id);
    field(out, "report_id", first, t.reportId);
    field(out, "seq", first, t.seq);
    field(out, "status", first, toWire(t.status));
    field(out, "cause", first, toWire(t.cause));
    field(out, "queue", first, t.queue);
    key(out, "assignee", first);
    if (t.assignee.isEmpty())
        out += "null";
    else
        appendJsonString(out, t.assignee);
    timeField(out, "created_at", first, t.createdAt);
    timeField(out, "updated_at", first, t.updatedAt);
    field(out, "client_report_id", first, t.clientReportId);

    key(out, "user", first);
    bool inner = true;
    out += '{';
    field(out, "id", inner, t.userId);
    field(out, "display_name", inner, t.userName);
    field(out, "locale", inner, t.userLocale);
    out += '}';

    key(out, "device", first);
    inner = true;
    out += '{';
    field(out, "platform", inner, toWire(t.platform));
    field(out, "os_version", inner, t.osVersion);
    field(out, "model", inner, t.deviceModel);
    field(out, "app_version", inner, t.appVersion);
    field(out, "network", inner, toWire(t.network));
    field(out, "carrier", inner, t.carrier);
    out += '}';

    key(out, "message", first);
    inner = true;
    out += '{';
    field(out, "client_message_id", inner, t.clientMessageId);
    field(out, "conversation_id", inner, t.conversationId);
    field(out, "recipient_id", inner, t.recipientId);
    field(out, "kind", inner, toWire(t.messageKind));
    field(out, "size_bytes", inner, t.messageSize);
    timeField(out, "sent_at", inner, t.sentAt);
    field(out, "preview", inner, t.preview);
    out += '}';

    key(out, "failure", first);
    inner = true;
    out += '{';
    field(out, "endpoint", inner, t.endpoint);
    field(out, "http_status", inner, qint64(t.httpStatus));
    field(out, "error_code", inner, t.errorCode);
    field(out, "error_message", inner, t.errorMessage);
    field(out, "region", inner, t.region);
    field(out, "attempts", inner, qint64(t.attempts));
    out += '}';

    field(out, "comment", first, t.comment);
    key(out, "log", first);
    inner = true;
    out += '{';
    field(out, "format", inner, toWire(t.logFormat));
    field(out, "size_bytes", inner, t.logSize);
    out += '}';

    key(out, "diagnosis", first);
    out += diagnosisJson.isEmpty() ? QByteArrayView("null") : diagnosisJson;
    key(out, "csat", first);
    if (t.csat) {
        inner = true;
        out += '{';
        field(out, "score", inner, qint64(t.csat->score));
        field(out, "comment", inner, t.csat->comment);
        timeField(out, "answered_at", inner, t.csat->answeredAt);
        out += '}';
    } else {
        out += "null";
    }
    out += '}';
}

} // namespace relaydesk

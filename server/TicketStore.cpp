#include "server/TicketStore.h"

#include "core/JsonReader.h"
#include "core/diagnosis/DiagnosisCodec.h"
#include "server/Counters.h"
#include "server/Database.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

const QString kTicketColumns =
    u"SELECT t.id, t.report_id, t.seq, t.status, t.cause, t.queue, t.assignee, t.created_at, t.updated_at,"
    " r.client_report_id, r.user_id, r.user_name, r.user_locale, r.platform, r.os_version, r.device_model,"
    " r.app_version, r.network, r.carrier, r.client_message_id, r.conversation_id, r.recipient_id,"
    " r.message_kind, r.message_size, r.sent_at, r.preview, r.endpoint, r.http_status, r.error_code,"
    " r.error_message, r.region, r.attempts, r.comment, r.log_format, r.log_size, t.diagnosis, t.csat"
    " FROM tickets t JOIN reports r ON r.id = t.report_id"_s;

QDateTime time(const QVariant &v)
{
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

template <typename E> E wire(const QVariant &v, E fallback)
{
    return fromWire<E>(v.toString()).value_or(fallback);
}

// `rawDiagnosis`: when given, the stored diagnosis JSON goes there as it is and the ticket's own is left unset
// (the delta feed copies it into its answer unparsed).
Ticket readTicket(const QSqlQuery &q, QByteArray *rawDiagnosis = nullptr)
{
    Ticket t;
    int i = 0;
    t.id = q.value(i++).toLongLong();
    t.reportId = q.value(i++).toLongLong();
    t.seq = q.value(i++).toLongLong();
    t.status = wire(q.value(i++), TicketStatus::Reported);
    t.cause = wire(q.value(i++), Cause::Unknown);
    t.queue = q.value(i++).toString();
    t.assignee = q.value(i++).toString();
    t.createdAt = time(q.value(i++));
    t.updatedAt = time(q.value(i++));
    t.clientReportId = q.value(i++).toString();
    t.userId = q.value(i++).toString();
    t.userName = q.value(i++).toString();
    t.userLocale = q.value(i++).toString();
    t.platform = wire(q.value(i++), Platform::Android);
    t.osVersion = q.value(i++).toString();
    t.deviceModel = q.value(i++).toString();
    t.appVersion = q.value(i++).toString();
    t.network = wire(q.value(i++), NetworkType::Unknown);
    t.carrier = q.value(i++).toString();
    t.clientMessageId = q.value(i++).toString();
    t.conversationId = q.value(i++).toString();
    t.recipientId = q.value(i++).toString();
    t.messageKind = wire(q.value(i++), MessageKind::Text);
    t.messageSize = q.value(i++).toLongLong();
    t.sentAt = time(q.value(i++));
    t.preview = q.value(i++).toString();
    t.endpoint = q.value(i++).toString();
    t.httpStatus = q.value(i++).toInt();
    t.errorCode = q.value(i++).toString();
    t.errorMessage = q.value(i++).toString();
    t.region = q.value(i++).toString();
    t.attempts = q.value(i++).toInt();
    t.comment = q.value(i++).toString();
    t.logFormat = wire(q.value(i++), LogFormat::Auto);
    t.logSize = q.value(i++).toLongLong();
    const QVariant diagnosis = q.value(i++);
    if (rawDiagnosis) {
        *rawDiagnosis = diagnosis.isNull() ? QByteArray() : diagnosis.toString().toUtf8();
    } else if (!diagnosis.isNull()) {
        auto decoded = decodeDiagnosis(QJsonDocument::fromJson(diagnosis.toString().toUtf8()).object());
        if (decoded.ok())
            t.diagnosis = std::move(decoded).value();
    }
    const QVariant csat = q.value(i++); // {score, comment, answered_at} (SurveyStore)
    if (!csat.isNull()) {
        const QJsonObject o = QJsonDocument::fromJson(csat.toString().toUtf8()).object();
        const auto answeredAt = parseRfc3339(o.value("answered_at"_L1).toString());
        const int score = o.value("score"_L1).toInt();
        if (answeredAt && score >= 1 && score <= 5)
            t.csat = Csat{score, o.value("comment"_L1).toString(), *answeredAt};
    }
    return t;
}

} // namespace

TicketStore::TicketStore(const Database &database) : m_database(database) {}

std::optional<TicketPage> TicketStore::changedSince(qint64 since, int limit, QString *error,
                                                   QList<QByteArray> *rawDiagnoses) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // One row more than asked tells whether there is more.
    if (!Database::run(q, kTicketColumns + u" WHERE t.seq > ? ORDER BY t.seq LIMIT ?"_s, {since, limit + 1}, error))
        return std::nullopt;
    TicketPage page;
    page.next = since;
    while (q.next()) {
        if (page.tickets.size() == limit) {
            page.hasMore = true;
            break;
        }
        QByteArray raw;
        page.tickets.append(readTicket(q, rawDiagnoses ? &raw : nullptr));
        if (rawDiagnoses)
            rawDiagnoses->append(std::move(raw));
        page.next = page.tickets.constLast().seq;
    }
    return page;
}

std::optional<Ticket> TicketStore::ticket(qint64 id, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q, kTicketColumns + u" WHERE t.id = ?"_s, {id}, error) || !q.next())
        return std::nullopt;
    return readTicket(q);
}

bool TicketStore::exists(qint64 id, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return false;
    QSqlQuery q(db);
    return Database::run(q, u"SELECT id FROM tickets WHERE id = ?"_s, {id}, error) && q.next();
}

std::optional<qint64> TicketStore::logSize(qint64 ticketId, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q,
                       u"SELECT t.id, LENGTH(l.data) FROM tickets t LEFT JOIN report_logs l ON l.report_id = t.report_id"
                       " WHERE t.id = ?"_s,
                       {ticketId}, error)
        || !q.next())
        return std::nullopt;
    return q.value(1).isNull() ? qint64(0) : q.value(1).toLongLong();
}

std::optional<QByteArray> TicketStore::logBytes(qint64 ticketId, qint64 offset, qint64 length, QString *error) const
{
    if (length <= 0)
        return QByteArray();
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    // SUBSTR on a BLOB is byte based (SQLite, and PostgreSQL for bytea); only the slice leaves the database.
    if (!Database::run(q,
                       u"SELECT SUBSTR(l.data, ?, ?) FROM tickets t JOIN report_logs l ON l.report_id = t.report_id"
                       " WHERE t.id = ?"_s,
                       {offset + 1, length, ticketId}, error))
        return std::nullopt;
    if (!q.next())
        return QByteArray();
    return q.value(0).toByteArray();
}

std::optional<QList<TicketEvent>> TicketStore::events(qint64 ticketId, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q,
                       u"SELECT id, ticket_id, at, actor, kind, summary, detail FROM ticket_events"
                       " WHERE ticket_id = ? ORDER BY id"_s,
                       {ticketId}, error))
        return std::nullopt;
    QList<TicketEvent> list;
    while (q.next()) {
        TicketEvent e;
        e.id = q.value(0).toLongLong();
        e.ticketId = q.value(1).toLongLong();
        e.at = time(q.value(2));
        e.actor = q.value(3).toString();
        e.kind = q.value(4).toString();
        e.summary = q.value(5).toString();
        e.detail = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        list.append(std::move(e));
    }
    return list;
}

std::optional<QList<Ticket>> TicketStore::related(qint64 id, int limit, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT signature FROM tickets WHERE id = ?"_s, {id}, error) || !q.next())
        return std::nullopt;
    const QVariant signature = q.value(0);
    q.finish();
    QList<Ticket> list;
    if (signature.isNull() || signature.toString().isEmpty())
        return list;
    q.setForwardOnly(true);
    if (!Database::run(q, kTicketColumns + u" WHERE t.signature = ? AND t.id <> ? ORDER BY t.id DESC LIMIT ?"_s,
                       {signature.toString(), id, limit}, error))
        return std::nullopt;
    while (q.next())
        list.append(readTicket(q));
    return list;
}

std::optional<qint64> TicketStore::currentSeq(QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    const qint64 seq = Counters::current(db, Counters::kChangeSeq, error);
    if (seq < 0)
        return std::nullopt;
    return seq;
}

} // namespace relaydesk::server

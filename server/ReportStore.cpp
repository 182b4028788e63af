#include "server/ReportStore.h"

#include "server/Counters.h"
#include "server/Database.h"
#include "server/OutboxStore.h"
#include "server/TicketEvents.h"
#include "core/diagnosis/DiagnosisCodec.h"
#include "server/ServerLog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

QVariant ms(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : qint64(0);
}

QVariant diagnosisJson(const std::optional<Diagnosis> &diagnosis)
{
    if (!diagnosis)
        return QVariant(QMetaType::fromType<QString>());
    return QString::fromUtf8(QJsonDocument(encodeDiagnosis(*diagnosis)).toJson(QJsonDocument::Compact));
}

} // namespace

ReportStore::ReportStore(const Database &database) : m_database(database) {}

std::optional<IntakeResult> ReportStore::findByClientReportId(qint64 clientKeyId, const QString &clientReportId,
                                                              QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q,
                       u"SELECT r.id, t.id FROM reports r JOIN tickets t ON t.report_id = r.id"
                       " WHERE r.client_key_id = ? AND r.client_report_id = ?"_s,
                       {clientKeyId, clientReportId}, error)
        || !q.next())
        return std::nullopt;
    return IntakeResult{q.value(0).toLongLong(), q.value(1).toLongLong(), 0, true};
}

std::optional<IntakeResult> ReportStore::store(const Report &report, const QByteArray &logText, qint64 clientKeyId,
                                               const TriageDecision &decision, QString *error) const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return std::nullopt;
    QSqlDatabase &db = tx.db();
    QSqlQuery q(db);
    if (!Database::run(q,
                       u"SELECT r.id, t.id FROM reports r JOIN tickets t ON t.report_id = r.id"
                       " WHERE r.client_key_id = ? AND r.client_report_id = ?"_s,
                       {clientKeyId, report.clientReportId}, error))
        return std::nullopt;
    if (q.next())
        return IntakeResult{q.value(0).toLongLong(), q.value(1).toLongLong(), 0, true};
    q.finish();

    const qint64 reportId = Counters::next(db, u"report_id"_s, error);
    if (reportId < 0)
        return std::nullopt;
    const Report &r = report;
    const bool inserted = Database::run(
        q,
        u"INSERT INTO reports (id, client_report_id, client_key_id, reported_at, received_at,"
        " user_id, user_name, user_locale, platform, os_version, device_model, app_version, network, carrier,"
        " client_message_id, conversation_id, recipient_id, message_kind, message_size, sent_at, preview,"
        " endpoint, http_status, error_code, error_message, region, attempts, comment,"
        " log_format, log_encoding, log_size)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {reportId, r.clientReportId, clientKeyId, ms(r.reportedAt), now,
         r.user.id, r.user.displayName, r.user.locale,
         toWire(r.device.platform), r.device.osVersion, r.device.model, r.device.appVersion,
         toWire(r.device.network), r.device.carrier,
         r.message.clientMessageId, r.message.conversationId, r.message.recipientId, toWire(r.message.kind),
         r.message.sizeBytes, ms(r.message.sentAt), r.message.preview,
         r.failure.endpoint, r.failure.httpStatus, r.failure.errorCode, r.failure.errorMessage, r.failure.region,
         r.failure.attempts, r.comment, toWire(r.log.format), toWire(r.log.encoding), qint64(logText.size())},
        error);
    if (!inserted) {
        // Another process may have stored the same client_report_id for this key meanwhile (unique index).
        tx.rollback();
        QString lookupError;
        if (auto existing = findByClientReportId(clientKeyId, r.clientReportId, &lookupError)) {
            error->clear();
            return existing;
        }
        return std::nullopt;
    }
    if (!logText.isEmpty()
        && !Database::run(q, u"INSERT INTO report_logs (report_id, data) VALUES (?, ?)"_s, {reportId, logText}, error))
        return std::nullopt;

    const qint64 ticketId = Counters::next(db, u"ticket_id"_s, error);
    const qint64 seq = ticketId < 0 ? -1 : Counters::next(db, Counters::kChangeSeq, error);
    if (seq < 0)
        return std::nullopt;
    if (!Database::run(q,
                       u"INSERT INTO tickets (id, report_id, seq, status, cause, queue, assignee, created_at, updated_at,"
                       " diagnosis, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                       {ticketId, reportId, seq, toWire(decision.status), toWire(decision.cause), decision.queue,
                        QVariant(QMetaType::fromType<QString>()), now, now, diagnosisJson(decision.diagnosis),
                        decision.diagnosis ? QVariant(decision.diagnosis->signature)
                                           : QVariant(QMetaType::fromType<QString>())},
                       error))
        return std::nullopt;

    const TriageStep reported{
        u"system"_s, u"reported"_s,
        u"Report received from %1 %2, app %3"_s.arg(toWire(r.device.platform), r.device.osVersion, r.device.appVersion),
        QJsonObject{{"report_id"_L1, reportId}, {"client_report_id"_L1, r.clientReportId},
                    {"log_size"_L1, qint64(logText.size())}}};
    if (!TicketEvents::insertAll(db, ticketId, now, QList<TriageStep>{reported} + decision.steps, error,
                                 /*created=*/true))
        return std::nullopt;
    // The decision to send commits with the events that record it; the dispatcher delivers it later.
    int queued = 0;
    for (const OutboxRequest &request : decision.outbox) {
        if (OutboxStore::insert(db, ticketId, request, now, error).isEmpty())
            return std::nullopt;
        ++queued;
    }
    q.finish();
    if (!tx.commit(error))
        return std::nullopt;
    return IntakeResult{reportId, ticketId, seq, false, queued};
}

} // namespace relaydesk::server

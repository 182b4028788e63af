#include "server/SurveyStore.h"

#include "core/JsonReader.h"
#include "server/Counters.h"
#include "server/Database.h"
#include "server/OutboxStore.h"
#include "server/Secrets.h"
#include "server/SurveyNotice.h"
#include "server/MetricsRollups.h"
#include "server/TicketEvents.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUrl>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

SurveyAnswer refusal(int status, const QString &code, const QString &message)
{
    SurveyAnswer a;
    a.status = status;
    a.body = {{"error"_L1, QJsonObject{{"code"_L1, code}, {"message"_L1, message}}}};
    return a;
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

SurveyStore::SurveyStore(const Database &database, QString urlTemplate)
    : m_database(database), m_urlTemplate(std::move(urlTemplate))
{}

bool SurveyStore::invalidateOpen(QSqlDatabase &db, qint64 ticketId, qint64 now, QString *error)
{
    QSqlQuery q(db);
    return Database::run(q,
                         u"UPDATE surveys SET invalidated_at = ? WHERE ticket_id = ? AND answered_at IS NULL"
                         " AND invalidated_at IS NULL"_s,
                         {now, ticketId}, error);
}

std::optional<IssuedSurvey> SurveyStore::issue(QSqlDatabase &db, const Ticket &ticket, const QString &actor,
                                               qint64 now, QString *error) const
{
    if (!invalidateOpen(db, ticket.id, now, error))
        return std::nullopt;
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT COUNT(*) FROM surveys WHERE ticket_id = ?"_s, {ticket.id}, error) ||
        !q.next())
        return std::nullopt;
    const qint64 ordinal = q.value(0).toLongLong() + 1;
    q.finish();
    const QString token = Secrets::generate();
    const SurveyNotice notice =
        SurveyNotice::render(ticket.userLocale, ticket.userName.isEmpty() ? ticket.userId : ticket.userName,
                             SurveyNotice::surveyUrl(m_urlTemplate, token));
    const qint64 actionId = Counters::next(db, u"action_id"_s, error);
    if (actionId < 0)
        return std::nullopt;
    if (!Database::run(
            q,
            u"INSERT INTO surveys (token_hash, ticket_id, created_at, answered_at, score, comment,"
            " invalidated_at, ordinal, locale, action_id) VALUES (?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?)"_s,
            {Secrets::hash(token), ticket.id, now, ordinal, notice.locale, actionId}, error))
        return std::nullopt;
    q.finish();

    OutboxRequest r;
    r.kind = OutboxRequest::Kind::Notice;
    r.path = u"/v1/users/%1/notices"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(ticket.userId)));
    r.body = {{"locale"_L1, notice.locale},
              {"title"_L1, notice.title},
              {"body"_L1, notice.body},
              {"purpose"_L1, u"csat_survey"_s}};
    r.actor = actor;
    r.actionId = actionId;
    r.key = u"t%1-survey-%2"_s.arg(ticket.id).arg(ordinal);
    if (OutboxStore::insert(db, ticket.id, r, now, error).isEmpty())
        return std::nullopt;

    IssuedSurvey issued;
    issued.actionId = actionId;
    issued.outboxKey = r.key;
    issued.event = {actor, u"survey_queued"_s,
                    u"Satisfaction survey %1 queued for the user (%2)"_s.arg(ordinal).arg(notice.locale),
                    QJsonObject{{"action_id"_L1, actionId},
                                {"survey"_L1, ordinal},
                                {"locale"_L1, notice.locale},
                                {"gateway_key"_L1, r.key}}};
    return issued;
}

std::optional<SurveyAnswer> SurveyStore::answer(const QString &token, int score, const QString &comment,
                                                QString *error) const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return std::nullopt;
    QSqlDatabase &db = tx.db();
    QSqlQuery q(db);
    if (!Database::run(
            q, u"SELECT ticket_id, answered_at, invalidated_at, ordinal FROM surveys WHERE token_hash = ?"_s,
            {Secrets::hash(token)}, error))
        return std::nullopt;
    if (!q.next())
        return refusal(404, u"not_found"_s, u"no such survey"_s);
    const qint64 ticketId = q.value(0).toLongLong();
    const bool answered = !q.value(1).isNull();
    const bool invalidated = !q.value(2).isNull();
    const qint64 ordinal = q.value(3).toLongLong();
    q.finish();
    if (answered)
        return refusal(409, u"survey_answered"_s, u"this survey has already been answered"_s);
    if (invalidated)
        return refusal(410, u"survey_invalidated"_s,
                       u"this survey is no longer open: the ticket was reopened"_s);

    if (!Database::run(q,
                       u"UPDATE surveys SET answered_at = ?, score = ?, comment = ? WHERE token_hash = ?"
                       " AND answered_at IS NULL"_s,
                       {now, score, nullableText(comment), Secrets::hash(token)}, error))
        return std::nullopt;
    const QString answeredAt = formatRfc3339(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC));
    const QJsonObject csat{{"score"_L1, score}, {"comment"_L1, comment}, {"answered_at"_L1, answeredAt}};
    const TriageStep event{u"user"_s, u"csat"_s,
                           comment.isEmpty() ? u"The user rated the help %1/5"_s.arg(score)
                                             : u"The user rated the help %1/5: %2"_s.arg(score).arg(comment),
                           QJsonObject{{"score"_L1, score}, {"comment"_L1, comment}, {"survey"_L1, ordinal}}};
    if (!TicketEvents::insert(db, ticketId, now, event, error) ||
        !MetricsRollups::surveyAnswered(db, now, score, error))
        return std::nullopt;
    const qint64 seq = Counters::next(db, Counters::kChangeSeq, error);
    if (seq < 0)
        return std::nullopt;
    if (!Database::run(
            q, u"UPDATE tickets SET csat = ?, seq = ?, updated_at = ? WHERE id = ?"_s,
            {QString::fromUtf8(QJsonDocument(csat).toJson(QJsonDocument::Compact)), seq, now, ticketId},
            error))
        return std::nullopt;
    q.finish();
    if (!tx.commit(error))
        return std::nullopt;
    SurveyAnswer a;
    a.status = 201;
    a.body = csat;
    a.ticketId = ticketId;
    a.seq = seq;
    return a;
}

} // namespace relaydesk::server

#pragma once

#include "core/Ticket.h"
#include "server/TriagePolicy.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace relaydesk::server {

class Database;

// What issuing a survey added to the resolve transaction.
struct IssuedSurvey
{
    TriageStep event;  // survey_queued, for the ticket's timeline
    QString outboxKey; // t{ticket}-survey-{n}
    qint64 actionId = 0;
};

// The answer to POST /surveys/{token}: an HTTP status and body, and the ticket's new seq (> 0: push it).
struct SurveyAnswer
{
    int status = 201;
    QJsonObject body;
    qint64 ticketId = 0;
    qint64 seq = 0;
};

// CSAT surveys (docs/api.md, "Surveys"; table `surveys`, schema v6). A survey is issued inside the agent's
// resolve transaction: a single-use random token, of which only the SHA-256 hash is stored, and a notice
// with the survey URL queued in the outbox to the user (delivered by the dispatcher like a reply). The
// plaintext token exists only in that outbox row until it is settled. Reopening invalidates the ticket's
// unanswered surveys, as does issuing a new one. Thread-safe.
class SurveyStore final
{
public:
    // `urlTemplate` holds "{token}"; see SurveyNotice::surveyUrl.
    SurveyStore(const Database &database, QString urlTemplate);

    // Set once before the service serves requests (the default URL needs the service's port).
    void setUrlTemplate(const QString &urlTemplate) { m_urlTemplate = urlTemplate; }
    const QString &urlTemplate() const { return m_urlTemplate; }

    // Inside the caller's write transaction: invalidates the ticket's open surveys, stores a new one and
    // queues its notice (actor = the resolving agent). nullopt with *error set on storage failure.
    std::optional<IssuedSurvey> issue(QSqlDatabase &db, const Ticket &ticket, const QString &actor,
                                      qint64 now, QString *error) const;
    // Inside the caller's write transaction: unanswered surveys of the ticket stop accepting answers (410).
    static bool invalidateOpen(QSqlDatabase &db, qint64 ticketId, qint64 now, QString *error);

    // Records the answer of `token` once (its own transaction): 201, 404 unknown, 410 invalidated, 409
    // answered. The caller validated score (1-5) and comment (<= 2000 characters).
    std::optional<SurveyAnswer> answer(const QString &token, int score, const QString &comment,
                                       QString *error) const;

private:
    const Database &m_database;
    QString m_urlTemplate;
};

} // namespace relaydesk::server

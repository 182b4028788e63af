#pragma once

#include "ApiClient.h"
#include "TicketActions.h"

#include <QObject>

namespace relaydesk::models {

// What a bulk action did to one ticket of the incident (docs/api.md "Incidents").
struct BulkTicketResult
{
    qint64 ticketId = 0;
    QString status;  // done, skipped, failed
    QString reason;  // skipped/failed: the refusal's code
    QString message; // skipped/failed: the service's explanation
    QString holder;  // claimed_by_other: who holds it
    qint64 actionId = 0;
    bool replayed = false;
};

struct BulkSummary
{
    QString incidentId;
    QString action; // resend, reroute, reply
    QList<BulkTicketResult> results;
    int done = 0;
    int skipped = 0;
    int failed = 0;
};
Decoded<BulkSummary> decodeBulkSummary(const QJsonObject &json);

// Runs POST /incidents/{id}/resend|reroute|reply: one call for the whole incident, the service acts on each
// open ticket with its own idempotent action. The call's Idempotency-Key is made once per intended bulk
// action; when the call fails or some tickets failed, asking again for the same action on the same incident
// reuses the key, so tickets already done replay instead of acting twice. One bulk action at a time.
class IncidentBulkAction final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentBulkAction)

public:
    enum class Verb { Resend, Reroute, Reply };
    Q_ENUM(Verb)

    explicit IncidentBulkAction(ApiClient *api, QObject *parent = nullptr);

    static QString wireName(Verb verb);

    // False while another bulk action runs.
    bool start(const QString &incidentId, Verb verb, const ActionArgs &args, int ticketCount);
    bool isRunning() const { return m_running; }
    // The key the last call used (tests check its reuse).
    QString lastKey() const { return m_lastKey; }

signals:
    void started(const QString &incidentId, relaydesk::models::IncidentBulkAction::Verb verb, int ticketCount);
    void finished(const relaydesk::models::BulkSummary &summary);
    // The call itself failed (nothing or not everything is known to have run); asking again retries it.
    void failed(const QString &incidentId, const QString &message);

private:
    QJsonObject body(Verb verb, const ActionArgs &args) const;

    ApiClient *m_api;
    bool m_running = false;
    QString m_lastKey;
    // The bulk action that should be retried with the same key: incident, verb and body.
    QString m_retryFingerprint;
    QString m_retryKey;
};

} // namespace relaydesk::models

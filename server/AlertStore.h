#pragma once

#include "server/AlertRules.h"
#include "server/TicketActions.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace relaydesk::server {

class Database;

// One alert (docs/api.md "Alerts"). `state`: raised -> acknowledged -> resolved, or raised -> resolved.
struct Alert
{
    qint64 id = 0;
    QString kind;
    QString subject;
    QString state;
    qint64 raisedAt = 0;
    QString acknowledgedBy; // empty: not acknowledged
    qint64 acknowledgedAt = 0;
    qint64 resolvedAt = 0; // 0: not resolved
    qint64 updatedAt = 0;
    QJsonObject detail;
};
QJsonObject encodeAlert(const Alert &alert);

// A state change to push on the stream: "alert.raised" or "alert.changed".
struct AlertChange
{
    QString type;
    Alert alert;
};

// The alerts table: conditions from AlertRules open and resolve alerts (at most one open alert per kind
// and subject), agents acknowledge them with an Idempotency-Key (kept in action_keys with route
// alert_acknowledge, like ticket actions). Thread-safe; storage failures return nullopt with *error set.
class AlertStore final
{
public:
    explicit AlertStore(const Database &database);

    std::optional<QList<Alert>> open(QString *error) const; // raised or acknowledged
    // Raises an alert for each active condition without an open one, updates the detail of open ones and
    // resolves open ones whose condition cleared; all in one transaction. Returns the state changes.
    std::optional<QList<AlertChange>> apply(const QList<AlertCondition> &conditions, qint64 now,
                                            QString *error) const;
    // Newest first. `state`: raised, acknowledged, resolved, open (raised or acknowledged) or empty (all);
    // `since`: updated at or after (ms, 0: any).
    std::optional<QList<Alert>> list(const QString &state, qint64 since, int limit, QString *error) const;
    // 200 with the alert (raised -> acknowledged; already acknowledged: unchanged), 404, or 409 invalid_state
    // for a resolved alert; a repeated key answers the stored answer (replayed). *changed is set when the
    // alert changed.
    std::optional<ActionAnswer> acknowledge(qint64 id, const QString &user, const QString &key, qint64 now,
                                            std::optional<Alert> *changed, QString *error) const;

private:
    const Database &m_database;
};

} // namespace relaydesk::server

#include "server/AlertStore.h"

#include "core/JsonReader.h"
#include "server/Counters.h"
#include "server/Database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

const QString kColumns =
    u"id, kind, subject, state, raised_at, acknowledged_by, acknowledged_at, resolved_at, updated_at, detail"_s;
const QString kRoute = u"alert_acknowledge"_s;

QJsonValue time(qint64 ms)
{
    return ms > 0 ? QJsonValue(formatRfc3339(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)))
                  : QJsonValue(QJsonValue::Null);
}

Alert readAlert(const QSqlQuery &q)
{
    Alert a;
    a.id = q.value(0).toLongLong();
    a.kind = q.value(1).toString();
    a.subject = q.value(2).toString();
    a.state = q.value(3).toString();
    a.raisedAt = q.value(4).toLongLong();
    a.acknowledgedBy = q.value(5).toString();
    a.acknowledgedAt = q.value(6).toLongLong();
    a.resolvedAt = q.value(7).toLongLong();
    a.updatedAt = q.value(8).toLongLong();
    a.detail = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
    return a;
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<Alert> findIn(QSqlQuery &q, qint64 id, QString *error)
{
    if (!Database::run(q, u"SELECT %1 FROM alerts WHERE id = ?"_s.arg(kColumns), {id}, error) || !q.next())
        return std::nullopt;
    Alert a = readAlert(q);
    q.finish();
    return a;
}

} // namespace

QJsonObject encodeAlert(const Alert &a)
{
    return {{"id"_L1, a.id},
            {"kind"_L1, a.kind},
            {"subject"_L1, a.subject},
            {"state"_L1, a.state},
            {"raised_at"_L1, time(a.raisedAt)},
            {"acknowledged_by"_L1,
             a.acknowledgedBy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.acknowledgedBy)},
            {"acknowledged_at"_L1, time(a.acknowledgedAt)},
            {"resolved_at"_L1, time(a.resolvedAt)},
            {"updated_at"_L1, time(a.updatedAt)},
            {"detail"_L1, a.detail}};
}

AlertStore::AlertStore(const Database &database) : m_database(database) {}

std::optional<QList<Alert>> AlertStore::open(QString *error) const
{
    return list(u"open"_s, 0, 1000, error);
}

std::optional<QList<AlertChange>> AlertStore::apply(const QList<AlertCondition> &conditions, qint64 now,
                                                    QString *error) const
{
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return std::nullopt;
    QSqlQuery q(tx.db());
    QList<AlertChange> changes;
    for (const AlertCondition &c : conditions) {
        if (!Database::run(q,
                           u"SELECT %1 FROM alerts WHERE kind = ? AND subject = ? AND state IN ('raised', "
                           u"'acknowledged')"
                           " ORDER BY id DESC"_s.arg(kColumns),
                           {c.kind, c.subject}, error))
            return std::nullopt;
        std::optional<Alert> current;
        if (q.next())
            current = readAlert(q);
        q.finish();
        if (c.active && !current) {
            const qint64 id = Counters::next(tx.db(), u"alert_id"_s, error);
            if (id < 0)
                return std::nullopt;
            Alert a{id, c.kind, c.subject, u"raised"_s, now, {}, 0, 0, now, c.detail};
            if (!Database::run(q,
                               u"INSERT INTO alerts (id, kind, subject, state, raised_at, updated_at, detail)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                               {a.id, a.kind, a.subject, a.state, a.raisedAt, a.updatedAt, json(a.detail)},
                               error))
                return std::nullopt;
            changes.append({u"alert.raised"_s, a});
        } else if (c.active && current && !c.detail.isEmpty() && c.detail != current->detail) {
            // The latest numbers, without a state change (nothing pushed).
            if (!Database::run(q, u"UPDATE alerts SET detail = ? WHERE id = ?"_s,
                               {json(c.detail), current->id}, error))
                return std::nullopt;
        } else if (!c.active && current) {
            Alert a = *current;
            a.state = u"resolved"_s;
            a.resolvedAt = now;
            a.updatedAt = now;
            if (!c.detail.isEmpty())
                a.detail = c.detail;
            if (!Database::run(
                    q,
                    u"UPDATE alerts SET state = ?, resolved_at = ?, updated_at = ?, detail = ? WHERE id = ?"_s,
                    {a.state, now, now, json(a.detail), a.id}, error))
                return std::nullopt;
            changes.append({u"alert.changed"_s, a});
        }
        q.finish();
    }
    if (!tx.commit(error))
        return std::nullopt;
    return changes;
}

std::optional<QList<Alert>> AlertStore::list(const QString &state, qint64 since, int limit,
                                             QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QString where = u"updated_at >= ?"_s;
    QVariantList values{since};
    if (state == "open"_L1) {
        where += u" AND state IN ('raised', 'acknowledged')"_s;
    } else if (!state.isEmpty()) {
        where += u" AND state = ?"_s;
        values.append(state);
    }
    values.append(limit);
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT %1 FROM alerts WHERE %2 ORDER BY id DESC LIMIT ?"_s.arg(kColumns, where),
                       values, error))
        return std::nullopt;
    QList<Alert> alerts;
    while (q.next())
        alerts.append(readAlert(q));
    return alerts;
}

std::optional<ActionAnswer> AlertStore::acknowledge(qint64 id, const QString &user, const QString &key,
                                                    qint64 now, std::optional<Alert> *changed,
                                                    QString *error) const
{
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return std::nullopt;
    QSqlQuery q(tx.db());
    if (!Database::run(
            q,
            u"SELECT route, ticket_id, status, body FROM action_keys WHERE username = ? AND idem_key = ?"_s,
            {user, key}, error))
        return std::nullopt;
    if (q.next()) {
        if (q.value(0).toString() != kRoute || q.value(1).toLongLong() != id)
            return ActionAnswer::refusal(
                422, u"idempotency_key_reused"_s,
                u"this Idempotency-Key was used for %1 on %2"_s.arg(q.value(0).toString())
                    .arg(q.value(1).toLongLong()));
        ActionAnswer stored;
        stored.status = q.value(2).toInt();
        stored.body = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        stored.replayed = true;
        return stored;
    }
    q.finish();
    auto alert = findIn(q, id, error);
    if (!alert) {
        if (!error->isEmpty())
            return std::nullopt;
        return ActionAnswer::refusal(404, u"not_found"_s, u"no such alert"_s);
    }
    if (alert->state == "resolved"_L1 && alert->acknowledgedBy.isEmpty())
        return ActionAnswer::refusal(409, u"invalid_state"_s, u"the alert is already resolved"_s);
    if (alert->state == "raised"_L1) {
        alert->state = u"acknowledged"_s;
        alert->acknowledgedBy = user;
        alert->acknowledgedAt = now;
        alert->updatedAt = now;
        if (!Database::run(
                q,
                u"UPDATE alerts SET state = ?, acknowledged_by = ?, acknowledged_at = ?, updated_at = ?"
                " WHERE id = ?"_s,
                {alert->state, user, now, now, id}, error))
            return std::nullopt;
        *changed = *alert;
    }
    ActionAnswer answer;
    answer.body = encodeAlert(*alert);
    if (!Database::run(
            q,
            u"INSERT INTO action_keys (username, idem_key, route, ticket_id, status, body, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            {user, key, kRoute, id, answer.status, json(answer.body), now}, error))
        return std::nullopt;
    q.finish();
    if (!tx.commit(error))
        return std::nullopt;
    return answer;
}

} // namespace relaydesk::server

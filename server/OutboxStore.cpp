#include "server/OutboxStore.h"

#include "server/Counters.h"
#include "server/Database.h"
#include "server/TicketEvents.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

OutboxStore::OutboxStore(const Database &database) : m_database(database) {}

QString OutboxStore::insert(QSqlDatabase &db, qint64 ticketId, const OutboxRequest &request, qint64 now,
                            QString *error)
{
    QSqlQuery q(db);
    if (!Database::run(q, u"SELECT COUNT(*) FROM outbox WHERE ticket_id = ? AND kind = ?"_s,
                       {ticketId, toWire(request.kind)}, error)
        || !q.next())
        return {};
    const qint64 ordinal = q.value(0).toLongLong() + 1;
    q.finish();
    const qint64 id = Counters::next(db, u"outbox_id"_s, error);
    if (id < 0)
        return {};
    const QString key =
        request.key.isEmpty() ? u"t%1-%2-%3"_s.arg(ticketId).arg(toWire(request.kind)).arg(ordinal) : request.key;
    if (!Database::run(q,
                       u"INSERT INTO outbox (id, ticket_id, kind, idempotency_key, path, body, home_region,"
                       " last_region, prefer_reroute, attempts, next_at, state, outcome, created_at, updated_at,"
                       " actor, action_id) VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, 0, ?,"
                       " 'pending', '', ?, ?, COALESCE(?, ''), ?)"_s,
                       {id, ticketId, toWire(request.kind), key, request.path,
                        QString::fromUtf8(QJsonDocument(request.body).toJson(QJsonDocument::Compact)),
                        request.homeRegion, request.region, request.preferReroute ? 1 : 0, now, now, now,
                        request.actor, request.actionId},
                       error))
        return {};
    return key;
}

std::optional<QList<OutboxRow>> OutboxStore::pending(int perRegion, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isValid())
        return std::nullopt;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Database::run(q,
                       u"SELECT id, ticket_id, kind, idempotency_key, path, body, home_region, last_region,"
                       " prefer_reroute, attempts, next_at, actor, action_id FROM (SELECT *, ROW_NUMBER() OVER"
                       " (PARTITION BY CASE WHEN last_region = '' THEN home_region ELSE last_region END"
                       " ORDER BY next_at, id) AS n FROM outbox WHERE state = 'pending') WHERE n <= ?"
                       " ORDER BY next_at, id"_s,
                       {perRegion}, error))
        return std::nullopt;
    QList<OutboxRow> rows;
    while (q.next()) {
        OutboxRow r;
        r.id = q.value(0).toLongLong();
        r.ticketId = q.value(1).toLongLong();
        r.kind = q.value(2).toString() == "notice"_L1 ? OutboxRequest::Kind::Notice : OutboxRequest::Kind::Resend;
        r.idempotencyKey = q.value(3).toString();
        r.path = q.value(4).toString();
        r.body = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        r.homeRegion = q.value(6).toString();
        r.lastRegion = q.value(7).toString();
        r.preferReroute = q.value(8).toInt() != 0;
        r.attempts = q.value(9).toInt();
        r.nextAt = q.value(10).toLongLong();
        r.actor = q.value(11).toString();
        r.actionId = q.value(12).toLongLong();
        rows.append(std::move(r));
    }
    return rows;
}

namespace {

// One record inside the caller's write transaction: the ticket's new sequence, 0 if the row was settled
// meanwhile, nullopt on a storage error.
std::optional<qint64> apply(QSqlDatabase &db, const AttemptRecord &record, qint64 now, QString *error)
{
    QSqlQuery q(db);
    if (!Database::run(q,
                       u"UPDATE outbox SET attempts = ?, last_region = COALESCE(?, ''), next_at = ?, state = ?,"
                       " outcome = COALESCE(?, ''),"
                       " updated_at = ? WHERE id = ? AND state = 'pending'"_s,
                       {record.attempts, record.region, record.nextAt,
                        record.done ? u"done"_s : u"pending"_s, record.outcome, now, record.rowId},
                       error))
        return std::nullopt;
    if (q.numRowsAffected() != 1)
        return qint64(0); // settled meanwhile (another dispatcher): nothing to add
    // A delivered survey notice's body carries the single-use token in plain text (kept only so a crash
    // can resend it): once settled, it is not needed and goes.
    if (record.done
        && !Database::run(q, u"UPDATE outbox SET body = '{}' WHERE id = ? AND idempotency_key LIKE '%-survey-%'"_s,
                          {record.rowId}, error))
        return std::nullopt;
    if (!TicketEvents::insertAll(db, record.ticketId, now, record.events, error))
        return std::nullopt;
    const qint64 seq = Counters::next(db, Counters::kChangeSeq, error);
    if (seq < 0)
        return std::nullopt;
    if (record.status) {
        if (!Database::run(q,
                           u"UPDATE tickets SET status = ?, queue = ?, seq = ?, updated_at = ?"
                           " WHERE id = ? AND status = 'auto_handling'"_s,
                           {toWire(*record.status), record.queue, seq, now, record.ticketId}, error))
            return std::nullopt;
    }
    if (!record.status || q.numRowsAffected() != 1) {
        if (!Database::run(q, u"UPDATE tickets SET seq = ?, updated_at = ? WHERE id = ?"_s,
                           {seq, now, record.ticketId}, error))
            return std::nullopt;
    }
    q.finish();
    return seq;
}

} // namespace

std::optional<qint64> OutboxStore::record(const AttemptRecord &record, QString *error) const
{
    const auto seqs = recordAll({record}, error);
    if (!seqs)
        return std::nullopt;
    return seqs->constFirst();
}

std::optional<QList<qint64>> OutboxStore::recordAll(const QList<AttemptRecord> &records, QString *error) const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    WriteTransaction tx(m_database);
    if (!tx.begin(error))
        return std::nullopt;
    QList<qint64> seqs;
    seqs.reserve(records.size());
    for (const AttemptRecord &record : records) {
        const auto seq = apply(tx.db(), record, now, error);
        if (!seq)
            return std::nullopt; // the transaction rolls back: none of them is recorded
        seqs.append(*seq);
    }
    if (!tx.commit(error))
        return std::nullopt;
    return seqs;
}

} // namespace relaydesk::server

#include "server/Migrations.h"

#include "server/Database.h"
#include "server/ServerLog.h"

#include <QScopeGuard>
#include <QSqlQuery>
#include <QStringList>

#include <vector>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

struct Migration
{
    int version;
    QStringList statements;
};

// Times are BIGINT milliseconds since the epoch (UTC); ids come from the `counters` table so that no
// statement relies on a driver's auto-increment or last-insert-id behaviour.
const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> list{
        {1,
         {u"CREATE TABLE counters (name VARCHAR(64) NOT NULL PRIMARY KEY, value BIGINT NOT NULL)"_s,
          u"INSERT INTO counters (name, value) VALUES ('change_seq', 0)"_s,
          u"INSERT INTO counters (name, value) VALUES ('user_id', 0)"_s,
          u"INSERT INTO counters (name, value) VALUES ('client_key_id', 0)"_s,
          u"INSERT INTO counters (name, value) VALUES ('report_id', 0)"_s,
          u"INSERT INTO counters (name, value) VALUES ('ticket_id', 0)"_s,
          u"INSERT INTO counters (name, value) VALUES ('event_id', 0)"_s,
          u"CREATE TABLE users (id BIGINT NOT NULL PRIMARY KEY, username VARCHAR(128) NOT NULL UNIQUE,"
          " role VARCHAR(16) NOT NULL, password_hash VARCHAR(255) NOT NULL, created_at BIGINT NOT NULL)"_s,
          u"CREATE TABLE sessions (token_hash VARCHAR(64) NOT NULL PRIMARY KEY,"
          " user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
          " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)"_s,
          u"CREATE INDEX sessions_expires ON sessions (expires_at)"_s,
          u"CREATE TABLE client_keys (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(128) NOT NULL,"
          " key_hash VARCHAR(64) NOT NULL UNIQUE, created_at BIGINT NOT NULL,"
          " revoked SMALLINT NOT NULL DEFAULT 0)"_s,
          u"CREATE TABLE reports (id BIGINT NOT NULL PRIMARY KEY,"
          " client_report_id VARCHAR(128) NOT NULL UNIQUE,"
          " client_key_id BIGINT REFERENCES client_keys (id),"
          " reported_at BIGINT NOT NULL, received_at BIGINT NOT NULL,"
          " user_id VARCHAR(128) NOT NULL, user_name VARCHAR(256) NOT NULL, user_locale VARCHAR(35) NOT NULL,"
          " platform VARCHAR(16) NOT NULL, os_version VARCHAR(256) NOT NULL, device_model VARCHAR(256) NOT NULL,"
          " app_version VARCHAR(256) NOT NULL, network VARCHAR(16) NOT NULL, carrier VARCHAR(256) NOT NULL,"
          " client_message_id VARCHAR(128) NOT NULL, conversation_id VARCHAR(128) NOT NULL,"
          " recipient_id VARCHAR(128) NOT NULL, message_kind VARCHAR(16) NOT NULL,"
          " message_size BIGINT NOT NULL, sent_at BIGINT NOT NULL, preview VARCHAR(4096) NOT NULL,"
          " endpoint VARCHAR(512) NOT NULL, http_status INTEGER NOT NULL, error_code VARCHAR(128) NOT NULL,"
          " error_message VARCHAR(4096) NOT NULL, region VARCHAR(64) NOT NULL, attempts INTEGER NOT NULL,"
          " comment VARCHAR(4096) NOT NULL, log_format VARCHAR(16) NOT NULL,"
          " log_encoding VARCHAR(16) NOT NULL, log_size BIGINT NOT NULL)"_s,
          // Logs live apart so that listing tickets never reads them.
          u"CREATE TABLE report_logs (report_id BIGINT NOT NULL PRIMARY KEY"
          " REFERENCES reports (id) ON DELETE CASCADE, data BLOB NOT NULL)"_s,
          u"CREATE TABLE tickets (id BIGINT NOT NULL PRIMARY KEY,"
          " report_id BIGINT NOT NULL UNIQUE REFERENCES reports (id), seq BIGINT NOT NULL UNIQUE,"
          " status VARCHAR(32) NOT NULL, cause VARCHAR(32) NOT NULL, queue VARCHAR(64) NOT NULL,"
          " assignee VARCHAR(128), created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"_s,
          u"CREATE TABLE ticket_events (id BIGINT NOT NULL PRIMARY KEY,"
          " ticket_id BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE, at BIGINT NOT NULL,"
          " actor VARCHAR(128) NOT NULL, kind VARCHAR(64) NOT NULL, summary VARCHAR(4096) NOT NULL,"
          " detail TEXT NOT NULL)"_s,
          u"CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id)"_s}},
        // Diagnosis and tier-1 handling: the diagnosis as JSON on the ticket (NULL: none), and the durable
        // outbox of gateway effects decided by tier 1 (docs/architecture.md, "Outbox").
        {2,
         {u"ALTER TABLE tickets ADD COLUMN diagnosis TEXT"_s,
          u"INSERT INTO counters (name, value) VALUES ('outbox_id', 0)"_s,
          u"CREATE TABLE outbox (id BIGINT NOT NULL PRIMARY KEY,"
          " ticket_id BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE, kind VARCHAR(16) NOT NULL,"
          " idempotency_key VARCHAR(255) NOT NULL UNIQUE, path VARCHAR(1024) NOT NULL, body TEXT NOT NULL,"
          " home_region VARCHAR(64) NOT NULL, last_region VARCHAR(64) NOT NULL, prefer_reroute SMALLINT NOT NULL,"
          " attempts INTEGER NOT NULL, next_at BIGINT NOT NULL, state VARCHAR(16) NOT NULL,"
          " outcome VARCHAR(32) NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"_s,
          u"CREATE INDEX outbox_pending ON outbox (state, next_at)"_s,
          u"CREATE INDEX outbox_ticket ON outbox (ticket_id)"_s}},
        // Agent actions (docs/api.md, "Agent actions"): the console's Idempotency-Keys with the first answer,
        // who asked for an outbox effect (empty: tier 1) and the action it belongs to, and the diagnosis
        // signature as a column so that the incident's tickets are found by index.
        {3,
         {u"INSERT INTO counters (name, value) VALUES ('action_id', 0)"_s,
          u"CREATE TABLE action_keys (username VARCHAR(128) NOT NULL, idem_key VARCHAR(255) NOT NULL,"
          " route VARCHAR(64) NOT NULL, ticket_id BIGINT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL,"
          " created_at BIGINT NOT NULL, PRIMARY KEY (username, idem_key))"_s,
          u"ALTER TABLE outbox ADD COLUMN actor VARCHAR(128) NOT NULL DEFAULT ''"_s,
          u"ALTER TABLE outbox ADD COLUMN action_id BIGINT NOT NULL DEFAULT 0"_s,
          u"ALTER TABLE tickets ADD COLUMN signature VARCHAR(1024)"_s,
          u"UPDATE tickets SET signature = json_extract(diagnosis, '$.signature') WHERE diagnosis IS NOT NULL"_s,
          u"CREATE INDEX tickets_signature ON tickets (signature, id)"_s}},
        // Knowledge base (docs/api.md, "Knowledge base"): one row per article with its current state and its own
        // change sequence (counter kb_seq; deleted articles stay as tombstones for delta sync), every version
        // as the full article JSON, and which articles agents inserted into replies (usage feedback).
        {4,
         {u"INSERT INTO counters (name, value) VALUES ('kb_seq', 0)"_s,
          u"CREATE TABLE kb_articles (id VARCHAR(128) NOT NULL PRIMARY KEY,"
          " translation_group VARCHAR(96) NOT NULL, language VARCHAR(16) NOT NULL, version INTEGER NOT NULL,"
          " status VARCHAR(16) NOT NULL, title VARCHAR(1024) NOT NULL, category VARCHAR(256) NOT NULL,"
          " seq BIGINT NOT NULL UNIQUE, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
          " deleted SMALLINT NOT NULL DEFAULT 0)"_s,
          u"CREATE INDEX kb_articles_group ON kb_articles (translation_group)"_s,
          u"CREATE TABLE kb_versions (article_id VARCHAR(128) NOT NULL REFERENCES kb_articles (id),"
          " version INTEGER NOT NULL, status VARCHAR(16) NOT NULL, title VARCHAR(1024) NOT NULL,"
          " data TEXT NOT NULL, author VARCHAR(128) NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (article_id, version))"_s,
          u"CREATE TABLE kb_usage (article_id VARCHAR(128) NOT NULL, ticket_id BIGINT NOT NULL"
          " REFERENCES tickets (id) ON DELETE CASCADE, action_id BIGINT NOT NULL, actor VARCHAR(128) NOT NULL,"
          " at BIGINT NOT NULL, PRIMARY KEY (action_id, article_id))"_s,
          u"CREATE INDEX kb_usage_article ON kb_usage (article_id, ticket_id)"_s}},
        // Telemetry, metrics and alerts (docs/api.md "Telemetry", "Metrics", "Alerts"): per-minute delivery counts
        // per region (kept 48 h) and their hourly sums (kept 400 days), indexes for time-range reads of tickets,
        // and the alerts with their history. Acknowledge keys live in action_keys (route alert_acknowledge).
        {5,
         {u"CREATE TABLE telemetry_minutes (region VARCHAR(64) NOT NULL, minute BIGINT NOT NULL,"
          " sent BIGINT NOT NULL, failed BIGINT NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (region, minute))"_s,
          u"CREATE INDEX telemetry_minutes_minute ON telemetry_minutes (minute)"_s,
          u"CREATE TABLE telemetry_hours (region VARCHAR(64) NOT NULL, hour BIGINT NOT NULL,"
          " sent BIGINT NOT NULL, failed BIGINT NOT NULL, PRIMARY KEY (region, hour))"_s,
          u"CREATE INDEX telemetry_hours_hour ON telemetry_hours (hour)"_s,
          u"CREATE INDEX tickets_created ON tickets (created_at)"_s,
          u"CREATE INDEX tickets_updated ON tickets (updated_at)"_s,
          u"INSERT INTO counters (name, value) VALUES ('alert_id', 0)"_s,
          u"CREATE TABLE alerts (id BIGINT NOT NULL PRIMARY KEY, kind VARCHAR(32) NOT NULL,"
          " subject VARCHAR(128) NOT NULL, state VARCHAR(16) NOT NULL, raised_at BIGINT NOT NULL,"
          " acknowledged_by VARCHAR(128), acknowledged_at BIGINT, resolved_at BIGINT, updated_at BIGINT NOT NULL,"
          " detail TEXT NOT NULL)"_s,
          u"CREATE INDEX alerts_open ON alerts (kind, subject, state)"_s,
          u"CREATE INDEX alerts_updated ON alerts (updated_at)"_s}},
        // CSAT surveys (docs/api.md, "Surveys"): one row per survey sent on an agent's resolve, keyed by the
        // SHA-256 of its single-use token (the token itself is never stored here); the latest answer is also
        // kept on the ticket as JSON (NULL: none). Incidents are grouped on demand from tickets.signature (v3).
        {6,
         {u"CREATE TABLE surveys (token_hash VARCHAR(64) NOT NULL PRIMARY KEY,"
          " ticket_id BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE, created_at BIGINT NOT NULL,"
          " answered_at BIGINT NULL, score INTEGER NULL, comment TEXT NULL, invalidated_at BIGINT NULL,"
          " ordinal INTEGER NOT NULL, locale VARCHAR(35) NOT NULL, action_id BIGINT NOT NULL)"_s,
          u"CREATE INDEX surveys_ticket ON surveys (ticket_id)"_s,
          u"CREATE INDEX surveys_answered ON surveys (answered_at)"_s,
          u"ALTER TABLE tickets ADD COLUMN csat TEXT"_s}},
        // Duplicate reports are per client key (docs/api.md "Idempotency"): key B re-sending key A's
        // client_report_id is a different report. SQLite cannot drop a column's UNIQUE constraint, so the
        // table is rebuilt (same columns, same order; migrate() turns foreign keys off around it, so neither the
        // drop cascades into report_logs nor do tickets lose their reports) and the unique index is per key.
        {7,
         {u"CREATE TABLE reports_v7 (id BIGINT NOT NULL PRIMARY KEY,"
          " client_report_id VARCHAR(128) NOT NULL,"
          " client_key_id BIGINT REFERENCES client_keys (id),"
          " reported_at BIGINT NOT NULL, received_at BIGINT NOT NULL,"
          " user_id VARCHAR(128) NOT NULL, user_name VARCHAR(256) NOT NULL, user_locale VARCHAR(35) NOT NULL,"
          " platform VARCHAR(16) NOT NULL, os_version VARCHAR(256) NOT NULL, device_model VARCHAR(256) NOT NULL,"
          " app_version VARCHAR(256) NOT NULL, network VARCHAR(16) NOT NULL, carrier VARCHAR(256) NOT NULL,"
          " client_message_id VARCHAR(128) NOT NULL, conversation_id VARCHAR(128) NOT NULL,"
          " recipient_id VARCHAR(128) NOT NULL, message_kind VARCHAR(16) NOT NULL,"
          " message_size BIGINT NOT NULL, sent_at BIGINT NOT NULL, preview VARCHAR(4096) NOT NULL,"
          " endpoint VARCHAR(512) NOT NULL, http_status INTEGER NOT NULL, error_code VARCHAR(128) NOT NULL,"
          " error_message VARCHAR(4096) NOT NULL, region VARCHAR(64) NOT NULL, attempts INTEGER NOT NULL,"
          " comment VARCHAR(4096) NOT NULL, log_format VARCHAR(16) NOT NULL,"
          " log_encoding VARCHAR(16) NOT NULL, log_size BIGINT NOT NULL)"_s,
          u"INSERT INTO reports_v7 SELECT * FROM reports"_s,
          u"DROP TABLE reports"_s,
          u"ALTER TABLE reports_v7 RENAME TO reports"_s,
          u"CREATE UNIQUE INDEX reports_client_report ON reports (client_key_id, client_report_id)"_s}},
        // Metrics rollups (docs/architecture.md "Metrics rollups"): per minute and per hour (grain, ms), the
        // sums of each series by name, the response-time histograms (one encoded row per grain, series and
        // start), kept in step by every writer of tickets, events and survey answers, and the SLA targets they
        // were built for. The tables start empty: the service fills them from the existing rows when it starts
        // (MetricsRollups::ensure, it knows the targets) and again whenever the targets change. Indexes for the
        // events of a time window (the minute a range's end cuts) and the open tickets by status (alert
        // monitor; with the assignee, the open claims per agent are counted from the index alone).
        // {without_rowid}: SQLite stores the rows in key order (range reads scan them, no lookups); nothing
        // elsewhere.
        {8,
         {u"CREATE TABLE metric_rollups (grain BIGINT NOT NULL, series VARCHAR(32) NOT NULL,"
          " start_at BIGINT NOT NULL, name VARCHAR(256) NOT NULL, n BIGINT NOT NULL, total BIGINT NOT NULL,"
          " PRIMARY KEY (grain, series, start_at, name)){without_rowid}"_s,
          u"CREATE TABLE metric_histograms (grain BIGINT NOT NULL, series VARCHAR(32) NOT NULL,"
          " start_at BIGINT NOT NULL, bins BLOB NOT NULL, PRIMARY KEY (grain, series, start_at)){without_rowid}"_s,
          u"CREATE TABLE metric_rollup_targets (first_response_ms BIGINT NOT NULL, resolution_ms BIGINT NOT NULL)"_s,
          u"CREATE INDEX ticket_events_at ON ticket_events (at)"_s,
          u"CREATE INDEX tickets_status ON tickets (status, assignee)"_s}},
    };
    return list;
}

const QString kCreateVersionTable = u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s;

int readVersion(QSqlQuery &q, QString *error)
{
    if (!Database::run(q, u"SELECT MAX(version) FROM schema_version"_s, {}, error))
        return -1;
    return q.next() && !q.value(0).isNull() ? q.value(0).toInt() : 0;
}

} // namespace

int Migrations::latestVersion()
{
    return migrations().back().version;
}

int Migrations::currentVersion(const Database &database, QString *error)
{
    QSqlDatabase db = database.connection(error);
    if (!db.isValid())
        return -1;
    QSqlQuery q(db);
    if (!Database::run(q, kCreateVersionTable, {}, error))
        return -1;
    return readVersion(q, error);
}

int Migrations::migrate(const Database &database, QString *error)
{
    // Table rebuilds (v7) need foreign keys off, which SQLite only allows outside a transaction; they are
    // checked before the commit and turned back on for this connection's later users.
    QSqlDatabase connection = database.connection(error);
    if (!connection.isValid())
        return -1;
    QSqlQuery pragma(connection);
    if (!Database::run(pragma, u"PRAGMA foreign_keys = OFF"_s, {}, error))
        return -1;
    const auto foreignKeysBack = qScopeGuard([&pragma] {
        QString ignored;
        Database::run(pragma, u"PRAGMA foreign_keys = ON"_s, {}, &ignored);
    });
    WriteTransaction tx(database);
    if (!tx.begin(error))
        return -1;
    QSqlQuery q(tx.db());
    if (!Database::run(q, kCreateVersionTable, {}, error))
        return -1;
    const int current = readVersion(q, error);
    if (current < 0)
        return -1;
    if (current > latestVersion()) {
        *error = u"the database has schema version %1, newer than this build understands (%2)"_s.arg(current).arg(
            latestVersion());
        return -1;
    }
    int version = current;
    for (const Migration &m : migrations()) {
        if (m.version <= current)
            continue;
        for (QString statement : m.statements) {
            statement.replace(u"{without_rowid}"_s, tx.db().driverName() == "QSQLITE"_L1 ? u" WITHOUT ROWID"_s : QString());
            if (!Database::run(q, statement, {}, error)) {
                *error = u"migration to version %1 failed: %2"_s.arg(m.version).arg(*error);
                return -1;
            }
        }
        if (!Database::run(q, u"INSERT INTO schema_version (version) VALUES (?)"_s, {m.version}, error))
            return -1;
        version = m.version;
    }
    if (version != current) {
        if (!Database::run(q, u"PRAGMA foreign_key_check"_s, {}, error))
            return -1;
        if (q.next()) {
            *error = u"migration to version %1 left a broken reference in table %2"_s.arg(version).arg(
                q.value(0).toString());
            return -1;
        }
    }
    q.finish();
    if (!tx.commit(error))
        return -1;
    if (version != current)
        qCInfo(lcStorage) << "migrated" << database.path() << "from schema version" << current << "to" << version;
    return version;
}

} // namespace relaydesk::server

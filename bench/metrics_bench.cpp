// The dashboard's metrics endpoints at a team's scale: N tickets (default 100,000; 1,000,000 with
// --tickets 1000000) with realistic timelines over the last D days are written straight into a SQLite
// database of the current schema, the real relaydesk-server builds its rollups from them when it starts (the
// backfill, timed), and every GET /api/v1/metrics/... series is timed over HTTP for the console's three ranges
// (24 h in 10 min, 7 d in 1 h, 30 d in 4 h buckets). The anchor, measured in the same run on the same file, is
// a plain SQLite GROUP BY over the same rows (events by bucket and kind; tickets by bucket and region), so each
// line is a ratio. For reference, the computation the service did before the rollups (every ticket and event
// of the range through MetricsStore + MetricsCalculator) is timed in-process for the 30-day range.
// Usage: metrics_bench --server PATH [--tickets N] [--days D] [--repeats R] [--db FILE (kept, reused)]
// Exits 1 when an endpoint's median is 100 ms or more (the goal is < 100 ms at 1M tickets).
#include "HttpLoad.h"

#include "server/Database.h"
#include "server/MetricsCalculator.h"
#include "server/MetricsStore.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace relaydesk;

namespace {

QTextStream out(stdout);

constexpr qint64 kMin = 60'000;
constexpr qint64 kHour = 60 * kMin;
constexpr qint64 kDay = 24 * kHour;

struct Event
{
    qint64 at;
    QString actor;
    QString kind;
    QString detail;
};

bool exec(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec()) {
        out << "insert failed: " << q.lastError().text() << '\n';
        return false;
    }
    return true;
}

// One ticket's timeline: tier 1 resolves about a third itself; the rest is escalated, claimed, answered and
// mostly resolved by one of 25 agents, some reopened and resolved again; nothing after `now`.
QList<Event> timeline(QRandomGenerator &random, qint64 r, qint64 now)
{
    const auto between = [&](qint64 lo, qint64 hi) { return lo + qint64(random.bounded(quint64(hi - lo))); };
    QList<Event> e{{r, u"system"_s, u"reported"_s, u"{}"_s}, {r, u"tier1"_s, u"diagnosed"_s, u"{}"_s}};
    const int path = int(random.bounded(100));
    qint64 t = r;
    if (path < 45) {
        e.append({r, u"tier1"_s, u"auto_handling"_s, u"{}"_s});
        t = r + between(2'000, 3 * kMin);
        if (path < 35) {
            e.append({t, u"tier1"_s, u"gateway_attempt"_s, uR"({"outcome":"delivered"})"_s});
            e.append({t, u"tier1"_s, u"resolved_auto"_s, u"{}"_s});
            return e;
        }
        e.append({t, u"tier1"_s, u"gateway_attempt"_s, uR"({"outcome":"transient"})"_s});
    }
    e.append({t, u"tier1"_s, u"escalated"_s, u"{}"_s});
    const QString agent = u"agent%1"_s.arg(random.bounded(25));
    const auto agentPath = [&](qint64 from) {
        t = from + between(kMin, 3 * kHour);
        e.append({t, agent, u"claimed"_s, u"{}"_s});
        if (random.bounded(100) < 70) {
            t += between(kMin, 30 * kMin);
            e.append({t, agent, u"replied"_s, u"{}"_s});
        }
        if (random.bounded(100) < 20) {
            t += between(kMin, 10 * kMin);
            e.append({t, agent, u"note"_s, u"{}"_s});
        }
        if (random.bounded(100) < 85) {
            t += between(5 * kMin, 20 * kHour);
            e.append({t, agent, u"resolved"_s, u"{}"_s});
            return true;
        }
        return false;
    };
    if (agentPath(t) && random.bounded(100) < 8) {
        t += between(kHour, 2 * kDay);
        e.append({t, u"user"_s, u"reopened"_s, u"{}"_s});
        agentPath(t);
    }
    while (!e.isEmpty() && e.constLast().at >= now)
        e.removeLast();
    return e;
}

bool generate(const QString &path, int tickets, int days, qint64 now, qint64 *events)
{
    const QString name = u"generate"_s;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open())
            return false;
        QSqlQuery pragma(db);
        pragma.exec(u"PRAGMA synchronous = OFF"_s);
        db.transaction();
        QSqlQuery report(db), ticket(db), event(db), survey(db), counter(db);
        report.prepare(
            u"INSERT INTO reports (id, client_report_id, client_key_id, reported_at, received_at, user_id,"
            " user_name, user_locale, platform, os_version, device_model, app_version, network, carrier,"
            " client_message_id, conversation_id, recipient_id, message_kind, message_size, sent_at, preview,"
            " endpoint, http_status, error_code, error_message, region, attempts, comment, log_format,"
            " log_encoding, log_size) VALUES (?, ?, NULL, ?, ?, 'u', '', 'en', 'android', '14', '', ?,"
            " 'wifi', '', ?, 'c', 'r', 'text', 0, ?, '', '/v1/messages/send', 503, '', '', ?, 1, '',"
            " 'text', 'text', 0)"_s);
        ticket.prepare(u"INSERT INTO tickets (id, report_id, seq, status, cause, queue, assignee, created_at,"
                       " updated_at) VALUES (?, ?, ?, ?, ?, 'tier2', ?, ?, ?)"_s);
        event.prepare(u"INSERT INTO ticket_events (id, ticket_id, at, actor, kind, summary, detail)"
                      " VALUES (?, ?, ?, ?, ?, '', ?)"_s);
        survey.prepare(u"INSERT INTO surveys (token_hash, ticket_id, created_at, answered_at, score, comment,"
                       " invalidated_at, ordinal, locale, action_id) VALUES (?, ?, ?, ?, ?, NULL, NULL, 1, 'en', 0)"_s);
        static const QStringList causes{u"network"_s, u"server"_s, u"policy"_s, u"user"_s, u"unknown"_s};
        static const QStringList regions{u"cn-north"_s, u"cn-east"_s, u"eu-west"_s, u"us-east"_s};
        static const QStringList versions{u"8.3.0"_s, u"8.3.1"_s, u"8.4.0"_s, u"8.4.1"_s, u"8.4.2"_s, u"8.5.0"_s};
        QRandomGenerator random(20261204);
        qint64 eventId = 0;
        const qint64 span = qint64(days) * kDay;
        // Ticket ids in report order, as the service assigns them.
        QList<qint64> times(tickets);
        for (qint64 &t : times)
            t = now - span + qint64(random.bounded(quint64(span)));
        std::sort(times.begin(), times.end());
        for (int i = 0; i < tickets; ++i) {
            const qint64 id = i + 1;
            const qint64 r = times.at(i);
            const QList<Event> events_ = timeline(random, r, now);
            QString status;
            QString assignee;
            for (const Event &e : events_) {
                server::HistoryEvent h{e.at, e.actor, e.kind, {}, {}};
                status = server::MetricsCalculator::statusAfter(status, h);
                if (e.kind == "claimed"_L1)
                    assignee = e.actor;
            }
            if (!exec(report, {id, u"bench-%1"_s.arg(id), r, r, versions.at(random.bounded(versions.size())),
                               u"m-%1"_s.arg(id), r, regions.at(random.bounded(regions.size()))}) ||
                !exec(ticket, {id, id, id, status, causes.at(random.bounded(causes.size())),
                               status == "claimed"_L1 || status == "waiting_user"_L1
                                   ? QVariant(assignee)
                                   : QVariant(QMetaType::fromType<QString>()),
                               r, events_.constLast().at}))
                return false;
            for (const Event &e : events_) {
                if (!exec(event, {++eventId, id, e.at, e.actor, e.kind, e.detail}))
                    return false;
                if (e.kind == "resolved"_L1 && random.bounded(100) < 30 && e.at + kHour < now &&
                    !exec(survey, {u"s%1-%2"_s.arg(id).arg(eventId), id, e.at, e.at + random.bounded(kHour),
                                   1 + int(random.bounded(5))}))
                    return false;
            }
        }
        counter.prepare(u"UPDATE counters SET value = ? WHERE name IN ('ticket_id', 'report_id', 'change_seq')"_s);
        ok = exec(counter, {tickets});
        counter.prepare(u"UPDATE counters SET value = ? WHERE name = 'event_id'"_s);
        ok = ok && exec(counter, {eventId}) && db.commit();
        *events = eventId;
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// One blocking request (login only).
std::string call(quint16 port, const std::string &request)
{
    namespace net = boost::asio;
    namespace http = boost::beast::http;
    net::io_context io;
    net::ip::tcp::socket socket(io);
    socket.connect({net::ip::make_address("127.0.0.1"), port});
    net::write(socket, net::buffer(request));
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(socket, buffer, response);
    return response.body();
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// The anchor: a plain GROUP BY over the same rows, through the same SQLite, `repeats` times; the median in ms.
double anchor(const QString &path, const QString &sql, qint64 from, qint64 to, qint64 bucketMs, int repeats)
{
    const QString name = u"anchor"_s;
    QList<double> times;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open())
            return -1;
        for (int i = 0; i < repeats; ++i) {
            QElapsedTimer timer;
            timer.start();
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.prepare(sql);
            q.addBindValue(from);
            q.addBindValue(bucketMs);
            q.addBindValue(from);
            q.addBindValue(to);
            qint64 rows = 0;
            if (q.exec()) {
                while (q.next())
                    rows += q.value(2).toLongLong();
            }
            times.append(double(timer.nsecsElapsed()) / 1e6);
            if (rows == 0)
                out << "anchor found no rows\n";
        }
    }
    QSqlDatabase::removeDatabase(name);
    return median(times);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption serverOption(u"server"_s, u"relaydesk-server binary."_s, u"PATH"_s);
    const QCommandLineOption ticketsOption(u"tickets"_s, u"Tickets to generate."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption daysOption(u"days"_s, u"Days they span, ending now."_s, u"D"_s, u"30"_s);
    const QCommandLineOption repeatsOption(u"repeats"_s, u"Requests per endpoint and range."_s, u"R"_s, u"7"_s);
    const QCommandLineOption dbOption(u"db"_s, u"Database file to keep (reused when it has tickets)."_s, u"FILE"_s);
    parser.addOptions({serverOption, ticketsOption, daysOption, repeatsOption, dbOption});
    parser.process(app);
    const QString exe = parser.value(serverOption);
    const int tickets = parser.value(ticketsOption).toInt();
    const int days = parser.value(daysOption).toInt();
    const int repeats = parser.value(repeatsOption).toInt();
    if (exe.isEmpty() || tickets < 1 || days < 1 || repeats < 1) {
        out << "usage: metrics_bench --server PATH [--tickets N] [--days D] [--repeats R] [--db FILE]\n";
        return 2;
    }
    QTemporaryDir dir;
    const QString db = parser.isSet(dbOption) ? parser.value(dbOption) : dir.filePath(u"metrics.db"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool reuse = parser.isSet(dbOption) && QFile::exists(db);
    if (!reuse) {
        // The schema and a user through the server's own administration command, then the rows directly.
        if (bench::runAdmin(exe, {u"--db"_s, db, u"add-user"_s, u"bench"_s, u"--role"_s, u"lead"_s},
                            "bench password long\n", nullptr) != 0) {
            out << "cannot prepare the database\n";
            return 2;
        }
        QElapsedTimer timer;
        timer.start();
        qint64 events = 0;
        if (!generate(db, tickets, days, now, &events))
            return 2;
        out << "metrics_bench: generated " << tickets << " tickets, " << events << " events over " << days
            << " days in " << timer.elapsed() << " ms\n";
    } else {
        out << "metrics_bench: reusing " << db << " (its newest data may be older than now)\n";
    }
    out.flush();

    // The server: at start it builds the rollups from the rows (the backfill) when they are missing.
    QProcess server;
    const QString log = dir.filePath(u"server.log"_s);
    server.setStandardErrorFile(log);
    QElapsedTimer startup;
    startup.start();
    server.start(exe, {u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s});
    QRegularExpressionMatch match;
    while (!match.hasMatch() && (server.canReadLine() || server.waitForReadyRead(600'000)))
        match = QRegularExpression(u"^listening on .*:(\\d+)\\s*$"_s).match(QString::fromUtf8(server.readLine()));
    if (!match.hasMatch()) {
        out << "the server did not start (see " << log << ")\n";
        return 2;
    }
    const qint64 startupMs = startup.elapsed();
    QFile logFile(log);
    QString backfill = u"rollups already built"_s;
    if (logFile.open(QIODevice::ReadOnly)) {
        const auto m = QRegularExpression(u"built the metrics rollups from (\\d+) tickets in (\\d+) ms"_s)
                           .match(QString::fromUtf8(logFile.readAll()));
        if (m.hasMatch())
            backfill = u"backfill of %1 tickets %2 ms"_s.arg(m.captured(1), m.captured(2));
    }
    out << "server ready in " << startupMs << " ms (" << backfill << ")\n";
    const quint16 port = quint16(match.captured(1).toUInt());

    const QJsonObject login = QJsonDocument::fromJson(QByteArray::fromStdString(call(
        port, bench::postRequest("/api/v1/auth/login", "-", R"({"username":"bench","password":"bench password long"})"))))
                                  .object();
    const std::string token = login.value("token"_L1).toString().toStdString();
    if (token.empty()) {
        out << "login failed\n";
        return 2;
    }

    // The console's ranges: `to` rounded up to a whole bucket, `from` one span before.
    struct Range
    {
        const char *label;
        qint64 span;
        qint64 bucket;
        const char *bucketText;
    };
    const QList<Range> ranges{{"24h/10m", kDay, 10 * kMin, "10m"}, {"7d/1h", 7 * kDay, kHour, "1h"},
                              {"30d/4h", 30 * kDay, 4 * kHour, "4h"}};
    const QStringList series{u"queue"_s, u"flow"_s,     u"causes"_s, u"regions"_s, u"app-versions"_s,
                             u"delivery"_s, u"response"_s, u"sla"_s,    u"csat"_s,    u"agents"_s};
    const QString eventsAnchor = u"SELECT (at - ?) / ?, kind, COUNT(*) FROM ticket_events"
                                 " WHERE at >= ? AND at < ? GROUP BY 1, 2"_s;
    const QString ticketsAnchor = u"SELECT (t.created_at - ?) / ?, r.region, COUNT(*) FROM tickets t"
                                  " JOIN reports r ON r.id = t.report_id"
                                  " WHERE t.created_at >= ? AND t.created_at < ? GROUP BY 1, 2"_s;
    const auto iso = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
    };
    double worst = 0;
    qint64 failures = 0;
    out << "median of " << repeats << " requests each, one connection; ratio = endpoint / anchor\n";
    for (const Range &range : ranges) {
        const qint64 to = (now / range.bucket + 1) * range.bucket;
        const qint64 from = to - range.span;
        const double events = anchor(db, eventsAnchor, from, to, range.bucket, repeats);
        const double reports = anchor(db, ticketsAnchor, from, to, range.bucket, repeats);
        out << "== " << range.label << ": anchor GROUP BY events " << QString::number(events, 'f', 2)
            << " ms, tickets " << QString::number(reports, 'f', 2) << " ms\n";
        for (const QString &name : series) {
            const std::string path = "/api/v1/metrics/" + name.toStdString() + "?from=" + iso(from) + "&to=" +
                                     iso(to) + "&bucket=" + range.bucketText;
            bench::LoadOptions options{port, 1, 120, repeats};
            const bench::LoadResult r = bench::runLoad(options, [&](qint64) { return bench::getRequest(path, token); });
            failures += r.failures;
            const double ms = r.percentile(50);
            const bool byTickets = name == "causes"_L1 || name == "regions"_L1 || name == "app-versions"_L1;
            const double base = byTickets ? reports : events;
            worst = qMax(worst, ms);
            out << "  " << name.leftJustified(13) << QString::number(ms, 'f', 2).rightJustified(9) << " ms  max "
                << QString::number(r.percentile(100), 'f', 2).rightJustified(8) << " ms  ratio "
                << QString::number(ms / base, 'f', 2) << " (vs " << (byTickets ? "tickets" : "events") << ")\n";
            out.flush();
        }
    }

    // Before the rollups, each series loaded every ticket and event of the range (MetricsStore) and rebuilt
    // the timelines (MetricsCalculator): that load, in-process on the same file, for the 30-day range.
    {
        server::Database database(db);
        server::MetricsStore store(database);
        const qint64 to = (now / (4 * kHour) + 1) * (4 * kHour);
        const server::MetricsRange range{to - 30 * kDay, to, 4 * kHour};
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto histories = store.histories(range.from, range.to, range.from, true, &error);
        const qint64 loadMs = timer.elapsed();
        const auto flow = histories ? server::MetricsCalculator::flow(range, *histories) : QList<server::FlowBucket>{};
        out << "== before (raw rows, in-process, 30d/4h): loading " << (histories ? histories->size() : 0)
            << " tickets with their events " << loadMs << " ms, + flow " << timer.elapsed() - loadMs << " ms"
            << (error.isEmpty() ? QString() : u" ("_s + error + u")"_s) << '\n';
        // The alert monitor's minute: reports in two windows and the open escalated tickets with timelines.
        timer.restart();
        const auto open = store.openEscalated(&error);
        const auto recent = store.reportsBetween(now - 15 * kMin, now, &error);
        out << "== alert monitor's reads: " << (open ? open->size() : 0) << " open escalated tickets + "
            << recent.value_or(0) << " recent reports " << timer.elapsed() << " ms\n";
    }

    server.terminate();
    server.waitForFinished(30000);
    const bool met = worst < 100 && failures == 0;
    out << "slowest endpoint median " << QString::number(worst, 'f', 2) << " ms; goal < 100 ms: "
        << (met ? "met" : "MISSED") << (failures > 0 ? u" (%1 failed requests)"_s.arg(failures) : QString())
        << '\n';
    return met ? 0 : 1;
}

// Hostile input and failures inside the service (issue 16): log line limit, lone surrogates, duplicate
// reports per client key, the largest `since`, the database file's mode, failed-login logging and limits,
// sign-ins that must not starve the database pool, and storage failures that must not leak SQL or paths.
#include "ServiceFixture.h"
#include "TestClient.h"

#include "core/Gzip.h"
#include "core/Limits.h"

#include <QJsonArray>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <sys/stat.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Every message the service logs while a test runs (the incident ids must be there, passwords must not).
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QString capturedLog()
{
    const QMutexLocker lock(&g_logMutex);
    return g_log.join(u'\n');
}

QByteArray gzipLog(const QByteArray &text)
{
    return relaydesk::gzip(text, 9);
}

QJsonObject reportWithGzipLog(const QString &id, const QByteArray &compressed)
{
    QJsonObject report = sampleReport(id);
    report.insert("log"_L1, QJsonObject{{"format"_L1, "logcat"_L1},
                                        {"encoding"_L1, "gzip+base64"_L1},
                                        {"data"_L1, QString::fromLatin1(compressed.toBase64())}});
    return report;
}

// A report body with a raw JSON string (escapes kept as written) as client_report_id.
QByteArray reportWithRawId(const QByteArray &rawJsonString)
{
    QByteArray body = toJson(sampleReport(u"@ID@"_s));
    body.replace("\"@ID@\"", rawJsonString);
    return body;
}

// The checks on a 5xx body: nothing about the storage's insides.
void verifyOpaque(const HttpResult &r)
{
    const QString body = QString::fromUtf8(r.body);
    for (const char *word : {"SELECT", "INSERT", "UPDATE", "DELETE", "FROM", ".db", ".sqlite", "/", "sql"})
        QVERIFY2(!body.contains(QLatin1StringView(word), Qt::CaseInsensitive), qPrintable(QLatin1StringView(word) + u" in "_s + body));
    const QJsonObject error = r.json.value("error"_L1).toObject();
    const QString incident = error.value("incident"_L1).toString();
    QVERIFY2(QRegularExpression(u"^[0-9a-z]{10}$"_s).match(incident).hasMatch(), r.body.constData());
    QVERIFY2(capturedLog().contains(incident), qPrintable(u"incident %1 not in the log"_s.arg(incident)));
}

} // namespace

class TestServerHardening final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void logLineLimit_data();
    void logLineLimit();
    void logAtLineLimit();
    void loneSurrogates_data();
    void loneSurrogates();
    void surrogatePairAccepted();
    void duplicatesPerClientKey();
    void migrationKeepsReports();
    void largestSince();
    void databaseFileMode();
    void failedLoginDoesNotLogName();
    void failedLoginLimit();
    void loginsDoNotStarveDatabase();
    void storageBrokenIsOpaque();
    void storageLockedIs503();
    void storageFailedSignInsAreNotFailures();
    void onlyRequiredFields();

private:
    QString newId() { return u"h-%1"_s.arg(++m_counter); }

    ServiceFixture m_fixture;
    std::unique_ptr<TestClient> m_client;
    QString m_token;
    int m_counter = 0;
};

void TestServerHardening::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(captureMessage);
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    m_client = std::make_unique<TestClient>(m_fixture.service->baseUrl());
    m_token = m_client->login(ServiceFixture::kUser, ServiceFixture::kPassword);
    QVERIFY(!m_token.isEmpty());
}

void TestServerHardening::cleanupTestCase()
{
    m_client.reset();
    m_fixture.stop();
    qInstallMessageHandler(g_previousHandler);
}

void TestServerHardening::logLineLimit_data()
{
    QTest::addColumn<QByteArray>("text");
    // Issue 16: a 88 KB body of 32 MiB of "a\n" reached 5.4 GB, a 65 KB body of 64 MiB of "\n" 8.9 GB.
    QTest::newRow("32 MiB of a-newline") << QByteArray("a\n").repeated(16 * 1024 * 1024);
    QTest::newRow("64 MiB of newlines") << QByteArray(64 * 1024 * 1024, '\n');
    QTest::newRow("one line too many") << QByteArray("a\n").repeated(int(relaydesk::limits::kMaxLogLines)) + "b";
}

void TestServerHardening::logLineLimit()
{
    QFETCH(QByteArray, text);
    QVERIFY(text.size() <= relaydesk::limits::kMaxUncompressedLog); // the byte limit alone lets it in
    const HttpResult r = m_client->postReport(reportWithGzipLog(newId(), gzipLog(text)), m_fixture.clientKey);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), u"payload_too_large"_s);
    QVERIFY2(r.errorField().startsWith("log"_L1), qPrintable(r.errorField()));
    QVERIFY2(r.json.value("error"_L1).toObject().value("message"_L1).toString().contains(u"1000000 lines"_s),
             r.body.constData());
}

void TestServerHardening::logAtLineLimit()
{
    // Exactly the limit is accepted, and as plain text the same limit applies.
    const QByteArray text = QByteArray("a\n").repeated(int(relaydesk::limits::kMaxLogLines));
    const HttpResult ok = m_client->postReport(reportWithGzipLog(newId(), gzipLog(text)), m_fixture.clientKey);
    QCOMPARE(ok.status, 202);
    const HttpResult plain = m_client->postReport(sampleReport(newId(), text + "b\n"), m_fixture.clientKey);
    QCOMPARE(plain.status, 413);
    QCOMPARE(plain.errorField(), u"log.data"_s);
}

void TestServerHardening::loneSurrogates_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("high in id") << reportWithRawId("\"dup-\\ud800\"") << u"client_report_id"_s;
    QTest::newRow("low in id") << reportWithRawId("\"dup-\\udc00\"") << u"client_report_id"_s;
    QTest::newRow("reversed pair") << reportWithRawId("\"dup-\\ude00\\ud83d\"") << u"client_report_id"_s;
    QByteArray comment = toJson(sampleReport(u"surrogate-comment"_s));
    comment.replace("\"comment\":\"", "\"comment\":\"x\\ud83d");
    QTest::newRow("high at end of comment") << comment << u"comment"_s;
    QByteArray user = toJson(sampleReport(u"surrogate-user"_s));
    user.replace("\"id\":\"u-1842\"", "\"id\":\"u-\\udfff-1842\"");
    QTest::newRow("nested user.id") << user << u"user.id"_s;
}

void TestServerHardening::loneSurrogates()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const HttpResult r = m_client->post(u"/api/v1/reports"_s, body, m_fixture.clientKey);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"validation_failed"_s);
    QCOMPARE(r.errorField(), field);
}

void TestServerHardening::surrogatePairAccepted()
{
    // A real pair (U+1F600) is text: two ids that differ only there stay two reports.
    const HttpResult a = m_client->post(u"/api/v1/reports"_s, reportWithRawId("\"emoji-\\ud83d\\ude00\""),
                                        m_fixture.clientKey);
    const HttpResult b = m_client->post(u"/api/v1/reports"_s, reportWithRawId("\"emoji-\\ud83d\\ude01\""),
                                        m_fixture.clientKey);
    QCOMPARE(a.status, 202);
    QCOMPARE(b.status, 202);
    QCOMPARE(a.json.value("duplicate"_L1).toBool(), false);
    QCOMPARE(b.json.value("duplicate"_L1).toBool(), false);
    QVERIFY(a.json.value("ticket_id"_L1).toInteger() != b.json.value("ticket_id"_L1).toInteger());
}

void TestServerHardening::duplicatesPerClientKey()
{
    QString error;
    const QString otherKey = m_fixture.service->addClientKey(u"other-app"_s, &error);
    QVERIFY2(!otherKey.isEmpty(), qPrintable(error));
    const QString id = newId();
    const HttpResult a = m_client->postReport(sampleReport(id, "from key A\n"), m_fixture.clientKey);
    QCOMPARE(a.status, 202);
    QCOMPARE(a.json.value("duplicate"_L1).toBool(), false);
    // Key B's report with the same id is B's own report, not A's ticket.
    const HttpResult b = m_client->postReport(sampleReport(id, "from key B\n"), otherKey);
    QCOMPARE(b.status, 202);
    QCOMPARE(b.json.value("duplicate"_L1).toBool(), false);
    QVERIFY(b.json.value("ticket_id"_L1).toInteger() != a.json.value("ticket_id"_L1).toInteger());
    // Each key's retry is still its own duplicate.
    const HttpResult againA = m_client->postReport(sampleReport(id, "from key A\n"), m_fixture.clientKey);
    const HttpResult againB = m_client->postReport(sampleReport(id, "from key B\n"), otherKey);
    QCOMPARE(againA.json.value("duplicate"_L1).toBool(), true);
    QCOMPARE(againA.json.value("ticket_id"_L1).toInteger(), a.json.value("ticket_id"_L1).toInteger());
    QCOMPARE(againB.json.value("duplicate"_L1).toBool(), true);
    QCOMPARE(againB.json.value("ticket_id"_L1).toInteger(), b.json.value("ticket_id"_L1).toInteger());
    const HttpResult logB = m_client->get(
        u"/api/v1/tickets/%1/log"_s.arg(b.json.value("ticket_id"_L1).toInteger()), m_token);
    QCOMPARE(logB.body, QByteArray("from key B\n"));
}

void TestServerHardening::migrationKeepsReports()
{
    // A database of schema version 6 (client_report_id unique across keys) with reports, logs and tickets:
    // made by storing two reports now and putting the old table definition back.
    ServiceFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    TestClient client(fixture.service->baseUrl());
    const HttpResult a = client.postReport(sampleReport(u"old-1"_s, "first log\n"), fixture.clientKey);
    const HttpResult b = client.postReport(sampleReport(u"old-2"_s, "second log\n"), fixture.clientKey);
    QCOMPARE(a.status, 202);
    QCOMPARE(b.status, 202);
    fixture.service.reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
        db.setDatabaseName(fixture.dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'reports'"_s) && q.next());
        QString create = q.value(0).toString();
        q.finish();
        QVERIFY2(create.contains(u"client_report_id VARCHAR(128) NOT NULL,"_s), qPrintable(create));
        create.replace(u"client_report_id VARCHAR(128) NOT NULL,"_s, u"client_report_id VARCHAR(128) NOT NULL UNIQUE,"_s);
        create.replace(QRegularExpression(u"^CREATE TABLE \"?reports\"?"_s), u"CREATE TABLE reports_v6"_s);
        for (const QString &sql :
             {u"PRAGMA foreign_keys = OFF"_s, u"BEGIN"_s, create, u"INSERT INTO reports_v6 SELECT * FROM reports"_s,
              u"DROP TABLE reports"_s, u"ALTER TABLE reports_v6 RENAME TO reports"_s,
              // and without what version 8 added (the metrics rollups)
              u"DROP TABLE metric_rollups"_s, u"DROP TABLE metric_histograms"_s, u"DROP TABLE metric_rollup_targets"_s,
              u"DROP INDEX ticket_events_at"_s, u"DROP INDEX tickets_status"_s,
              u"DELETE FROM schema_version WHERE version > 6"_s, u"COMMIT"_s})
            QVERIFY2(q.exec(sql), qPrintable(sql + u": "_s + q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(u"downgrade"_s);

    fixture.service = std::make_unique<relaydesk::server::Service>(fixture.options);
    QVERIFY2(fixture.service->start(&error), qPrintable(error));
    TestClient again(fixture.service->baseUrl());
    QCOMPARE(again.get(u"/api/v1/health"_s).json.value("schema_version"_L1).toInt(), 8);
    const QString token = again.login(ServiceFixture::kUser, ServiceFixture::kPassword);
    QVERIFY(!token.isEmpty());
    // The reports, their logs and tickets survived the rebuild; duplicates are still recognised.
    for (const auto &[result, log] : {std::pair{a, QByteArray("first log\n")}, std::pair{b, QByteArray("second log\n")}}) {
        const qint64 ticket = result.json.value("ticket_id"_L1).toInteger();
        QCOMPARE(again.get(u"/api/v1/tickets/%1/log"_s.arg(ticket), token).body, log);
        QCOMPARE(again.get(u"/api/v1/tickets/%1"_s.arg(ticket), token).status, 200);
    }
    const HttpResult retry = again.postReport(sampleReport(u"old-1"_s, "first log\n"), fixture.clientKey);
    QCOMPARE(retry.json.value("duplicate"_L1).toBool(), true);
    QCOMPARE(retry.json.value("ticket_id"_L1).toInteger(), a.json.value("ticket_id"_L1).toInteger());
    fixture.service.reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(fixture.dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA foreign_key_check"_s));
        QVERIFY2(!q.next(), "a broken reference after the migration");
        QVERIFY(q.exec(u"SELECT COUNT(*) FROM report_logs"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QVERIFY(q.exec(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'reports_client_report'"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }
    QSqlDatabase::removeDatabase(u"check"_s);
}

void TestServerHardening::largestSince()
{
    const HttpResult max = m_client->get(u"/api/v1/tickets?since=9223372036854775807"_s, m_token);
    QCOMPARE(max.status, 200);
    QCOMPARE(max.json.value("tickets"_L1).toArray().size(), 0);
    const HttpResult half = m_client->get(u"/api/v1/tickets?since=4611686018427387904"_s, m_token);
    QCOMPARE(half.status, 200);
    const HttpResult over = m_client->get(u"/api/v1/tickets?since=9223372036854775808"_s, m_token);
    QCOMPARE(over.status, 400);
    QCOMPARE(over.errorField(), u"since"_s);
    const HttpResult negative = m_client->get(u"/api/v1/tickets?since=-1"_s, m_token);
    QCOMPARE(negative.status, 400);
    // The knowledge base's delta feed takes the same range.
    QCOMPARE(m_client->get(u"/api/v1/kb/articles?since=9223372036854775807"_s, m_token).status, 200);
    QCOMPARE(m_client->get(u"/api/v1/kb/articles?since=9223372036854775808"_s, m_token).status, 400);
}

void TestServerHardening::databaseFileMode()
{
    // A report was stored: the WAL and its index exist too.
    QVERIFY(m_client->postReport(sampleReport(newId()), m_fixture.clientKey).status == 202);
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        const QByteArray path = QFile::encodeName(m_fixture.dbPath() + suffix);
        struct stat info{};
        QVERIFY2(::stat(path.constData(), &info) == 0, path.constData());
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
    }
}

void TestServerHardening::failedLoginDoesNotLogName()
{
    const QString typedIntoName = u"Tr0ub4dor-and-3"_s;
    const HttpResult r = m_client->post(
        u"/api/v1/auth/login"_s, toJson({{"username"_L1, typedIntoName}, {"password"_L1, "x"_L1}}));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"invalid_credentials"_s);
    const QString log = capturedLog();
    QVERIFY2(log.contains(u"failed login"_s), qPrintable(log.right(2000)));
    QVERIFY2(!log.contains(typedIntoName), "the user name field was logged");
}

void TestServerHardening::failedLoginLimit()
{
    const auto attempt = [this](const QString &password) {
        return m_client->post(u"/api/v1/auth/login"_s,
                              toJson({{"username"_L1, ServiceFixture::kUser}, {"password"_L1, password}}));
    };
    for (int i = 0; i < 5; ++i) // AuthStore::kMaxFailuresPerName
        QCOMPARE(attempt(u"wrong %1"_s.arg(i)).status, 401);
    const HttpResult sixth = attempt(u"wrong again"_s);
    QCOMPARE(sixth.status, 429);
    QCOMPARE(sixth.errorCode(), u"too_many_attempts"_s);
    bool ok = false;
    const int retryAfter = sixth.headers.value("retry-after").toInt(&ok);
    QVERIFY2(ok && retryAfter >= 1 && retryAfter <= 60, sixth.headers.value("retry-after").constData());
    // Even the right password waits now; another name is not affected.
    QCOMPARE(attempt(ServiceFixture::kPassword).status, 429);
    const HttpResult other = m_client->post(u"/api/v1/auth/login"_s,
                                            toJson({{"username"_L1, "nobody"_L1}, {"password"_L1, "x"_L1}}));
    QCOMPARE(other.status, 401);
}

void TestServerHardening::loginsDoNotStarveDatabase()
{
    // Its own service: the failed-login limits of the tests above do not count here.
    ServiceFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    TestClient client(fixture.service->baseUrl());
    const QString token = client.login(ServiceFixture::kUser, ServiceFixture::kPassword);
    QVERIFY(!token.isEmpty());

    // 16 wrong-password sign-ins at once, each on its own connection (one manager each: a manager opens at
    // most 6 connections to a host), 16 different names so that no limit refuses them.
    constexpr int kLogins = 16;
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    QList<QNetworkReply *> logins;
    int finished = 0;
    int unauthorized = 0;
    for (int i = 0; i < kLogins; ++i) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        QNetworkRequest request(fixture.service->baseUrl().resolved(QUrl(u"/api/v1/auth/login"_s)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = managers.back()->post(
            request, toJson({{"username"_L1, u"user-%1"_s.arg(i)}, {"password"_L1, "wrong"_L1}}));
        connect(reply, &QNetworkReply::finished, this, [&finished, &unauthorized, reply] {
            ++finished;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 401)
                ++unauthorized;
        });
        logins.append(reply);
    }
    // Once the first sign-in is answered the others are in the service; now one ticket list.
    QVERIFY(QTest::qWaitFor([&] { return finished > 0; }, 120000));
    QNetworkAccessManager readerManager;
    QNetworkRequest read(fixture.service->baseUrl().resolved(QUrl(u"/api/v1/tickets"_s)));
    read.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *list = readerManager.get(read);
    int finishedBeforeList = -1;
    connect(list, &QNetworkReply::finished, this, [&] { finishedBeforeList = finished; });
    QVERIFY(QTest::qWaitFor([&] { return finished == kLogins && finishedBeforeList >= 0; }, 300000));
    QCOMPARE(list->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(unauthorized, kLogins);
    // Hashing is one thread, the database pool is free: the list overtakes most of the sign-ins. (With the
    // hashes on the database pool it waited behind every queued one: at most 3 were still running.)
    qInfo("sign-ins answered before the ticket list: %d of %d", finishedBeforeList, kLogins);
    QVERIFY2(kLogins - finishedBeforeList >= kLogins / 2,
             qPrintable(u"only %1 sign-ins were still running when the list was answered"_s.arg(kLogins
                                                                                                  - finishedBeforeList)));
    for (QNetworkReply *reply : std::as_const(logins))
        reply->deleteLater();
    list->deleteLater();
}

void TestServerHardening::storageBrokenIsOpaque()
{
    // Another process breaks the schema under the running service: the ticket list fails inside SQL.
    ServiceFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    TestClient client(fixture.service->baseUrl());
    const QString token = client.login(ServiceFixture::kUser, ServiceFixture::kPassword);
    QVERIFY(!token.isEmpty());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"breaker"_s);
        db.setDatabaseName(fixture.dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(u"ALTER TABLE tickets RENAME TO tickets_gone"_s), qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(u"breaker"_s);
    const HttpResult r = client.get(u"/api/v1/tickets"_s, token);
    QCOMPARE(r.status, 500);
    QCOMPARE(r.errorCode(), u"internal"_s);
    verifyOpaque(r);
}

void TestServerHardening::storageLockedIs503()
{
    // Another process holds the write lock past the busy timeout (10 s): storage unavailable, 503.
    ServiceFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    TestClient client(fixture.service->baseUrl());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
        db.setDatabaseName(fixture.dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(u"BEGIN IMMEDIATE"_s), qPrintable(q.lastError().text()));
        QVERIFY(q.exec(u"UPDATE counters SET value = value WHERE name = 'report_id'"_s));
        const HttpResult r = client.postReport(sampleReport(u"locked-1"_s, "log\n"), fixture.clientKey);
        QVERIFY(q.exec(u"ROLLBACK"_s));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.errorCode(), u"unavailable"_s);
        verifyOpaque(r);
        QVERIFY(r.headers.contains("retry-after"));
    }
    QSqlDatabase::removeDatabase(u"locker"_s);
    // The lock is gone: the same report goes in.
    QCOMPARE(client.postReport(sampleReport(u"locked-1"_s, "log\n"), fixture.clientKey).status, 202);
}

void TestServerHardening::storageFailedSignInsAreNotFailures()
{
    // Sign-ins that never reached the password check (here: the users table is gone for a while) do not
    // count against the name's failed-sign-in limit: the right password works once the storage is back.
    ServiceFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    TestClient client(fixture.service->baseUrl());
    const auto rename = [&](const QString &from, const QString &to) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"breaker"_s);
        db.setDatabaseName(fixture.dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(u"ALTER TABLE %1 RENAME TO %2"_s.arg(from, to)), qPrintable(q.lastError().text()));
        q.finish();
        db.close();
    };
    const QByteArray login = toJson({{"username"_L1, ServiceFixture::kUser}, {"password"_L1, ServiceFixture::kPassword}});
    rename(u"users"_s, u"users_gone"_s);
    QSqlDatabase::removeDatabase(u"breaker"_s);
    for (int i = 0; i < 8; ++i) // more than AuthStore::kMaxFailuresPerName
        QCOMPARE(client.post(u"/api/v1/auth/login"_s, login).status, 500);
    rename(u"users_gone"_s, u"users"_s);
    QSqlDatabase::removeDatabase(u"breaker"_s);
    const HttpResult r = client.post(u"/api/v1/auth/login"_s, login);
    QVERIFY2(r.status == 200, r.body.constData());
}

void TestServerHardening::onlyRequiredFields()
{
    // api.md: every field marked "no" may be left out (it is "" in the ticket). Left out, they were bound as
    // SQL NULL into NOT NULL columns: 500.
    const QByteArray minimal = R"({"client_report_id":"only-required-1","reported_at":"2026-12-04T10:00:00Z",
        "user":{"id":"u-1","locale":"en"},
        "device":{"platform":"ios","os_version":"17","app_version":"8.4.1"},
        "message":{"client_message_id":"m-2","conversation_id":"c-1","recipient_id":"u-2","kind":"text",
                   "sent_at":"2026-12-04T09:59:00Z"},
        "failure":{"endpoint":"/v1/messages/send","http_status":0,"region":"eu-west","attempts":1}})";
    const HttpResult r = m_client->post(u"/api/v1/reports"_s, minimal, m_fixture.clientKey);
    QVERIFY2(r.status == 202, r.body.constData());
    const qint64 ticketId = r.json.value("ticket_id"_L1).toInteger();
    QVERIFY(ticketId > 0);
    const HttpResult ticket = m_client->get(u"/api/v1/tickets/%1"_s.arg(ticketId), m_token);
    QCOMPARE(ticket.status, 200);
    const QJsonObject device = ticket.json.value("device"_L1).toObject();
    QCOMPARE(device.value("carrier"_L1).toString(u"absent"_s), QString());
    QCOMPARE(device.value("model"_L1).toString(u"absent"_s), QString());
}

QTEST_GUILESS_MAIN(TestServerHardening)
#include "tst_server_hardening.moc"

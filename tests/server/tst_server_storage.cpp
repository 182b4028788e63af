// Durability: data and logins survive a restart, migrations are idempotent, the embedded service works.
#include "ServiceFixture.h"
#include "server/Migrations.h"
#include "TestClient.h"

#include "server/EmbeddedService.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class TestServerStorage final : public QObject
{
    Q_OBJECT

private slots:
    void survivesRestart();
    void migrationIsIdempotent();
    void adminErrors();
    void embeddedService();

private:
    static int count(const QString &dbPath, const QString &sql);
};

namespace {
relaydesk::server::ServiceOptions options(const QString &path, int threads)
{
    relaydesk::server::ServiceOptions o;
    o.databasePath = path;
    o.workerThreads = threads;
    return o;
}
} // namespace

int TestServerStorage::count(const QString &dbPath, const QString &sql)
{
    int result = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                result = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(u"inspect"_s);
    return result;
}

void TestServerStorage::survivesRestart()
{
    ServiceFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    qint64 ticketId = 0;
    QString oldToken;
    {
        TestClient client(fixture.service->baseUrl());
        const HttpResult r = client.postReport(sampleReport(u"keep-me"_s, "persistent log\n", true), fixture.clientKey);
        QCOMPARE(r.status, 202);
        ticketId = r.json.value("ticket_id"_L1).toInteger();
        oldToken = client.login(ServiceFixture::kUser, ServiceFixture::kPassword);
        QVERIFY(!oldToken.isEmpty());
    }
    const QString key = fixture.clientKey;
    fixture.stop();

    relaydesk::server::Service restarted(options(fixture.dbPath(), 2));
    QVERIFY2(restarted.start(&error), qPrintable(error));
    TestClient client(restarted.baseUrl());
    QCOMPARE(client.get(u"/api/v1/me"_s, oldToken).status, 200); // sessions are stored, not in memory
    const QString token = client.login(ServiceFixture::kUser, ServiceFixture::kPassword);
    QVERIFY(!token.isEmpty());
    const HttpResult t = client.get(u"/api/v1/tickets/%1"_s.arg(ticketId), token);
    QCOMPARE(t.status, 200);
    QCOMPARE(t.json.value("client_report_id"_L1).toString(), u"keep-me"_s);
    QCOMPARE(client.get(u"/api/v1/tickets/%1/log"_s.arg(ticketId), token).body, QByteArray("persistent log\n"));
    // The client key still works, and the report is still a duplicate.
    const HttpResult again = client.postReport(sampleReport(u"keep-me"_s), key);
    QCOMPARE(again.status, 202);
    QCOMPARE(again.json.value("duplicate"_L1).toBool(), true);
    QCOMPARE(again.json.value("ticket_id"_L1).toInteger(), ticketId);
    // New changes continue the sequence.
    const qint64 oldSeq = t.json.value("seq"_L1).toInteger();
    const HttpResult fresh = client.postReport(sampleReport(u"after-restart"_s), key);
    const HttpResult ft = client.get(u"/api/v1/tickets/%1"_s.arg(fresh.json.value("ticket_id"_L1).toInteger()), token);
    QVERIFY(ft.json.value("seq"_L1).toInteger() > oldSeq);
    QVERIFY(fresh.json.value("ticket_id"_L1).toInteger() != ticketId);
}

void TestServerStorage::migrationIsIdempotent()
{
    ServiceFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    fixture.stop();
    for (int i = 0; i < 2; ++i) {
        relaydesk::server::Service again(options(fixture.dbPath(), 1));
        QVERIFY2(again.start(&error), qPrintable(error));
        TestClient client(again.baseUrl());
        QCOMPARE(client.get(u"/api/v1/health"_s).json.value("schema_version"_L1).toInt(), relaydesk::server::Migrations::latestVersion());
    }
    QCOMPARE(count(fixture.dbPath(), u"SELECT COUNT(*) FROM schema_version"_s), relaydesk::server::Migrations::latestVersion());
    QCOMPARE(count(fixture.dbPath(), u"SELECT MAX(version) FROM schema_version"_s), relaydesk::server::Migrations::latestVersion());
    QCOMPARE(count(fixture.dbPath(), u"SELECT COUNT(*) FROM users"_s), 1);
    QCOMPARE(count(fixture.dbPath(), u"SELECT COUNT(*) FROM counters WHERE name = 'change_seq'"_s), 1);
}

void TestServerStorage::adminErrors()
{
    QTemporaryDir dir;
    relaydesk::server::Service service(options(dir.filePath(u"a.db"_s), 1));
    QString error;
    QVERIFY(service.addUser(u"bob"_s, relaydesk::Role::Lead, u"pw"_s, &error));
    QVERIFY(!service.addUser(u"bob"_s, relaydesk::Role::Lead, u"pw"_s, &error));
    QVERIFY(error.contains(u"exists"_s));
    error.clear();
    QVERIFY(!service.addUser(u"bad name"_s, relaydesk::Role::Agent, u"pw"_s, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!service.addUser(u"carol"_s, relaydesk::Role::Agent, QString(), &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(service.issueToken(u"nobody"_s, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QVERIFY(!service.issueToken(u"bob"_s, &error).isEmpty());

    relaydesk::server::Service broken(options(dir.filePath(u"missing-dir/x.db"_s), 1));
    error.clear();
    QVERIFY(!broken.start(&error));
    QVERIFY2(error.contains(u"x.db"_s), qPrintable(error));
}

void TestServerStorage::embeddedService()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"embedded.db"_s);
    for (int round = 0; round < 2; ++round) { // the second start finds the admin user already there
        relaydesk::server::EmbeddedService embedded;
        QString error;
        QVERIFY2(embedded.start(path, &error), qPrintable(error));
        QCOMPARE(embedded.baseUrl().host(), u"127.0.0.1"_s);
        QVERIFY(embedded.baseUrl().port() > 0);
        QVERIFY(!embedded.adminToken().isEmpty());
        QVERIFY(!embedded.clientKey().isEmpty());
        TestClient client(embedded.baseUrl());
        const HttpResult me = client.get(u"/api/v1/me"_s, embedded.adminToken());
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value("username"_L1).toString(), u"admin"_s);
        QCOMPARE(me.json.value("role"_L1).toString(), u"admin"_s);
        const HttpResult r = client.postReport(sampleReport(u"emb-%1"_s.arg(round)), embedded.clientKey());
        QCOMPARE(r.status, 202);
        const HttpResult list = client.get(u"/api/v1/tickets"_s, embedded.adminToken());
        QCOMPARE(list.json.value("tickets"_L1).toArray().size(), round + 1);
    }
    QCOMPARE(count(path, u"SELECT COUNT(*) FROM users WHERE username = 'admin'"_s), 1);
}

QTEST_GUILESS_MAIN(TestServerStorage)
#include "tst_server_storage.moc"

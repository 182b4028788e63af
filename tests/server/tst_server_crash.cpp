// Crash safety of tier-1 sends: a real relaydesk-server is killed (SIGKILL) while its resend is in flight
// at the gateway, then restarted on the same database. The outbox resumes the send with the same
// Idempotency-Key: the gateway delivers exactly once and the timeline records the duplicate it suppressed.
#include "TriageHarness.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using relaydesk::Cause;

class TestServerCrash final : public QObject
{
    Q_OBJECT

private slots:
    void killedWhileSendingResumesExactlyOnce();

private:
    static int startServer(QProcess *server, const QStringList &args); // the port, 0 on failure
    static QString outboxState(const QString &dbPath);
};

int TestServerCrash::startServer(QProcess *server, const QStringList &args)
{
    server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server->start(QStringLiteral(RELAYDESK_SERVER_EXE), args);
    if (!server->waitForStarted(30000))
        return 0;
    QByteArray line;
    if (!QTest::qWaitFor(
            [&] {
                if (server->canReadLine())
                    line = server->readLine();
                return !line.isEmpty() || server->state() == QProcess::NotRunning;
            },
            30000))
        return 0;
    const auto match = QRegularExpression(u"^listening on http://127\\.0\\.0\\.1:(\\d+)\\s*$"_s).match(QString::fromUtf8(line));
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

QString TestServerCrash::outboxState(const QString &dbPath)
{
    QString state;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"SELECT state || ' ' || attempts || ' ' || idempotency_key FROM outbox"_s) && q.next())
                state = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(u"inspect"_s);
    return state;
}

void TestServerCrash::killedWhileSendingResumesExactlyOnce()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"crash.db"_s);
    const QString secretFile = dir.filePath(u"gateway.secret"_s);
    {
        QFile f(secretFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(TriageHarness::kSecret + '\n');
    }
    relaydesk::sim::GatewaySimulator gateway(TriageHarness::kSecret, 3);
    gateway.setTransientFailureRate(0);
    gateway.setLatency(4000); // delivered on arrival; the answer comes 4 s later: the window for the kill
    QString error;
    QVERIFY2(gateway.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    gateway.registerTruth(u"m-crash"_s, Cause::Network, u"unknown_host"_s, u"cn-north"_s);

    QProcess admin;
    admin.start(QStringLiteral(RELAYDESK_SERVER_EXE), {u"--db"_s, db, u"add-client-key"_s, u"crash-test"_s});
    QVERIFY(admin.waitForFinished(30000));
    const QString clientKey = QString::fromLatin1(admin.readAllStandardOutput().trimmed());
    QCOMPARE(clientKey.size(), 43);
    admin.start(QStringLiteral(RELAYDESK_SERVER_EXE), {u"--db"_s, db, u"add-user"_s, u"carol"_s, u"--role"_s, u"agent"_s});
    QVERIFY(admin.waitForStarted());
    admin.write("a long password\n");
    admin.closeWriteChannel();
    QVERIFY(admin.waitForFinished(30000));
    QCOMPARE(admin.exitCode(), 0);

    const QStringList args{u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s, u"--gateway"_s, gateway.baseUrl().toString(),
                           u"--gateway-secret-file"_s, secretFile};
    QProcess first;
    const int port = startServer(&first, args);
    QVERIFY(port > 0);
    qint64 ticketId = 0;
    {
        TestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        const HttpResult posted = client.postReport(networkReport(u"r-crash"_s, u"m-crash"_s), clientKey);
        QCOMPARE(posted.status, 202);
        ticketId = posted.json.value("ticket_id"_L1).toInteger();
    }
    // The resend reached the gateway (and was delivered there); its answer is still 4 s away. Kill -9 now.
    QVERIFY(QTest::qWaitFor([&] { return gateway.attemptsForMessage(u"m-crash"_s) == 1; }, 20000));
    first.kill();
    QVERIFY(first.waitForFinished(30000));
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    QCOMPARE(gateway.deliveriesForMessage(u"m-crash"_s), 1);
    // The decision survived the crash; its outcome was never recorded.
    const QString pending = outboxState(db);
    QVERIFY2(pending.startsWith(u"pending 0 t%1-resend-1"_s.arg(ticketId)), qPrintable(pending));

    gateway.setLatency(0);
    QProcess second;
    const int port2 = startServer(&second, args);
    QVERIFY(port2 > 0);
    TestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port2)));
    const QString token = client.login(u"carol"_s, u"a long password"_s);
    QVERIFY(!token.isEmpty());
    QString status;
    QVERIFY(QTest::qWaitFor(
        [&] {
            status = client.get(u"/api/v1/tickets/%1"_s.arg(ticketId), token).json.value("status"_L1).toString();
            return status == "resolved_auto"_L1;
        },
        30000));

    // Exactly once: one delivery, the resumed attempt carried the same key and was suppressed as a duplicate.
    QCOMPARE(gateway.deliveriesForMessage(u"m-crash"_s), 1);
    QCOMPARE(gateway.attemptsForMessage(u"m-crash"_s), 2);
    QCOMPARE(gateway.duplicatesSuppressed(), 1);
    const auto deliveries = gateway.deliveries();
    QCOMPARE(deliveries.size(), 1);
    QCOMPARE(deliveries.constFirst().idempotencyKey, u"t%1-resend-1"_s.arg(ticketId));
    QCOMPARE(deliveries.constFirst().attempts, 2);

    const QJsonArray events =
        client.get(u"/api/v1/tickets/%1/events"_s.arg(ticketId), token).json.value("events"_L1).toArray();
    QStringList kinds;
    for (const QJsonValue &e : events)
        kinds << e.toObject().value("kind"_L1).toString();
    QCOMPARE(kinds, (QStringList{u"reported"_s, u"diagnosed"_s, u"auto_handling"_s, u"gateway_attempt"_s,
                                 u"resolved_auto"_s}));
    const QJsonObject attempt = events.at(3).toObject().value("detail"_L1).toObject();
    QCOMPARE(attempt.value("outcome"_L1).toString(), u"duplicate_suppressed"_s);
    QCOMPARE(attempt.value("idempotency_key"_L1).toString(), u"t%1-resend-1"_s.arg(ticketId));
    QVERIFY(!attempt.value("delivery_id"_L1).toString().isEmpty());
    QVERIFY(outboxState(db).startsWith(u"done 1 "_s));
    qInfo().noquote() << "crash evidence:" << kinds.join(u" -> "_s) << "| outcome" << attempt.value("outcome"_L1).toString()
                      << "| gateway: attempts" << gateway.attemptsForMessage(u"m-crash"_s) << "deliveries"
                      << gateway.deliveriesForMessage(u"m-crash"_s) << "duplicates" << gateway.duplicatesSuppressed();

    second.terminate();
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(second.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestServerCrash)
#include "tst_server_crash.moc"

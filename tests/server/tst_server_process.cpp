// The real relaydesk-server executable: administration commands, serving, clean stop on SIGTERM.
#include "TestClient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestServerProcess final : public QObject
{
    Q_OBJECT

private slots:
    void serveAndAdminister();
    void badOptions_data();
    void badOptions();
    void versionAndHelp();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run run(const QStringList &args, const QByteArray &input = {});
};

TestServerProcess::Run TestServerProcess::run(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    process.start(QStringLiteral(RELAYDESK_SERVER_EXE), args);
    if (!process.waitForStarted(30000))
        return {};
    if (!input.isNull())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

void TestServerProcess::serveAndAdminister()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"server.db"_s);

    QProcess server;
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.start(QStringLiteral(RELAYDESK_SERVER_EXE), {u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s});
    QVERIFY(server.waitForStarted(30000));
    QByteArray line;
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (server.canReadLine())
                line = server.readLine();
            return !line.isEmpty() || server.state() == QProcess::NotRunning;
        },
        30000));
    const auto match = QRegularExpression(u"^listening on http://127\\.0\\.0\\.1:(\\d+)\\s*$"_s)
                           .match(QString::fromUtf8(line));
    QVERIFY2(match.hasMatch(), line.constData());
    const int port = match.captured(1).toInt();
    QVERIFY(port > 0);

    // Administration against the live database from other processes (WAL lets them in).
    const Run user = run({u"--db"_s, db, u"add-user"_s, u"dora"_s, u"--role"_s, u"lead"_s}, "hunter2 long pw\n");
    QVERIFY2(user.exitCode == 0, user.err.constData());
    const Run key = run({u"--db"_s, db, u"add-client-key"_s, u"android-app"_s});
    QVERIFY2(key.exitCode == 0, key.err.constData());
    const QString clientKey = QString::fromLatin1(key.out.trimmed());
    QCOMPARE(clientKey.size(), 43);
    const Run again = run({u"--db"_s, db, u"add-user"_s, u"dora"_s, u"--role"_s, u"lead"_s}, "other\n");
    QVERIFY(again.exitCode != 0);
    QVERIFY2(again.err.contains("already exists"), again.err.constData());

    TestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    const HttpResult posted = client.postReport(sampleReport(u"proc-1"_s, "from a process\n"), clientKey);
    QCOMPARE(posted.status, 202);
    const QString token = client.login(u"dora"_s, u"hunter2 long pw"_s);
    QVERIFY(!token.isEmpty());
    const HttpResult me = client.get(u"/api/v1/me"_s, token);
    QCOMPARE(me.json.value("role"_L1).toString(), u"lead"_s);
    const HttpResult log =
        client.get(u"/api/v1/tickets/%1/log"_s.arg(posted.json.value("ticket_id"_L1).toInteger()), token);
    QCOMPARE(log.body, QByteArray("from a process\n"));

    server.terminate(); // SIGTERM: a clean stop
    QVERIFY(server.waitForFinished(30000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

void TestServerProcess::badOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no db") << QStringList{u"--listen"_s, u"127.0.0.1:0"_s} << QByteArray() << QByteArray("--db");
    QTest::newRow("no listen") << QStringList{u"--db"_s, u"x.db"_s} << QByteArray() << QByteArray("--listen");
    QTest::newRow("bad listen") << QStringList{u"--db"_s, u"x.db"_s, u"--listen"_s, u"nowhere"_s} << QByteArray()
                                << QByteArray("HOST:PORT");
    QTest::newRow("bad port") << QStringList{u"--db"_s, u"x.db"_s, u"--listen"_s, u"127.0.0.1:99999"_s}
                              << QByteArray() << QByteArray("port");
    QTest::newRow("bad role") << QStringList{u"--db"_s, u"x.db"_s, u"add-user"_s, u"a"_s, u"--role"_s, u"boss"_s}
                              << QByteArray("pw\n") << QByteArray("role");
    QTest::newRow("empty password") << QStringList{u"--db"_s, u"x.db"_s, u"add-user"_s, u"a"_s, u"--role"_s, u"agent"_s}
                                    << QByteArray("\n") << QByteArray("password");
    QTest::newRow("unknown command") << QStringList{u"--db"_s, u"x.db"_s, u"frobnicate"_s} << QByteArray()
                                     << QByteArray("unknown command");
    QTest::newRow("unknown option") << QStringList{u"--db"_s, u"x.db"_s, u"--bogus"_s} << QByteArray()
                                    << QByteArray("bogus");
}

void TestServerProcess::badOptions()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, message);
    QTemporaryDir dir;
    for (QString &arg : args) {
        if (arg == "x.db"_L1)
            arg = dir.filePath(arg);
    }
    const Run r = run(args, input);
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(message), r.err.constData());
}

void TestServerProcess::versionAndHelp()
{
    const Run version = run({u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.contains(RELAYDESK_VERSION));
    const Run help = run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("add-client-key"));
}

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_server_process.moc"

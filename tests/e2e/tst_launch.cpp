// Launch smoke test of each executable as a real process with an isolated HOME: they start, answer
// --version/--help, reject bad options clearly, and work together over real HTTP on 127.0.0.1.
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestLaunch final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QProcessEnvironment isolatedEnv() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u".config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u".local/share"_s));
        env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u".cache"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        return env;
    }

    struct Run
    {
        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::CrashExit;
        QString out;
        QString err;
    };

    Run run(const QString &program, const QStringList &args, const QByteArray &input = {}, int timeoutMs = 60000)
    {
        QProcess p;
        p.setProcessEnvironment(isolatedEnv());
        p.start(program, args);
        if (!p.waitForStarted())
            return {};
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitCode(), p.exitStatus(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    // GET url; returns the HTTP status (0 on connection failure).
    static int httpGet(const QUrl &url)
    {
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(url));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
            return 0;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

private slots:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void versionAndHelp_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("relaydesk") << QStringLiteral(RELAYDESK_BIN_CONSOLE);
        QTest::newRow("relaydesk-server") << QStringLiteral(RELAYDESK_BIN_SERVER);
        QTest::newRow("relaydesk-sim") << QStringLiteral(RELAYDESK_BIN_SIM);
    }

    void versionAndHelp()
    {
        QFETCH(QString, program);
        const Run version = run(program, {u"--version"_s});
        QCOMPARE(version.status, QProcess::NormalExit);
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.contains(QStringLiteral(RELAYDESK_VERSION)), qPrintable(version.out));
        const Run help = run(program, {u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"--"_s));
        const Run bad = run(program, {u"--no-such-option"_s});
        QCOMPARE(bad.status, QProcess::NormalExit);
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains(u"no-such-option"_s), qPrintable(bad.err));
    }

    // The console answers --help and --version on a machine with no display:
    // no platform plugin chosen, no X11 or Wayland server to connect to.
    void consoleHelpAndVersionWithoutDisplay()
    {
        QProcessEnvironment env = isolatedEnv();
        env.remove(u"QT_QPA_PLATFORM"_s);
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        const auto runBare = [&env](const QStringList &args) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(RELAYDESK_BIN_CONSOLE), args);
            if (!p.waitForStarted() || !p.waitForFinished(60000)) {
                p.kill();
                p.waitForFinished();
            }
            return Run{p.exitCode(), p.exitStatus(), QString::fromUtf8(p.readAllStandardOutput()),
                       QString::fromUtf8(p.readAllStandardError())};
        };
        const Run version = runBare({u"--version"_s});
        QCOMPARE(version.status, QProcess::NormalExit);
        QVERIFY2(version.exitCode == 0, qPrintable(version.err));
        QCOMPARE(version.out.trimmed(), u"relaydesk "_s + QStringLiteral(RELAYDESK_VERSION));
        const Run help = runBare({u"--help"_s});
        QCOMPARE(help.status, QProcess::NormalExit);
        QVERIFY2(help.exitCode == 0, qPrintable(help.err));
        QVERIFY2(help.out.contains(u"Usage:"_s) && help.out.contains(u"--server <URL>"_s), qPrintable(help.out));
    }

    void serverSimulatorAndConsoleWorkTogether()
    {
        const QString db = m_home.filePath(u"service.sqlite"_s);
        const Run key = run(QStringLiteral(RELAYDESK_BIN_SERVER), {u"--db"_s, db, u"add-client-key"_s, u"smoke"_s});
        QCOMPARE(key.exitCode, 0);
        const QString clientKey = key.out.trimmed().split(u'\n').last().trimmed();
        QVERIFY(clientKey.size() >= 32);
        const Run user = run(QStringLiteral(RELAYDESK_BIN_SERVER),
                             {u"--db"_s, db, u"add-user"_s, u"lin"_s, u"--role"_s, u"agent"_s}, "s3cret-pass\n");
        QVERIFY2(user.exitCode == 0, qPrintable(user.err));

        QProcess server;
        server.setProcessEnvironment(isolatedEnv());
        server.start(QStringLiteral(RELAYDESK_BIN_SERVER), {u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s});
        QVERIFY(server.waitForStarted());
        QString banner;
        const QRegularExpression listening(u"listening on (http://127\\.0\\.0\\.1:\\d+)"_s);
        QTRY_VERIFY_WITH_TIMEOUT((banner += QString::fromUtf8(server.readAllStandardOutput()),
                                  listening.match(banner).hasMatch()), 20000);
        const QUrl base(listening.match(banner).captured(1));
        QCOMPARE(httpGet(base.resolved(QUrl(u"/api/v1/health"_s))), 200);
        QCOMPARE(httpGet(base.resolved(QUrl(u"/api/v1/tickets"_s))), 401);

        const Run sim = run(QStringLiteral(RELAYDESK_BIN_SIM),
                            {u"--server"_s, base.toString(), u"--client-key"_s, clientKey, u"--rate"_s, u"20"_s,
                             u"--count"_s, u"5"_s, u"--seed"_s, u"3"_s});
        QVERIFY2(sim.exitCode == 0, qPrintable(sim.err + sim.out));
        QVERIFY2(sim.out.contains(u"accepted 5"_s), qPrintable(sim.out));

        const Run badKey = run(QStringLiteral(RELAYDESK_BIN_SIM),
                               {u"--server"_s, base.toString(), u"--client-key"_s, u"wrong"_s, u"--count"_s, u"1"_s});
        QVERIFY(badKey.exitCode != 0);

        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }

    void consoleStartsEmbeddedWithDemo()
    {
        QProcess console;
        console.setProcessEnvironment(isolatedEnv());
        console.start(QStringLiteral(RELAYDESK_BIN_CONSOLE), {u"--demo"_s, u"--demo-count"_s, u"3"_s, u"--seed"_s, u"9"_s});
        QVERIFY(console.waitForStarted());
        // The embedded service keeps its database and the console its cache in the user's data dir.
        const QString dataDir = m_home.filePath(u".local/share/Relaydesk/relaydesk"_s);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(dataDir + u"/relaydesk.sqlite"_s), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(dataDir + u"/cache"_s).entryList(QDir::Files).isEmpty(), 20000);
        QTest::qWait(1500);
        QCOMPARE(console.state(), QProcess::Running); // still alive: no crash after start
        console.terminate();
        QVERIFY(console.waitForFinished(10000));
        QVERIFY2(!console.readAllStandardError().contains("ASSERT"), "no assertion failures");
    }
};

QTEST_GUILESS_MAIN(TestLaunch)
#include "tst_launch.moc"

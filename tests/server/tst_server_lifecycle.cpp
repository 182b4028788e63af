// The real relaydesk-server executable under repetition and load (issue 16): administration commands and
// SIGTERM stops always exit 0 (no exit-time heap corruption), admin commands during intake never hit
// "database is locked", and short-line logs stay within a memory bound.
#include "TestClient.h"

#include "core/Gzip.h"
#include "core/Limits.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QByteArray err;
    QByteArray out;
};

Run runAdmin(const QStringList &args, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(RELAYDESK_SERVER_EXE), args);
    if (!process.waitForStarted(30000))
        return {-1, "did not start", {}};
    if (!input.isNull())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {-1, "timed out", {}};
    }
    const bool normal = process.exitStatus() == QProcess::NormalExit;
    return {normal ? process.exitCode() : -1,
            (normal ? QByteArray() : "crashed: " + process.errorString().toUtf8() + "\n")
                + process.readAllStandardError(),
            process.readAllStandardOutput()};
}

QStringList adminArgs(const QString &db, int i)
{
    if (i % 2 == 0)
        return {u"--db"_s, db, u"add-user"_s, u"user-%1"_s.arg(i), u"--role"_s, u"agent"_s};
    return {u"--db"_s, db, u"add-client-key"_s, u"key-%1"_s.arg(i)};
}

// Starts a server on a free port; the port, 0 on failure.
int startServer(QProcess &server, const QString &db)
{
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.start(QStringLiteral(RELAYDESK_SERVER_EXE), {u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s});
    if (!server.waitForStarted(30000))
        return 0;
    QByteArray line;
    (void)QTest::qWaitFor(
        [&] {
            if (server.canReadLine())
                line = server.readLine();
            return !line.isEmpty() || server.state() == QProcess::NotRunning;
        },
        60000);
    const auto match =
        QRegularExpression(u"^listening on http://127\\.0\\.0\\.1:(\\d+)\\s*$"_s).match(QString::fromUtf8(line));
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

// The peak resident memory of a process, in KiB (VmHWM), -1 when unknown.
qint64 peakRssKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QString describeFailures(const QStringList &failures)
{
    return failures.isEmpty() ? QString() : u"%1 failed: %2"_s.arg(failures.size()).arg(failures.mid(0, 5).join(u"; "_s));
}

} // namespace

class TestServerLifecycle final : public QObject
{
    Q_OBJECT

private slots:
    void adminCommandsExitCleanly();
    void startAndStopExitCleanly();
    void adminDuringIntake();
    void shortLinesStayInMemoryBound();
};

void TestServerLifecycle::adminCommandsExitCleanly()
{
    // Issue 16: ~1 % of add-user/add-client-key died in "free(): corrupted unsorted chunks" at exit.
    QTemporaryDir dir;
    const QString db = dir.filePath(u"admin.db"_s);
    constexpr int kRuns = 100;
    QStringList failures;
    for (int i = 0; i < kRuns; ++i) {
        const Run r = runAdmin(adminArgs(db, i), "a long enough password\n");
        if (r.exitCode != 0)
            failures.append(u"run %1 exit %2: %3"_s.arg(i).arg(r.exitCode).arg(QString::fromUtf8(r.err).trimmed()));
    }
    QVERIFY2(failures.isEmpty(), qPrintable(describeFailures(failures)));
}

void TestServerLifecycle::startAndStopExitCleanly()
{
    // Issue 16: 1 in 20 SIGTERM stops exited 139.
    QTemporaryDir dir;
    const QString db = dir.filePath(u"stop.db"_s);
    constexpr int kRuns = 30;
    QStringList failures;
    for (int i = 0; i < kRuns; ++i) {
        QProcess server;
        const int port = startServer(server, db);
        if (port == 0) {
            failures.append(u"start %1: no port (%2)"_s.arg(i).arg(QString::fromUtf8(server.readAllStandardError())));
            server.kill();
            server.waitForFinished();
            continue;
        }
        // One request that reaches the database pool, so its threads hold connections when the stop comes.
        TestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        const HttpResult login =
            client.post(u"/api/v1/auth/login"_s, toJson({{"username"_L1, "nobody"_L1}, {"password"_L1, "x"_L1}}));
        if (login.status != 401)
            failures.append(u"run %1: login answered %2"_s.arg(i).arg(login.status));
        server.terminate();
        if (!server.waitForFinished(60000)) {
            failures.append(u"run %1: did not stop"_s.arg(i));
            server.kill();
            server.waitForFinished();
            continue;
        }
        if (server.exitStatus() != QProcess::NormalExit || server.exitCode() != 0)
            failures.append(u"run %1: exit status %2 code %3: %4"_s.arg(i)
                                .arg(int(server.exitStatus()))
                                .arg(server.exitCode())
                                .arg(QString::fromUtf8(server.readAllStandardError().right(300))));
    }
    QVERIFY2(failures.isEmpty(), qPrintable(describeFailures(failures)));
}

void TestServerLifecycle::adminDuringIntake()
{
    // Issue 16: admin commands during intake made 2 of 600 reports 500 and one add-user exit 2 ("database is
    // locked" at once instead of the 10 s busy wait: a deferred transaction cannot wait for a lock upgrade).
    QTemporaryDir dir;
    const QString db = dir.filePath(u"busy.db"_s);
    QProcess server;
    const int port = startServer(server, db);
    QVERIFY2(port > 0, server.readAllStandardError().constData());
    const Run key = runAdmin({u"--db"_s, db, u"add-client-key"_s, u"intake"_s});
    QCOMPARE(key.exitCode, 0);
    const QString clientKey = QString::fromLatin1(key.out.trimmed());
    QCOMPARE(clientKey.size(), 43);

    // Three loops of administration commands (users and keys, alternating), each starting the next command
    // as soon as the previous one ends, for as long as intake runs.
    constexpr int kLoops = 3;
    bool intakeDone = false;
    int commands = 0;
    QStringList adminFailures;
    std::vector<std::unique_ptr<QProcess>> loops;
    QObject context; // after the processes: goes first, taking its pending calls and connections with it
    int running = 0;
    std::function<void(QProcess *)> next = [&](QProcess *p) {
        if (intakeDone)
            return;
        const int i = commands++;
        ++running;
        p->start(QStringLiteral(RELAYDESK_SERVER_EXE), adminArgs(db, 1000 + i));
        p->write("a long enough password\n");
        p->closeWriteChannel();
    };
    for (int l = 0; l < kLoops; ++l) {
        loops.push_back(std::make_unique<QProcess>());
        QProcess *p = loops.back().get();
        connect(p, &QProcess::finished, &context, [&, p](int code, QProcess::ExitStatus status) {
            --running;
            if (status != QProcess::NormalExit || code != 0)
                adminFailures.append(u"exit status %1 code %2: %3"_s.arg(int(status)).arg(code).arg(
                    QString::fromUtf8(p->readAllStandardError()).trimmed()));
            else
                p->readAllStandardError();
            p->readAllStandardOutput();
            QMetaObject::invokeMethod(&context, [&, p] { next(p); }, Qt::QueuedConnection);
        });
        next(p);
    }

    TestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    constexpr int kReports = 1200;
    constexpr int kBatch = 12;
    QStringList intakeFailures;
    for (int done = 0; done < kReports; done += kBatch) {
        QList<QByteArray> bodies;
        for (int i = done; i < done + kBatch; ++i)
            bodies.append(toJson(sampleReport(u"busy-%1"_s.arg(i), "E/Net: send failed\n")));
        const QList<HttpResult> results = client.postParallel(u"/api/v1/reports"_s, bodies, clientKey);
        for (const HttpResult &r : results) {
            if (r.status != 202)
                intakeFailures.append(u"%1 %2"_s.arg(r.status).arg(QString::fromUtf8(r.body.left(200))));
        }
    }
    const int commandsDuringIntake = commands;
    intakeDone = true;
    QVERIFY(QTest::qWaitFor([&] { return running == 0; }, 120000));
    server.terminate();
    QVERIFY(server.waitForFinished(60000));
    QCOMPARE(server.exitCode(), 0);

    qInfo("%d reports while %d administration commands ran", kReports, commandsDuringIntake);
    QVERIFY2(intakeFailures.isEmpty(), qPrintable(describeFailures(intakeFailures)));
    QVERIFY2(adminFailures.isEmpty(), qPrintable(describeFailures(adminFailures)));
    QVERIFY2(commandsDuringIntake >= 2 * kLoops, "too few commands overlapped the intake to mean anything");
}

void TestServerLifecycle::shortLinesStayInMemoryBound()
{
    // Issue 16: a 65 KB body of 64 MiB of "\n" reached 8.9 GB, 32 MiB of "a\n" 5.4 GB. The server runs with
    // its address space capped (so the unfixed server fails the test instead of swapping the machine),
    // and its peak resident memory is checked after the worst logs the limits let in or refuse.
    QTemporaryDir dir;
    const QString db = dir.filePath(u"memory.db"_s);
    const Run keyRun = runAdmin({u"--db"_s, db, u"add-client-key"_s, u"memory"_s});
    QCOMPARE(keyRun.exitCode, 0);
    const QString clientKey = QString::fromLatin1(keyRun.out.trimmed());

    constexpr qint64 kAddressSpaceCap = 6LL << 30;
    constexpr qint64 kPeakBoundKiB = 1024LL * 1024; // generous: the fixed server peaked at 180 MiB
    QProcess server;
    server.setChildProcessModifier([] {
        const rlimit cap{rlim_t(kAddressSpaceCap), rlim_t(kAddressSpaceCap)};
        ::setrlimit(RLIMIT_AS, &cap);
    });
    const int port = startServer(server, db);
    QVERIFY2(port > 0, server.readAllStandardError().constData());
    TestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    const auto post = [&](const QString &id, const QByteArray &text) {
        QJsonObject report = sampleReport(id);
        report.insert("log"_L1, QJsonObject{{"format"_L1, "logcat"_L1},
                                            {"encoding"_L1, "gzip+base64"_L1},
                                            {"data"_L1, QString::fromLatin1(relaydesk::gzip(text, 9).toBase64())}});
        return client.postReport(report, clientKey);
    };
    const HttpResult newlines = post(u"mem-1"_s, QByteArray(64 * 1024 * 1024, '\n'));
    const HttpResult shortLines = post(u"mem-2"_s, QByteArray("a\n").repeated(16 * 1024 * 1024));
    // The most lines the limit lets in, stored and diagnosed.
    const HttpResult atLimit = post(u"mem-3"_s, QByteArray("a\n").repeated(int(relaydesk::limits::kMaxLogLines)));
    const qint64 peak = peakRssKiB(server.processId());
    const bool alive = server.state() == QProcess::Running;
    server.terminate();
    server.waitForFinished(60000);

    qInfo("server peak RSS %lld MiB", peak / 1024);
    QVERIFY2(alive, "the server died");
    QCOMPARE(newlines.status, 413);
    QVERIFY(newlines.errorField().startsWith("log"_L1));
    QCOMPARE(shortLines.status, 413);
    QVERIFY(shortLines.errorField().startsWith("log"_L1));
    QCOMPARE(atLimit.status, 202);
    QVERIFY(peak > 0);
    QVERIFY2(peak < kPeakBoundKiB, qPrintable(u"peak RSS %1 MiB"_s.arg(peak / 1024)));
    QCOMPARE(server.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestServerLifecycle)
#include "tst_server_lifecycle.moc"

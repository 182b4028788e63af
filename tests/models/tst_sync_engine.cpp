// The console's sync against a real service over HTTP and WebSocket on 127.0.0.1: delta pages, live
// pushes, offline reading from the cache, reconnecting with backoff, and signing out on 401.
#include "models/ApiClient.h"
#include "models/SyncEngine.h"
#include "models/TicketCache.h"
#include "server/Service.h"
#include "sim/ReportGenerator.h"
#include "sim/ReportUploader.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace relaydesk;
using namespace relaydesk::models;
using namespace Qt::StringLiterals;

namespace {

// Collects what an engine delivers, keyed by ticket id (later copies replace earlier ones).
struct Sink
{
    QHash<qint64, Ticket> tickets;
    void attach(SyncEngine &engine)
    {
        QObject::connect(&engine, &SyncEngine::ticketsArrived, &engine, [this](const QList<Ticket> &list) {
            for (const Ticket &t : list)
                tickets.insert(t.id, t);
        });
    }
};

} // namespace

class TestSyncEngine final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<server::Service> m_service;
    QString m_clientKey;
    QString m_token;
    quint16 m_port = 0;
    sim::ReportGenerator m_generator{[] {
        sim::GeneratorOptions o;
        o.seed = 11;
        o.logScale = 0.05;
        return o;
    }()};

    bool startService(quint16 port)
    {
        server::ServiceOptions options;
        options.databasePath = m_dir.filePath(u"service.sqlite"_s);
        options.port = port;
        m_service = std::make_unique<server::Service>(options);
        QString error;
        if (!m_service->start(&error)) {
            qWarning() << error;
            return false;
        }
        m_port = m_service->port();
        return true;
    }

    void postReports(int count)
    {
        sim::ReportUploader uploader(&m_nam, [this] { return m_generator.next().report; });
        uploader.setServer(m_service->baseUrl());
        uploader.setClientKey(m_clientKey);
        uploader.setRate(0);
        uploader.setCount(count);
        QSignalSpy finished(&uploader, &sim::ReportUploader::finished);
        uploader.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(uploader.stats().accepted, count);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(startService(0));
        QString error;
        m_clientKey = m_service->addClientKey(u"tests"_s, &error);
        QVERIFY2(!m_clientKey.isEmpty(), qPrintable(error));
        QVERIFY2(m_service->addUser(u"mei"_s, Role::Agent, u"pw-123456"_s, &error), qPrintable(error));
        m_token = m_service->issueToken(u"mei"_s, &error);
        QVERIFY2(!m_token.isEmpty(), qPrintable(error));
    }

    void deltaPagesThenLivePushes()
    {
        postReports(5);
        ApiClient api(&m_nam, m_service->baseUrl());
        api.setToken(m_token);
        TicketCache cache(m_dir.filePath(u"cache-a.sqlite"_s));
        SyncEngine engine(&api, &cache);
        engine.setPageSize(2); // forces three pages
        Sink sink;
        sink.attach(engine);
        QSignalSpy caughtUp(&engine, &SyncEngine::caughtUp);
        engine.start();
        QVERIFY(caughtUp.wait(20000));
        QCOMPARE(sink.tickets.size(), 5);
        QTRY_COMPARE_WITH_TIMEOUT(engine.state(), SyncEngine::State::Live, 10000);
        qint64 maxSeq = 0;
        for (const Ticket &t : std::as_const(sink.tickets))
            maxSeq = std::max(maxSeq, t.seq);
        QCOMPARE(engine.cursor(), maxSeq);

        // New reports arrive through the stream without any polling.
        postReports(3);
        QTRY_COMPARE_WITH_TIMEOUT(sink.tickets.size(), 8, 10000);
        QCOMPARE(engine.state(), SyncEngine::State::Live);
    }

    void offlineReadsCacheAndReconnects()
    {
        const QString cachePath = m_dir.filePath(u"cache-b.sqlite"_s);
        {
            ApiClient api(&m_nam, m_service->baseUrl());
            api.setToken(m_token);
            TicketCache cache(cachePath);
            SyncEngine engine(&api, &cache);
            QSignalSpy caughtUp(&engine, &SyncEngine::caughtUp);
            engine.start();
            QVERIFY(caughtUp.wait(20000));
        }
        const QUrl base = m_service->baseUrl();
        const quint16 port = m_port;
        m_service.reset(); // the service goes away

        ApiClient api(&m_nam, base);
        api.setToken(m_token);
        TicketCache cache(cachePath);
        SyncEngine engine(&api, &cache);
        engine.setBackoff(100, 400);
        Sink sink;
        sink.attach(engine);
        QSignalSpy states(&engine, &SyncEngine::stateChanged);
        engine.start();
        // Everything synced before is readable offline...
        QTRY_COMPARE_WITH_TIMEOUT(sink.tickets.size(), 8, 10000);
        // ...and the console says it is offline, with the reason.
        QTRY_COMPARE_WITH_TIMEOUT(engine.state(), SyncEngine::State::Reconnecting, 10000);
        bool explained = false;
        for (const auto &args : std::as_const(states))
            explained |= args.at(0).value<SyncEngine::State>() == SyncEngine::State::Reconnecting &&
                         !args.at(1).toString().isEmpty();
        QVERIFY(explained);

        // The service comes back on the same address: the engine finds it by itself.
        QVERIFY(startService(port));
        QTRY_COMPARE_WITH_TIMEOUT(engine.state(), SyncEngine::State::Live, 20000);
        postReports(1);
        QTRY_COMPARE_WITH_TIMEOUT(sink.tickets.size(), 9, 10000);
    }

    void rejectedTokenSignsOut()
    {
        ApiClient api(&m_nam, m_service->baseUrl());
        api.setToken(u"not-a-valid-token"_s);
        TicketCache cache(m_dir.filePath(u"cache-c.sqlite"_s));
        SyncEngine engine(&api, &cache);
        QSignalSpy unauthorized(&api, &ApiClient::unauthorized);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(engine.state(), SyncEngine::State::SignedOut, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(unauthorized.count() >= 1, 10000); // the stream may say so first
    }

    void cleanupTestCase() { m_service.reset(); }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_sync_engine.moc"

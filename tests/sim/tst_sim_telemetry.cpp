// The simulator's delivery telemetry: outage specs, deterministic diurnal counts, outages raising the failure
// rate and taking the gateway's region down for exactly their minutes, and what is posted (order, batching,
// retry after a 5xx, drop on a 4xx).
#include "HttpResponder.h"

#include "sim/GatewaySimulator.h"
#include "sim/OutagePlan.h"
#include "sim/TelemetryReporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace relaydesk::sim;

namespace {
constexpr qint64 kMin = 60'000;
const QDateTime kStart(QDate(2026, 3, 17), QTime(0, 0), Qt::UTC);

QJsonArray rowsOf(const HttpResponder::Request &request)
{
    return QJsonDocument::fromJson(request.body).object().value("minutes"_L1).toArray();
}
} // namespace

class SimTelemetryTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outageSpecs_data();
    void outageSpecs();
    void badOutageSpecs();
    void countsAreDeterministicAndDiurnal();
    void outageRaisesTheFailureRate();
    void outageTakesTheGatewayRegionDown();
    void postsEveryMinuteInOrder();
    void keepsRowsAfterAServerErrorAndDropsOnARefusal();
};

void SimTelemetryTest::outageSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("region");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("duration");
    QTest::newRow("minutes") << u"eu-west@+2m/5m"_s << u"eu-west"_s << 2 * kMin << 5 * kMin;
    QTest::newRow("seconds") << u"cn-north@+90s/30"_s << u"cn-north"_s << qint64(90'000) << qint64(30'000);
    QTest::newRow("hours, no plus") << u"us-east@1h/2h"_s << u"us-east"_s << 60 * kMin << 120 * kMin;
    QTest::newRow("at once") << u"ap-south@+0/10m"_s << u"ap-south"_s << qint64(0) << 10 * kMin;
}

void SimTelemetryTest::outageSpecs()
{
    QFETCH(QString, spec);
    QString error;
    const auto outage = Outage::parse(spec, &error);
    QVERIFY2(outage, qPrintable(error));
    QTEST(outage->region, "region");
    QTEST(outage->startMs, "start");
    QTEST(outage->durationMs, "duration");
    QFETCH(qint64, start);
    QFETCH(qint64, duration);
    QVERIFY(!outage->activeAt(start - 1));
    QVERIFY(outage->activeAt(start));
    QVERIFY(outage->activeAt(start + duration - 1));
    QVERIFY(!outage->activeAt(start + duration));
}

void SimTelemetryTest::badOutageSpecs()
{
    for (const QString &spec : {u"eu-west"_s, u"eu-west@+2m"_s, u"eu-west@+2m/0m"_s, u"EU@+1m/1m"_s,
                                u"eu-west@+2x/5m"_s, u"@+1m/1m"_s, u"eu-west@-1m/5m"_s}) {
        QString error;
        QVERIFY2(!Outage::parse(spec, &error), qPrintable(spec));
        QVERIFY(!error.isEmpty());
    }
}

void SimTelemetryTest::countsAreDeterministicAndDiurnal()
{
    QNetworkAccessManager network;
    TelemetryReporter a(&network, 42), b(&network, 42), c(&network, 43);
    for (TelemetryReporter *r : {&a, &b, &c})
        r->setStart(kStart.addSecs(17)); // truncated to the minute
    QCOMPARE(a.startTime(), kStart);
    for (int i : {0, 1, 500, 1439}) {
        const TelemetryMinute x = a.minute(u"eu-west"_s, i);
        QCOMPARE(x.minute, kStart.addSecs(60 * i));
        QCOMPARE(x.sent, b.minute(u"eu-west"_s, i).sent);
        QCOMPARE(x.failed, b.minute(u"eu-west"_s, i).failed);
        QVERIFY(x.sent > 0 && x.failed >= 0 && x.failed <= x.sent);
    }
    bool differs = false;
    for (int i = 0; i < 10; ++i)
        differs = differs || a.minute(u"eu-west"_s, i).sent != c.minute(u"eu-west"_s, i).sent;
    QVERIFY(differs); // another seed, other numbers

    // a day: night (04:00 UTC) is quiet, the afternoon (16:00) busy; failures stay around 0.5 %
    qint64 night = 0, afternoon = 0, sent = 0, failed = 0;
    for (int i = 0; i < 1440; ++i) {
        const TelemetryMinute m = a.minute(u"us-east"_s, i);
        if (i >= 3 * 60 + 30 && i < 4 * 60 + 30)
            night += m.sent;
        if (i >= 15 * 60 + 30 && i < 16 * 60 + 30)
            afternoon += m.sent;
        sent += m.sent;
        failed += m.failed;
    }
    QVERIFY2(afternoon > 4 * night, qPrintable(u"%1 vs %2"_s.arg(afternoon).arg(night)));
    const double rate = double(failed) / double(sent);
    QVERIFY2(rate > 0.003 && rate < 0.007, qPrintable(QString::number(rate)));
}

void SimTelemetryTest::outageRaisesTheFailureRate()
{
    QNetworkAccessManager network;
    TelemetryReporter reporter(&network, 7);
    reporter.setStart(kStart.addSecs(12 * 3600));
    reporter.addOutage({u"eu-west"_s, 10 * kMin, 5 * kMin, 0.4});
    for (int i = 0; i < 20; ++i) {
        const TelemetryMinute eu = reporter.minute(u"eu-west"_s, i);
        const double rate = double(eu.failed) / double(eu.sent);
        if (i >= 10 && i < 15)
            QVERIFY2(rate >= 0.27 && rate <= 0.53, qPrintable(u"minute %1: %2"_s.arg(i).arg(rate)));
        else
            QVERIFY2(rate < 0.02, qPrintable(u"minute %1: %2"_s.arg(i).arg(rate)));
        const TelemetryMinute us = reporter.minute(u"us-east"_s, i);
        QVERIFY(double(us.failed) / double(us.sent) < 0.02); // other regions are unaffected
    }
}

void SimTelemetryTest::outageTakesTheGatewayRegionDown()
{
    HttpResponder responder;
    QVERIFY(responder.listen());
    for (int i = 0; i < 40; ++i)
        responder.enqueue({202, R"({"accepted":4})", {}, false});
    QNetworkAccessManager network;
    GatewaySimulator gateway("secret");
    TelemetryReporter reporter(&network, 7);
    reporter.setServer(QUrl(u"http://127.0.0.1:%1"_s.arg(responder.port())));
    reporter.setClientKey(u"key"_s);
    reporter.setMinuteIntervalMs(5);
    reporter.setMinutes(12);
    reporter.addOutage({u"eu-west"_s, 3 * kMin, 4 * kMin, 0.4});
    reporter.addOutage({u"cn-north"_s, 10 * kMin, 30 * kMin, 0.4}); // runs past the end: ends with the run
    reporter.setGateway(&gateway);
    QList<std::pair<bool, bool>> down; // eu-west, cn-north per produced minute
    connect(&reporter, &TelemetryReporter::minuteProduced, this, [&] {
        down.append({gateway.isRegionDown(u"eu-west"_s), gateway.isRegionDown(u"cn-north"_s)});
    });
    QSignalSpy finished(&reporter, &TelemetryReporter::finished);
    reporter.start();
    QVERIFY(finished.wait(20'000));
    QCOMPARE(down.size(), 12);
    for (int i = 0; i < 12; ++i) {
        QCOMPARE(down[i].first, i >= 3 && i < 7);
        QCOMPARE(down[i].second, i >= 10);
    }
    QVERIFY(!gateway.isRegionDown(u"eu-west"_s));
    QVERIFY(!gateway.isRegionDown(u"cn-north"_s));
}

void SimTelemetryTest::postsEveryMinuteInOrder()
{
    HttpResponder responder;
    QVERIFY(responder.listen());
    for (int i = 0; i < 40; ++i)
        responder.enqueue({202, R"({"accepted":2})", {}, false});
    QNetworkAccessManager network;
    TelemetryReporter reporter(&network, 9);
    reporter.setServer(QUrl(u"http://127.0.0.1:%1"_s.arg(responder.port())));
    reporter.setClientKey(u"client-key-1"_s);
    reporter.setRegions({u"eu-west"_s, u"us-east"_s});
    reporter.setStart(kStart);
    reporter.setMinuteIntervalMs(2);
    reporter.setMinutes(30);
    QSignalSpy accepted(&reporter, &TelemetryReporter::minuteAccepted);
    QSignalSpy finished(&reporter, &TelemetryReporter::finished);
    reporter.start();
    QVERIFY(finished.wait(20'000));
    QCOMPARE(reporter.minutesAccepted(), 30);
    QCOMPARE(accepted.size(), 30);
    for (int i = 0; i < 30; ++i)
        QCOMPARE(accepted[i][0].toInt(), i);
    QJsonArray all;
    for (const auto &request : responder.requests()) {
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/api/v1/telemetry"));
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer client-key-1"));
        for (const QJsonValue &row : rowsOf(request))
            all.append(row);
    }
    QCOMPARE(all.size(), 60);
    for (int i = 0; i < 30; ++i) {
        for (int r = 0; r < 2; ++r) {
            const QJsonObject row = all[2 * i + r].toObject();
            const TelemetryMinute expected = reporter.minute(r == 0 ? u"eu-west"_s : u"us-east"_s, i);
            QCOMPARE(row.value("region"_L1).toString(), expected.region);
            QCOMPARE(row.value("at"_L1).toString(), kStart.addSecs(60 * i).toString(Qt::ISODate));
            QCOMPARE(row.value("sent"_L1).toInteger(), expected.sent);
            QCOMPARE(row.value("failed"_L1).toInteger(), expected.failed);
        }
    }
}

void SimTelemetryTest::keepsRowsAfterAServerErrorAndDropsOnARefusal()
{
    HttpResponder responder;
    QVERIFY(responder.listen());
    responder.enqueue({503, R"({"error":{"code":"unavailable"}})", {}, false});
    responder.enqueue({202, R"({})", {}, false});
    responder.enqueue({422, R"({"error":{"code":"validation_failed"}})", {}, false});
    QNetworkAccessManager network;
    TelemetryReporter reporter(&network, 9);
    reporter.setServer(QUrl(u"http://127.0.0.1:%1"_s.arg(responder.port())));
    reporter.setRegions({u"eu-west"_s});
    reporter.setStart(kStart);
    reporter.setMinuteIntervalMs(60'000); // one minute per minute: only the one produced at start
    reporter.setMinutes(1);
    QSignalSpy failed(&reporter, &TelemetryReporter::failed);
    QSignalSpy accepted(&reporter, &TelemetryReporter::minuteAccepted);
    reporter.start();
    QVERIFY(accepted.wait(10'000)); // the 503 kept the row, the retry a second later went through
    QCOMPARE(failed.size(), 1);
    QCOMPARE(responder.requests().size(), 2);
    QCOMPARE(rowsOf(responder.requests()[0]), rowsOf(responder.requests()[1]));
    reporter.stop();

    TelemetryReporter refused(&network, 9);
    refused.setServer(QUrl(u"http://127.0.0.1:%1"_s.arg(responder.port())));
    refused.setRegions({u"eu-west"_s});
    refused.setMinuteIntervalMs(60'000);
    QSignalSpy refusedFailed(&refused, &TelemetryReporter::failed);
    refused.start();
    QVERIFY(refusedFailed.wait(10'000));
    QVERIFY(refusedFailed[0][0].toString().contains(u"422"_s));
    QCOMPARE(refused.minutesAccepted(), 0);
    refused.stop();
}

QTEST_MAIN(SimTelemetryTest)
#include "tst_sim_telemetry.moc"

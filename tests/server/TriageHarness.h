#pragma once

#include "ServiceFixture.h"
#include "TestClient.h"

#include "sim/GatewaySimulator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QList>

#include <memory>

// An in-process GatewaySimulator plus a Service pointed at it (fast retry policy), an agent token, and the
// times at which the simulator answered each request (monotonic, for "not before" assertions).
struct TriageHarness
{
    static inline const QByteArray kSecret = QByteArrayLiteral("test-gateway-secret");

    std::unique_ptr<relaydesk::sim::GatewaySimulator> gateway;
    ServiceFixture fixture;
    std::unique_ptr<TestClient> client;
    QString token;
    QElapsedTimer clock;
    QList<std::pair<qint64, int>> answers; // (ms on `clock`, HTTP status) per answered gateway request

    // `policy` overrides the fast test policy; `secret` lets a test sign with the wrong one.
    bool start(QString *error, const QByteArray &policy = {}, const QByteArray &secret = kSecret);

    QJsonObject ticket(qint64 id);
    QJsonArray events(qint64 id);
    QStringList eventKinds(qint64 id);
    // Posts `report` and returns the ticket id (0 on failure).
    qint64 post(const QJsonObject &report);
    // Spins until the ticket reaches `status` (or the timeout passes); returns the last status seen.
    QString waitForStatus(qint64 id, const QString &status, int timeoutMs = 20000);
};

// Report builders for the cause classes (DOMAIN.md signatures). `messageId` is the client message id.
QJsonObject networkReport(const QString &reportId, const QString &messageId, const QString &region = QStringLiteral("cn-north"));
QJsonObject reportWith(const QString &reportId, const QString &messageId, int httpStatus, const QString &errorCode,
                       const QString &locale = QStringLiteral("zh_CN"), const QString &region = QStringLiteral("cn-north"));

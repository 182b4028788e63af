#pragma once

#include "TestClient.h"

#include "server/Service.h"

#include <memory>

// The metrics rollups against the computation over the raw rows: a reference Service on the same database
// with metricsFromRollups off (and no gateway, so it writes nothing), every series fetched from both over
// HTTP and compared. Response-time percentiles compare by histogram bin (docs/architecture.md "Metrics
// rollups"), everything else exactly.
struct MetricsReference
{
    std::unique_ptr<relaydesk::server::Service> service;
    std::unique_ptr<TestClient> client;
    QString token;

    // `options`: those of the service under test (database, clock, SLA targets).
    bool start(const relaydesk::server::ServiceOptions &options, const QString &user, const QString &password,
               QString *error);

    // Empty when every series over [from, to) in `bucket` is the same from `rollups` as from the reference,
    // else the first difference (series, range, both answers).
    QString compare(TestClient &rollups, const QString &rollupsToken, qint64 from, qint64 to,
                    const QString &bucket);
};

// Empty when the rollup rows (and histograms) kept by the writers equal those a rebuild from the rows makes (checked in a
// transaction that is rolled back), else the first difference.
QString rollupsMatchRebuild(const QString &databasePath, const relaydesk::server::SlaTargets &targets);

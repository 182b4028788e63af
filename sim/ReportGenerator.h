#pragma once

#include "DevicePopulation.h"
#include "LogGenerator.h"
#include "SimRandom.h"

#include "core/Report.h"

#include <QDateTime>
#include <QStringList>

#include <memory>

namespace relaydesk::sim {

// A simulated report and the truth behind it, which the service has to find out by itself.
struct GeneratedReport
{
    Report report;
    Cause trueCause = Cause::Unknown;
    QString family;       // signature family id, e.g. "unknown_host", "rate_limited"
    QStringList evidence; // the signature lines as written into the log
};

struct GeneratorOptions
{
    quint32 seed = 1;
    // reported_at of the first report; later ones follow every spacingMs. Invalid: 2026-03-17T08:00:00Z.
    QDateTime start;
    qint64 spacingMs = 1000;
    int populationSize = 600;
    double logScale = 1.0; // multiplies the number of log lines (tests use less)
    LogEncoding logEncoding = LogEncoding::GzipBase64;
};

// Produces an endless, deterministic stream of failed-message reports: the same options give byte-identical
// reports. Causes follow DOMAIN.md proportions (network 40%, server 25%, client 12%, policy 10%, user 13%);
// server failures cluster in one degraded region, client failures in the oldest app build, network
// failures on one flaky carrier, as real incidents do.
class ReportGenerator final
{
public:
    explicit ReportGenerator(const GeneratorOptions &options);
    Q_DISABLE_COPY_MOVE(ReportGenerator)

    GeneratedReport next();

    qint64 generated() const { return m_count; }
    const DevicePopulation &population() const { return *m_population; }
    QString degradedRegion() const { return m_degradedRegion; }
    QString flakyCarrier() const { return m_flakyCarrier; }

private:
    const SimDevice &pickDevice(Cause cause);
    const SignatureFamily &pickFamily(Cause cause, LogFormat format);
    void fillMessage(FailedMessage &message, const SignatureFamily &family, const SimDevice &device,
                     Templates &values);
    int logLines();

    GeneratorOptions m_options;
    SimRandom m_random;
    std::unique_ptr<DevicePopulation> m_population;
    LogGenerator m_logs;
    QString m_degradedRegion;
    QString m_flakyCarrier;
    qint64 m_count = 0;
};

} // namespace relaydesk::sim

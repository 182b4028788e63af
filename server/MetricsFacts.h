#pragma once

#include "server/MetricsCalculator.h"

#include <QList>
#include <QString>

namespace relaydesk::server {

// The rollup series (table metric_rollups, docs/architecture.md "Metrics rollups"). Each is a count (n) and,
// for the response times, a sum of milliseconds (total) per time bucket and name.
namespace RollupSeries {
inline const QString Inflow = QStringLiteral("inflow");           // name ""
inline const QString Outflow = QStringLiteral("outflow");         // name ""
inline const QString Reopened = QStringLiteral("reopened");       // name ""
inline const QString Cause = QStringLiteral("cause");             // name: the cause
inline const QString Region = QStringLiteral("region");           // name: the report's region
inline const QString AppVersion = QStringLiteral("app_version");  // name: the app version
inline const QString Queue = QStringLiteral("queue");             // name: open status; n: +1 enters, -1 leaves
inline const QString FirstResponse = QStringLiteral("first_response"); // name: histogram bin; total: ms
inline const QString Resolution = QStringLiteral("resolution");        // name: histogram bin; total: ms
inline const QString SlaFirstResponse = QStringLiteral("sla_first_response"); // at the deadline, name ""
inline const QString SlaResolution = QStringLiteral("sla_resolution");        // at the deadline, name ""
inline const QString AgentActions = QStringLiteral("agent_actions");   // name: the agent
inline const QString AgentResolved = QStringLiteral("agent_resolved"); // name: the agent
inline const QString Csat = QStringLiteral("csat");                    // name: the score 1..5
} // namespace RollupSeries

// One contribution to a rollup series at a time (ms since the epoch).
struct MetricFact
{
    qint64 at = 0;
    QString series;
    QString name;
    qint64 n = 1;
    qint64 total = 0;
};

// What one ticket adds to each metrics series, by the definitions of MetricsCalculator (which stays the
// reference): the rollups hold the sum of these over all tickets, so a write that changes a ticket applies
// facts(after) - facts(before). Pure.
class MetricsFacts final
{
public:
    static QList<MetricFact> ofTicket(const TicketHistory &ticket, const SlaTargets &targets);
    // An answered survey with a score of 1..5 (others count nowhere, as in the CSAT series).
    static std::optional<MetricFact> ofSurvey(qint64 answeredAt, int score);

    // Response-time histogram: bins are exact below 64 ms, then 32 per power of two, so a bin is at most
    // 1/32 (3.1 %) of its lower bound wide. Monotonic in the value.
    static int binOf(qint64 ms);
    static qint64 binLow(int bin);  // smallest value in the bin
    static qint64 binHigh(int bin); // largest value in the bin

    struct Bin
    {
        int bin = 0;
        qint64 n = 0;
        qint64 total = 0; // sum of the values in the bin
    };
    // Nearest-rank percentiles as MetricsCalculator::percentiles, over a histogram: the count is exact; a
    // percentile is the mean of the values in the bin holding that rank, so it is exact when that bin holds
    // one distinct value and otherwise within the bin (never more than 1/32 off).
    static Percentiles percentiles(QList<Bin> bins);
};

} // namespace relaydesk::server

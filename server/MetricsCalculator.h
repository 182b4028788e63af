#pragma once

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace relaydesk::server {

// The buckets of a metrics request: [from + i * bucket, from + (i + 1) * bucket), the last one cut at `to`.
struct MetricsRange
{
    qint64 from = 0;     // ms since the epoch, inclusive
    qint64 to = 0;       // exclusive
    qint64 bucketMs = 0; // 60 000 .. 86 400 000

    int count() const { return bucketMs > 0 && to > from ? int((to - from + bucketMs - 1) / bucketMs) : 0; }
    qint64 start(int i) const { return from + qint64(i) * bucketMs; }
    qint64 end(int i) const { return qMin(to, start(i) + bucketMs); }
    int indexOf(qint64 at) const { return at < from || at >= to ? -1 : int((at - from) / bucketMs); }
};

// SLA targets (docs/operations.md): first response within N minutes, resolution within M hours of the report.
struct SlaTargets
{
    qint64 firstResponseMs = 30 * 60'000;   // 30 minutes
    qint64 resolutionMs = 24 * 3'600'000LL; // 24 hours
};

// One timeline event as the metrics need it.
struct HistoryEvent
{
    qint64 at = 0;
    QString actor;    // system, tier1 or a username
    QString kind;     // reported, escalated, claimed, replied, gateway_attempt, resolved, reopened, ...
    QString outcome;  // gateway_attempt: detail.outcome
    QString assignee; // transferred: detail.assignee
};

// A ticket with its whole timeline (events in order).
struct TicketHistory
{
    qint64 id = 0;
    qint64 reportedAt = 0; // when the service received the report: every clock starts here
    QString cause;
    QString region;
    QString appVersion;
    QList<HistoryEvent> events;
};

// One minute (or hour) of delivery telemetry.
struct TelemetrySample
{
    QString region;
    qint64 at = 0; // start of the minute / hour
    qint64 sent = 0;
    qint64 failed = 0;
};

struct Percentiles
{
    int count = 0;
    qint64 p50 = 0, p90 = 0, p95 = 0; // ms; meaningless when count == 0
};

struct FlowBucket
{
    int inflow = 0;   // reports (new tickets)
    int outflow = 0;  // resolved, resolved_auto, closed events
    int reopened = 0; // reopened events
};

struct ResponseBucket
{
    Percentiles firstResponse; // first responses that happened in the bucket
    Percentiles resolution;    // final resolutions that happened in the bucket
};

struct SlaBucket
{
    int firstResponseBreaches = 0; // deadlines (report + N) in the bucket without a first response by then
    int resolutionBreaches = 0;    // deadlines (report + M) in the bucket not met by the final resolution
};

struct DeliveryCell
{
    qint64 sent = 0;
    qint64 failed = 0;
};

struct AgentSeries
{
    QString username;
    QList<int> actions;  // per bucket
    QList<int> resolved; // per bucket
};

// Pure computations behind GET /api/v1/metrics/... (docs/api.md "Metrics") over in-memory histories, so that
// tests check them exactly. Definitions:
//  - status after each event: reported, diagnosed, auto_handling, escalated, claimed (waiting_user stays),
//    released (claimed -> escalated), transferred (escalated, or claimed with an assignee), replied
//    (waiting_user), resolved, resolved_auto, reopened, closed;
//  - first response: the first `replied` event of an agent, or the first gateway_attempt whose outcome is
//    delivered or duplicate_suppressed (a resend or notice that reached the user, by tier 1 or an agent);
//  - final resolution: the last resolved / resolved_auto / closed event when no reopened event follows it;
//    a reopened ticket does not count as resolved until it is resolved again, and its resolution time runs
//    from the report to that last resolve.
class MetricsCalculator final
{
public:
    static QString statusAfter(const QString &current, const HistoryEvent &event);
    static QString statusAt(const TicketHistory &ticket, qint64 before); // "" before the report
    static std::optional<qint64> firstResponseAt(const TicketHistory &ticket);
    static std::optional<qint64> finalResolutionAt(const TicketHistory &ticket);
    static bool isOpenStatus(const QString &status);
    static bool isAgent(const QString &actor);
    static bool isResolveKind(const QString &kind); // resolved, resolved_auto, closed
    // What an agent does by hand (not the gateway's answers recorded under the agent's name).
    static bool isAgentAction(const QString &kind);
    static Percentiles percentiles(QList<qint64> values); // nearest rank: the ceil(p/100 * n)-th smallest

    // Tickets per open status at the end of each bucket. `baseline`: tickets not in `tickets` (no event in
    // the range) counted by their unchanging status.
    static QList<QMap<QString, int>> queueDepth(const MetricsRange &range,
                                                const QList<TicketHistory> &tickets,
                                                const QMap<QString, int> &baseline);
    static QList<FlowBucket> flow(const MetricsRange &range, const QList<TicketHistory> &tickets);
    enum class Key
    {
        Cause,
        Region,
        AppVersion
    };
    // New tickets per bucket, by key.
    static QList<QMap<QString, int>> countBy(const MetricsRange &range, const QList<TicketHistory> &tickets,
                                             Key key);
    static QList<ResponseBucket> response(const MetricsRange &range, const QList<TicketHistory> &tickets);
    // Only deadlines before `now` count (a deadline still ahead is not a breach yet).
    static QList<SlaBucket> sla(const MetricsRange &range, const QList<TicketHistory> &tickets,
                                const SlaTargets &targets, qint64 now);
    static QList<AgentSeries> agents(const MetricsRange &range, const QList<TicketHistory> &tickets);
    // Sent/failed per bucket and region; samples outside the range are ignored.
    static QList<QMap<QString, DeliveryCell>> delivery(const MetricsRange &range,
                                                       const QList<TelemetrySample> &samples);
};

} // namespace relaydesk::server

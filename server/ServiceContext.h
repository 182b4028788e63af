#pragma once

#include "server/MetricsCalculator.h"

#include <QDateTime>
#include <QStringList>

#include <functional>

class QThreadPool;

namespace relaydesk::server {

class ActionStore;
class KbStore;
class IncidentStore;
class SurveyStore;
class AlertMonitor;
class AlertStore;
class MetricsStore;
class MetricsRollupReader;
class TelemetryStore;
class AuthStore;
class OutboxDispatcher;
class ReportStore;
class StreamHub;
class TicketStore;
class TriagePolicy;

// What the HTTP controllers share, owned by Service. Stores are thread-safe and used on `pool`.
struct ServiceContext
{
    QThreadPool *pool = nullptr;
    const AuthStore *auth = nullptr;
    const ReportStore *reports = nullptr;
    const TicketStore *tickets = nullptr;
    TriagePolicy *triage = nullptr;
    StreamHub *hub = nullptr;
    OutboxDispatcher *dispatcher = nullptr; // null without a gateway
    int schemaVersion = 0;
    const ActionStore *actions = nullptr;
    const KbStore *kb = nullptr; // the knowledge base
    QStringList regions; // the gateway regions of the tier-1 policy
    // Telemetry, metrics and alerts (docs/api.md): their stores, the SLA targets and the clock they read
    // (null: the wall clock; tests inject one).
    const TelemetryStore *telemetry = nullptr;
    const MetricsStore *metrics = nullptr;
    const MetricsRollupReader *rollups = nullptr; // null: every series from the raw rows
    const AlertStore *alerts = nullptr;
    AlertMonitor *alertMonitor = nullptr;
    SlaTargets sla;
    std::function<qint64()> clock;
    // CSAT surveys (null without a gateway: no survey can be sent) and incidents (docs/api.md).
    const SurveyStore *surveys = nullptr;
    const IncidentStore *incidents = nullptr;

    qint64 now() const { return clock ? clock() : QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace relaydesk::server

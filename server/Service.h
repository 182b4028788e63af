#pragma once

#include "core/Enums.h"
#include "server/AlertRules.h"
#include "server/MetricsCalculator.h"
#include "server/Tier1Config.h"
#include "server/http/HttpLimits.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QUrl>

#include <functional>

#include <memory>

namespace relaydesk::server {

class ActionController;
class HttpEngine;
class Router;
class ActionStore;
class KbController;
class KbStore;
class IncidentController;
class IncidentStore;
class SurveyController;
class SurveyStore;
class AlertController;
class AlertMonitor;
class AlertStore;
class MetricsController;
class MetricsStore;
class MetricsRollupReader;
class TelemetryController;
class TelemetryStore;
class AuthController;
class GatewayClient;
class OutboxDispatcher;
class OutboxStore;
class AuthStore;
class Database;
class IntakeController;
class ReportStore;
class StreamHub;
class SystemController;
class TicketController;
class TicketStore;
class TriagePolicy;

struct ServiceOptions
{
    QString databasePath;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;
    int workerThreads = 4;
    HttpLimits http; // what one client may cost (docs/operations.md "Limits")

    // Triage (docs/operations.md): the diagnosis rules (empty: the built-in set), the tier-1 policy and
    // the IM gateway tier 1 acts through (no URL: tier 1 cannot act and escalates, saying so).
    QByteArray rulesJson;
    Tier1Config tier1;
    QUrl gatewayUrl;
    QByteArray gatewaySecret;

    // The starter knowledge base loaded into a fresh database (empty: the articles compiled in).
    QString kbStarterDir;

    // Metrics and alerts (docs/operations.md "Alert tuning"): SLA targets, alert rules, and the clock that
    // telemetry, metrics and alerts read (null: the wall clock; tests inject one).
    SlaTargets sla;
    AlertConfig alerts;
    std::function<qint64()> clock;
    // Metrics from the rollups (docs/architecture.md "Metrics rollups"); false: every series is computed
    // from the raw rows, the slow reference the tests compare against.
    bool metricsFromRollups = true;

    // CSAT surveys and incidents (docs/api.md "Surveys", "Incidents"): the survey link sent to users, with
    // "{token}" where the token goes (empty: this service's POST /api/v1/surveys/{token}), and the longest
    // gap between consecutive reports of one incident.
    QString surveyUrl;
    qint64 incidentWindowMs = 2LL * 60 * 60 * 1000;
};

// The Relaydesk service: storage, HTTP API and WebSocket push. Lives on one thread: requests are handled
// on that thread's event loop (sockets run on the HTTP engine's own I/O thread), database work on a pool
// of worker threads.
class Service final : public QObject
{
    Q_OBJECT
public:
    explicit Service(ServiceOptions options, QObject *parent = nullptr);
    ~Service() override;

    bool start(QString *error);                     // open + migrate DB, listen; false with a clear message
    quint16 port() const;
    QUrl baseUrl() const;                           // http://127.0.0.1:PORT
    // Administration, usable before or after start() (open the DB if needed):
    bool addUser(const QString &name, Role role, const QString &password, QString *error);
    QString addClientKey(const QString &name, QString *error);      // returns the new key, empty on error
    QString issueToken(const QString &username, QString *error);    // a session token without a password (embedded sign-in)

private:
    bool ensureDatabase(QString *error);
    bool createTriage(QString *error);

    ServiceOptions m_options;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<AuthStore> m_auth;
    std::unique_ptr<ReportStore> m_reports;
    std::unique_ptr<TicketStore> m_tickets;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<SurveyStore> m_surveys;
    std::unique_ptr<IncidentStore> m_incidents;
    std::unique_ptr<ActionStore> m_actions;
    std::unique_ptr<KbStore> m_kb;
    std::unique_ptr<TriagePolicy> m_triage;
    std::unique_ptr<TelemetryStore> m_telemetry;
    std::unique_ptr<MetricsStore> m_metrics;
    std::unique_ptr<MetricsRollupReader> m_rollups;
    std::unique_ptr<AlertStore> m_alerts;
    int m_schemaVersion = 0;
    QThreadPool m_pool; // after the stores: its threads end (closing their connections) before they go

    std::unique_ptr<Router> m_router;
    std::unique_ptr<HttpEngine> m_http;
    std::unique_ptr<StreamHub> m_hub;
    std::unique_ptr<IntakeController> m_intake;
    std::unique_ptr<AuthController> m_authController;
    std::unique_ptr<TicketController> m_ticketController;
    std::unique_ptr<ActionController> m_actionController;
    std::unique_ptr<KbController> m_kbController;
    std::unique_ptr<SystemController> m_system;
    std::unique_ptr<GatewayClient> m_gateway;
    std::unique_ptr<OutboxDispatcher> m_dispatcher;
    std::unique_ptr<SurveyController> m_surveyController;
    std::unique_ptr<IncidentController> m_incidentController;
    std::unique_ptr<AlertMonitor> m_alertMonitor;
    std::unique_ptr<TelemetryController> m_telemetryController;
    std::unique_ptr<MetricsController> m_metricsController;
    std::unique_ptr<AlertController> m_alertController;
    quint16 m_port = 0;
};

} // namespace relaydesk::server

#pragma once

#include "ConsoleOptions.h"
#include "core/Enums.h"
#include "ui/WelcomeDialog.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSettings>

#include <memory>

class QNetworkAccessManager;

namespace relaydesk::server {
class EmbeddedService;
}
namespace relaydesk::sim {
class GatewaySimulator;
class ReportGenerator;
class ReportUploader;
class TelemetryReporter;
} // namespace relaydesk::sim
namespace relaydesk::models {
class ApiClient;
class CredentialStore;
class KbMirror;
class MetricsFeed;
class AlertModel;
class IncidentModel;
class IncidentBulkAction;
class QueueModel;
class SyncEngine;
class TicketActions;
class TicketCache;
class TicketDetailLoader;
class TicketTableModel;
class TimelineModel;
} // namespace relaydesk::models
namespace relaydesk::ui {
class MainWindow;
} // namespace relaydesk::ui

namespace relaydesk::app {

// The console's composition root: builds the service connection (embedded or remote), the data layer,
// the window and, for demos, the simulator, and wires them together. Owns everything it builds.
class Console final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Console)

public:
    explicit Console(ConsoleOptions options, QObject *parent = nullptr);
    ~Console() override;

    // Starts the embedded service or signs in to the remote one (a modal dialog), then shows the window.
    // False when the user cancelled or something failed; `error` then says what (empty on cancel).
    bool start(QString *error);

    // Where a team-server password is remembered; by default the system keyring. Tests give an in-memory
    // one (not owned; set before start()).
    void setCredentialStore(models::CredentialStore *store) { m_credentials = store; }
    models::CredentialStore *credentialStore() const { return m_credentials; }

    ui::MainWindow *window() const { return m_window.get(); }
    ui::WelcomeDialog *welcome() const { return m_welcome; } // the first-run welcome while it is open
    models::ApiClient *api() const { return m_api.get(); }
    models::TicketTableModel *tickets() const { return m_tickets.get(); }
    models::TicketActions *actions() const { return m_actions.get(); }
    models::SyncEngine *sync() const { return m_sync.get(); }
    models::KbMirror *kb() const { return m_kb.get(); }
    models::MetricsFeed *metrics() const { return m_metrics.get(); }
    models::AlertModel *alerts() const { return m_alerts.get(); }
    models::IncidentModel *incidents() const { return m_incidents.get(); }
    models::IncidentBulkAction *incidentBulk() const { return m_incidentBulk.get(); }
    // --demo: the IM platform's delivery telemetry (the live reporter; a backfill of the last hours runs first).
    sim::TelemetryReporter *telemetry() const { return m_telemetry.get(); }
    Role role() const { return m_role; }
    sim::ReportUploader *simulator() const { return m_uploader.get(); }
    sim::GatewaySimulator *gateway() const { return m_gateway.get(); }
    server::EmbeddedService *embedded() const { return m_embedded.get(); } // null with --server
    QString username() const { return m_username; }

private:
    bool connectService(QString *error);
    void buildConsole();
    void startDemo(const QUrl &server, const QString &clientKey);
    void startTelemetry(const QUrl &server, const QString &clientKey, const QString &outageRegion);
    void signInAgain();
    void signOut();
    void showWelcomeOnce();
    bool isRemembered(const QString &user);
    void setRemembered(const QString &user, bool remembered);

    ConsoleOptions m_options;
    QSettings m_settings;
    QString m_username;
    Role m_role = Role::Agent;
    QElapsedTimer m_lastRenewal;
    models::CredentialStore *m_credentials = nullptr;
    std::unique_ptr<models::CredentialStore> m_keychain; // the default store, made when a server is used
    QPointer<ui::WelcomeDialog> m_welcome;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<sim::GatewaySimulator> m_gateway; // --demo with the embedded service: the IM platform's side
    std::unique_ptr<server::EmbeddedService> m_embedded;
    std::unique_ptr<models::ApiClient> m_api;
    std::unique_ptr<models::TicketCache> m_cache;
    std::unique_ptr<models::TicketTableModel> m_tickets;
    std::unique_ptr<models::QueueModel> m_queues;
    std::unique_ptr<models::TimelineModel> m_timeline;
    std::unique_ptr<models::TicketDetailLoader> m_details;
    std::unique_ptr<models::SyncEngine> m_sync;
    std::unique_ptr<models::KbMirror> m_kb;
    std::unique_ptr<models::TicketActions> m_actions;
    std::unique_ptr<models::MetricsFeed> m_metrics;
    std::unique_ptr<models::AlertModel> m_alerts;
    std::unique_ptr<models::IncidentModel> m_incidents;
    std::unique_ptr<models::IncidentBulkAction> m_incidentBulk;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<sim::ReportGenerator> m_generator;
    std::unique_ptr<sim::ReportUploader> m_uploader;
    std::unique_ptr<sim::TelemetryReporter> m_telemetryBackfill;
    std::unique_ptr<sim::TelemetryReporter> m_telemetry;
};

} // namespace relaydesk::app

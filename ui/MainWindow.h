#pragma once

#include "models/SyncEngine.h"

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QSettings;
class QSplitter;
class QTimer;

namespace relaydesk::models {
class ApiClient;
class KbMirror;
class QueueModel;
class TicketActions;
class TicketDetailLoader;
class TicketTableModel;
class TimelineModel;
class MetricsFeed;
class AlertModel;
class IncidentModel;
class IncidentBulkAction;
} // namespace relaydesk::models

namespace relaydesk::ui {

class ActionBar;
class DashboardViews;
class KnowledgePane;
class OfflineBanner;
class QueuePane;
class TicketDetailPane;
class TicketListPane;

// What the window shows and talks to; everything is created in app/ and outlives the window.
struct MainWindowContext
{
    models::TicketTableModel *tickets = nullptr;
    models::QueueModel *queues = nullptr;
    models::TimelineModel *timeline = nullptr;
    models::TicketDetailLoader *details = nullptr;
    models::SyncEngine *sync = nullptr;
    models::TicketActions *actions = nullptr;
    models::ApiClient *api = nullptr;
    models::KbMirror *kb = nullptr; // the knowledge pane (none: no dock)
    bool kbEditor = false;          // trainer, lead or admin: the pane's Manage tab
    QSettings *settings = nullptr;
    QString username;
    QString serverLabel; // "embedded service" or the server URL
    bool canSignOut = false; // a team server: File > Sign out (ends the session, forgets the password)
    Role role = Role::Agent;
    // The team-lead views (dashboard, alerts, incidents); all four or none.
    models::MetricsFeed *metrics = nullptr;
    models::AlertModel *alerts = nullptr;
    models::IncidentModel *incidents = nullptr;
    models::IncidentBulkAction *incidentBulk = nullptr;
};

// The console's main window: queues on the left, the ticket table in the middle, the selected ticket on
// the right; connection state and problems in the status bar. Layout is remembered.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const MainWindowContext &context, QWidget *parent = nullptr);

    QueuePane *queuePane() const { return m_queuePane; }
    TicketListPane *ticketListPane() const { return m_listPane; }
    TicketDetailPane *detailPane() const { return m_detailPane; }
    ActionBar *actionBar() const { return m_actionBar; }
    DashboardViews *leadViews() const { return m_leadViews; } // nullptr without the lead models
    KnowledgePane *knowledgePane() const { return m_knowledge; } // nullptr without a KB
    QDockWidget *knowledgeDock() const { return m_knowledgeDock; }
    void setUsername(const QString &username);
    // Shows a problem in the status bar for a while (plain text).
    void notify(const QString &message);

signals:
    // The session expired and the user asked to sign in again.
    void signInRequested();
    // File > Sign out: end the session, forget the remembered password, close.
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createActions();
    void createAgentShortcuts();
    void createKnowledgeDock();
    void moveSelection(int delta);
    void restoreLayout();
    void saveLayout();
    void resetLayout();
    void applyWorkspaceLayout();
    void onSyncState(models::SyncEngine::State state, const QString &detail);
    void onTicketSelected(qint64 id);
    void onTicketsChanged(const QList<qint64> &ids);
    void onResolved(qint64 id);

    static constexpr QSize kDefaultSize{1400, 860};

    MainWindowContext m_ctx;
    QSplitter *m_splitter;
    QueuePane *m_queuePane;
    TicketListPane *m_listPane;
    TicketDetailPane *m_detailPane;
    ActionBar *m_actionBar;
    DashboardViews *m_leadViews = nullptr;
    QLabel *m_connection;
    OfflineBanner *m_offline;
    QLabel *m_counts;
    QAction *m_signInAction = nullptr;
    KnowledgePane *m_knowledge = nullptr;
    QDockWidget *m_knowledgeDock = nullptr;
    // Who decides whether the queues and the list show beside an open ticket: the room (Auto) or the agent (F9).
    enum class Sidebar { Auto, Shown, Hidden };
    Sidebar m_sidebar = Sidebar::Auto;
    bool m_compact = false;    // a ticket is open: queues folded, list compact
    bool m_showQueues = false; // Ctrl+1 brought the queues back beside the open ticket
    QList<int> m_fullSizes;    // the main splitter's sizes without a ticket open
    QAction *m_toggleList = nullptr;
    QTimer *m_relayout = nullptr;
    QByteArray m_defaultSplitterState;
    QByteArray m_defaultDetailState;
    QByteArray m_defaultLogState;
};

} // namespace relaydesk::ui

#pragma once

#include <QObject>

class QAction;
class QMenu;
class QMenuBar;

namespace relaydesk::ui {

class AlertBell;
class AlertPanel;
class DashboardWindow;
class IncidentsView;
class MainWindow;
class TrayNotifier;
struct MainWindowContext;

// The team-lead side of the main window, kept out of MainWindow: the dashboard (Ctrl+D), the alert bell and
// list, the incidents view (Ctrl+I) and the tray notifications, wired to the window's ticket list for
// drill-down. Created by MainWindow when the context carries the metrics, alert and incident models.
class DashboardViews final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardViews)

public:
    DashboardViews(const MainWindowContext &context, MainWindow *window);

    // View menu entries, and a Settings menu (notifications) on the menu bar.
    void addActions(QMenu *view, QMenuBar *menuBar);
    void setUsername(const QString &username);
    // Makes a main-window action's shortcut work in the dashboard, alert and incident windows too.
    void shareShortcut(QAction *action);

    DashboardWindow *dashboard() const { return m_dashboard; }
    AlertPanel *alertPanel() const { return m_alertPanel; }
    IncidentsView *incidentsView() const { return m_incidents; }
    AlertBell *alertBell() const { return m_bell; }
    TrayNotifier *notifier() const { return m_notifier; }

    void showDashboard();
    void showAlerts();
    void showIncidents();

private:
    void drillDownToCause(const QString &cause);
    void drillDownToRegion(const QString &region);
    void openTicket(qint64 id);
    static void raise(QWidget *widget);

    const MainWindowContext &m_ctx;
    MainWindow *m_window;
    DashboardWindow *m_dashboard;
    AlertPanel *m_alertPanel;
    IncidentsView *m_incidents;
    AlertBell *m_bell;
    TrayNotifier *m_notifier;
};

} // namespace relaydesk::ui

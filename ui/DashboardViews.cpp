#include "DashboardViews.h"

#include "AlertBell.h"
#include "AlertPanel.h"
#include "DashboardWindow.h"
#include "IncidentsView.h"
#include "MainWindow.h"
#include "QueuePane.h"
#include "TicketListPane.h"
#include "TrayNotifier.h"
#include "models/AlertModel.h"
#include "models/IncidentBulkAction.h"
#include "models/IncidentModel.h"
#include "models/MetricsFeed.h"
#include "models/TicketActions.h"
#include "models/TicketTableModel.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

namespace relaydesk::ui {

using namespace Qt::StringLiterals;

DashboardViews::DashboardViews(const MainWindowContext &context, MainWindow *window)
    : QObject(window), m_ctx(context), m_window(window)
{
    setObjectName(u"dashboardViews"_s);
    m_dashboard = new DashboardWindow(m_ctx.metrics, window);
    m_alertPanel = new AlertPanel(m_ctx.alerts, m_ctx.role == Role::Lead || m_ctx.role == Role::Admin, window);
    m_incidents = new IncidentsView(m_ctx.incidents, m_ctx.incidentBulk, m_ctx.tickets, m_ctx.api, window);
    m_bell = new AlertBell(m_ctx.alerts, window);
    m_notifier = new TrayNotifier(m_ctx.settings, m_ctx.username, this);
    window->statusBar()->addPermanentWidget(m_bell);

    connect(m_bell, &AlertBell::clicked, this, &DashboardViews::showAlerts);
    connect(m_dashboard, &DashboardWindow::causeActivated, this, &DashboardViews::drillDownToCause);
    connect(m_dashboard, &DashboardWindow::regionActivated, this, &DashboardViews::drillDownToRegion);
    connect(m_incidents, &IncidentsView::ticketActivated, this, &DashboardViews::openTicket);
    connect(m_incidents, &IncidentsView::notify, window, &MainWindow::notify);
    connect(m_alertPanel, &AlertPanel::notify, window, &MainWindow::notify);
    connect(m_ctx.alerts, &models::AlertModel::loadFailed, window,
            [window](const QString &message) { window->notify(tr("Alerts are unavailable: %1").arg(message)); });

    // Notifications: new alerts, and tickets someone else assigned to me.
    connect(m_ctx.alerts, &models::AlertModel::alertRaised, m_notifier, &TrayNotifier::alertRaised);
    connect(m_ctx.sync, &models::SyncEngine::ticketsArrived, m_notifier, &TrayNotifier::ticketsArrived);
    connect(m_ctx.sync, &models::SyncEngine::caughtUp, m_notifier, [this] { m_notifier->setReady(true); });
    connect(m_ctx.actions, &models::TicketActions::pendingChanged, m_notifier, [this](qint64 id) {
        if (m_ctx.actions->isPending(id, models::TicketActions::Kind::Claim))
            m_notifier->expectOwnClaims({id});
    });
    connect(m_ctx.incidentBulk, &models::IncidentBulkAction::started, m_notifier, [this](const QString &incident) {
        if (const auto i = m_ctx.incidents->incident(incident))
            m_notifier->expectOwnClaims(i->openTicketIds);
    });
    connect(m_notifier, &TrayNotifier::ticketNotificationClicked, this, &DashboardViews::openTicket);
    connect(m_notifier, &TrayNotifier::alertNotificationClicked, this, &DashboardViews::showAlerts);
    m_ctx.alerts->refresh();
}

void DashboardViews::addActions(QMenu *view, QMenuBar *menuBar)
{
    view->addSeparator();
    QAction *dashboard = view->addAction(tr("Team &dashboard"), this, &DashboardViews::showDashboard);
    dashboard->setObjectName(u"actionDashboard"_s);
    dashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction *incidents = view->addAction(tr("&Incidents"), this, &DashboardViews::showIncidents);
    incidents->setObjectName(u"actionIncidents"_s);
    incidents->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction *alerts = view->addAction(tr("&Alerts"), this, &DashboardViews::showAlerts);
    alerts->setObjectName(u"actionAlerts"_s);
    alerts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    for (QAction *action : {dashboard, incidents, alerts})
        shareShortcut(action);
    QMenu *settings = menuBar->addMenu(tr("&Settings"));
    settings->setObjectName(u"settingsMenu"_s);
    settings->addAction(m_notifier->alertsAction());
    settings->addAction(m_notifier->assignedAction());
}

void DashboardViews::shareShortcut(QAction *action)
{
    // A window-context shortcut is live in every window that one of the action's widgets sits in.
    for (QWidget *widget : {static_cast<QWidget *>(m_dashboard), static_cast<QWidget *>(m_alertPanel),
                            static_cast<QWidget *>(m_incidents)})
        widget->addAction(action);
}

void DashboardViews::setUsername(const QString &username)
{
    m_notifier->setUsername(username);
}

void DashboardViews::raise(QWidget *widget)
{
    widget->show();
    widget->raise();
    widget->activateWindow();
}

void DashboardViews::showDashboard()
{
    raise(m_dashboard);
}

void DashboardViews::showAlerts()
{
    raise(m_alertPanel);
}

void DashboardViews::showIncidents()
{
    raise(m_incidents);
}

void DashboardViews::drillDownToCause(const QString &cause)
{
    const auto c = fromWire<Cause>(cause);
    if (!c)
        return;
    const auto selection = models::QueueSelection::byCause(*c);
    m_window->queuePane()->select(selection);
    m_ctx.tickets->setQueue(selection); // also when the queue row was already current
    raise(m_window);
    m_window->notify(tr("Showing the open tickets caused by %1 (%n ticket(s)).", nullptr, m_ctx.tickets->rowCount())
                         .arg(cause));
}

void DashboardViews::drillDownToRegion(const QString &region)
{
    const auto selection = models::QueueSelection::byRegion(region);
    m_window->queuePane()->select(selection); // no row when no open ticket comes from that region yet
    m_ctx.tickets->setQueue(selection);
    raise(m_window);
    m_window->notify(tr("Showing the open tickets from %1 (%n ticket(s)).", nullptr, m_ctx.tickets->rowCount())
                         .arg(region));
}

void DashboardViews::openTicket(qint64 id)
{
    // The list shows the queue the tree has selected: when the ticket is not in it, the tree moves to a queue
    // that holds it (all escalated for an open ticket, all tickets for a closed one), and the list follows.
    using Kind = models::QueueSelection::Kind;
    const Ticket *ticket = m_ctx.tickets->ticket(id);
    if (!ticket) {
        m_window->notify(tr("Ticket #%1 is not in your synced queues.").arg(id));
        return;
    }
    if (m_ctx.tickets->rowOf(id) < 0 || !m_ctx.tickets->queue().matches(*ticket, m_ctx.username)) {
        const auto queue = models::QueueSelection::of(isOpenForAgents(ticket->status) ? Kind::AllEscalated : Kind::Everything);
        m_window->queuePane()->select(queue);
        m_ctx.tickets->setQueue(queue); // also when the tree's row was already current
    }
    if (m_ctx.tickets->rowOf(id) < 0) { // a quick filter hides it
        m_window->ticketListPane()->filterEdit()->clear();
        m_ctx.tickets->setQuickFilter({});
    }
    m_window->ticketListPane()->selectTicket(id);
    raise(m_window);
}

} // namespace relaydesk::ui

#include "MainWindow.h"

#include "ActionBar.h"
#include "ActionDialogs.h"
#include "DashboardViews.h"
#include "DiagnosisPane.h"
#include "KbTrainerPane.h"
#include "KnowledgePane.h"
#include "LogPane.h"
#include "OfflineBanner.h"
#include "QueuePane.h"
#include "ScreenFit.h"
#include "TicketDetailPane.h"
#include "TicketListPane.h"
#include "models/ApiClient.h"
#include "models/QueueModel.h"
#include "models/TicketActions.h"
#include "models/TicketDetailLoader.h"
#include "models/TicketTableModel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace relaydesk::ui {

using models::QueueModel;
using models::SyncEngine;

MainWindow::MainWindow(const MainWindowContext &context, QWidget *parent) : QMainWindow(parent), m_ctx(context)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Relaydesk — %1").arg(m_ctx.serverLabel));
    setWindowIcon(QIcon(QStringLiteral(":/relaydesk/icons/relaydesk.svg")));

    m_queuePane = new QueuePane(m_ctx.queues, this);
    m_listPane = new TicketListPane(m_ctx.tickets, this);
    m_detailPane = new TicketDetailPane(m_ctx.timeline, this);
    m_actionBar = new ActionBar(m_ctx.actions, m_ctx.api, this);
    m_actionBar->setCurrentUser(m_ctx.username);
    m_detailPane->setActionBar(m_actionBar);
    connect(m_actionBar, &ActionBar::notify, this, &MainWindow::notify);
    connect(m_detailPane->diagnosisPane(), &DiagnosisPane::recommendedActionRequested, m_actionBar,
            &ActionBar::triggerRecommended);
    connect(m_detailPane->diagnosisPane(), &DiagnosisPane::relatedTicketActivated, this, [this](qint64 id) {
        if (m_ctx.tickets->rowOf(id) < 0)
            m_queuePane->select(models::QueueSelection{}); // it may sit in another queue view
        if (m_ctx.tickets->rowOf(id) < 0)
            notify(tr("Ticket #%1 is not in your synced queues.").arg(id));
        else
            m_listPane->selectTicket(id);
    });

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_queuePane);
    m_splitter->addWidget(m_listPane);
    m_splitter->addWidget(m_detailPane);
    m_splitter->setChildrenCollapsible(false);
    // Small minimums: the ticket workspace and the knowledge dock must fit beside them on a 1280x720 screen.
    m_listPane->setMinimumWidth(m_listPane->fontMetrics().horizontalAdvance(QStringLiteral("#0000 00:00:00")));
    m_queuePane->setMinimumWidth(m_queuePane->fontMetrics().horizontalAdvance(QStringLiteral("Unassigned (00)")));
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({180, 480, 740}); // the ticket workspace gets the most room
    m_splitter->setContentsMargins(6, 6, 6, 0);
    m_offline = new OfflineBanner(this);
    connect(m_offline, &OfflineBanner::reconnectRequested, m_ctx.sync, &SyncEngine::reconnectNow);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_offline);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_connection = new QLabel(this);
    m_connection->setObjectName(QStringLiteral("connectionState"));
    m_connection->setTextFormat(Qt::PlainText);
    m_counts = new QLabel(this);
    m_counts->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_connection, 1);
    statusBar()->addPermanentWidget(m_counts);

    createKnowledgeDock();
    if (m_ctx.metrics && m_ctx.alerts && m_ctx.incidents && m_ctx.incidentBulk)
        m_leadViews = new DashboardViews(m_ctx, this); // before createActions(): it adds menu entries
    createActions();
    createAgentShortcuts();

    connect(m_queuePane, &QueuePane::queueSelected, m_ctx.tickets, &models::TicketTableModel::setQueue);
    connect(m_listPane, &TicketListPane::ticketSelected, this, &MainWindow::onTicketSelected);
    connect(m_ctx.tickets, &models::TicketTableModel::ticketsChanged, this, &MainWindow::onTicketsChanged);
    connect(m_ctx.sync, &SyncEngine::stateChanged, this, &MainWindow::onSyncState);
    connect(m_ctx.sync, &SyncEngine::problem, this, &MainWindow::notify);
    connect(m_ctx.actions, &models::TicketActions::accepted, this,
            [this](qint64 id, models::TicketActions::Kind kind) {
                using Kind = models::TicketActions::Kind;
                if (kind == Kind::Resolve)
                    onResolved(id);
                // KB usage counts replies that quote articles and the tickets they then resolved.
                if (m_knowledge && m_knowledge->trainerPane() &&
                    (kind == Kind::Reply || kind == Kind::Resolve || kind == Kind::Reopen))
                    m_knowledge->trainerPane()->usageMayHaveChanged();
            });

    using models::TicketDetailLoader;
    connect(m_ctx.details, &TicketDetailLoader::eventsLoaded, this,
            [this](qint64 id, const QList<TicketEvent> &events) {
                m_detailPane->showEvents(events);
                m_ctx.actions->observeEvents(id, events);
            });
    connect(m_ctx.details, &TicketDetailLoader::logLoading, m_detailPane, &TicketDetailPane::showLogLoading);
    connect(m_ctx.details, &TicketDetailLoader::logLoaded, this,
            [this](qint64, const models::LogSource &log) { m_detailPane->showLog(log); });
    connect(m_ctx.details, &TicketDetailLoader::loadFailed, this,
            [this](qint64, const QString &message) { m_detailPane->showLoadError(message); });

    // While a ticket is open the workspace takes the room (see applyWorkspaceLayout); re-planned, coalesced, when
    // the window, the dock, the list's or the log's widths change.
    m_relayout = new QTimer(this);
    m_relayout->setSingleShot(true);
    m_relayout->setInterval(0);
    connect(m_relayout, &QTimer::timeout, this, &MainWindow::applyWorkspaceLayout);
    connect(m_listPane, &TicketListPane::compactWidthChanged, m_relayout, qOverload<>(&QTimer::start));
    connect(m_detailPane, &TicketDetailPane::preferredWidthChanged, m_relayout, qOverload<>(&QTimer::start));
    if (m_knowledgeDock)
        connect(m_knowledgeDock, &QDockWidget::visibilityChanged, m_relayout, qOverload<>(&QTimer::start));

    m_defaultSplitterState = m_splitter->saveState();
    m_defaultDetailState = m_detailPane->splitter()->saveState();
    m_defaultLogState = m_detailPane->logSplitter()->saveState();
    m_queuePane->select(models::QueueSelection{});
    onSyncState(m_ctx.sync->state(), {});
    onTicketsChanged({});
    restoreLayout();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_signInAction = file->addAction(tr("Sign &in again…"), this, &MainWindow::signInRequested);
    m_signInAction->setEnabled(false);
    if (m_ctx.canSignOut) {
        QAction *signOut = file->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
        signOut->setObjectName(QStringLiteral("signOut"));
        signOut->setToolTip(tr("End the session, forget the password remembered in the system keyring and close"));
    }
    // F5 also skips the wait before the next reconnect attempt while offline.
    QAction *sync = file->addAction(tr("&Sync now"), m_ctx.sync, &SyncEngine::reconnectNow);
    sync->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *filter = view->addAction(tr("&Filter tickets"), this, [this] {
        m_listPane->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_listPane->filterEdit()->selectAll();
    });
    filter->setShortcut(QKeySequence::Find);
    QAction *queues = view->addAction(tr("Go to &queues"), this, [this] {
        m_showQueues = true; // folded away while a ticket is open: back until the next ticket opens
        if (m_sidebar == Sidebar::Hidden)
            m_sidebar = Sidebar::Shown;
        applyWorkspaceLayout();
        m_queuePane->view()->setFocus(Qt::ShortcutFocusReason);
    });
    queues->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *tickets = view->addAction(tr("Go to &tickets"), this,
                                       [this] { m_listPane->view()->setFocus(Qt::ShortcutFocusReason); });
    tickets->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction *timeline = view->addAction(tr("Go to t&imeline"), this,
                                        [this] { m_detailPane->timelineView()->setFocus(Qt::ShortcutFocusReason); });
    timeline->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    QAction *log = view->addAction(tr("Go to device &log"), this,
                                   [this] { m_detailPane->logView()->setFocus(Qt::ShortcutFocusReason); });
    log->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    m_toggleList = view->addAction(tr("Ticket &list"));
    m_toggleList->setObjectName(QStringLiteral("toggleTicketList"));
    m_toggleList->setCheckable(true);
    m_toggleList->setChecked(true);
    m_toggleList->setShortcut(QKeySequence(Qt::Key_F9));
    m_toggleList->setToolTip(tr("Show or hide the queues and the ticket list (F9); J and K still move between tickets"));
    connect(m_toggleList, &QAction::triggered, this, [this](bool on) {
        m_sidebar = on ? Sidebar::Shown : Sidebar::Hidden;
        applyWorkspaceLayout();
    });
    if (m_leadViews) {
        m_leadViews->addActions(view, menuBar());
        m_leadViews->shareShortcut(sync); // F5 from the dashboard too
    }
    if (m_knowledgeDock) {
        QAction *knowledge = view->addAction(tr("&Knowledge base"));
        knowledge->setObjectName(QStringLiteral("toggleKnowledge"));
        knowledge->setCheckable(true);
        knowledge->setShortcut(QKeySequence(Qt::Key_F2));
        knowledge->setShortcutContext(Qt::ApplicationShortcut);
        connect(knowledge, &QAction::triggered, this, [this](bool on) {
            m_knowledgeDock->setVisible(on);
            if (on)
                m_knowledge->focusSearch();
        });
        connect(m_knowledgeDock, &QDockWidget::visibilityChanged, knowledge,
                [this, knowledge] { knowledge->setChecked(!m_knowledgeDock->isHidden()); });
    }
    view->addSeparator();
    view->addAction(tr("&Reset layout"), this, &MainWindow::resetLayout);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Relaydesk"), this, [this] {
        QMessageBox box(QMessageBox::Information, tr("About Relaydesk"),
                        tr("Relaydesk %1\nThe console for rescuing failed instant messages.")
                            .arg(QStringLiteral(RELAYDESK_VERSION)),
                        QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    });
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::createAgentShortcuts()
{
    // Single keys, as agents work ticket after ticket; text fields keep their letters (they take
    // precedence over window shortcuts), so typing in the filter or a dialog never triggers these.
    using Kind = models::TicketActions::Kind;
    const std::pair<QKeySequence, Kind> keys[] = {{QKeySequence(Qt::Key_C), Kind::Claim},
                                                  {QKeySequence(Qt::Key_S), Kind::Resend},
                                                  {QKeySequence(Qt::Key_E), Kind::Reroute},
                                                  {QKeySequence(Qt::Key_R), Kind::Reply},
                                                  {QKeySequence(Qt::Key_N), Kind::Note}};
    for (const auto &[key, kind] : keys) {
        auto *shortcut = new QShortcut(key, this);
        connect(shortcut, &QShortcut::activated, m_actionBar, [this, kind = kind] { m_actionBar->trigger(kind); });
    }
    connect(new QShortcut(QKeySequence(Qt::Key_J), this), &QShortcut::activated, this, [this] { moveSelection(1); });
    connect(new QShortcut(QKeySequence(Qt::Key_K), this), &QShortcut::activated, this, [this] { moveSelection(-1); });
    connect(new QShortcut(QKeySequence(Qt::Key_Question), this), &QShortcut::activated, this,
            [this] { showShortcuts(this); });
    connect(new QShortcut(QKeySequence(Qt::Key_Slash), this), &QShortcut::activated, this,
            [this] { m_detailPane->logPane()->focusSearch(); });
}

void MainWindow::createKnowledgeDock()
{
    if (!m_ctx.kb)
        return;
    m_knowledge = new KnowledgePane(m_ctx.kb, m_ctx.api, m_ctx.kbEditor, this);
    m_knowledgeDock = new QDockWidget(tr("Knowledge base"), this);
    m_knowledgeDock->setObjectName(QStringLiteral("knowledgeDock"));
    m_knowledgeDock->setWidget(m_knowledge);
    addDockWidget(Qt::RightDockWidgetArea, m_knowledgeDock);
    m_knowledgeDock->hide(); // F2 or View → Knowledge base; the layout remembers it
    connect(m_knowledge, &KnowledgePane::notify, this, &MainWindow::notify);
    connect(m_knowledge, &KnowledgePane::insertRequested, m_actionBar, &ActionBar::replyWith);
    m_actionBar->setKbPicker([this](QWidget *parent) {
        return KnowledgePane::pick(parent, m_ctx.kb, m_ctx.api, m_ctx.tickets->ticket(m_ctx.details->selected()));
    });
}

void MainWindow::moveSelection(int delta)
{
    QTableView *table = m_listPane->view();
    const int rows = table->model()->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = table->selectionModel()->currentIndex();
    const int row = std::clamp(current.isValid() ? current.row() + delta : 0, 0, rows - 1);
    const QModelIndex next = table->model()->index(row, 0);
    table->selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table->scrollTo(next);
}

void MainWindow::setUsername(const QString &username)
{
    m_actionBar->setCurrentUser(username);
    m_ctx.username = username;
    if (m_leadViews)
        m_leadViews->setUsername(username);
    m_ctx.tickets->setCurrentUser(username);
    onTicketsChanged({});
}

void MainWindow::onSyncState(SyncEngine::State state, const QString &detail)
{
    QString text;
    switch (state) {
    case SyncEngine::State::Idle: text = tr("Not connected"); break;
    case SyncEngine::State::LoadingCache: text = tr("Opening the local copy…"); break;
    case SyncEngine::State::Connecting: text = tr("Connecting to %1…").arg(m_ctx.serverLabel); break;
    case SyncEngine::State::Syncing: text = tr("Syncing tickets…"); break;
    case SyncEngine::State::Live: text = tr("Live: connected to %1 as %2").arg(m_ctx.serverLabel, m_ctx.username); break;
    case SyncEngine::State::Reconnecting: text = tr("Offline, showing the last synced state. %1").arg(detail); break;
    case SyncEngine::State::SignedOut:
        text = tr("Signed out: %1 Use File → Sign in again.").arg(detail);
        break;
    }
    m_signInAction->setEnabled(state == SyncEngine::State::SignedOut);
    // Cut off from the service: a banner in the window until the console is live again (an action's message
    // in the status bar never hides it).
    if (state == SyncEngine::State::Reconnecting) {
        m_offline->setText(tr("Offline: you are seeing the last synced state; actions cannot reach %1. %2")
                               .arg(m_ctx.serverLabel, detail));
        m_offline->show();
    } else if (m_offline->isVisibleTo(this) &&
               (state == SyncEngine::State::Connecting || state == SyncEngine::State::Syncing)) {
        m_offline->setText(tr("Offline: reconnecting to %1…").arg(m_ctx.serverLabel));
    } else if (state == SyncEngine::State::Live || state == SyncEngine::State::Idle ||
               state == SyncEngine::State::SignedOut) {
        m_offline->hide();
    }
    m_connection->setText(text);
    m_connection->setToolTip(text);
}

void MainWindow::notify(const QString &message)
{
    statusBar()->showMessage(message, 15000);
}

void MainWindow::onTicketSelected(qint64 id)
{
    if (id != 0)
        m_showQueues = false;
    if (m_relayout)
        m_relayout->start();
    m_detailPane->showTicket(m_ctx.tickets->ticket(id));
    m_actionBar->setTicket(m_ctx.tickets->ticket(id));
    m_ctx.details->select(id);
    if (m_knowledge)
        m_knowledge->setTicket(m_ctx.tickets->ticket(id));
    m_detailPane->diagnosisPane()->clearRelated();
    if (id != 0 && m_ctx.api) {
        QPointer<MainWindow> self(this);
        m_ctx.api->fetchRelated(id, [self, this, id](models::ApiResult<QList<Ticket>> result) {
            if (!self || m_ctx.details->selected() != id || !result.ok())
                return;
            QList<Ticket> others;
            for (const Ticket &t : std::as_const(*result.value)) {
                if (t.id != id)
                    others.append(t);
            }
            m_detailPane->diagnosisPane()->showRelated(others);
        });
    }
}

void MainWindow::onTicketsChanged(const QList<qint64> &ids)
{
    // Other agents' replies and resolves change the KB usage counts too.
    if (!ids.isEmpty() && m_knowledge && m_knowledge->trainerPane())
        m_knowledge->trainerPane()->usageMayHaveChanged();
    m_ctx.queues->recount(m_ctx.tickets->allTickets(), m_ctx.username);
    m_counts->setText(tr("%n ticket(s) synced", nullptr, int(m_ctx.tickets->totalCount())));
    const qint64 selected = m_ctx.details->selected();
    if (selected != 0 && ids.contains(selected)) {
        m_detailPane->showTicket(m_ctx.tickets->ticket(selected));
        m_actionBar->setTicket(m_ctx.tickets->ticket(selected));
        m_ctx.details->refreshEvents();
        if (m_knowledge)
            m_knowledge->setTicket(m_ctx.tickets->ticket(selected));
    }
}

void MainWindow::onResolved(qint64 id)
{
    // The answer's ticket is in the model already: a resolved ticket left the agents' queues and the list's
    // selection moved on (or stayed, in a view that shows resolved tickets). Say both.
    const qint64 now = m_listPane->currentTicketId();
    const QString queue = m_queuePane->view()->currentIndex().data(QueueModel::TitleRole).toString();
    QString text;
    if (now == id)
        text = tr("Ticket #%1 resolved.").arg(id);
    else if (now != 0)
        text = tr("Ticket #%1 resolved. Showing #%2, the next ticket in %3.").arg(id).arg(now).arg(queue);
    else
        text = tr("Ticket #%1 resolved. No tickets left in %2.").arg(id).arg(queue);
    notify(text);
    m_actionBar->showNote(text);
}

void MainWindow::restoreLayout()
{
    QSettings &s = *m_ctx.settings;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        fitToScreen(this, kDefaultSize);
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(s.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_detailPane->splitter()->restoreState(s.value(QStringLiteral("window/detailSplitter")).toByteArray());
    m_detailPane->logSplitter()->restoreState(s.value(QStringLiteral("window/logSplitter")).toByteArray());
    m_listPane->restoreState(s.value(QStringLiteral("window/ticketHeader")).toByteArray());
}

void MainWindow::saveLayout()
{
    QSettings &s = *m_ctx.settings;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    // The full layout's sizes: a ticket open beside the compact list is not how the window starts.
    if (m_compact) {
        const QList<int> compact = m_splitter->sizes();
        const bool queues = m_queuePane->isVisible();
        const bool list = m_listPane->isVisible();
        m_queuePane->show();
        m_listPane->show();
        m_splitter->setSizes(m_fullSizes);
        s.setValue(QStringLiteral("window/mainSplitter"), m_splitter->saveState());
        m_queuePane->setVisible(queues);
        m_listPane->setVisible(list);
        m_splitter->setSizes(compact);
    } else {
        s.setValue(QStringLiteral("window/mainSplitter"), m_splitter->saveState());
    }
    s.setValue(QStringLiteral("window/detailSplitter"), m_detailPane->splitter()->saveState());
    s.setValue(QStringLiteral("window/logSplitter"), m_detailPane->logSplitter()->saveState());
    s.setValue(QStringLiteral("window/ticketHeader"), m_listPane->saveState());
}

void MainWindow::resetLayout()
{
    m_splitter->restoreState(m_defaultSplitterState);
    m_detailPane->splitter()->restoreState(m_defaultDetailState);
    m_detailPane->logSplitter()->restoreState(m_defaultLogState);
    m_sidebar = Sidebar::Auto;
    fitToScreen(this, kDefaultSize);
    applyWorkspaceLayout();
}

void MainWindow::applyWorkspaceLayout()
{
    // No ticket open: queues, the full ticket list and the (empty) workspace as the agent left them. A ticket
    // open: the queues fold away and the list turns compact (#, status, user); the workspace gets the
    // width that shows the log's fixed columns and 60 characters of message beside a readable diagnosis. When
    // the window cannot hold the compact list too, the list collapses (F9 shows it again: the agent's choice
    // then holds; J and K move between tickets either way).
    const bool open = m_ctx.details->selected() != 0;
    if (!open) {
        if (m_compact) {
            m_compact = false;
            m_listPane->setCompact(false);
            m_queuePane->show();
            m_listPane->show();
            if (!m_fullSizes.isEmpty())
                m_splitter->setSizes(m_fullSizes);
        }
        m_queuePane->setVisible(m_sidebar != Sidebar::Hidden);
        m_listPane->setVisible(m_sidebar != Sidebar::Hidden);
        m_toggleList->setChecked(m_listPane->isVisibleTo(this));
        return;
    }
    if (!m_compact) {
        m_fullSizes = m_splitter->sizes();
        m_compact = true;
        m_listPane->setCompact(true);
    }
    const int handle = m_splitter->handleWidth();
    const int total = m_splitter->contentsRect().width();
    const bool queues = m_showQueues && m_sidebar != Sidebar::Hidden;
    const int queueWidth = queues ? qMax(m_queuePane->minimumWidth(), m_queuePane->sizeHint().width()) + handle : 0;
    const int listWidth = m_listPane->compactWidth();
    const int room = total - queueWidth - listWidth - handle;
    const bool list = m_sidebar == Sidebar::Shown || (m_sidebar == Sidebar::Auto && room >= m_detailPane->minimumRoomyWidth());
    m_queuePane->setVisible(queues);
    m_listPane->setVisible(list);
    m_toggleList->setChecked(list);
    const int queueSize = queues ? queueWidth - handle : 0;
    const int listSize = list ? listWidth : 0;
    m_splitter->setSizes({queueSize, listSize, qMax(0, total - queueSize - listSize - (queues + list) * handle)});
    m_detailPane->fitLogSplitter();
    // Once the splitters have laid their children out (the log splitter's width follows the main one).
    QTimer::singleShot(0, m_detailPane, &TicketDetailPane::fitLogSplitter);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (m_compact && m_relayout)
        m_relayout->start();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    m_ctx.settings->sync();
    event->accept();
}

} // namespace relaydesk::ui

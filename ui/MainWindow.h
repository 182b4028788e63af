#pragma once

#include "models/SyncEngine.h"

#include <QMainWindow>

class QLabel;
class QSettings;
class QSplitter;

namespace relaydesk::models {
class ApiClient;
class QueueModel;
class TicketActions;
class TicketDetailLoader;
class TicketTableModel;
class TimelineModel;
} // namespace relaydesk::models

namespace relaydesk::ui {

class ActionBar;
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
    QSettings *settings = nullptr;
    QString username;
    QString serverLabel; // "embedded service" or the server URL
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
    void setUsername(const QString &username);
    // Shows a problem in the status bar for a while (plain text).
    void notify(const QString &message);

signals:
    // The session expired and the user asked to sign in again.
    void signInRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createAgentShortcuts();
    void moveSelection(int delta);
    void restoreLayout();
    void saveLayout();
    void resetLayout();
    void onSyncState(models::SyncEngine::State state, const QString &detail);
    void onTicketSelected(qint64 id);
    void onTicketsChanged(const QList<qint64> &ids);

    MainWindowContext m_ctx;
    QSplitter *m_splitter;
    QueuePane *m_queuePane;
    TicketListPane *m_listPane;
    TicketDetailPane *m_detailPane;
    ActionBar *m_actionBar;
    QLabel *m_connection;
    QLabel *m_counts;
    QAction *m_signInAction = nullptr;
    QByteArray m_defaultSplitterState;
    QByteArray m_defaultDetailState;
    QByteArray m_defaultLogState;
};

} // namespace relaydesk::ui

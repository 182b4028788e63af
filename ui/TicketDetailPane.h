#pragma once

#include "core/Ticket.h"

#include <QSet>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QStackedWidget;
class QAbstractItemView;
class QTableView;
class QVBoxLayout;

namespace relaydesk::models {
class TimelineModel;
struct LogSource;
} // namespace relaydesk::models

namespace relaydesk::ui {

class DiagnosisPane;
class LogPane;

// The selected ticket: its report facts, its timeline and the raw device log (always plain text).
// A later workspace replaces these panes; each is its own widget for that reason.
class TicketDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketDetailPane)

public:
    TicketDetailPane(models::TimelineModel *timeline, QWidget *parent = nullptr);

    void showTicket(const Ticket *ticket); // nullptr: nothing selected
    void showEvents(const QList<TicketEvent> &events);
    void showLogLoading();
    void showLog(const models::LogSource &log);
    void showLoadError(const QString &message);

    // Scrolls the log to a 1-based line and marks it.
    void scrollLogToLine(int line);
    void updateSlaClock();
    // Places the action bar under the timeline.
    void setActionBar(QWidget *bar);

    QAbstractItemView *logView() const;
    LogPane *logPane() const { return m_logPane; }
    DiagnosisPane *diagnosisPane() const { return m_diagnosisPane; }
    QSplitter *logSplitter() const { return m_logSplitter; }
    QTableView *timelineView() const { return m_timelineView; }
    QSplitter *splitter() const { return m_splitter; }

    // The width that gives the log its fixed columns and 60 characters of message beside a readable diagnosis.
    int preferredWidth() const;
    // The same with the diagnosis at its minimum readable width.
    int minimumRoomyWidth() const;
    // Shares the log row between the log and the diagnosis: the log its preferred width first.
    void fitLogSplitter();

signals:
    void preferredWidthChanged();

private:
    void fitTimelineColumns();
    QLabel *addFact(QFormLayout *form, const QString &label, const QString &objectName);

    models::TimelineModel *m_timeline;
    QStackedWidget *m_stack;
    QLabel *m_title;
    QLabel *m_sla;
    DiagnosisPane *m_diagnosisPane;
    QSplitter *m_logSplitter;
    QVBoxLayout *m_workspaceLayout;
    QDateTime m_reportedAt;
    QDateTime m_closedAt; // invalid while the ticket is open
    QLabel *m_status;
    QLabel *m_user;
    QLabel *m_device;
    QLabel *m_message;
    QLabel *m_failure;
    QLabel *m_satisfaction;
    QLabel *m_comment;
    QLabel *m_loadError;
    QTableView *m_timelineView;
    LogPane *m_logPane;
    QSet<int> m_evidenceLines;
    QSplitter *m_splitter;
};

} // namespace relaydesk::ui

#pragma once

#include "models/IncidentBulkAction.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;

namespace relaydesk::models {
class ApiClient;
class BulkResultModel;
class IncidentModel;
class TicketTableModel;
} // namespace relaydesk::models

namespace relaydesk::ui {

// Open incidents (tickets sharing one diagnosis signature) with their tickets, and the bulk actions: Resend,
// Reroute (the region dialog of a single reroute) and Reply (the reply composer); more than one ticket asks
// for confirmation first. While a bulk call runs a progress bar shows it; afterwards each ticket's result is
// the gateway's final outcome (delivered / duplicate suppressed / failed with status and code, or skipped /
// refused with the reason), pending until the ticket's timeline has it, and the summary counts them live.
// Asking again after a refusal retries with the same Idempotency-Key, so tickets are not acted on twice.
class IncidentsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentsView)

public:
    IncidentsView(models::IncidentModel *incidents, models::IncidentBulkAction *bulk, models::TicketTableModel *tickets,
                  models::ApiClient *api, QWidget *parent = nullptr);

    QTableView *incidentTable() const { return m_table; }
    QListWidget *ticketList() const { return m_tickets; }
    QTableView *resultTable() const { return m_results; }
    models::BulkResultModel *results() const { return m_resultModel; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *summaryLabel() const { return m_summary; }
    QString currentIncidentId() const { return m_current; }
    void selectIncident(const QString &id);
    // Runs a bulk action on the selected incident; Reroute and Reply ask first (dialogs).
    void run(models::IncidentBulkAction::Verb verb);

signals:
    void ticketActivated(qint64 ticketId);
    void notify(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showIncident();
    void updateButtons();
    void showResults(const models::BulkSummary &summary);
    void showSummary();
    bool confirm(models::IncidentBulkAction::Verb verb, int count, const models::ActionArgs &args);

    models::IncidentModel *m_incidents;
    models::IncidentBulkAction *m_bulk;
    models::TicketTableModel *m_ticketModel;
    models::ApiClient *m_api;
    QTableView *m_table;
    QListWidget *m_tickets;
    QPushButton *m_resend;
    QPushButton *m_reroute;
    QPushButton *m_reply;
    QPushButton *m_refresh;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QTableView *m_results;
    models::BulkResultModel *m_resultModel;
    std::optional<models::IncidentBulkAction::Verb> m_lastVerb;
    QString m_current;
};

} // namespace relaydesk::ui

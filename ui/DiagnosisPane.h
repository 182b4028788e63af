#pragma once

#include "Colors.h"
#include "core/Ticket.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace relaydesk::ui {

// The automatic diagnosis beside the log: cause and confidence, the summary, the evidence (each finding
// links to its log line), what tier 1 already tried and the recommended action. All text is plain.
class DiagnosisPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosisPane)

public:
    explicit DiagnosisPane(QWidget *parent = nullptr);

    void showTicket(const Ticket *ticket);
    void showEvents(const QList<TicketEvent> &events);
    // Other tickets with the same signature (the incident).
    void showRelated(const QList<Ticket> &tickets);
    void clearRelated();
    // Marks the finding that points at this log line (0: none).
    void highlightLine(int line);

    QListWidget *evidenceList() const { return m_evidence; }
    QTabWidget *tabs() const { return m_tabs; }
    // Widths at which the badge, the action and the summary read well (preferred) or still read (minimum).
    int preferredWidth() const;
    int minimumReadableWidth() const;

signals:
    // A finding was activated (click or Enter): show its log line.
    void evidenceActivated(int line);
    void recommendedActionRequested(relaydesk::RecommendedAction action);
    void relatedTicketActivated(qint64 ticketId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateTabTitles();
    void fitActionText(); // elided to the pane's width

    QLabel *m_badge;
    QTabWidget *m_tabs;
    QLabel *m_summary;
    QListWidget *m_evidence;
    QListWidget *m_tier1;
    QListWidget *m_related;
    QPushButton *m_action;
    QString m_actionText;
    QLabel *m_rules;
    std::optional<RecommendedAction> m_recommended;
};

} // namespace relaydesk::ui

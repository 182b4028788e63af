#pragma once

#include <QWidget>

class QLineEdit;
class QTableView;
class QLabel;

namespace relaydesk::models {
class TicketTableModel;
}

namespace relaydesk::ui {

// The ticket table with its quick filter. Sorting and filtering happen inside the model.
class TicketListPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketListPane)

public:
    TicketListPane(models::TicketTableModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    qint64 currentTicketId() const;
    void selectTicket(qint64 id);

    QByteArray saveState() const; // the full list's columns, also while compact
    void restoreState(const QByteArray &state);

    // Compact: only #, status and user, each as wide as its text (while a ticket is open beside the list).
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }
    int compactWidth() const;

signals:
    void ticketSelected(qint64 ticketId); // 0 when nothing is selected
    void compactWidthChanged();

private:
    void updateCount();
    void fitColumns();
    int columnContentWidth(int column) const;
    static bool isCompactColumn(int column);

    models::TicketTableModel *m_model;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_count;
    QByteArray m_fullState;
    bool m_compact = false;
    bool m_fitting = false;
    bool m_userSized = false;

    static constexpr int kFitSampleRows = 200;
    static constexpr int kFreeTextChars = 13;
};

} // namespace relaydesk::ui

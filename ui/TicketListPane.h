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

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

signals:
    void ticketSelected(qint64 ticketId); // 0 when nothing is selected

private:
    void updateCount();

    models::TicketTableModel *m_model;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_count;
};

} // namespace relaydesk::ui

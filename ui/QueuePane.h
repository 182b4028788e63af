#pragma once

#include "models/TicketFilter.h"

#include <QWidget>

class QTreeView;

namespace relaydesk::models {
class QueueModel;
}

namespace relaydesk::ui {

// The queue views on the left. Selecting one filters the ticket list.
class QueuePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueuePane)

public:
    QueuePane(models::QueueModel *model, QWidget *parent = nullptr);

    void select(const models::QueueSelection &selection);
    QTreeView *view() const { return m_view; }

signals:
    void queueSelected(const relaydesk::models::QueueSelection &selection);

private:
    models::QueueModel *m_model;
    QTreeView *m_view;
};

} // namespace relaydesk::ui

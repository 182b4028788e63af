#pragma once

#include "core/Ticket.h"

#include <QAbstractTableModel>

namespace relaydesk::models {

// A ticket's timeline: when, who, what.
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    enum Column { When, Actor, What, ColumnCount };

    explicit TimelineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEvents(const QList<TicketEvent> &events);
    const QList<TicketEvent> &events() const { return m_events; }

private:
    QList<TicketEvent> m_events;
};

} // namespace relaydesk::models

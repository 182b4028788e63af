#include "TimelineModel.h"

#include "Labels.h"

#include <QLocale>

namespace relaydesk::models {

TimelineModel::TimelineModel(QObject *parent) : QAbstractTableModel(parent) {}

int TimelineModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_events.size()); }

int TimelineModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const TicketEvent &e = m_events.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == What)
        return e.summary;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case When: return dateTimeText(e.at);
    case Actor: return e.actor;
    case What: return e.summary.isEmpty() ? e.kind : e.summary;
    default: return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When: return tr("When");
    case Actor: return tr("Who");
    case What: return tr("What happened");
    default: return {};
    }
}

void TimelineModel::setEvents(const QList<TicketEvent> &events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

} // namespace relaydesk::models

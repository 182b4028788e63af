#include "QueueModel.h"

#include "Labels.h"

#include <QMap>

namespace relaydesk::models {

// internalId: 0 for top-level rows, 1 + parent row for children.
QueueModel::QueueModel(QObject *parent) : QAbstractItemModel(parent) {}

QModelIndex QueueModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row() + 1) : quintptr(0));
}

QModelIndex QueueModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return TopCount;
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    if (parent.row() == ByCause)
        return int(Cause::Count);
    if (parent.row() == ByRegion)
        return int(m_regions.size());
    return 0;
}

int QueueModel::columnCount(const QModelIndex &) const { return 1; }

Qt::ItemFlags QueueModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QString QueueModel::title(const QModelIndex &index) const
{
    if (index.internalId() == 0) {
        switch (index.row()) {
        case AllEscalated: return tr("All escalated");
        case Mine: return tr("Mine");
        case Unassigned: return tr("Unassigned");
        case ByCause: return tr("By cause");
        case ByRegion: return tr("By region");
        case Everything: return tr("All tickets");
        default: return {};
        }
    }
    if (index.internalId() - 1 == ByCause)
        return label(static_cast<Cause>(index.row()));
    return m_regions.value(index.row());
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    int count = -1;
    if (index.internalId() == 0 && index.row() < 3)
        count = m_topCounts[std::size_t(index.row())];
    else if (index.internalId() == 0 && index.row() == Everything)
        count = m_allCount;
    else if (index.internalId() - 1 == ByCause)
        count = m_causeCounts[std::size_t(index.row())];
    else if (index.internalId() - 1 == ByRegion)
        count = m_regionCounts[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return count < 0 ? title(index) : tr("%1 (%2)").arg(title(index)).arg(count);
    case CountRole:
        return count < 0 ? QVariant() : QVariant(count);
    case TitleRole:
        return title(index);
    case Qt::ToolTipRole:
        if (index.internalId() == 0 && index.row() == Everything)
            return tr("Every synced ticket, resolved and closed ones included");
        return {};
    case Qt::AccessibleTextRole:
        if (index.internalId() == 0 && index.row() == Everything)
            return tr("%1, %n ticket(s)", nullptr, count).arg(title(index));
        return count < 0 ? title(index) : tr("%1, %n open ticket(s)", nullptr, count).arg(title(index));
    default:
        return {};
    }
}

void QueueModel::recount(const std::vector<Ticket> &tickets, const QString &me)
{
    std::array<int, 3> top{};
    std::array<int, std::size_t(Cause::Count)> causes{};
    QMap<QString, int> regions;
    for (const QString &r : std::as_const(m_regions))
        regions.insert(r, 0); // regions never disappear from the list while the console runs
    for (const Ticket &t : tickets) {
        if (!t.region.isEmpty() && !regions.contains(t.region))
            regions.insert(t.region, 0);
        if (!isOpenForAgents(t.status))
            continue;
        ++top[AllEscalated];
        if (!me.isEmpty() && t.assignee == me)
            ++top[Mine];
        if (t.assignee.isEmpty())
            ++top[Unassigned];
        ++causes[std::size_t(t.cause)];
        if (!t.region.isEmpty())
            ++regions[t.region];
    }
    // New regions are inserted at their sorted position, one by one (rare).
    const QModelIndex regionParent = index(ByRegion, 0);
    for (auto it = regions.cbegin(); it != regions.cend(); ++it) {
        if (m_regions.contains(it.key()))
            continue;
        const auto pos = std::lower_bound(m_regions.begin(), m_regions.end(), it.key()) - m_regions.begin();
        beginInsertRows(regionParent, int(pos), int(pos));
        m_regions.insert(pos, it.key());
        m_regionCounts.insert(m_regionCounts.begin() + pos, 0);
        endInsertRows();
    }
    m_topCounts = top;
    m_allCount = int(tickets.size());
    m_causeCounts = causes;
    for (qsizetype i = 0; i < m_regions.size(); ++i)
        m_regionCounts[std::size_t(i)] = regions.value(m_regions.at(i));
    emit dataChanged(index(0, 0), index(TopCount - 1, 0));
    emit dataChanged(index(0, 0, index(ByCause, 0)), index(int(Cause::Count) - 1, 0, index(ByCause, 0)));
    if (!m_regions.isEmpty())
        emit dataChanged(index(0, 0, regionParent), index(int(m_regions.size()) - 1, 0, regionParent));
}

std::optional<QueueSelection> QueueModel::selectionAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return std::nullopt;
    QueueSelection s;
    if (index.internalId() == 0) {
        switch (index.row()) {
        case AllEscalated: s.kind = QueueSelection::Kind::AllEscalated; return s;
        case Mine: s.kind = QueueSelection::Kind::Mine; return s;
        case Unassigned: s.kind = QueueSelection::Kind::Unassigned; return s;
        case Everything: s.kind = QueueSelection::Kind::Everything; return s;
        default: return std::nullopt;
        }
    }
    if (index.internalId() - 1 == ByCause) {
        s.kind = QueueSelection::Kind::ByCause;
        s.cause = static_cast<Cause>(index.row());
        return s;
    }
    s.kind = QueueSelection::Kind::ByRegion;
    s.region = m_regions.value(index.row());
    return s;
}

QModelIndex QueueModel::indexOf(const QueueSelection &s) const
{
    switch (s.kind) {
    case QueueSelection::Kind::AllEscalated: return index(AllEscalated, 0);
    case QueueSelection::Kind::Mine: return index(Mine, 0);
    case QueueSelection::Kind::Unassigned: return index(Unassigned, 0);
    case QueueSelection::Kind::ByCause: return index(int(s.cause), 0, index(ByCause, 0));
    case QueueSelection::Kind::ByRegion: {
        const auto row = m_regions.indexOf(s.region);
        return row < 0 ? QModelIndex() : index(int(row), 0, index(ByRegion, 0));
    }
    case QueueSelection::Kind::Everything: return index(Everything, 0);
    }
    return {};
}

} // namespace relaydesk::models

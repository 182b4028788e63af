#include "TicketTableModel.h"

#include "Labels.h"

#include <QLocale>

#include <algorithm>

namespace relaydesk::models {

TicketTableModel::TicketTableModel(QObject *parent) : QAbstractTableModel(parent) {}

int TicketTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TicketTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Ticket *TicketTableModel::ticket(qint64 id) const
{
    const auto it = m_indexOfId.constFind(id);
    return it == m_indexOfId.constEnd() ? nullptr : &m_tickets[std::size_t(*it)];
}

const Ticket *TicketTableModel::ticketAt(int row) const
{
    if (row < 0 || std::size_t(row) >= m_rows.size())
        return nullptr;
    return &m_tickets[std::size_t(m_rows[std::size_t(row)])];
}

int TicketTableModel::rowOf(qint64 id) const
{
    const auto it = m_indexOfId.constFind(id);
    return it == m_indexOfId.constEnd() ? -1 : m_rowOfIndex[std::size_t(*it)];
}

static QString errorText(const Ticket &t)
{
    if (t.httpStatus == 0)
        return t.errorCode;
    return t.errorCode.isEmpty() ? QString::number(t.httpStatus)
                                 : QStringLiteral("%1 %2").arg(t.httpStatus).arg(t.errorCode);
}

QVariant TicketTableModel::data(const QModelIndex &index, int role) const
{
    const Ticket *t = index.isValid() ? ticketAt(index.row()) : nullptr;
    if (!t || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case TicketIdRole: return t->id;
    case CauseRole: return int(t->cause);
    case StatusRole: return int(t->status);
    case SortRole:
        switch (index.column()) {
        case Id: return t->id;
        case Updated: return t->updatedAt;
        case Status: return int(t->status);
        case Cause: return int(t->cause);
        case User: return t->userName;
        case Platform: return int(t->platform);
        case AppVersion: return t->appVersion;
        case Region: return t->region;
        case Error: return errorText(*t);
        case Assignee: return t->assignee;
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Error)
            return t->errorMessage.left(300);
        if (index.column() == User)
            return t->userId;
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Id ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case Id: return t->id;
        case Updated: {
            // Today's tickets show the time only; older ones the date too.
            const QDateTime local = t->updatedAt.toLocalTime();
            const QLocale locale;
            if (local.date() == QDate::currentDate())
                return timeText(local.time(), locale);
            return dateTimeText(local, locale);
        }
        case Status: return label(t->status);
        case Cause: return label(t->cause);
        case User: return t->userName.isEmpty() ? t->userId : t->userName;
        case Platform: return QStringLiteral("%1 %2").arg(label(t->platform), t->osVersion);
        case AppVersion: return t->appVersion;
        case Region: return t->region;
        case Error: return errorText(*t);
        case Assignee: return t->assignee.isEmpty() ? tr("—") : t->assignee;
        default: return {};
        }
    default:
        return {};
    }
}

QVariant TicketTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id: return tr("#");
    case Updated: return tr("Updated");
    case Status: return tr("Status");
    case Cause: return tr("Cause");
    case User: return tr("User");
    case Platform: return tr("Platform");
    case AppVersion: return tr("App");
    case Region: return tr("Region");
    case Error: return tr("Error");
    case Assignee: return tr("Assignee");
    default: return {};
    }
}

bool TicketTableModel::visible(const Ticket &t) const
{
    return m_queue.matches(t, m_me) && m_quick.matches(t);
}

bool TicketTableModel::lessThan(const Ticket &a, const Ticket &b) const
{
    const auto cmp = [](const auto &x, const auto &y) { return x < y ? -1 : (y < x ? 1 : 0); };
    const auto text = [](const QString &x, const QString &y) { return QString::localeAwareCompare(x, y); };
    int c = 0;
    switch (m_sortColumn) {
    case Id: c = 0; break;
    case Updated: c = cmp(a.updatedAt, b.updatedAt); break;
    case Status: c = cmp(int(a.status), int(b.status)); break;
    case Cause: c = cmp(int(a.cause), int(b.cause)); break;
    case User: c = text(a.userName, b.userName); break;
    case Platform: c = cmp(int(a.platform), int(b.platform)); break;
    case AppVersion: c = text(a.appVersion, b.appVersion); break;
    case Region: c = text(a.region, b.region); break;
    case Error:
        c = cmp(a.httpStatus, b.httpStatus);
        if (c == 0)
            c = text(a.errorCode, b.errorCode);
        break;
    case Assignee: c = text(a.assignee, b.assignee); break;
    default: break;
    }
    if (c == 0)
        c = cmp(a.id, b.id); // ties broken by id, so the order is total and stable across updates
    return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
}

void TicketTableModel::sortRows(std::vector<int> &rows) const
{
    std::sort(rows.begin(), rows.end(), [this](int x, int y) {
        return lessThan(m_tickets[std::size_t(x)], m_tickets[std::size_t(y)]);
    });
}

void TicketTableModel::refilter(const QList<qint64> &changedIds)
{
    const std::size_t n = m_tickets.size();
    std::vector<char> wanted(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        wanted[i] = visible(m_tickets[i]) ? 1 : 0;

    // 1. Rows that no longer pass the filter leave, in contiguous runs from the bottom up.
    for (int r = int(m_rows.size()) - 1; r >= 0;) {
        if (wanted[std::size_t(m_rows[std::size_t(r)])]) {
            --r;
            continue;
        }
        const int last = r;
        while (r >= 0 && !wanted[std::size_t(m_rows[std::size_t(r)])])
            --r;
        beginRemoveRows({}, r + 1, last);
        m_rows.erase(m_rows.begin() + (r + 1), m_rows.begin() + (last + 1));
        endRemoveRows();
    }

    // 2. Newly passing rows arrive at the bottom...
    std::vector<char> shown(n, 0);
    for (int i : m_rows)
        shown[std::size_t(i)] = 1;
    std::vector<int> added;
    for (std::size_t i = 0; i < n; ++i) {
        if (wanted[i] && !shown[i])
            added.push_back(int(i));
    }
    if (!added.empty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
        m_rows.insert(m_rows.end(), added.begin(), added.end());
        endInsertRows();
    }

    // 3. ...and a layout change puts everything in sort order, moving selections with their rows.
    std::vector<int> sorted = m_rows;
    sortRows(sorted);
    if (sorted != m_rows) {
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        std::vector<int> newRowOfIndex(n, -1);
        for (std::size_t r = 0; r < sorted.size(); ++r)
            newRowOfIndex[std::size_t(sorted[r])] = int(r);
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex &idx : before) {
            const int storage = m_rows[std::size_t(idx.row())];
            after.append(index(newRowOfIndex[std::size_t(storage)], idx.column()));
        }
        m_rows = std::move(sorted);
        changePersistentIndexList(before, after);
        emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }

    m_rowOfIndex.assign(n, -1);
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        m_rowOfIndex[std::size_t(m_rows[r])] = int(r);

    // 4. Rows whose content changed repaint, as one range.
    int top = -1;
    int bottom = -1;
    for (qint64 id : changedIds) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        top = top < 0 ? row : std::min(top, row);
        bottom = std::max(bottom, row);
    }
    if (top >= 0)
        emit dataChanged(index(top, 0), index(bottom, ColumnCount - 1));
}

void TicketTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    refilter();
}

void TicketTableModel::upsert(const QList<Ticket> &tickets)
{
    if (tickets.isEmpty())
        return;
    QList<qint64> changed;
    changed.reserve(tickets.size());
    for (const Ticket &t : tickets) {
        const auto it = m_indexOfId.constFind(t.id);
        if (it == m_indexOfId.constEnd()) {
            m_indexOfId.insert(t.id, int(m_tickets.size()));
            m_tickets.push_back(t);
            m_rowOfIndex.push_back(-1);
        } else {
            Ticket &existing = m_tickets[std::size_t(*it)];
            if (t.seq < existing.seq)
                continue; // an older copy arriving late never overwrites a newer one
            existing = t;
            changed.append(t.id);
        }
    }
    refilter(changed);
    QList<qint64> ids;
    ids.reserve(tickets.size());
    for (const Ticket &t : tickets)
        ids.append(t.id);
    emit ticketsChanged(ids);
}

void TicketTableModel::setQueue(const QueueSelection &queue)
{
    if (queue == m_queue)
        return;
    m_queue = queue;
    refilter();
}

void TicketTableModel::setQuickFilter(const QString &text)
{
    m_quick = QuickFilter(text);
    refilter();
}

void TicketTableModel::setCurrentUser(const QString &username)
{
    if (username == m_me)
        return;
    m_me = username;
    refilter();
}

} // namespace relaydesk::models

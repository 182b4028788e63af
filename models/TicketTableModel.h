#pragma once

#include "TicketFilter.h"
#include "core/Ticket.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <vector>

namespace relaydesk::models {

// All synced tickets, with sorting and filtering done inside the model on a permutation of row indices
// (no QSortFilterProxyModel: it does not scale to the queue sizes leads see). Updates keep selections:
// removed rows are announced as removals, new ones as insertions, reordering as a layout change.
class TicketTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketTableModel)

public:
    enum Column { Id, Updated, Status, Cause, User, Platform, AppVersion, Region, Error, Assignee, ColumnCount };
    enum Role { TicketIdRole = Qt::UserRole + 1, SortRole, CauseRole, StatusRole };

    explicit TicketTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Adds new tickets and replaces known ones (by id).
    void upsert(const QList<Ticket> &tickets);
    void setQueue(const QueueSelection &queue);
    void setQuickFilter(const QString &text);
    void setCurrentUser(const QString &username);

    QueueSelection queue() const { return m_queue; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // All tickets, filtered or not (for queue counts).
    const std::vector<Ticket> &allTickets() const { return m_tickets; }
    qsizetype totalCount() const { return qsizetype(m_tickets.size()); }
    const Ticket *ticket(qint64 id) const;
    const Ticket *ticketAt(int row) const;
    int rowOf(qint64 id) const; // -1 when filtered out or unknown

signals:
    // After any upsert: the ids that changed (for panes showing one of them).
    void ticketsChanged(const QList<qint64> &ids);

private:
    bool visible(const Ticket &t) const;
    bool lessThan(const Ticket &a, const Ticket &b) const;
    void sortRows(std::vector<int> &rows) const;
    // Recomputes the visible rows and announces the difference to views.
    void refilter(const QList<qint64> &changedIds = {});

    std::vector<Ticket> m_tickets;   // storage, in arrival order
    QHash<qint64, int> m_indexOfId;  // id -> index in m_tickets
    std::vector<int> m_rows;         // visible rows: indices into m_tickets, in display order
    std::vector<int> m_rowOfIndex;   // index in m_tickets -> visible row, or -1
    QueueSelection m_queue;
    QuickFilter m_quick;
    QString m_me;
    int m_sortColumn = Updated;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace relaydesk::models

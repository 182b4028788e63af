#pragma once

#include "TicketFilter.h"
#include "core/Ticket.h"

#include <QAbstractItemModel>
#include <QStringList>

#include <array>
#include <vector>

namespace relaydesk::models {

// The queue views on the left: all escalated, mine, unassigned, then one per cause and one per region,
// each with its count of open tickets (regions appear as tickets from them arrive), and last every synced
// ticket, closed ones included (where a closed ticket opened from elsewhere is shown).
class QueueModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueModel)

public:
    enum Top { AllEscalated, Mine, Unassigned, ByCause, ByRegion, Everything, TopCount };
    enum Role { CountRole = Qt::UserRole + 1, TitleRole };

    explicit QueueModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Recounts from the full ticket list (cheap: one pass).
    void recount(const std::vector<Ticket> &tickets, const QString &me);

    // The selection a row stands for; the group headers "By cause"/"By region" select nothing.
    std::optional<QueueSelection> selectionAt(const QModelIndex &index) const;
    QModelIndex indexOf(const QueueSelection &selection) const;

private:
    QString title(const QModelIndex &index) const;

    std::array<int, 3> m_topCounts{};                           // AllEscalated, Mine, Unassigned
    int m_allCount = 0;                                         // Everything: all synced tickets
    std::array<int, std::size_t(Cause::Count)> m_causeCounts{};
    QStringList m_regions;                                      // sorted
    std::vector<int> m_regionCounts;
};

} // namespace relaydesk::models

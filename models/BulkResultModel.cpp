#include "BulkResultModel.h"

#include <QPointer>

namespace relaydesk::models {

using namespace Qt::StringLiterals;

BulkResultModel::BulkResultModel(ApiClient *api, QObject *parent) : QAbstractTableModel(parent), m_api(api) {}

int BulkResultModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int BulkResultModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant BulkResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TicketColumn: return tr("Ticket");
    case ResultColumn: return tr("Result");
    case DetailColumn: return tr("Details");
    default: return {};
    }
}

QString BulkResultModel::resultText(const Row &row) const
{
    if (row.outcome == "pending"_L1)
        return tr("waiting for the gateway…");
    if (row.outcome == "delivered"_L1)
        return tr("delivered");
    if (row.outcome == "duplicate_suppressed"_L1)
        return tr("duplicate suppressed");
    if (row.outcome == "skipped"_L1)
        return tr("skipped");
    return row.refused ? tr("failed (refused)") : tr("failed at the gateway");
}

QString BulkResultModel::detailText(const Row &row) const
{
    if (row.outcome == "pending"_L1)
        return tr("accepted as action %1; the outcome arrives on the ticket's timeline").arg(row.actionId);
    if (row.outcome == "delivered"_L1)
        return row.region.isEmpty() ? QString() : tr("via %1").arg(row.region);
    if (row.outcome == "duplicate_suppressed"_L1)
        return tr("the user already has it");
    if (row.outcome == "skipped"_L1) {
        if (!row.holder.isEmpty())
            return tr("held by %1").arg(row.holder);
        return row.message.isEmpty() ? row.code : u"%1: %2"_s.arg(row.code, row.message);
    }
    if (row.refused)
        return row.message.isEmpty() ? row.code : u"%1: %2"_s.arg(row.code, row.message);
    // Failed at the gateway: its status and code, as the timeline has them (codes keep their underscores).
    return row.httpStatus > 0 ? u"%1 %2"_s.arg(row.httpStatus).arg(row.code).trimmed() : row.code;
}

QVariant BulkResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TicketColumn: return u"#%1"_s.arg(row.ticketId);
        case ResultColumn: return resultText(row);
        case DetailColumn: return detailText(row);
        default: return {};
        }
    case KeyRole:
        if (index.column() == TicketColumn)
            return row.ticketId;
        if (index.column() == ResultColumn)
            return row.outcome;
        return {};
    case TicketIdRole: return row.ticketId;
    case OutcomeRole: return row.outcome;
    case ActionIdRole: return row.actionId;
    default: return {};
    }
}

int BulkResultModel::rowOfTicket(qint64 ticketId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).ticketId == ticketId)
            return int(i);
    }
    return -1;
}

void BulkResultModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_action.clear();
    ++m_generation;
    m_fetching.clear();
    m_fetchAgain.clear();
    endResetModel();
    recount();
}

void BulkResultModel::setSummary(const BulkSummary &summary)
{
    beginResetModel();
    m_rows.clear();
    m_action = summary.action;
    ++m_generation;
    m_fetching.clear();
    m_fetchAgain.clear();
    for (const BulkTicketResult &r : summary.results) {
        Row row;
        row.ticketId = r.ticketId;
        row.actionId = r.actionId;
        row.code = r.reason;
        row.message = r.message;
        row.holder = r.holder;
        if (r.status == "done"_L1 && r.actionId > 0) {
            row.outcome = u"pending"_s;
        } else if (r.status == "skipped"_L1) {
            row.outcome = u"skipped"_s;
        } else {
            row.outcome = u"failed"_s;
            row.refused = true;
            if (row.code.isEmpty())
                row.code = u"internal"_s;
        }
        m_rows.append(row);
    }
    endResetModel();
    recount();
    // Outcomes may have landed before the answer came back (the service answers after the last chunk).
    for (const Row &row : std::as_const(m_rows)) {
        if (row.outcome == "pending"_L1)
            fetch(row.ticketId);
    }
}

void BulkResultModel::observeEvents(qint64 ticketId, const QList<TicketEvent> &events)
{
    const int r = rowOfTicket(ticketId);
    if (r < 0 || m_rows.at(r).outcome != "pending"_L1)
        return;
    Row &row = m_rows[r];
    for (const TicketEvent &e : events) {
        if (e.kind != "action_outcome"_L1 || e.detail.value("action_id"_L1).toInteger() != row.actionId)
            continue;
        const QString outcome = e.detail.value("outcome"_L1).toString();
        row.outcome = outcome == "delivered"_L1 || outcome == "duplicate_suppressed"_L1 ? outcome : u"failed"_s;
        row.httpStatus = e.detail.value("http_status"_L1).toInt();
        row.code = e.detail.value("code"_L1).toString();
        row.region = e.detail.value("region"_L1).toString();
        emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
        recount();
        return;
    }
}

void BulkResultModel::ticketsChanged(const QList<qint64> &ids)
{
    if (m_counts.pending == 0)
        return;
    for (qint64 id : ids) {
        const int r = rowOfTicket(id);
        if (r >= 0 && m_rows.at(r).outcome == "pending"_L1)
            fetch(id);
    }
}

void BulkResultModel::fetch(qint64 ticketId)
{
    if (!m_api)
        return;
    if (m_fetching.contains(ticketId)) {
        m_fetchAgain.insert(ticketId); // the answer in flight may predate this change
        return;
    }
    m_fetching.insert(ticketId);
    QPointer<BulkResultModel> self(this);
    const quint64 generation = m_generation;
    m_api->fetchEvents(ticketId, [self, this, ticketId, generation](ApiResult<QList<TicketEvent>> result) {
        if (!self || generation != m_generation)
            return;
        m_fetching.remove(ticketId);
        if (result.ok())
            observeEvents(ticketId, *result.value);
        // A failed read is retried on the ticket's next change.
        if (m_fetchAgain.remove(ticketId))
            fetch(ticketId);
    });
}

void BulkResultModel::recount()
{
    BulkOutcomeCounts c;
    for (const Row &row : std::as_const(m_rows)) {
        if (row.outcome == "pending"_L1)
            ++c.pending;
        else if (row.outcome == "delivered"_L1)
            ++c.delivered;
        else if (row.outcome == "duplicate_suppressed"_L1)
            ++c.suppressed;
        else if (row.outcome == "skipped"_L1)
            ++c.skipped;
        else
            ++c.failed;
    }
    const bool changed = !(c == m_counts);
    m_counts = c;
    if (changed || m_rows.isEmpty())
        emit countsChanged();
}

} // namespace relaydesk::models

#include "TicketListPane.h"

#include "models/TicketTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace relaydesk::ui {

using models::TicketTableModel;

TicketListPane::TicketListPane(TicketTableModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("ticketListPane"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("quickFilter"));
    m_filter->setPlaceholderText(tr("Filter by user, error code, region, text… (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Quick filter"));

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("ticketCount"));
    m_count->setTextFormat(Qt::PlainText);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("ticketTable"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // The model's own order (newest activity first) is what the header shows from the start.
    m_view->horizontalHeader()->setSortIndicator(model->sortColumn(), model->sortOrder());
    m_view->setSortingEnabled(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setAccessibleName(tr("Tickets"));
    const int charWidth = m_view->fontMetrics().averageCharWidth();
    const std::pair<int, int> widths[] = {{TicketTableModel::Id, 7},        {TicketTableModel::Updated, 16},
                                          {TicketTableModel::Status, 11},   {TicketTableModel::Cause, 10},
                                          {TicketTableModel::User, 16},     {TicketTableModel::Platform, 12},
                                          {TicketTableModel::AppVersion, 8}, {TicketTableModel::Region, 13},
                                          {TicketTableModel::Error, 22}};
    for (const auto &[column, chars] : widths)
        m_view->setColumnWidth(column, chars * charWidth + 16);

    // Typing filters after a short pause, so each keystroke does not refilter a large queue.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(120);
    connect(m_filter, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] { m_model->setQuickFilter(m_filter->text()); });

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit ticketSelected(currentTicketId()); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &TicketListPane::updateCount);
    connect(model, &QAbstractItemModel::modelReset, this, &TicketListPane::updateCount);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view);
    updateCount();
}

qint64 TicketListPane::currentTicketId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(TicketTableModel::TicketIdRole).toLongLong() : 0;
}

void TicketListPane::selectTicket(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void TicketListPane::updateCount()
{
    m_count->setText(tr("%n ticket(s)", nullptr, m_model->rowCount()));
}

QByteArray TicketListPane::saveState() const { return m_view->horizontalHeader()->saveState(); }

void TicketListPane::restoreState(const QByteArray &state)
{
    if (!state.isEmpty() && m_view->horizontalHeader()->restoreState(state))
        m_model->sort(m_view->horizontalHeader()->sortIndicatorSection(),
                      m_view->horizontalHeader()->sortIndicatorOrder());
}

} // namespace relaydesk::ui

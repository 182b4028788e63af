#include "TicketListPane.h"

#include "models/TicketTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QScrollBar>
#include <QStyle>
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
    // Columns fit their header and the rows' text (font metrics of what is shown) until the agent resizes one.
    auto *fit = new QTimer(this);
    fit->setSingleShot(true);
    fit->setInterval(0);
    connect(fit, &QTimer::timeout, this, &TicketListPane::fitColumns);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, fit, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::modelReset, fit, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::layoutChanged, fit, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::dataChanged, fit, qOverload<>(&QTimer::start));
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, this, [this] {
        if (!m_fitting)
            m_userSized = true;
    });
    fitColumns();

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

QByteArray TicketListPane::saveState() const
{
    return m_compact ? m_fullState : m_view->horizontalHeader()->saveState();
}

void TicketListPane::restoreState(const QByteArray &state)
{
    if (!state.isEmpty() && m_view->horizontalHeader()->restoreState(state)) {
        m_userSized = true; // the agent's own widths
        m_model->sort(m_view->horizontalHeader()->sortIndicatorSection(),
                      m_view->horizontalHeader()->sortIndicatorOrder());
    }
}

void TicketListPane::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    QHeaderView *header = m_view->horizontalHeader();
    if (compact)
        m_fullState = header->saveState();
    m_compact = compact;
    // The long hint does not fit the compact list; the tooltip keeps it.
    m_filter->setPlaceholderText(compact ? tr("Filter (Ctrl+F)") : tr("Filter by user, error code, region, text… (Ctrl+F)"));
    m_filter->setToolTip(tr("Filter by user, error code, region, text… (Ctrl+F)"));
    if (compact) {
        for (int c = 0; c < TicketTableModel::ColumnCount; ++c)
            header->setSectionHidden(c, !isCompactColumn(c));
    } else {
        const bool userSized = m_userSized;
        header->restoreState(m_fullState);
        m_userSized = userSized;
    }
    fitColumns();
}

bool TicketListPane::isCompactColumn(int column)
{
    return column == TicketTableModel::Id || column == TicketTableModel::Status || column == TicketTableModel::User;
}

int TicketListPane::columnContentWidth(int column) const
{
    const QFontMetrics cell(m_view->font());
    const QHeaderView *header = m_view->horizontalHeader();
    const QFontMetrics head(header->font());
    const int cellPad = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1) + 4;
    // The header's text, its margins and the sort arrow.
    int width = head.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) +
                2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) +
                style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header) + 6;
    for (int r = 0; r < qMin(m_model->rowCount(), kFitSampleRows); ++r)
        width = qMax(width, cell.horizontalAdvance(m_model->index(r, column).data().toString()) + cellPad);
    // Free text (names, error codes) is capped; it elides beyond and the tooltip has it.
    const bool freeText = column == TicketTableModel::User || column == TicketTableModel::Error ||
                          column == TicketTableModel::Platform || column == TicketTableModel::Assignee;
    return freeText ? qMin(width, cell.averageCharWidth() * kFreeTextChars + cellPad) : width;
}

void TicketListPane::fitColumns()
{
    if (m_userSized && !m_compact)
        return;
    m_fitting = true;
    for (int c = 0; c < TicketTableModel::ColumnCount; ++c) {
        if (!m_view->isColumnHidden(c))
            m_view->setColumnWidth(c, columnContentWidth(c));
    }
    m_fitting = false;
    emit compactWidthChanged();
}

int TicketListPane::compactWidth() const
{
    // Every compact column at its content width, the scroll bar and the frame.
    int width = 2 * m_view->frameWidth() + m_view->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < TicketTableModel::ColumnCount; ++c) {
        if (isCompactColumn(c))
            width += columnContentWidth(c);
    }
    return width;
}

} // namespace relaydesk::ui

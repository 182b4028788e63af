#include "LogView.h"

#include <QHeaderView>
#include <QPainter>
#include <QPaintEvent>
#include <QScrollBar>

namespace relaydesk::ui {

LogView::LogView(QWidget *parent) : QAbstractItemView(parent), m_header(new QHeaderView(Qt::Horizontal, this))
{
    m_header->setSectionsClickable(false);
    m_header->setHighlightSections(false);
    setSelectionBehavior(SelectRows);
    setHorizontalScrollMode(ScrollPerPixel);
    setVerticalScrollMode(ScrollPerItem);
    connect(m_header, &QHeaderView::sectionResized, this, [this] {
        updateGeometries();
        viewport()->update();
    });
    connect(m_header, &QHeaderView::sectionCountChanged, this, [this] { updateGeometries(); });
}

void LogView::setModel(QAbstractItemModel *model)
{
    QAbstractItemView::setModel(model);
    m_header->setModel(model);
    updateGeometries();
}

void LogView::setColumnWidth(int column, int width) { m_header->resizeSection(column, width); }
int LogView::columnWidth(int column) const { return m_header->sectionSize(column); }
void LogView::setColumnHidden(int column, bool hidden)
{
    m_header->setSectionHidden(column, hidden);
    updateGeometries();
    viewport()->update();
}
bool LogView::isColumnHidden(int column) const { return m_header->isSectionHidden(column); }

void LogView::setRowHeight(int height)
{
    m_rowHeight = qMax(1, height);
    updateGeometries();
    viewport()->update();
}

int LogView::rowCount() const { return model() ? model()->rowCount(rootIndex()) : 0; }
int LogView::visibleRows() const { return qMax(1, viewport()->height() / m_rowHeight); }

int LogView::rowAt(int y) const
{
    if (y < 0)
        return -1;
    const int row = verticalScrollBar()->value() + y / m_rowHeight;
    return row < rowCount() ? row : -1;
}

QRect LogView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || isColumnHidden(index.column()))
        return {};
    const int y = (index.row() - verticalScrollBar()->value()) * m_rowHeight;
    const int x = m_header->sectionViewportPosition(index.column());
    return {x, y, m_header->sectionSize(index.column()), m_rowHeight};
}

void LogView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!index.isValid())
        return;
    const int top = verticalScrollBar()->value();
    const int rows = visibleRows();
    const int row = index.row();
    switch (hint) {
    case PositionAtTop: verticalScrollBar()->setValue(row); break;
    case PositionAtBottom: verticalScrollBar()->setValue(row - rows + 1); break;
    case PositionAtCenter: verticalScrollBar()->setValue(row - rows / 2); break;
    case EnsureVisible:
        if (row < top)
            verticalScrollBar()->setValue(row);
        else if (row >= top + rows)
            verticalScrollBar()->setValue(row - rows + 1);
        break;
    }
    // Horizontally: only as far as needed to show the cell's start.
    const int x = m_header->sectionPosition(index.column());
    const int width = m_header->sectionSize(index.column());
    const int left = horizontalScrollBar()->value();
    if (x < left)
        horizontalScrollBar()->setValue(x);
    else if (x + width > left + viewport()->width())
        horizontalScrollBar()->setValue(qMin(x, x + width - viewport()->width()));
}

QModelIndex LogView::indexAt(const QPoint &point) const
{
    const int row = rowAt(point.y());
    const int column = m_header->logicalIndexAt(point.x());
    if (row < 0 || column < 0 || !model())
        return {};
    return model()->index(row, column, rootIndex());
}

QModelIndex LogView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    const int rows = rowCount();
    if (rows == 0 || !model())
        return {};
    const QModelIndex current = currentIndex();
    int row = current.isValid() ? current.row() : 0;
    const int column = current.isValid() ? current.column() : m_header->logicalIndexAt(0) < 0 ? 0 : m_header->logicalIndexAt(0);
    switch (cursorAction) {
    case MoveUp: row = qMax(0, row - 1); break;
    case MoveDown: row = qMin(rows - 1, row + 1); break;
    case MovePageUp: row = qMax(0, row - visibleRows()); break;
    case MovePageDown: row = qMin(rows - 1, row + visibleRows()); break;
    case MoveHome: row = 0; break;
    case MoveEnd: row = rows - 1; break;
    default: break;
    }
    return model()->index(row, qMax(0, column), rootIndex());
}

int LogView::horizontalOffset() const { return horizontalScrollBar()->value(); }
int LogView::verticalOffset() const { return verticalScrollBar()->value() * m_rowHeight; }

bool LogView::isIndexHidden(const QModelIndex &index) const { return isColumnHidden(index.column()); }

void LogView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    if (!model() || !selectionModel())
        return;
    const QRect r = rect.normalized();
    int first = rowAt(qMax(0, r.top()));
    int last = rowAt(qMin(r.bottom(), viewport()->height() - 1));
    if (first < 0)
        return;
    if (last < 0)
        last = rowCount() - 1;
    const int columns = model()->columnCount(rootIndex());
    const QItemSelection selection(model()->index(first, 0, rootIndex()), model()->index(last, columns - 1, rootIndex()));
    selectionModel()->select(selection, command | QItemSelectionModel::Rows);
}

QRegion LogView::visualRegionForSelection(const QItemSelection &selection) const
{
    QRegion region;
    const int top = verticalScrollBar()->value();
    const int bottom = top + visibleRows() + 1;
    for (const QItemSelectionRange &range : selection) {
        const int first = qMax(range.top(), top);
        const int last = qMin(range.bottom(), bottom);
        if (first > last)
            continue;
        region += QRect(0, (first - top) * m_rowHeight, viewport()->width(), (last - first + 1) * m_rowHeight);
    }
    return region;
}

void LogView::paintEvent(QPaintEvent *event)
{
    if (!model())
        return;
    QPainter painter(viewport());
    const int rows = rowCount();
    const int top = verticalScrollBar()->value();
    const int firstRow = top + event->rect().top() / m_rowHeight;
    const int lastRow = qMin(rows - 1, top + event->rect().bottom() / m_rowHeight);
    const QModelIndex current = currentIndex();
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    for (int row = firstRow; row <= lastRow; ++row) {
        const bool selected = selectionModel() && selectionModel()->isRowSelected(row, rootIndex());
        for (int section = 0; section < m_header->count(); ++section) {
            const int column = m_header->logicalIndex(section);
            if (m_header->isSectionHidden(column))
                continue;
            const QModelIndex index = model()->index(row, column, rootIndex());
            QStyleOptionViewItem cell = option;
            cell.rect = visualRect(index);
            if (!cell.rect.intersects(event->rect()))
                continue;
            cell.state &= ~QStyle::State_Selected;
            if (selected)
                cell.state |= QStyle::State_Selected;
            cell.state &= ~QStyle::State_HasFocus;
            if (index == current && hasFocus())
                cell.state |= QStyle::State_HasFocus;
            itemDelegateForIndex(index)->paint(&painter, cell, index);
        }
    }
}

void LogView::updateGeometries()
{
    const int headerHeight = m_header->isHidden() ? 0 : m_header->sizeHint().height();
    setViewportMargins(0, headerHeight, 0, 0);
    const QRect vg = viewport()->geometry();
    m_header->setGeometry(vg.left(), vg.top() - headerHeight, vg.width(), headerHeight);
    m_header->setOffset(horizontalScrollBar()->value());
    const int rows = visibleRows();
    verticalScrollBar()->setSingleStep(1);
    verticalScrollBar()->setPageStep(rows);
    verticalScrollBar()->setRange(0, qMax(0, rowCount() - rows));
    horizontalScrollBar()->setSingleStep(fontMetrics().averageCharWidth() * 4);
    horizontalScrollBar()->setPageStep(vg.width());
    horizontalScrollBar()->setRange(0, qMax(0, m_header->length() - vg.width()));
    QAbstractItemView::updateGeometries();
}

void LogView::scrollContentsBy(int dx, int dy)
{
    m_header->setOffset(horizontalScrollBar()->value());
    if (dy != 0 || dx != 0)
        viewport()->update();
}

void LogView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsInserted(parent, start, end);
    updateGeometries();
    viewport()->update();
}

void LogView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsAboutToBeRemoved(parent, start, end);
    viewport()->update();
}

void LogView::dataChanged(const QModelIndex &, const QModelIndex &, const QList<int> &)
{
    // The base class unites the rectangles of every changed cell (all 7.75M rows after a search of a big log:
    // seconds); repainting the viewport's few rows is cheaper than finding out which of them changed.
    viewport()->update();
}

void LogView::reset()
{
    QAbstractItemView::reset();
    updateGeometries();
    viewport()->update();
}

void LogView::resizeEvent(QResizeEvent *event)
{
    QAbstractItemView::resizeEvent(event);
    updateGeometries();
}

} // namespace relaydesk::ui

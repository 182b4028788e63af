#pragma once

#include <QAbstractItemView>

class QHeaderView;

namespace relaydesk::ui {

// The device log's view: a table of uniform rows that keeps no per-row state, so a log of millions of lines
// costs the same to insert into, reset or paint as a short one. (QTableView's vertical header keeps an entry
// per row and walks them all after every change: 70 ms for a reset of 7.75M rows, bench/README.md.) Columns
// come from a horizontal QHeaderView (widths, hiding, resizing by the user); rows are whole-row selected; the
// vertical scroll position is the first visible row.
class LogView final : public QAbstractItemView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)

public:
    explicit LogView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    QHeaderView *horizontalHeader() const { return m_header; }
    void setColumnWidth(int column, int width);
    int columnWidth(int column) const;
    void setColumnHidden(int column, bool hidden);
    bool isColumnHidden(int column) const;
    void setRowHeight(int height);
    int rowHeight() const { return m_rowHeight; }

    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void paintEvent(QPaintEvent *event) override;
    void updateGeometries() override;
    void scrollContentsBy(int dx, int dy) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void reset() override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    int rowAt(int y) const;           // -1 outside the rows
    int visibleRows() const;          // rows that fit in the viewport, at least 1
    int rowCount() const;

    QHeaderView *m_header;
    int m_rowHeight = 18;
};

} // namespace relaydesk::ui

#pragma once

#include <QColor>
#include <QWidget>

class QToolButton;

namespace relaydesk::ui {

// A chart's legend under the chart, wrapped onto as many rows as its entries need, so no entry is ever cut
// or elided (Qt Charts' own legend keeps one row and elides). An entry with a key (a cause, a region) is
// clickable and drills down.
class ChartLegend final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartLegend)

public:
    struct Entry
    {
        QString text; // plain text
        QColor color;
        bool line = true; // a line (with `style`) or a filled box
        Qt::PenStyle style = Qt::SolidLine;
        QString key; // drill-down key, empty for none
    };

    explicit ChartLegend(QWidget *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    QList<QToolButton *> buttons() const { return m_buttons; }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void activated(const QString &key);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int arrange(int width, bool apply) const; // the height the rows take at `width`

    QList<QToolButton *> m_buttons;
};

} // namespace relaydesk::ui

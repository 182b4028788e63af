#pragma once

#include "ChartLegend.h"
#include "models/MetricsFrame.h"

#include <QFrame>

class QChart;
class QChartView;
class QImage;
class QLabel;
class QStackedWidget;
class QToolButton;

namespace relaydesk::ui {

// One dashboard chart with its title, its empty or error state (a message instead of a blank chart), the
// hovered value under it, its legend (wrapped, never cut), and CSV / PNG export of exactly what it shows (the
// PNG with the title and the time range drawn above the chart).
class ChartCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartCard)

public:
    ChartCard(models::Metric metric, const QString &title, QWidget *parent = nullptr);

    models::Metric metric() const { return m_metric; }
    QChartView *chartView() const { return m_view; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *hoverLabel() const { return m_hover; }
    ChartLegend *legend() const { return m_legend; }

    // Shows `chart` (the card owns it from now on) for `frame`'s data.
    void showChart(QChart *chart, const models::MetricsFrame &frame);
    // The empty or error state (plain text).
    void showMessage(const QString &message);
    // A frame with nothing to draw: the message, and the (empty) data stays exportable.
    void showEmpty(const models::MetricsFrame &frame, const QString &message);
    bool isShowingChart() const;
    std::optional<models::MetricsFrame> frame() const { return m_frame; }

    // The legend shown with the next chart (set while building it; cleared by showMessage/showEmpty).
    void setLegendEntries(const QList<ChartLegend::Entry> &entries);
    void setHoverText(const QString &text);
    // Drill-down from a bar or a legend entry: a cause's or region's wire name.
    void activate(const QString &key) { emit keyActivated(key); }

    bool exportCsv(const QString &path, QString *error) const;
    bool exportPng(const QString &path, QString *error) const;
    // What exportPng writes: the title and the time range over the chart and its legend.
    QImage exportImage() const;
    // The time range of the frame shown, in the locale's format ("" without one).
    QString rangeText() const;

signals:
    void keyActivated(const QString &key);

private:
    void askExport(bool png);

    models::Metric m_metric;
    QLabel *m_title;
    QStackedWidget *m_stack;
    QChartView *m_view;
    QLabel *m_message;
    QLabel *m_hover;
    ChartLegend *m_legend;
    QToolButton *m_csv;
    QToolButton *m_png;
    std::optional<models::MetricsFrame> m_frame;
};

} // namespace relaydesk::ui

#include "ChartCard.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSaveFile>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace relaydesk::ui {

using namespace Qt::StringLiterals;

ChartCard::ChartCard(models::Metric metric, const QString &title, QWidget *parent) : QFrame(parent), m_metric(metric)
{
    setObjectName(u"chart_"_s + models::metricPath(metric));
    setFrameShape(QFrame::StyledPanel);
    m_title = new QLabel(title, this);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true); // four cards side by side must fit a 1280-pixel screen in every language
    m_csv = new QToolButton(this);
    m_csv->setObjectName(u"exportCsv"_s);
    m_csv->setText(tr("CSV…"));
    m_csv->setToolTip(tr("Export this chart's data as CSV"));
    m_csv->setAutoRaise(true);
    m_png = new QToolButton(this);
    m_png->setObjectName(u"exportPng"_s);
    m_png->setText(tr("PNG…"));
    m_png->setToolTip(tr("Save this chart as a PNG image"));
    m_png->setAutoRaise(true);
    connect(m_csv, &QToolButton::clicked, this, [this] { askExport(false); });
    connect(m_png, &QToolButton::clicked, this, [this] { askExport(true); });

    m_view = new QChartView(this);
    m_view->setObjectName(u"chartView"_s);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(260, 170);
    m_message = new QLabel(this);
    m_message->setObjectName(u"chartMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setEnabled(false); // greyed, like a placeholder
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_view);
    m_hover = new QLabel(this);
    m_hover->setObjectName(u"chartHover"_s);
    m_hover->setTextFormat(Qt::PlainText);
    m_hover->setText(tr("Point at the chart to read its values."));
    QFont small = m_hover->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_hover->setFont(small);
    m_hover->setWordWrap(true);
    m_legend = new ChartLegend(this);
    m_legend->hide();
    connect(m_legend, &ChartLegend::activated, this, &ChartCard::activate);

    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_csv);
    head->addWidget(m_png);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    layout->addLayout(head);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_legend);
    layout->addWidget(m_hover);
    showMessage(tr("Loading…"));
}

void ChartCard::showChart(QChart *chart, const models::MetricsFrame &frame)
{
    QChart *old = m_view->chart();
    m_view->setChart(chart); // the view owns the new chart; the old one is ours to delete
    delete old;
    m_frame = frame;
    m_stack->setCurrentWidget(m_view);
    m_csv->setEnabled(true);
    m_png->setEnabled(true);
}

void ChartCard::setLegendEntries(const QList<ChartLegend::Entry> &entries)
{
    m_legend->setEntries(entries);
}

void ChartCard::showMessage(const QString &message)
{
    m_legend->setEntries({});
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
    m_png->setEnabled(false);
    m_csv->setEnabled(m_frame.has_value());
}

void ChartCard::showEmpty(const models::MetricsFrame &frame, const QString &message)
{
    m_frame = frame;
    showMessage(message);
}

bool ChartCard::isShowingChart() const
{
    return m_stack->currentWidget() == m_view;
}

void ChartCard::setHoverText(const QString &text)
{
    m_hover->setText(text);
    if (!text.isEmpty() && isVisible())
        QToolTip::showText(QCursor::pos(), text, m_view);
}

bool ChartCard::exportCsv(const QString &path, QString *error) const
{
    if (!m_frame) {
        *error = tr("There is no data to export yet.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(models::metricsCsv(*m_frame)) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool ChartCard::exportPng(const QString &path, QString *error) const
{
    if (!isShowingChart()) {
        *error = tr("There is no chart to save.");
        return false;
    }
    if (!exportImage().save(path, "PNG")) {
        *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}

QString ChartCard::rangeText() const
{
    if (!m_frame)
        return {};
    const QLocale locale;
    const auto when = [&locale](qint64 ms) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
    };
    return tr("%1 – %2").arg(when(m_frame->fromMs), when(m_frame->toMs));
}

QImage ChartCard::exportImage() const
{
    const qreal dpr = devicePixelRatioF();
    const QImage chart = m_view->grab().toImage();
    const QImage legend = m_legend->isVisible() ? m_legend->grab().toImage() : QImage();
    QFont bold = m_title->font();
    bold.setBold(true);
    const QFontMetrics titleMetrics(bold), rangeMetrics(font());
    const int width = m_view->width();
    const int pad = 4;
    const int heading = pad + titleMetrics.height() + rangeMetrics.height() + pad;
    const int legendHeight = legend.isNull() ? 0 : m_legend->height();
    QImage image(QSize(width, heading + m_view->height() + legendHeight) * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(palette().color(QPalette::Base));
    QPainter p(&image);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setPen(palette().color(QPalette::Text));
    p.setFont(bold);
    const QString title = titleMetrics.elidedText(m_title->text(), Qt::ElideRight, width - 2 * pad);
    p.drawText(QRect(pad, pad, width - 2 * pad, titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter, title);
    p.setFont(font());
    p.drawText(QRect(pad, pad + titleMetrics.height(), width - 2 * pad, rangeMetrics.height()),
               Qt::AlignLeft | Qt::AlignVCenter, rangeText());
    p.drawImage(QPoint(0, heading), chart);
    if (!legend.isNull())
        p.drawImage(QPoint(0, heading + m_view->height()), legend);
    p.end();
    image.setText(u"Title"_s, m_title->text());
    image.setText(u"Description"_s, rangeText());
    image.setText(u"Software"_s, u"Relaydesk"_s);
    return image;
}

void ChartCard::askExport(bool png)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = u"relaydesk-%1.%2"_s.arg(models::metricPath(m_metric), png ? u"png"_s : u"csv"_s);
    const QString path = QFileDialog::getSaveFileName(this, png ? tr("Save the chart") : tr("Export the chart's data"),
                                                      dir + u'/' + name,
                                                      png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(png ? exportPng(path, &error) : exportCsv(path, &error))) {
        QMessageBox box(QMessageBox::Warning, tr("Export failed"), error, QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    }
}

} // namespace relaydesk::ui

#include "DashboardWindow.h"

#include "ChartCard.h"
#include "ChartFactory.h"
#include "ScreenFit.h"
#include "models/Labels.h"

#include <QChart>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTime>
#include <QVBoxLayout>

namespace relaydesk::ui {

using models::Metric;
using models::MetricsFeed;
using namespace Qt::StringLiterals;

DashboardWindow::DashboardWindow(MetricsFeed *feed, QWidget *parent) : QWidget(parent, Qt::Window), m_feed(feed)
{
    setObjectName(u"dashboardWindow"_s);
    setWindowTitle(tr("Relaydesk — Team dashboard"));

    m_range = new QComboBox(this);
    m_range->setObjectName(u"dashboardRange"_s);
    m_range->addItem(tr("Last hour"), int(MetricsFeed::Range::Hour));
    m_range->addItem(tr("Last 24 hours"), int(MetricsFeed::Range::Day));
    m_range->addItem(tr("Last 7 days"), int(MetricsFeed::Range::Week));
    m_range->addItem(tr("Last 30 days"), int(MetricsFeed::Range::Month));
    m_range->setCurrentIndex(m_range->findData(int(feed->range())));
    auto *rangeLabel = new QLabel(tr("&Range:"), this);
    rangeLabel->setBuddy(m_range);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    refresh->setObjectName(u"dashboardRefresh"_s);
    m_status = new QLabel(this);
    m_status->setObjectName(u"dashboardStatus"_s);
    m_status->setTextFormat(Qt::PlainText);

    auto *top = new QHBoxLayout;
    top->addWidget(rangeLabel);
    top->addWidget(m_range);
    top->addWidget(refresh);
    top->addSpacing(12);
    top->addWidget(m_status, 1);

    const std::pair<Metric, QString> charts[] = {
        {Metric::Queue, tr("Queue depth by state")},
        {Metric::Flow, tr("Inflow vs outflow")},
        {Metric::Causes, tr("Tickets by cause (click to open)")},
        {Metric::Delivery, tr("Send success rate by region (click to open)")},
        {Metric::Response, tr("First response and resolution time")},
        {Metric::Sla, tr("SLA breaches")},
        {Metric::Csat, tr("Satisfaction (CSAT)")},
        {Metric::Agents, tr("Agent load")},
    };
    auto *grid = new QGridLayout;
    grid->setSpacing(6);
    int n = 0;
    for (const auto &[metric, title] : charts) {
        auto *card = new ChartCard(metric, title, this);
        m_cards.insert(int(metric), card);
        grid->addWidget(card, n / 4, n % 4);
        ++n;
    }
    for (int c = 0; c < 4; ++c)
        grid->setColumnStretch(c, 1);
    for (int r = 0; r < 2; ++r)
        grid->setRowStretch(r, 1);
    connect(m_cards.value(int(Metric::Causes)), &ChartCard::keyActivated, this, &DashboardWindow::causeActivated);
    connect(m_cards.value(int(Metric::Delivery)), &ChartCard::keyActivated, this, &DashboardWindow::regionActivated);

    // The cards scroll when the screen is shorter than their drawn minimum (axes and wrapped legends: about
    // 700 px), so the window itself always fits (at 1280x720 its title bar was pushed above the screen).
    auto *cardsPage = new QWidget;
    cardsPage->setLayout(grid);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"dashboardScroll"_s);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(cardsPage);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);

    // Only the charts shown are fetched.
    QList<Metric> wanted;
    for (const auto &[metric, title] : charts)
        wanted.append(metric);
    feed->setMetrics(wanted);

    connect(m_range, &QComboBox::currentIndexChanged, this,
            [this] { m_feed->setRange(MetricsFeed::Range(m_range->currentData().toInt())); });
    connect(refresh, &QPushButton::clicked, feed, &MetricsFeed::refreshNow);
    connect(feed, &MetricsFeed::frameReady, this, &DashboardWindow::onFrame);
    connect(feed, &MetricsFeed::frameFailed, this, &DashboardWindow::onFailed);
    connect(feed, &MetricsFeed::roundStarted, this, [this] {
        if (m_status->text().isEmpty())
            m_status->setText(tr("Loading…"));
    });
    connect(feed, &MetricsFeed::roundFinished, this, [this] {
        m_status->setText(tr("Updated %1 · live").arg(models::timeText(QTime::currentTime())));
    });
    connect(new QShortcut(QKeySequence(Qt::Key_Escape), this), &QShortcut::activated, this, &QWidget::close);
    fitToScreen(this, {1500, 880});
}

void DashboardWindow::onFrame(Metric metric, const models::MetricsFrame &frame)
{
    ChartCard *card = m_cards.value(int(metric));
    if (!card)
        return;
    QString empty;
    if (QChart *chart = buildMetricsChart(frame, card, &empty)) {
        card->showChart(chart, frame);
    } else {
        card->showEmpty(frame, empty);
    }
}

void DashboardWindow::onFailed(Metric metric, const QString &message)
{
    if (ChartCard *card = m_cards.value(int(metric)))
        card->showMessage(tr("Could not load this chart: %1").arg(message));
}

void DashboardWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_feed->setActive(true);
    m_feed->refreshNow();
}

void DashboardWindow::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_feed->setActive(false);
}

} // namespace relaydesk::ui

#pragma once

#include "models/MetricsFeed.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;

namespace relaydesk::ui {

class ChartCard;

// The team lead's dashboard: queue depth, inflow vs outflow, tickets by cause, per-region send success,
// response-time percentiles, SLA breaches, CSAT and agent load over 1 h / 24 h / 7 d / 30 d. Charts follow
// the feed (live while the window is shown); a click on a cause or region drills down to its tickets.
class DashboardWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardWindow)

public:
    explicit DashboardWindow(models::MetricsFeed *feed, QWidget *parent = nullptr);

    ChartCard *card(models::Metric metric) const { return m_cards.value(int(metric)); }
    QList<ChartCard *> cards() const { return m_cards.values(); }
    QComboBox *rangePicker() const { return m_range; }
    QLabel *statusLabel() const { return m_status; }

signals:
    void causeActivated(const QString &cause);   // wire name
    void regionActivated(const QString &region);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onFrame(models::Metric metric, const models::MetricsFrame &frame);
    void onFailed(models::Metric metric, const QString &message);

    models::MetricsFeed *m_feed;
    QComboBox *m_range;
    QLabel *m_status;
    QHash<int, ChartCard *> m_cards;
};

} // namespace relaydesk::ui

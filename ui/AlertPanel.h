#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace relaydesk::models {
class AlertModel;
}

namespace relaydesk::ui {

// The alert list: kind, subject, since, state and detail; Acknowledge for leads and admins (agents see it
// disabled with the reason), the history on demand.
class AlertPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertPanel)

public:
    AlertPanel(models::AlertModel *alerts, bool canAcknowledge, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QPushButton *acknowledgeButton() const { return m_ack; }
    QCheckBox *historyBox() const { return m_history; }
    void setCanAcknowledge(bool can);
    qint64 currentAlertId() const;
    void selectAlert(qint64 id);

signals:
    void notify(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateButtons();

    models::AlertModel *m_alerts;
    QTableView *m_view;
    QPushButton *m_ack;
    QCheckBox *m_history;
    QLabel *m_detail;
    bool m_canAck;
    qint64 m_selected = 0;
};

} // namespace relaydesk::ui

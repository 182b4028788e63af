#pragma once

#include <QToolButton>

namespace relaydesk::models {
class AlertModel;
}

namespace relaydesk::ui {

// The status bar's alert bell: the number of raised (unacknowledged) alerts; a click opens the alert list.
class AlertBell final : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertBell)

public:
    explicit AlertBell(models::AlertModel *alerts, QWidget *parent = nullptr);

    int count() const { return m_count; }

private:
    void setCount(int count);

    int m_count = -1;
};

} // namespace relaydesk::ui

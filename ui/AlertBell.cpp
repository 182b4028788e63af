#include "AlertBell.h"

#include "Colors.h"
#include "models/AlertModel.h"

#include <QIcon>

namespace relaydesk::ui {

AlertBell::AlertBell(models::AlertModel *alerts, QWidget *parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("alertBell"));
    setAutoRaise(true);
    // A drawn bell (resources/icons/bell.svg), not the emoji: without an emoji font it showed as a box.
    setIcon(QIcon(QStringLiteral(":/relaydesk/icons/bell.svg")));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setAccessibleName(tr("Alerts"));
    connect(alerts, &models::AlertModel::raisedCountChanged, this, &AlertBell::setCount);
    setCount(alerts->raisedCount());
}

void AlertBell::setCount(int count)
{
    if (count == m_count)
        return;
    m_count = count;
    setText(count > 0 ? tr("%n alert(s)", nullptr, count) : tr("No alerts"));
    setToolTip(count > 0 ? tr("%n raised alert(s) not acknowledged yet. Click to see them.", nullptr, count)
                         : tr("No raised alerts. Click to see the alert history."));
    QFont f = font();
    f.setBold(count > 0);
    setFont(f);
    QPalette p = palette();
    p.setColor(QPalette::ButtonText, count > 0 ? colors::errorText(p) : palette().color(QPalette::WindowText));
    setPalette(p);
}

} // namespace relaydesk::ui

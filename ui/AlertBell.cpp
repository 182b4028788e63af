#include "AlertBell.h"

#include "models/AlertModel.h"

namespace relaydesk::ui {

AlertBell::AlertBell(models::AlertModel *alerts, QWidget *parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("alertBell"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setAccessibleName(tr("Alerts"));
    connect(alerts, &models::AlertModel::raisedCountChanged, this, &AlertBell::setCount);
    setCount(alerts->raisedCount());
}

void AlertBell::setCount(int count)
{
    if (count == m_count)
        return;
    m_count = count;
    // U+1F514 BELL; the count is the part that matters, so it also stands alone in the tooltip.
    // The bell stays outside tr(): lupdate 6.4 mangles a \U escape, so the text would never match.
    const QString bell = QStringLiteral("\U0001F514 ");
    setText(bell + (count > 0 ? tr("%n alert(s)", nullptr, count) : tr("No alerts")));
    setToolTip(count > 0 ? tr("%n raised alert(s) not acknowledged yet. Click to see them.", nullptr, count)
                         : tr("No raised alerts. Click to see the alert history."));
    QFont f = font();
    f.setBold(count > 0);
    setFont(f);
    QPalette p = palette();
    p.setColor(QPalette::ButtonText, count > 0 ? QColor(0xc0, 0x20, 0x20) : palette().color(QPalette::WindowText));
    setPalette(p);
}

} // namespace relaydesk::ui

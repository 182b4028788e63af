#include "CauseSwatchDelegate.h"

#include "Colors.h"

#include <QWidget>

namespace relaydesk::ui {

CauseSwatchDelegate::CauseSwatchDelegate(CauseOf causeOf, QObject *parent)
    : QStyledItemDelegate(parent), m_causeOf(std::move(causeOf))
{
}

void CauseSwatchDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const std::optional<Cause> cause = m_causeOf(index);
    if (!cause)
        return;
    const int size = option->fontMetrics.height() * 3 / 4;
    const qreal dpr = option->widget ? option->widget->devicePixelRatioF() : 1.0;
    option->features |= QStyleOptionViewItem::HasDecoration;
    const QPixmap swatch = causeSwatch(*cause, size, dpr);
    QIcon icon(swatch);
    icon.addPixmap(swatch, QIcon::Selected); // keeps its colour in a selected row (styles tint it otherwise)
    option->icon = icon;
    option->decorationSize = QSize(size, size);
}

} // namespace relaydesk::ui

#pragma once

#include "core/Enums.h"

#include <QStyledItemDelegate>

#include <functional>
#include <optional>

namespace relaydesk::ui {

// Paints a swatch of a cause's colour (ui::causeColor, the colour of its badge and of its bars on the
// dashboard) before the text of the items that name a cause; `causeOf` says which those are.
class CauseSwatchDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CauseSwatchDelegate)

public:
    using CauseOf = std::function<std::optional<Cause>(const QModelIndex &)>;
    CauseSwatchDelegate(CauseOf causeOf, QObject *parent);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    CauseOf m_causeOf;
};

} // namespace relaydesk::ui

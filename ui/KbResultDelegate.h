#pragma once

#include <QStyledItemDelegate>

namespace relaydesk::ui {

// Paints a KB result as its title (plain text) over its snippet, whose matched terms are bold. The snippet's
// HTML comes from KbResultsModel::SnippetHtmlRole: escaped text and <b> only.
class KbResultDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KbResultDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace relaydesk::ui

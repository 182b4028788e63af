#include "KbResultDelegate.h"

#include "models/KbResultsModel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace relaydesk::ui {

using models::KbResultsModel;

namespace {

constexpr int kMargin = 4;

// The snippet as a document: the model's escaped HTML (bold marks only) in the item's font, no resources.
void prepare(QTextDocument &doc, const QStyleOptionViewItem &option, const QModelIndex &index, int width)
{
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(0);
    doc.setHtml(index.data(KbResultsModel::SnippetHtmlRole).toString());
    doc.setTextWidth(std::max(40, width));
}

} // namespace

void KbResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect area = opt.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    QFont titleFont = opt.font;
    titleFont.setBold(true);
    const QFontMetrics titleMetrics(titleFont);
    painter->save();
    painter->setFont(titleFont);
    painter->setPen(opt.palette.color(textRole));
    const QString title =
        titleMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, area.width());
    painter->drawText(QRect(area.left(), area.top(), area.width(), titleMetrics.height()),
                      Qt::AlignLeft | Qt::TextSingleLine, title);

    QTextDocument doc;
    prepare(doc, opt, index, area.width());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = opt.palette;
    context.palette.setColor(QPalette::Text,
                             opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->translate(area.left(), area.top() + titleMetrics.height() + 2);
    context.clip = QRectF(0, 0, area.width(), area.height() - titleMetrics.height() - 2);
    painter->setClipRect(context.clip);
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize KbResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int width = opt.rect.width() > 0 ? opt.rect.width() : 320;
    QTextDocument doc;
    prepare(doc, opt, index, width - 2 * kMargin);
    QFont titleFont = opt.font;
    titleFont.setBold(true);
    const int snippet = std::min(int(doc.size().height()), 4 * QFontMetrics(opt.font).lineSpacing());
    return {width, QFontMetrics(titleFont).height() + 2 + snippet + 2 * kMargin};
}

} // namespace relaydesk::ui

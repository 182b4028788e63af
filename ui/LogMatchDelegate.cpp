#include "LogMatchDelegate.h"

#include "models/LogTableModel.h"

#include <QApplication>
#include <QPainter>

namespace relaydesk::ui {

namespace {
constexpr int kMaxOccurrences = 64; // per cell: enough to see, bounded for pathological lines
}

LogMatchDelegate::LogMatchDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void LogMatchDelegate::setQuery(const LogSearchQuery &query)
{
    m_query = query;
    m_regex = QRegularExpression();
    if (query.regex && !query.pattern.isEmpty()) {
        m_regex.setPattern(query.pattern);
        m_regex.setPatternOptions(query.caseSensitive ? QRegularExpression::NoPatternOption
                                                      : QRegularExpression::CaseInsensitiveOption);
    }
}

QList<std::pair<int, int>> LogMatchDelegate::occurrences(const QString &text) const
{
    QList<std::pair<int, int>> ranges;
    if (m_query.pattern.isEmpty() || text.isEmpty())
        return ranges;
    if (m_query.regex) {
        if (!m_regex.isValid())
            return ranges;
        auto it = m_regex.globalMatch(text);
        while (it.hasNext() && ranges.size() < kMaxOccurrences) {
            const auto m = it.next();
            if (m.capturedLength() > 0)
                ranges.append({int(m.capturedStart()), int(m.capturedLength())});
        }
        return ranges;
    }
    const Qt::CaseSensitivity cs = m_query.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    qsizetype from = 0;
    while (ranges.size() < kMaxOccurrences) {
        const qsizetype at = text.indexOf(m_query.pattern, from, cs);
        if (at < 0)
            break;
        ranges.append({int(at), int(m_query.pattern.size())});
        from = at + m_query.pattern.size();
    }
    return ranges;
}

void LogMatchDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (m_query.pattern.isEmpty() || !index.data(models::LogTableModel::MatchRole).toBool())
        return QStyledItemDelegate::paint(painter, option, index);
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QString text = opt.text;
    const auto ranges = occurrences(text);
    if (ranges.isEmpty())
        return QStyledItemDelegate::paint(painter, option, index);

    // Background, selection and focus as usual, then the text ourselves with the occurrences marked.
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    QRect r = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, opt.widget) + 1;
    r.adjust(margin, 0, -margin, 0);

    painter->save();
    painter->setClipRect(r);
    painter->setFont(opt.font);
    const QFontMetrics fm(opt.font);
    const int top = r.top() + (r.height() - fm.height()) / 2;
    for (const auto &[start, length] : ranges) {
        const int x = r.left() + fm.horizontalAdvance(text.left(start));
        if (x > r.right())
            break;
        const int w = fm.horizontalAdvance(text.mid(start, length));
        painter->fillRect(QRect(x, top, w, fm.height()), QColor(255, 200, 0, 190));
    }
    const bool selected = opt.state & QStyle::State_Selected;
    QColor pen = selected ? opt.palette.color(QPalette::HighlightedText) : opt.palette.color(QPalette::Text);
    const QVariant foreground = index.data(Qt::ForegroundRole);
    if (!selected && foreground.canConvert<QBrush>())
        pen = foreground.value<QBrush>().color();
    painter->setPen(pen);
    painter->drawText(QRect(r.left(), top, r.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      text);
    painter->restore();
}

} // namespace relaydesk::ui

#include "LogMatchDelegate.h"

#include "Colors.h"
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
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    QString text = opt.text;
    // Background, selection and focus as the style draws them; the text ourselves, so that only what can show
    // is laid out (log lines can be very long: shaping a whole line per cell stalled the UI thread) and the
    // search's occurrences are marked.
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    if (text.isEmpty())
        return;
    QRect r = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, opt.widget) + 1;
    r.adjust(margin, 0, -margin, 0);
    if (r.width() <= 0)
        return;
    const QFontMetrics fm(opt.font);
    // A character is never narrower than the fixed font's cell, so this many always cover the width.
    const int fits = r.width() / qMax(1, fm.horizontalAdvance(QLatin1Char('.'))) + 2;
    const bool clipped = text.size() > fits;
    if (clipped)
        text.truncate(fits); // what is cut here lies beyond the cell's edge; the elision mark still shows
    const QString shown = fm.elidedText(text + (clipped ? QStringLiteral("…") : QString()), Qt::ElideRight, r.width());

    painter->save();
    painter->setClipRect(r);
    painter->setFont(opt.font);
    const int top = r.top() + (r.height() - fm.height()) / 2;
    const bool leftAligned = !(opt.displayAlignment & (Qt::AlignRight | Qt::AlignHCenter));
    if (leftAligned && !m_query.pattern.isEmpty() && index.data(models::LogTableModel::MatchRole).toBool()) {
        for (const auto &[start, length] : occurrences(shown)) {
            const int x = r.left() + fm.horizontalAdvance(shown.left(start));
            if (x > r.right())
                break;
            painter->fillRect(QRect(x, top, fm.horizontalAdvance(shown.mid(start, length)), fm.height()),
                              colors::searchHit(opt.palette));
        }
    }
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const Qt::Alignment horizontal = leftAligned ? Qt::AlignLeft : (opt.displayAlignment & Qt::AlignHorizontal_Mask);
    painter->drawText(QRect(r.left(), top, r.width(), fm.height()), int(horizontal | Qt::AlignVCenter) | Qt::TextSingleLine,
                      shown);
    painter->restore();
}

} // namespace relaydesk::ui

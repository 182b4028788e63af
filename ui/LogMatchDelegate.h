#pragma once

#include "core/logs/LogSearch.h"

#include <QList>
#include <QRegularExpression>
#include <QStyledItemDelegate>

namespace relaydesk::ui {

// Paints log cells as plain text, laying out only the characters that can show in the cell (log lines can
// be kilobytes long), with the current search's occurrences highlighted inside the text (the row of a
// matching line is tinted by the model; this marks where in it).
class LogMatchDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogMatchDelegate)

public:
    explicit LogMatchDelegate(QObject *parent = nullptr);

    void setQuery(const LogSearchQuery &query); // an empty pattern turns highlighting off
    // The [start, length) ranges of the query's occurrences in one cell's text (non-overlapping, ascending).
    QList<std::pair<int, int>> occurrences(const QString &text) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    LogSearchQuery m_query;
    QRegularExpression m_regex; // valid only for regex queries
};

} // namespace relaydesk::ui

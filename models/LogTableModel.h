#pragma once

#include "core/LogLine.h"
#include "core/logs/LogDocument.h"
#include "core/logs/LogPattern.h"
#include "core/logs/LogSearch.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QCache>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

namespace relaydesk {
class LogSearchJob;
}

namespace relaydesk::models {

// Which lines the log view shows: a minimum level, a tag substring and a time range. Times are bounds in the
// log's own notation, compared as prefixes of each line's timestamp ("03-17 16:14" as `to` keeps that whole
// minute); lines without a time inherit the previous line's.
struct LogFilter
{
    LogLevel minLevel = LogLevel::Unknown; // Unknown: every level
    QString tag;
    QString fromTime;
    QString toTime;

    bool isActive() const
    {
        return minLevel != LogLevel::Unknown || !tag.isEmpty() || !fromTime.isEmpty() || !toTime.isEmpty();
    }
    bool timeInRange(const QString &time) const;
};

// The device log as a table: one row per line, columns by format (time, level, pid, tid, tag, message).
// Lines are indexed off the UI thread and rows appear as the index grows; only the rows a view asks for
// are decoded and parsed (with a small cache). Level/tag filters and search run off the UI thread.
class LogTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogTableModel)

public:
    enum Column { Line, Time, Level, Pid, Tid, Tag, Message, ColumnCount };
    enum Role { LineNumberRole = Qt::UserRole + 1, MatchRole, MarkedRole };

    explicit LogTableModel(QObject *parent = nullptr);
    ~LogTableModel() override;

    // The colours of marked and matching lines' backgrounds and of error and warning text; the view sets
    // them from its palette (an invalid colour: none).
    struct LineColors
    {
        QColor marked, match, error, warning;
    };
    void setLineColors(const LineColors &colors);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setLog(const QByteArray &bytes);
    // Memory-maps the file (nothing is read until a line is shown or searched). False with a translated
    // error naming the file when it cannot be opened; the model is then empty.
    bool setLogFile(const QString &path, QString *error);
    void clear();
    bool isIndexed() const;
    qint64 lineCount() const; // lines indexed so far (all lines once indexed)
    LogFormat format() const;
    qint64 byteSize() const;

    // Filters (the view then shows only matching lines, once computed off the UI thread: filterFinished()).
    void setFilter(const LogFilter &filter);
    const LogFilter &filter() const { return m_filter; }
    bool isFiltered() const { return m_filtered; }

    // Patterns mode: groups every line into templates (variable parts masked) off the UI thread;
    // patternsReady() brings them ordered errors and rare first. Then the view can show one pattern's lines.
    void computePatterns();
    void setPatternFilter(int patternId); // -1: all lines
    int patternFilter() const { return m_patternFilter; }
    int patternOfLine(qint64 line) const;

    // Search (literal or regex, case option), off the UI thread with progress; cancellable.
    void search(const LogSearchQuery &query);
    void cancelSearch();
    const QList<qint64> &matches() const { return m_matches; } // 0-based lines, ascending
    // The row of the next / previous match after / before `row` (wrapping), or -1.
    int nextMatchRow(int row, bool forward) const;

    // Lines marked as the diagnosis's evidence (1-based, as in the diagnosis).
    void setMarkedLines(const QSet<int> &lines);

    // 0-based line <-> row, -1 when the line is filtered out.
    int rowOfLine(qint64 line) const;
    qint64 lineOfRow(int row) const;
    QString lineText(qint64 line) const;

signals:
    void indexingProgress(qint64 linesReady, bool finished);
    void searchProgress(int permille);
    void searchFinished(int matchCount, bool cancelled);
    void searchFailed(const QString &error);
    void filterFinished();
    void patternsReady(const QList<relaydesk::LogPattern> &patterns);

private:
    const LogLine &parsed(qint64 line) const;
    void growRows();

    std::shared_ptr<LogDocument> m_document; // shared with a running filter task
    QTimer m_poll;
    qint64 m_rows = 0; // rows announced to views (unfiltered)
    bool m_filtered = false;
    std::vector<qint64> m_visible; // filtered: the lines shown
    std::vector<int> m_patternOfLine;
    int m_patternFilter = -1;
    QList<qint64> m_matches;
    QSet<qint64> m_matchSet;
    QSet<int> m_marked;
    LineColors m_colors;
    QPointer<LogSearchJob> m_search;
    mutable QCache<qint64, LogLine> m_cache{4000};
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_stale = std::make_shared<std::atomic<bool>>(false); // set when a log closes
    LogFilter m_filter;
    quint64 m_filterSerial = 0;
};

} // namespace relaydesk::models

#include "LogTableModel.h"

#include "Labels.h"
#include "core/logs/LogSearchJob.h"
#include "core/logs/PatternGrouper.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace relaydesk::models {

namespace {
QString levelText(LogLevel level)
{
    switch (level) {
    case LogLevel::Verbose: return QStringLiteral("V");
    case LogLevel::Debug: return QStringLiteral("D");
    case LogLevel::Info: return QStringLiteral("I");
    case LogLevel::Warning: return QStringLiteral("W");
    case LogLevel::Error: return QStringLiteral("E");
    case LogLevel::Fatal: return QStringLiteral("F");
    case LogLevel::Unknown: break;
    }
    return {};
}
// Waits (on a worker thread) until the document is fully indexed. Polls rather than joining the indexing
// thread, which only its owner may do. False when indexing was cancelled or the model moved on.
bool awaitIndex(const LogDocument &document, const std::atomic<bool> &stale)
{
    while (!document.isIndexed()) {
        if (document.index().isCancelled() || stale.load(std::memory_order_relaxed))
            return false;
        QThread::msleep(5);
    }
    return true;
}
} // namespace

bool LogFilter::timeInRange(const QString &time) const
{
    // Timestamps compare as written (logcat "MM-DD HH:MM:SS.mmm", ISO dates, electron): a bound is a prefix
    // of that form, so "03-17 16:14" admits every line of that minute as an upper bound.
    if (fromTime.isEmpty() && toTime.isEmpty())
        return true;
    if (time.isEmpty())
        return false;
    if (!fromTime.isEmpty() && QStringView(time).left(fromTime.size()).compare(fromTime) < 0)
        return false;
    if (!toTime.isEmpty() && QStringView(time).left(toTime.size()).compare(toTime) > 0)
        return false;
    return true;
}

LogTableModel::LogTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_poll.setInterval(40);
    connect(&m_poll, &QTimer::timeout, this, &LogTableModel::growRows);
}

LogTableModel::~LogTableModel()
{
    delete m_search; // its destructor stops the search thread, which reads the document's index
}

int LogTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_filtered ? qint64(m_visible.size()) : m_rows);
}

int LogTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

bool LogTableModel::isIndexed() const { return !m_document || m_document->isIndexed(); }
qint64 LogTableModel::lineCount() const { return m_document ? m_document->linesReady() : 0; }
LogFormat LogTableModel::format() const { return m_document ? m_document->format() : LogFormat::Text; }
qint64 LogTableModel::byteSize() const { return m_document ? m_document->bytes().size() : 0; }

qint64 LogTableModel::lineOfRow(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return m_filtered ? m_visible[std::size_t(row)] : row;
}

int LogTableModel::rowOfLine(qint64 line) const
{
    if (!m_filtered)
        return line >= 0 && line < m_rows ? int(line) : -1;
    const auto it = std::lower_bound(m_visible.begin(), m_visible.end(), line);
    return it != m_visible.end() && *it == line ? int(it - m_visible.begin()) : -1;
}

QString LogTableModel::lineText(qint64 line) const
{
    return m_document && line >= 0 && line < m_document->linesReady() ? m_document->lineText(line) : QString();
}

const LogLine &LogTableModel::parsed(qint64 line) const
{
    if (LogLine *hit = m_cache.object(line))
        return *hit;
    auto *entry = new LogLine(m_document->parsedLine(line));
    m_cache.insert(line, entry);
    return *entry;
}

void LogTableModel::setLineColors(const LineColors &colors)
{
    m_colors = colors;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::BackgroundRole, Qt::ForegroundRole});
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const
{
    const qint64 line = index.isValid() ? lineOfRow(index.row()) : -1;
    if (line < 0 || !m_document)
        return {};
    switch (role) {
    case LineNumberRole: return line + 1;
    case MatchRole: return m_matchSet.contains(line);
    case MarkedRole: return m_marked.contains(int(line + 1));
    case Qt::BackgroundRole:
        if (m_marked.contains(int(line + 1)) && m_colors.marked.isValid())
            return QBrush(m_colors.marked);
        if (m_matchSet.contains(line) && m_colors.match.isValid())
            return QBrush(m_colors.match);
        return {};
    case Qt::ForegroundRole: {
        if (index.column() != Level && index.column() != Message)
            return {};
        const LogLevel level = parsed(line).level;
        if ((level == LogLevel::Error || level == LogLevel::Fatal) && m_colors.error.isValid())
            return QBrush(m_colors.error);
        if (level == LogLevel::Warning && m_colors.warning.isValid())
            return QBrush(m_colors.warning);
        return {};
    }
    case Qt::TextAlignmentRole:
        return index.column() == Line || index.column() == Pid || index.column() == Tid
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        if (role == Qt::ToolTipRole && index.column() != Message)
            return {};
        if (index.column() == Line)
            return line + 1;
        const LogLine &l = parsed(line);
        switch (index.column()) {
        case Time: return l.time;
        case Level: return levelText(l.level);
        case Pid: return l.pid >= 0 ? QVariant(l.pid) : QVariant();
        case Tid: return l.tid >= 0 ? QVariant(l.tid) : QVariant();
        case Tag: return l.tag;
        case Message: {
            QString text = l.message;
            text.replace(QChar(u'\0'), QChar(0x2400)); // NUL shown, never cutting the text
            return role == Qt::ToolTipRole ? text.left(2000) : text;
        }
        default: return {};
        }
    }
    default: return {};
    }
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Line: return tr("Line");
    case Time: return tr("Time");
    case Level: return tr("Level");
    case Pid: return tr("PID");
    case Tid: return tr("TID");
    case Tag: return tr("Tag");
    case Message: return tr("Message");
    default: return {};
    }
}

void LogTableModel::clear()
{
    delete m_search; // stops and joins before the index it reads goes away
    beginResetModel();
    ++m_generation;
    m_stale->store(true);
    m_stale = std::make_shared<std::atomic<bool>>(false);
    m_filter = {};
    m_poll.stop();
    m_document.reset();
    m_cache.clear();
    m_rows = 0;
    m_filtered = false;
    m_visible.clear();
    m_patternOfLine.clear();
    m_patternFilter = -1;
    m_matches.clear();
    m_matchSet.clear();
    m_marked.clear();
    endResetModel();
}

void LogTableModel::setLog(const QByteArray &bytes)
{
    clear();
    m_document = std::make_shared<LogDocument>();
    m_document->openBytes(bytes);
    growRows();
    if (!m_document->isIndexed())
        m_poll.start();
}

bool LogTableModel::setLogFile(const QString &path, QString *error)
{
    clear();
    auto document = std::make_shared<LogDocument>();
    if (!document->open(path, error))
        return false;
    m_document = std::move(document);
    growRows();
    if (!m_document->isIndexed())
        m_poll.start();
    return true;
}

void LogTableModel::growRows()
{
    if (!m_document)
        return;
    const qint64 ready = m_document->linesReady();
    const bool done = m_document->isIndexed();
    if (!m_filtered && ready > m_rows) {
        beginInsertRows({}, int(m_rows), int(ready) - 1);
        m_rows = ready;
        endInsertRows();
    } else if (m_filtered) {
        m_rows = ready;
    }
    if (done)
        m_poll.stop();
    emit indexingProgress(ready, done);
}

void LogTableModel::setFilter(const LogFilter &filter)
{
    if (!m_document)
        return;
    m_filter = filter;
    const quint64 serial = ++m_filterSerial; // a newer filter wins over one still being computed
    if (!filter.isActive()) {
        beginResetModel();
        m_filtered = false;
        m_visible.clear();
        m_rows = m_document->linesReady();
        endResetModel();
        emit filterFinished();
        return;
    }
    // Parsing every line takes a while on big logs: do it off the UI thread (which never waits for the
    // index), then swap the rows in.
    const quint64 generation = m_generation;
    std::shared_ptr<LogDocument> document = m_document;
    auto *watcher = new QFutureWatcher<std::optional<std::vector<qint64>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, serial] {
        watcher->deleteLater();
        auto visible = watcher->future().takeResult(); // moved, not copied: millions of line numbers
        if (generation != m_generation || serial != m_filterSerial || !visible)
            return; // another log was opened, or another filter asked for, meanwhile
        beginResetModel();
        m_filtered = true;
        m_visible = std::move(*visible);
        m_rows = m_document->linesReady();
        endResetModel();
        emit filterFinished();
    });
    watcher->setFuture(QtConcurrent::run([document, filter, stale = m_stale]() -> std::optional<std::vector<qint64>> {
        if (!awaitIndex(*document, *stale))
            return std::nullopt;
        std::vector<qint64> visible;
        const qint64 n = document->linesReady();
        QString time; // lines without a time (stack traces, continuations) take their predecessor's
        for (qint64 i = 0; i < n; ++i) {
            if ((i & 0xffff) == 0 && stale->load(std::memory_order_relaxed))
                return std::nullopt;
            const LogLine l = document->parsedLine(i);
            if (!l.time.isEmpty())
                time = l.time;
            if (filter.minLevel != LogLevel::Unknown && int(l.level) < int(filter.minLevel))
                continue;
            if (!filter.tag.isEmpty() && !l.tag.contains(filter.tag, Qt::CaseInsensitive))
                continue;
            if (!filter.timeInRange(time))
                continue;
            visible.push_back(i);
        }
        return visible;
    }));
}

int LogTableModel::patternOfLine(qint64 line) const
{
    return line >= 0 && std::size_t(line) < m_patternOfLine.size() ? m_patternOfLine[std::size_t(line)] : -1;
}

void LogTableModel::computePatterns()
{
    if (!m_document)
        return;
    struct Grouped
    {
        QList<LogPattern> patterns;
        std::vector<int> patternOfLine;
    };
    const quint64 generation = m_generation;
    std::shared_ptr<LogDocument> document = m_document;
    auto *watcher = new QFutureWatcher<Grouped>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        Grouped grouped = watcher->result();
        m_patternOfLine = std::move(grouped.patternOfLine);
        emit patternsReady(grouped.patterns);
    });
    watcher->setFuture(QtConcurrent::run([document, stale = m_stale] {
        Grouped out;
        if (!awaitIndex(*document, *stale))
            return out;
        PatternGrouper grouper;
        const qint64 n = document->linesReady();
        out.patternOfLine.reserve(std::size_t(n));
        for (qint64 i = 0; i < n; ++i)
            out.patternOfLine.push_back(grouper.addLine(document->parsedLine(i)));
        out.patterns = grouper.patterns();
        PatternGrouper::sortErrorsAndRareFirst(out.patterns);
        return out;
    }));
}

void LogTableModel::setPatternFilter(int patternId)
{
    if (!m_document)
        return;
    ++m_filterSerial;
    beginResetModel();
    m_patternFilter = patternId;
    m_filtered = patternId >= 0;
    m_visible.clear();
    if (m_filtered) {
        for (std::size_t i = 0; i < m_patternOfLine.size(); ++i) {
            if (m_patternOfLine[i] == patternId)
                m_visible.push_back(qint64(i));
        }
    }
    m_rows = m_document->linesReady();
    endResetModel();
    emit filterFinished();
}

void LogTableModel::search(const LogSearchQuery &query)
{
    delete m_search;
    if (!m_document)
        return;
    auto *job = new LogSearchJob(m_document->index(), query, this);
    m_search = job;
    connect(job, &LogSearchJob::progress, this, &LogTableModel::searchProgress);
    connect(job, &LogSearchJob::failed, this, [this, job](const QString &error) {
        job->deleteLater();
        emit searchFailed(error);
    });
    connect(job, &LogSearchJob::finished, this, [this, job](const QList<qint64> &lines, bool cancelled) {
        job->deleteLater();
        m_matches = lines;
        m_matchSet = QSet<qint64>(lines.cbegin(), lines.cend());
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::BackgroundRole, MatchRole});
        emit searchFinished(int(lines.size()), cancelled);
    });
    job->start();
}

void LogTableModel::cancelSearch()
{
    if (m_search)
        m_search->cancel();
}

int LogTableModel::nextMatchRow(int row, bool forward) const
{
    if (m_matches.isEmpty())
        return -1;
    const qint64 line = lineOfRow(row);
    const int n = int(m_matches.size());
    // The first visible match after (or before) the current line, wrapping around once.
    int start = int(forward ? std::upper_bound(m_matches.cbegin(), m_matches.cend(), line) - m_matches.cbegin()
                            : std::lower_bound(m_matches.cbegin(), m_matches.cend(), line) - m_matches.cbegin() - 1);
    for (int k = 0; k < n; ++k) {
        const int i = ((forward ? start + k : start - k) % n + n) % n;
        const int r = rowOfLine(m_matches.at(i));
        if (r >= 0)
            return r;
    }
    return -1;
}

void LogTableModel::setMarkedLines(const QSet<int> &lines)
{
    m_marked = lines;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::BackgroundRole, MarkedRole});
}

} // namespace relaydesk::models

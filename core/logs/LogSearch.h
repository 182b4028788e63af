#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace relaydesk {

class LineIndex;

// What to look for in a log. A line matches when its text (without the \n or \r\n terminator) contains the
// literal, or when the regex (QRegularExpression syntax, multiline: ^ and $ match at the line's ends) finds a
// match in it. Case-insensitive literals fold ASCII letters (like grep -i in the C locale); a literal with
// non-ASCII letters is searched as an escaped case-insensitive regex. An empty literal matches every line;
// a literal holding \n matches none.
struct LogSearchQuery
{
    QString pattern;
    bool regex = false;
    bool caseSensitive = true;
};

struct LogSearchResult
{
    QList<qint64> lines;    // 0-based line numbers of the matching lines, ascending, unique
    bool cancelled = false; // stopped early: lines holds only part of the matches
    QString error;          // non-empty: invalid regex, nothing was searched
};

// Searches the lines of a LineIndex in parallel: the ready lines are cut into ranges of about taskBytes
// (at line boundaries) that worker threads take in turn. Literals are found with an SSE2 first/last-byte
// filter over the raw bytes (ASCII-folded for -i) and each hit mapped to its line via the index, skipping the
// rest of that line; regexes run over whole ranges converted to UTF-16 when the pattern and the range allow
// it (no lookaround, \A, \z, \G or \K; no \r in the range; a match spanning lines is re-checked on its first
// line alone) and line by line otherwise. A case-sensitive regex with evident required literals only
// converts and matches the lines holding the rarest of them (counted on the first MiB). Results equal
// matching every line on its own.
class LogSearch final
{
public:
    // Called after each range from a worker thread (serialised): bytes searched so far and the total.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    LogSearch(const LineIndex &index, LogSearchQuery query);

    void setThreads(int threads) { m_threads = qMax(1, threads); } // default: QThread::idealThreadCount()
    void setTaskBytes(qint64 bytes) { m_taskBytes = qMax<qint64>(1, bytes); } // default 1 MiB
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    // Searches the lines ready in the index now, blocking the caller until done (the caller's thread is one
    // of the workers). Set *cancel to stop early; the result then says cancelled.
    LogSearchResult run(const std::atomic<bool> *cancel = nullptr) const;

    // Whether a regex can run over many lines at once (see above); exposed for tests.
    static bool isMultilineSafe(const QString &regex);
    // The longest literal (>= 3 bytes, UTF-8) every match of a case-sensitive regex must contain, empty
    // when none is evident (alternation and groups give none). Lines without it are never converted or
    // matched; exposed for tests.
    static QByteArray requiredLiteral(const QString &regex);
    // All such literals; the search uses the one found on the fewest lines of the log's first MiB.
    static QList<QByteArray> requiredLiterals(const QString &regex);

private:
    const LineIndex &m_index;
    LogSearchQuery m_query;
    int m_threads;
    qint64 m_taskBytes = 1 << 20;
    Progress m_progress;
};

} // namespace relaydesk

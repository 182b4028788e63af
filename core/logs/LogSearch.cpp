#include "LogSearch.h"

#include "LineIndex.h"

#include <QRegularExpression>
#include <QThread>

#include <bit>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace relaydesk {

using namespace Qt::StringLiterals;

namespace {

// A range of whole lines: lines [firstLine, endLine), bytes [begin, end) including terminators.
struct Task
{
    qint64 firstLine;
    qint64 endLine;
    qint64 begin;
    qint64 end;
};

constexpr char foldAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool isAscii(const QByteArray &bytes)
{
    for (char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

// Finds a needle (non-empty; folded to lower case when fold) by testing its first and last bytes at
// 16 positions at once (SSE2), then comparing the candidates in full. With fold, ASCII letters match either
// case: a byte OR 0x20 equals the needle byte OR 0x20 is a necessary condition for both.
class PairNeedle final
{
public:
    PairNeedle(const QByteArray &needle, bool fold) : m_needle(needle), m_fold(fold) {}

    const char *find(const char *hay, std::size_t n) const
    {
        const std::size_t m = std::size_t(m_needle.size());
        if (m > n)
            return nullptr;
        const char *needle = m_needle.constData();
        std::size_t i = 0;
#ifdef __SSE2__
        const char mask = m_fold ? char(0x20) : char(0);
        const __m128i orMask = _mm_set1_epi8(mask);
        const __m128i first = _mm_set1_epi8(char(needle[0] | mask));
        const __m128i last = _mm_set1_epi8(char(needle[m - 1] | mask));
        for (; i + m - 1 + 16 <= n; i += 16) {
            const __m128i a =
                _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i *>(hay + i)), orMask);
            const __m128i b =
                _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i *>(hay + i + m - 1)), orMask);
            unsigned bits =
                unsigned(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
            while (bits) {
                const std::size_t at = i + std::size_t(std::countr_zero(bits));
                if (equalAt(hay + at))
                    return hay + at;
                bits &= bits - 1;
            }
        }
#endif
        for (; i + m <= n; ++i) {
            if (equalAt(hay + i))
                return hay + i;
        }
        return nullptr;
    }

private:
    bool equalAt(const char *p) const
    {
        const qsizetype m = m_needle.size();
        if (!m_fold)
            return std::memcmp(p, m_needle.constData(), std::size_t(m)) == 0;
        for (qsizetype j = 0; j < m; ++j) {
            if (foldAscii(p[j]) != m_needle[j])
                return false;
        }
        return true;
    }

    QByteArray m_needle;
    bool m_fold;
};

bool stopped(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// Literal: find hits in the raw bytes, map each to its line, continue at the next line.
template <typename Find>
void searchBytes(const LineIndex &index, const Task &task, Find &&find, std::vector<qint64> &out)
{
    const char *data = index.data().data();
    qint64 hint = task.firstLine;
    for (qint64 pos = task.begin; pos < task.end;) {
        const char *hit = find(data + pos, std::size_t(task.end - pos));
        if (!hit)
            break;
        const qint64 at = hit - data;
        hint = index.lineAt(at, hint);
        out.push_back(hint);
        const void *nl = std::memchr(hit, '\n', std::size_t(task.end - at));
        if (!nl)
            break;
        pos = static_cast<const char *>(nl) - data + 1;
    }
}

// Matches single lines, widening ASCII lines into one reused UTF-16 buffer (no allocation per line);
// other lines go through QString::fromUtf8 (invalid UTF-8 as U+FFFD, as everywhere else).
class LineMatcher final
{
public:
    explicit LineMatcher(const QRegularExpression &re) : m_re(re) {}

    bool matches(const char *line, qint64 length)
    {
        if (m_buffer.size() < length)
            m_buffer.resize(length);
        char16_t *out = reinterpret_cast<char16_t *>(m_buffer.data());
        for (qint64 i = 0; i < length; ++i) {
            const auto c = static_cast<unsigned char>(line[i]);
            if (c >= 0x80)
                return m_re.match(QString::fromUtf8(line, length)).hasMatch();
            out[i] = c;
        }
        return m_re
            .match(QStringView(out, length), 0, QRegularExpression::NormalMatch,
                   QRegularExpression::DontCheckSubjectStringMatchOption)
            .hasMatch();
    }

private:
    const QRegularExpression &m_re;
    QString m_buffer;
};

// Regex, one line at a time.
void searchLines(const LineIndex &index, const Task &task, const QRegularExpression &re,
                 std::vector<qint64> &out, const std::atomic<bool> *cancel)
{
    const char *data = index.data().data();
    LineMatcher matcher(re);
    for (qint64 n = task.firstLine; n < task.endLine; ++n) {
        if ((n & 4095) == 0 && stopped(cancel))
            return;
        const LineIndex::Range r = index.lineRange(n);
        if (matcher.matches(data + r.offset, r.length))
            out.push_back(n);
    }
}

// Regex over the whole range at once (the range has no \r; the pattern is multiline-safe).
void searchChunk(const LineIndex &index, const Task &task, const QRegularExpression &re,
                 std::vector<qint64> &out)
{
    const QString text = QString::fromUtf8(index.data().data() + task.begin, task.end - task.begin);
    const qsizetype size = text.size();
    const bool endsWithNewline = size > 0 && text.back() == u'\n';
    qint64 line = task.firstLine;
    qsizetype lineStart = 0;
    while (lineStart < size) {
        const QRegularExpressionMatch m =
            re.match(text, lineStart, QRegularExpression::NormalMatch,
                     QRegularExpression::DontCheckSubjectStringMatchOption); // fromUtf8 output is valid
        if (!m.hasMatch())
            break;
        const qsizetype s = m.capturedStart();
        if (s >= size && endsWithNewline)
            break; // ^ or $ after the last terminator: not a line
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        while (lineEnd >= 0 && lineEnd < s) {
            lineStart = lineEnd + 1;
            ++line;
            lineEnd = text.indexOf(u'\n', lineStart);
        }
        bool matches = true;
        if (lineEnd >= 0 && m.capturedEnd() > lineEnd) // the match runs past this line: check it alone
            matches = re.match(QStringView(text).sliced(lineStart, lineEnd - lineStart)).hasMatch();
        if (matches)
            out.push_back(line);
        if (lineEnd < 0)
            break;
        lineStart = lineEnd + 1;
        ++line;
    }
}

// Regex: lines holding the required literal are matched on their own, the rest are skipped.
void searchCandidates(const LineIndex &index, const Task &task, const PairNeedle &required,
                      const QRegularExpression &re, std::vector<qint64> &out)
{
    const char *data = index.data().data();
    LineMatcher matcher(re);
    qint64 hint = task.firstLine;
    for (qint64 pos = task.begin; pos < task.end;) {
        const char *hit = required.find(data + pos, std::size_t(task.end - pos));
        if (!hit)
            break;
        hint = index.lineAt(hit - data, hint);
        const LineIndex::Range r = index.lineRange(hint);
        if (matcher.matches(data + r.offset, r.length))
            out.push_back(hint);
        const void *nl = std::memchr(hit, '\n', std::size_t(task.end - (hit - data)));
        if (!nl)
            break;
        pos = static_cast<const char *>(nl) - data + 1;
    }
}

// Of the literals a regex requires, the one with the fewest lines in the first MiB (ties: the longest).
QByteArray rarestLiteral(QByteArrayView data, const QList<QByteArray> &literals)
{
    QByteArray best;
    qint64 bestHits = -1;
    const QByteArrayView sample = data.first(std::min<qsizetype>(data.size(), 1 << 20));
    for (const QByteArray &literal : literals) {
        const PairNeedle needle(literal, false);
        qint64 hits = 0;
        for (qsizetype pos = 0; pos < sample.size();) {
            const char *hit = needle.find(sample.data() + pos, std::size_t(sample.size() - pos));
            if (!hit)
                break;
            ++hits;
            const void *nl = std::memchr(hit, '\n', std::size_t(sample.data() + sample.size() - hit));
            if (!nl)
                break;
            pos = static_cast<const char *>(nl) - sample.data() + 1;
        }
        if (bestHits < 0 || hits < bestHits || (hits == bestHits && literal.size() > best.size())) {
            best = literal;
            bestHits = hits;
        }
    }
    return best;
}

std::vector<Task> makeTasks(const LineIndex &index, qint64 taskBytes)
{
    std::vector<Task> tasks;
    const qint64 ready = index.linesReady();
    if (ready == 0)
        return tasks;
    const QByteArrayView data = index.data();
    // End of the ready lines, terminator included.
    const LineIndex::Range last = index.lineRange(ready - 1);
    qint64 readyEnd = last.offset + last.length;
    if (readyEnd < data.size() && data[readyEnd] == '\r')
        ++readyEnd;
    if (readyEnd < data.size() && data[readyEnd] == '\n')
        ++readyEnd;

    std::vector<qint64> bounds{0};
    for (qint64 target = taskBytes; target < readyEnd; target += taskBytes) {
        const qint64 line = index.lineAt(target, bounds.back());
        if (line > bounds.back())
            bounds.push_back(line);
    }
    bounds.push_back(ready);
    for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
        const qint64 begin = index.lineStart(bounds[i]);
        const qint64 end = bounds[i + 1] < ready ? index.lineStart(bounds[i + 1]) : readyEnd;
        tasks.push_back({bounds[i], bounds[i + 1], begin, end});
    }
    return tasks;
}

} // namespace

LogSearch::LogSearch(const LineIndex &index, LogSearchQuery query)
    : m_index(index), m_query(std::move(query)), m_threads(qMax(1, QThread::idealThreadCount()))
{}

bool LogSearch::isMultilineSafe(const QString &regex)
{
    static const QLatin1StringView unsafe[] = {"(?="_L1, "(?!"_L1, "(?<="_L1, "(?<!"_L1, "(*"_L1,  "(?-"_L1,
                                               "(?^"_L1, "\\A"_L1, "\\z"_L1,  "\\Z"_L1,  "\\G"_L1, "\\K"_L1};
    for (QLatin1StringView token : unsafe) {
        if (regex.contains(token))
            return false;
    }
    return true;
}

QByteArray LogSearch::requiredLiteral(const QString &regex)
{
    QByteArray best;
    for (const QByteArray &literal : requiredLiterals(regex)) {
        if (literal.size() > best.size())
            best = literal;
    }
    return best;
}

QList<QByteArray> LogSearch::requiredLiterals(const QString &regex)
{
    // Only simple patterns: no alternation or groups (their parts may be optional), no case folding here.
    if (regex.contains(u'|') || regex.contains(u'('))
        return {};
    static const QString special = u".[]()^$|*+?{}\\"_s;
    QList<QByteArray> found;
    QString run;
    auto endRun = [&] {
        if (run.size() >= 3)
            found.append(run.toUtf8());
        run.clear();
    };
    for (qsizetype i = 0; i < regex.size(); ++i) {
        const QChar c = regex.at(i);
        const QChar next = i + 1 < regex.size() ? regex.at(i + 1) : QChar();
        if (c == u'\\') {
            if (next.isNull() || next.isLetterOrNumber() || next.unicode() >= 0x80) {
                endRun(); // \d, \b, \x41...: not a literal byte
                ++i;
                continue;
            }
            run.append(next); // an escaped punctuation character stands for itself
            ++i;
        } else if (c == u'[') {
            endRun();
            qsizetype j = i + 1;
            if (j < regex.size() && regex.at(j) == u'^')
                ++j;
            if (j < regex.size() && regex.at(j) == u']')
                ++j;
            while (j < regex.size() && regex.at(j) != u']') {
                if (regex.at(j) == u'[' && j + 1 < regex.size() && regex.at(j + 1) == u':') {
                    const qsizetype close = regex.indexOf(":]"_L1, j + 2); // [[:alpha:]]
                    j = close < 0 ? regex.size() : close + 2;
                    continue;
                }
                j += regex.at(j) == u'\\' ? 2 : 1;
            }
            i = j;
            continue;
        } else if (special.contains(c)) {
            endRun();
            continue;
        } else {
            run.append(c);
        }
        const QChar after = i + 1 < regex.size() ? regex.at(i + 1) : QChar();
        if (after == u'*' || after == u'?' || after == u'{') {
            run.chop(1); // the last character may be absent or repeated
            endRun();
        }
    }
    endRun();
    return found;
}

LogSearchResult LogSearch::run(const std::atomic<bool> *cancel) const
{
    LogSearchResult result;
    const QByteArray literal = m_query.pattern.toUtf8();
    const bool useRegex = m_query.regex || (!m_query.caseSensitive && !isAscii(literal));
    const QString regexPattern =
        m_query.regex ? m_query.pattern : QRegularExpression::escape(m_query.pattern);
    QRegularExpression::PatternOptions options = QRegularExpression::MultilineOption;
    if (!m_query.caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    if (useRegex) {
        const QRegularExpression probe(regexPattern, options);
        if (!probe.isValid()) {
            result.error = u"invalid regular expression at offset %1: %2"_s.arg(
                QString::number(probe.patternErrorOffset()), probe.errorString());
            return result;
        }
    } else if (literal.contains('\n')) {
        return result;
    }
    const bool multilineSafe = useRegex && isMultilineSafe(regexPattern);
    const QByteArray required = m_query.regex && m_query.caseSensitive
                                    ? rarestLiteral(m_index.data(), requiredLiterals(regexPattern))
                                    : QByteArray();

    const std::vector<Task> tasks = makeTasks(m_index, m_taskBytes);
    const qint64 total = tasks.empty() ? 0 : tasks.back().end;
    std::vector<std::vector<qint64>> found(tasks.size());
    std::atomic<std::size_t> next{0};
    std::atomic<qint64> done{0};
    std::mutex progressMutex;
    QByteArray folded = literal;
    for (char &c : folded)
        c = foldAscii(c);

    auto worker = [&] {
        const QRegularExpression re(regexPattern, options); // one per thread
        const PairNeedle requiredNeedle(required, false);
        const PairNeedle pair(m_query.caseSensitive ? literal : folded, !m_query.caseSensitive);
        const char *needle = literal.constData();
        const std::size_t needleSize = std::size_t(literal.size());
        for (std::size_t t; (t = next.fetch_add(1)) < tasks.size();) {
            if (stopped(cancel))
                return;
            const Task &task = tasks[t];
            std::vector<qint64> &out = found[t];
            if (useRegex) {
                const bool hasCr = std::memchr(m_index.data().data() + task.begin, '\r',
                                               std::size_t(task.end - task.begin)) != nullptr;
                if (!required.isEmpty())
                    searchCandidates(m_index, task, requiredNeedle, re, out);
                else if (multilineSafe && !hasCr)
                    searchChunk(m_index, task, re, out);
                else
                    searchLines(m_index, task, re, out, cancel);
            } else if (literal.isEmpty()) {
                for (qint64 n = task.firstLine; n < task.endLine; ++n)
                    out.push_back(n);
            } else if (needleSize == 1 && m_query.caseSensitive) {
                searchBytes(
                    m_index, task,
                    [&](const char *hay, std::size_t n) {
                        return static_cast<const char *>(std::memchr(hay, needle[0], n));
                    },
                    out);
            } else {
                searchBytes(
                    m_index, task, [&](const char *hay, std::size_t n) { return pair.find(hay, n); }, out);
            }
            done.fetch_add(task.end - task.begin);
            if (m_progress) {
                const std::lock_guard lock(progressMutex);
                m_progress(done.load(), total); // loaded under the lock: never goes backwards
            }
        }
    };
    std::vector<std::thread> helpers;
    const int threads = int(qMin<qsizetype>(m_threads, qsizetype(tasks.size())));
    for (int i = 1; i < threads; ++i)
        helpers.emplace_back(worker);
    worker();
    for (std::thread &t : helpers)
        t.join();

    result.cancelled = stopped(cancel) && done.load() < total;
    qsizetype count = 0;
    for (const auto &lines : found)
        count += qsizetype(lines.size());
    result.lines.reserve(count);
    for (const auto &lines : found) {
        for (qint64 line : lines)
            result.lines.append(line);
    }
    return result;
}

} // namespace relaydesk

#pragma once

#include "core/LogLine.h"
#include "core/logs/LogPattern.h"

#include <QList>
#include <QString>

#include <vector>

namespace relaydesk {

struct PatternGrouperOptions
{
    int maxSamples = 5; // sample line numbers kept per pattern
};

// Groups parsed log lines into templates (log patterns). The grouping key is the line's tag (component) plus
// its message with the variable parts masked by maskLogMessage() (LogPatternMasker.h): two lines share a
// pattern iff they have the same tag and the same masked message. This is a Drain-style tree (component,
// token count, tokens) taken to full depth, i.e. an exact lookup in a hash table, with no similarity
// threshold: on Loghub Android_2k a Drain threshold merge only ever joined templates that differ in a
// constant (true/false, begin/end) and lowered the accuracy. Messages whose variable parts are plain words
// (no digit, dot, slash, not a key=value value) therefore form separate patterns.
//
// Incremental: addLine() one line at a time gives the same patterns, ids and line assignment as groupLines()
// over the same lines in the same order, and a pattern's tag and text never change once created.
// Deterministic: ids follow first appearance, the hash is unseeded. Not thread-safe; one grouper per thread.
class PatternGrouper
{
public:
    using Pattern = LogPattern;

    using Options = PatternGrouperOptions;

    PatternGrouper();
    explicit PatternGrouper(Options options);

    // Adds one line and returns the id of its pattern (an index into patterns()).
    int addLine(const LogLine &line);

    const QList<Pattern> &patterns() const { return m_patterns; }
    qint64 lineCount() const { return m_lines; }
    void clear();

    // Groups all lines. When patternOfLine is given it receives, for each line in order, its pattern id.
    static QList<Pattern> groupLines(const QList<LogLine> &lines, QList<int> *patternOfLine = nullptr,
                                     Options options = Options());

    // Orders patterns for display: error and fatal first, then warnings, then the rest; within each, rare
    // before frequent, then by first appearance. Stable and deterministic.
    static void sortErrorsAndRareFirst(QList<Pattern> &patterns);

private:
    int find(quint64 hash) const;
    void grow();

    Options m_options;
    QList<Pattern> m_patterns;

    // The index: an open-addressing hash table of pattern ids (id + 1; 0 is empty), keyed by tag + U+001F +
    // masked message. A fixed, seedless hash keeps ids deterministic; equal hashes are confirmed on the text.
    std::vector<int> m_slots;
    QList<QString> m_keys;         // by pattern id
    std::vector<quint64> m_hashes; // by pattern id
    QString m_key;                 // reused key buffer
    qint64 m_lines = 0;
};

} // namespace relaydesk

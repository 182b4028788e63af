#include "TextDiff.h"

#include <QHash>

#include <vector>

namespace relaydesk::kb {

using namespace Qt::StringLiterals;

namespace {

enum class Edit : char
{
    Equal,
    Insert,
    Delete
};

struct Step
{
    Edit edit;
    qsizetype index; // into `from` for Equal/Delete, into `to` for Insert
};

// Myers' diff in linear space: strip the common prefix and suffix, find the middle snake of the rest by
// searching forwards and backwards at once, and recurse on both halves (the "bisect" of Myers 1986,
// section 4b, as diff-match-patch does it). Lines are compared as ints.
class Differ final
{
public:
    Differ(const std::vector<int> &a, const std::vector<int> &b) : m_a(a), m_b(b) {}

    std::vector<Step> run()
    {
        diff(0, qsizetype(m_a.size()), 0, qsizetype(m_b.size()));
        return std::move(m_steps);
    }

private:
    void diff(qsizetype a0, qsizetype a1, qsizetype b0, qsizetype b1)
    {
        while (a0 < a1 && b0 < b1 && m_a[size_t(a0)] == m_b[size_t(b0)]) {
            m_steps.push_back({Edit::Equal, a0});
            ++a0;
            ++b0;
        }
        qsizetype suffix = 0;
        while (a1 - suffix > a0 && b1 - suffix > b0 &&
               m_a[size_t(a1 - suffix - 1)] == m_b[size_t(b1 - suffix - 1)])
            ++suffix;
        const qsizetype aEnd = a1 - suffix;
        const qsizetype bEnd = b1 - suffix;
        if (a0 == aEnd) {
            for (qsizetype j = b0; j < bEnd; ++j)
                m_steps.push_back({Edit::Insert, j});
        } else if (b0 == bEnd) {
            for (qsizetype i = a0; i < aEnd; ++i)
                m_steps.push_back({Edit::Delete, i});
        } else {
            bisect(a0, aEnd, b0, bEnd);
        }
        for (qsizetype i = aEnd; i < a1; ++i)
            m_steps.push_back({Edit::Equal, i});
    }

    void bisect(qsizetype a0, qsizetype a1, qsizetype b0, qsizetype b1)
    {
        const qsizetype n = a1 - a0;
        const qsizetype m = b1 - b0;
        const qsizetype maxD = (n + m + 1) / 2;
        const qsizetype offset = maxD;
        const qsizetype length = 2 * maxD + 2;
        std::vector<qsizetype> v1(size_t(length), -1);
        std::vector<qsizetype> v2(size_t(length), -1);
        v1[size_t(offset + 1)] = 0;
        v2[size_t(offset + 1)] = 0;
        const qsizetype delta = n - m;
        const bool front = delta % 2 != 0; // the forward path meets the reverse one
        qsizetype k1start = 0, k1end = 0, k2start = 0, k2end = 0;
        const auto A = [&](qsizetype i) { return m_a[size_t(a0 + i)]; };
        const auto B = [&](qsizetype j) { return m_b[size_t(b0 + j)]; };
        for (qsizetype d = 0; d < maxD; ++d) {
            for (qsizetype k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                const qsizetype k1o = offset + k1;
                qsizetype x1 = (k1 == -d || (k1 != d && v1[size_t(k1o - 1)] < v1[size_t(k1o + 1)]))
                                   ? v1[size_t(k1o + 1)]
                                   : v1[size_t(k1o - 1)] + 1;
                qsizetype y1 = x1 - k1;
                while (x1 < n && y1 < m && A(x1) == B(y1))
                    ++x1, ++y1;
                v1[size_t(k1o)] = x1;
                if (x1 > n) {
                    k1end += 2;
                } else if (y1 > m) {
                    k1start += 2;
                } else if (front) {
                    const qsizetype k2o = offset + delta - k1;
                    if (k2o >= 0 && k2o < length && v2[size_t(k2o)] != -1 && x1 >= n - v2[size_t(k2o)]) {
                        split(a0, a1, b0, b1, x1, y1);
                        return;
                    }
                }
            }
            for (qsizetype k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                const qsizetype k2o = offset + k2;
                qsizetype x2 = (k2 == -d || (k2 != d && v2[size_t(k2o - 1)] < v2[size_t(k2o + 1)]))
                                   ? v2[size_t(k2o + 1)]
                                   : v2[size_t(k2o - 1)] + 1;
                qsizetype y2 = x2 - k2;
                while (x2 < n && y2 < m && A(n - x2 - 1) == B(m - y2 - 1))
                    ++x2, ++y2;
                v2[size_t(k2o)] = x2;
                if (x2 > n) {
                    k2end += 2;
                } else if (y2 > m) {
                    k2start += 2;
                } else if (!front) {
                    const qsizetype k1o = offset + delta - k2;
                    if (k1o >= 0 && k1o < length && v1[size_t(k1o)] != -1) {
                        const qsizetype x1 = v1[size_t(k1o)];
                        const qsizetype y1 = offset + x1 - k1o;
                        if (x1 >= n - x2) {
                            split(a0, a1, b0, b1, x1, y1);
                            return;
                        }
                    }
                }
            }
        }
        // No common line at all (cannot happen after the prefix/suffix strip with D < maxD, kept for safety).
        for (qsizetype i = a0; i < a1; ++i)
            m_steps.push_back({Edit::Delete, i});
        for (qsizetype j = b0; j < b1; ++j)
            m_steps.push_back({Edit::Insert, j});
    }

    void split(qsizetype a0, qsizetype a1, qsizetype b0, qsizetype b1, qsizetype x, qsizetype y)
    {
        diff(a0, a0 + x, b0, b0 + y);
        diff(a0 + x, a1, b0 + y, b1);
    }

    const std::vector<int> &m_a;
    const std::vector<int> &m_b;
    std::vector<Step> m_steps;
};

QStringList splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    return lines;
}

void append(QList<DiffHunk> *hunks, DiffHunk::Op op, const QString &line)
{
    if (hunks->isEmpty() || hunks->last().op != op)
        hunks->append({op, {}});
    hunks->last().lines.append(line);
}

} // namespace

QString toWire(DiffHunk::Op op)
{
    switch (op) {
    case DiffHunk::Op::Equal:
        return u"equal"_s;
    case DiffHunk::Op::Insert:
        return u"insert"_s;
    case DiffHunk::Op::Delete:
        return u"delete"_s;
    }
    return {};
}

std::optional<QList<DiffHunk>> diffLines(const QStringList &from, const QStringList &to, QString *error)
{
    if (from.size() > kMaxDiffLines || to.size() > kMaxDiffLines) {
        *error = u"the texts have %1 and %2 lines; at most %3 lines can be compared"_s.arg(from.size())
                     .arg(to.size())
                     .arg(kMaxDiffLines);
        return std::nullopt;
    }
    QHash<QString, int> ids;
    const auto intern = [&ids](const QStringList &lines) {
        std::vector<int> out;
        out.reserve(size_t(lines.size()));
        for (const QString &line : lines) {
            auto it = ids.constFind(line);
            if (it == ids.constEnd())
                it = ids.insert(line, int(ids.size()));
            out.push_back(*it);
        }
        return out;
    };
    const std::vector<int> a = intern(from);
    const std::vector<int> b = intern(to);
    const std::vector<Step> steps = Differ(a, b).run();

    // Within each changed stretch, deletions first, then insertions.
    QList<DiffHunk> hunks;
    size_t i = 0;
    while (i < steps.size()) {
        if (steps[i].edit == Edit::Equal) {
            append(&hunks, DiffHunk::Op::Equal, from.at(steps[i].index));
            ++i;
            continue;
        }
        size_t end = i;
        while (end < steps.size() && steps[end].edit != Edit::Equal)
            ++end;
        for (size_t j = i; j < end; ++j) {
            if (steps[j].edit == Edit::Delete)
                append(&hunks, DiffHunk::Op::Delete, from.at(steps[j].index));
        }
        for (size_t j = i; j < end; ++j) {
            if (steps[j].edit == Edit::Insert)
                append(&hunks, DiffHunk::Op::Insert, to.at(steps[j].index));
        }
        i = end;
    }
    return hunks;
}

std::optional<QList<DiffHunk>> diffText(const QString &from, const QString &to, QString *error)
{
    return diffLines(splitLines(from), splitLines(to), error);
}

} // namespace relaydesk::kb

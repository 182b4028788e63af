#include "PatternGrouper.h"

#include "LogPatternMasker.h"

#include <algorithm>
#include <cstring>

namespace relaydesk {

namespace {

constexpr std::size_t kInitialSlots = 256;

// A fast multiply-xorshift hash of the key's UTF-16 bytes, 8 at a time; fixed (no per-process seed).
quint64 hashKey(QStringView key)
{
    const auto *p = reinterpret_cast<const unsigned char *>(key.utf16());
    std::size_t bytes = std::size_t(key.size()) * 2;
    constexpr quint64 kMul = 0x9E3779B97F4A7C15ull;
    quint64 h = 0x243F6A8885A308D3ull ^ (bytes * kMul);
    while (bytes >= 8) {
        quint64 word;
        std::memcpy(&word, p, 8);
        h = (h ^ word) * kMul;
        h ^= h >> 32;
        p += 8;
        bytes -= 8;
    }
    quint64 tail = 0;
    std::memcpy(&tail, p, bytes);
    h = (h ^ tail) * kMul;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 32);
}

bool sameText(QStringView a, QStringView b)
{
    return a.size() == b.size() && std::memcmp(a.utf16(), b.utf16(), std::size_t(a.size()) * 2) == 0;
}

} // namespace

PatternGrouper::PatternGrouper() : PatternGrouper(Options{}) {}

PatternGrouper::PatternGrouper(Options options) : m_options(options)
{
    m_key.reserve(256);
}

int PatternGrouper::addLine(const LogLine &line)
{
    ++m_lines;
    m_key.resize(0);
    m_key += line.tag;
    m_key += QChar(0x1F);
    const qsizetype textStart = m_key.size();
    appendMaskedLogMessage(line.message, m_key);

    const quint64 hash = hashKey(m_key);
    int id = find(hash);
    if (id < 0) {
        id = int(m_patterns.size());
        Pattern p;
        p.id = id;
        p.tag = line.tag;
        p.text = m_key.sliced(textStart);
        p.firstLine = line.number;
        m_patterns.append(std::move(p));
        m_keys.append(m_key);
        m_hashes.push_back(hash);
        if (std::size_t(m_patterns.size()) * 2 > m_slots.size())
            grow(); // also places the new id
        else
            m_slots[std::size_t(-find(hash) - 1)] = id + 1;
    }
    Pattern &p = m_patterns[id];
    ++p.count;
    p.level = std::max(p.level, line.level);
    if (p.sampleLines.size() < m_options.maxSamples)
        p.sampleLines.append(line.number);
    return id;
}

// The id of the pattern whose key is m_key, or -(free slot + 1) when there is none.
int PatternGrouper::find(quint64 hash) const
{
    if (m_slots.empty())
        return -1;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = std::size_t(hash) & mask;; i = (i + 1) & mask) {
        const int slot = m_slots[i];
        if (slot == 0)
            return -int(i) - 1;
        const int id = slot - 1;
        if (m_hashes[std::size_t(id)] == hash && sameText(m_keys.at(id), m_key))
            return id;
    }
}

void PatternGrouper::grow()
{
    std::vector<int> table(std::max(kInitialSlots, m_slots.size() * 2), 0);
    const std::size_t mask = table.size() - 1;
    for (std::size_t id = 0; id < m_hashes.size(); ++id) {
        std::size_t i = std::size_t(m_hashes[id]) & mask;
        while (table[i] != 0)
            i = (i + 1) & mask;
        table[i] = int(id) + 1;
    }
    m_slots = std::move(table);
}

void PatternGrouper::clear()
{
    m_patterns.clear();
    m_slots.clear();
    m_keys.clear();
    m_hashes.clear();
    m_lines = 0;
}

QList<PatternGrouper::Pattern> PatternGrouper::groupLines(const QList<LogLine> &lines,
                                                          QList<int> *patternOfLine, Options options)
{
    PatternGrouper grouper(options);
    if (patternOfLine) {
        patternOfLine->clear();
        patternOfLine->reserve(lines.size());
    }
    for (const LogLine &line : lines) {
        const int id = grouper.addLine(line);
        if (patternOfLine)
            patternOfLine->append(id);
    }
    return grouper.m_patterns;
}

namespace {

int severityRank(LogLevel level)
{
    switch (level) {
    case LogLevel::Fatal:
    case LogLevel::Error:
        return 0;
    case LogLevel::Warning:
        return 1;
    default:
        return 2;
    }
}

} // namespace

void PatternGrouper::sortErrorsAndRareFirst(QList<Pattern> &patterns)
{
    std::stable_sort(patterns.begin(), patterns.end(), [](const Pattern &a, const Pattern &b) {
        const int ra = severityRank(a.level);
        const int rb = severityRank(b.level);
        if (ra != rb)
            return ra < rb;
        if (a.count != b.count)
            return a.count < b.count;
        if (a.firstLine != b.firstLine)
            return a.firstLine < b.firstLine;
        return a.id < b.id;
    });
}

} // namespace relaydesk

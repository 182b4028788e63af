#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace relaydesk::logparse {

// ASCII whitespace as the DOMAIN.md regexes' \s sees it inside one line (no \n there).
constexpr bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}
constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
constexpr bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// A forward-only cursor over the bytes of one line. Every method either consumes what it matched and
// returns true (or a count), or consumes nothing and returns false: parsers chain them and give up early.
class LineCursor final
{
public:
    explicit LineCursor(QByteArrayView line) : m_line(line) {}

    qsizetype pos() const { return m_pos; }
    void setPos(qsizetype pos) { m_pos = pos; }
    bool atEnd() const { return m_pos >= m_line.size(); }
    char peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_line.size() ? m_line[m_pos + ahead] : '\0';
    }
    QByteArrayView line() const { return m_line; }
    QByteArrayView rest() const { return m_line.sliced(m_pos); }
    QByteArrayView slice(qsizetype from, qsizetype to) const { return m_line.sliced(from, to - from); }

    bool eat(char c)
    {
        if (atEnd() || m_line[m_pos] != c)
            return false;
        ++m_pos;
        return true;
    }

    // Skips a run of whitespace; returns how many bytes it skipped.
    qsizetype skipSpaces()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isSpace(m_line[m_pos]))
            ++m_pos;
        return m_pos - start;
    }

    // Exactly `count` decimal digits.
    bool fixedDigits(int count, int &value)
    {
        if (m_pos + count > m_line.size())
            return false;
        int v = 0;
        for (int i = 0; i < count; ++i) {
            const char c = m_line[m_pos + i];
            if (!isDigit(c))
                return false;
            v = v * 10 + (c - '0');
        }
        value = v;
        m_pos += count;
        return true;
    }

    // One or more decimal digits; value is -1 when the number does not fit in 18 digits.
    bool number(qint64 &value)
    {
        const qsizetype start = m_pos;
        qint64 v = 0;
        while (!atEnd() && isDigit(m_line[m_pos])) {
            if (m_pos - start < 18)
                v = v * 10 + (m_line[m_pos] - '0');
            ++m_pos;
        }
        if (m_pos == start)
            return false;
        value = m_pos - start > 18 ? -1 : v;
        return true;
    }

    // A run of bytes satisfying pred (at least one); returns its length or 0.
    template <typename Pred> qsizetype run(Pred pred)
    {
        const qsizetype start = m_pos;
        while (!atEnd() && pred(m_line[m_pos]))
            ++m_pos;
        return m_pos - start;
    }

    // The first position at or after the cursor where ':' is followed by whitespace (or ends the line
    // when allowAtEnd); -1 if none. Does not move the cursor.
    qsizetype findColonSpace(bool allowAtEnd) const
    {
        for (qsizetype i = m_pos; i < m_line.size(); ++i) {
            if (m_line[i] != ':')
                continue;
            if (i + 1 < m_line.size() ? isSpace(m_line[i + 1]) : allowAtEnd)
                return i;
        }
        return -1;
    }

private:
    QByteArrayView m_line;
    qsizetype m_pos = 0;
};

// [from, to) with trailing whitespace removed.
inline qsizetype trimRightEnd(QByteArrayView line, qsizetype from, qsizetype to)
{
    while (to > from && isSpace(line[to - 1]))
        --to;
    return to;
}

} // namespace relaydesk::logparse

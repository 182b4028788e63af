#include "LogPatternMasker.h"

#include <array>
#include <cstdint>

namespace relaydesk {

namespace {

// Character classes, one bit each; ASCII from a table, the rest from QChar.
enum : std::uint8_t
{
    kSpace = 1,
    kDelimiter = 2,
    kDigit = 4, // a digit, or '/': either makes a piece variable
    kHex = 8,   // a-f A-F
    kWord = 16, // letter, digit, '_'
    kDot = 32,
    kUpper = 64, // A-Z and '_' (UPPER_CASE constants)
};

constexpr std::array<std::uint8_t, 128> makeAsciiClasses()
{
    std::array<std::uint8_t, 128> t{};
    for (char16_t c : u" \t\r\n\v\f")
        if (c)
            t[c] |= kSpace;
    for (char16_t c : u"=:,;()[]{}<>'|@\"")
        if (c)
            t[c] |= kDelimiter;
    for (char16_t c = u'0'; c <= u'9'; ++c)
        t[c] |= kDigit | kWord;
    t[u'/'] |= kDigit;
    for (char16_t c = u'a'; c <= u'z'; ++c)
        t[c] |= kWord | (c <= u'f' ? kHex : 0);
    for (char16_t c = u'A'; c <= u'Z'; ++c)
        t[c] |= kWord | kUpper | (c <= u'F' ? kHex : 0);
    t[u'_'] |= kWord | kUpper;
    t[u'.'] |= kDot;
    return t;
}

constexpr std::array<std::uint8_t, 128> kAscii = makeAsciiClasses();

inline std::uint8_t classOf(char16_t c)
{
    if (c < 0x80)
        return kAscii[c];
    const QChar ch(c);
    if (ch.isSpace())
        return kSpace;
    if (ch.isDigit())
        return kDigit | kWord;
    return ch.isLetterOrNumber() ? kWord : 0;
}

// true/false and UPPER_CASE constants: kept as template text even as the value of key=value.
bool isKeyword(QStringView piece)
{
    if (piece == QLatin1StringView("true") || piece == QLatin1StringView("false"))
        return true;
    if (piece.size() < 2 || !(piece.front() >= u'A' && piece.front() <= u'Z'))
        return false;
    for (const QChar ch : piece) {
        if (!(classOf(ch.unicode()) & kUpper))
            return false;
    }
    return true;
}

// Writes into a raw buffer sized for the worst case (every 1-character piece becomes the 3-character "<*>",
// an empty quoted string `""` becomes the 5-character `"<*>"`), then trims it. One pass: each character is
// classified once; a piece's classes are gathered as a union and an intersection.
class Masker
{
public:
    Masker(QStringView message, QString &out) : m_msg(message.utf16()), m_n(message.size()), m_out(out)
    {
        m_floor = out.size();
        out.resize(m_floor + 3 * m_n + 8);
        m_buf = reinterpret_cast<char16_t *>(out.data());
        m_pos = m_floor;
    }

    void run()
    {
        const char16_t *msg = m_msg;
        const qsizetype n = m_n;
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = msg[i];
            std::uint8_t cls = classOf(c);
            if (!(cls & (kSpace | kDelimiter))) {
                // A piece: scan to its end, collecting the union and intersection of its classes.
                const qsizetype start = i;
                std::uint8_t any = 0;
                std::uint8_t all = 0xFF;
                do {
                    any |= cls;
                    all &= cls;
                    if (++i == n)
                        break;
                    cls = classOf(msg[i]);
                } while (!(cls & (kSpace | kDelimiter)));
                emitPiece(start, i, any, all);
                --i;
                continue;
            }
            if (cls & kSpace) {
                m_prevDelim = 0;
                m_pendingSpace = m_pos > m_floor;
                continue;
            }
            emitSpace();
            if (c == u'"') {
                const char16_t *close =
                    std::char_traits<char16_t>::find(msg + i + 1, size_t(n - i - 1), u'"');
                if (close) {
                    for (const char16_t q : {u'"', u'<', u'*', u'>', u'"'})
                        m_buf[m_pos++] = q;
                    m_prevDelim = u'"';
                    i = close - msg;
                    continue;
                }
            }
            emitDelimiter(c);
            m_prevDelim = c;
        }
        m_out.truncate(m_pos);
    }

private:
    // a.b with word characters on both sides of the dot.
    bool hasDottedName(qsizetype start, qsizetype end) const
    {
        for (qsizetype k = start + 1; k + 1 < end; ++k) {
            if (m_msg[k] == u'.' && (classOf(m_msg[k - 1]) & kWord) && (classOf(m_msg[k + 1]) & kWord))
                return true;
        }
        return false;
    }

    void emitPiece(qsizetype start, qsizetype end, std::uint8_t any, std::uint8_t all)
    {
        emitSpace();
        const qsizetype size = end - start;
        const bool variable = (any & kDigit) || ((all & kHex) && size >= 8) ||
                              ((any & kDot) && hasDottedName(start, end)) ||
                              (m_prevDelim == u'=' && !isKeyword(QStringView(m_msg + start, size)));
        if (variable) {
            emitVariable();
            return;
        }
        const char16_t *src = m_msg + start;
        char16_t *dst = m_buf + m_pos;
        for (qsizetype k = 0; k < size; ++k)
            dst[k] = src[k];
        m_pos += size;
    }

    void emitSpace()
    {
        if (m_pendingSpace) {
            m_buf[m_pos++] = u' ';
            m_pendingSpace = false;
        }
    }

    bool isVarAt(qsizetype end) const
    {
        return end - m_floor >= 3 && m_buf[end - 3] == u'<' && m_buf[end - 2] == u'*' &&
               m_buf[end - 1] == u'>';
    }

    void emitVariable()
    {
        // "<*><*>", "<*>:<*>", "<*>::<*>", "<*>@<*>", "<*>|<*>" -> "<*>"
        qsizetype end = m_pos;
        while (end > m_floor && (m_buf[end - 1] == u':' || m_buf[end - 1] == u'@' || m_buf[end - 1] == u'|'))
            --end;
        if (isVarAt(end)) {
            m_pos = end;
            return;
        }
        m_buf[m_pos++] = u'<';
        m_buf[m_pos++] = u'*';
        m_buf[m_pos++] = u'>';
    }

    void emitDelimiter(char16_t c)
    {
        m_buf[m_pos++] = c;
        if (c != u'}' && c != u')' && c != u']')
            return;
        // "<*>{<*>}" -> "<*>"
        if (m_pos - m_floor < 8)
            return;
        const char16_t open = m_buf[m_pos - 5];
        if ((open == u'{' || open == u'(' || open == u'[') && isVarAt(m_pos - 1) && isVarAt(m_pos - 5))
            m_pos -= 5;
    }

    const char16_t *m_msg;
    qsizetype m_n;
    QString &m_out;
    qsizetype m_floor = 0;
    char16_t *m_buf = nullptr;
    qsizetype m_pos = 0;
    char16_t m_prevDelim = 0;
    bool m_pendingSpace = false;
};

} // namespace

void appendMaskedLogMessage(QStringView message, QString &out)
{
    Masker(message, out).run();
}

void maskLogMessage(QStringView message, QString &out)
{
    out.resize(0);
    appendMaskedLogMessage(message, out);
}

QString maskLogMessage(QStringView message)
{
    QString out;
    out.reserve(message.size());
    appendMaskedLogMessage(message, out);
    return out;
}

} // namespace relaydesk

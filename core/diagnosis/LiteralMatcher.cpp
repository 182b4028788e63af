#include "LiteralMatcher.h"

#include <QSet>

namespace relaydesk {

char16_t LiteralMatcher::fold(char16_t c)
{
    if (c >= u'A' && c <= u'Z')
        return char16_t(c - u'A' + u'a');
    return c < 128 ? c : char16_t(0xFFFF);
}

void LiteralMatcher::add(QStringView literal, int id)
{
    if (!literal.isEmpty())
        m_literals.append({literal.toString(), id});
}

void LiteralMatcher::build()
{
    // Character classes: one per folded ASCII character used by a literal, one for all non-ASCII, and
    // class 0 for everything else (never part of a literal).
    m_classOf.fill(0);
    QSet<char16_t> used;
    for (const auto &[text, id] : std::as_const(m_literals))
        for (const QChar ch : text)
            used.insert(fold(ch.unicode()));
    m_classes = 1;
    m_nonAscii = 0;
    for (char16_t c = 0; c < 128; ++c) {
        const char16_t f = fold(c);
        if (f == c && used.contains(c))
            m_classOf[c] = m_classes++;
    }
    for (char16_t c = u'A'; c <= u'Z'; ++c)
        m_classOf[c] = m_classOf[fold(c)];
    if (used.contains(char16_t(0xFFFF)))
        m_nonAscii = m_classes++;

    // Trie of class sequences.
    QList<QList<int>> next{QList<int>(m_classes, -1)};
    QList<QList<int>> out{{}};
    for (const auto &[text, id] : std::as_const(m_literals)) {
        int state = 0;
        for (const QChar ch : text) {
            const int cls = classOf(ch.unicode());
            if (next[state][cls] < 0) {
                next[state][cls] = int(next.size());
                next.append(QList<int>(m_classes, -1));
                out.append(QList<int>());
            }
            state = next[state][cls];
        }
        if (!out[state].contains(id))
            out[state].append(id);
    }

    // Breadth-first failure links turn the trie into a complete automaton.
    const int states = int(next.size());
    QList<int> fail(states, 0);
    m_delta = QList<int>(qsizetype(states) * m_classes, 0);
    QList<int> queue;
    for (int cls = 0; cls < m_classes; ++cls) {
        const int s = next[0][cls];
        m_delta[cls] = s < 0 ? 0 : s;
        if (s > 0) {
            fail[s] = 0;
            queue.append(s);
        }
    }
    for (qsizetype head = 0; head < queue.size(); ++head) {
        const int state = queue[head];
        for (int id : std::as_const(out[fail[state]]))
            if (!out[state].contains(id))
                out[state].append(id);
        for (int cls = 0; cls < m_classes; ++cls) {
            const int s = next[state][cls];
            const int viaFail = m_delta[qsizetype(fail[state]) * m_classes + cls];
            if (s < 0) {
                m_delta[qsizetype(state) * m_classes + cls] = viaFail;
            } else {
                m_delta[qsizetype(state) * m_classes + cls] = s;
                fail[s] = viaFail;
                queue.append(s);
            }
        }
    }
    m_outputStart = QList<int>(states + 1, 0);
    m_outputIds.clear();
    for (int s = 0; s < states; ++s) {
        m_outputStart[s] = int(m_outputIds.size());
        m_outputIds.append(out[s]);
    }
    m_outputStart[states] = int(m_outputIds.size());
    if (m_literals.isEmpty())
        m_classes = 0;
}

} // namespace relaydesk

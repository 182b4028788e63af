#pragma once

#include <QList>
#include <QStringView>

#include <array>

namespace relaydesk {

// Multi-literal prefilter (Aho-Corasick over UTF-16, ASCII case folded, every non-ASCII character folded
// into one class). One pass over a line reports every literal that may occur in it; a report can be a false
// positive (folding), never a false negative, so callers verify candidates exactly.
class LiteralMatcher final
{
public:
    // Adds a literal that reports `id` when found. Empty literals are ignored. Call build() before scan().
    void add(QStringView literal, int id);
    void build();
    bool isEmpty() const { return m_literals.isEmpty(); }

    // Calls onMatch(id) for each literal found in text (possibly more than once per id).
    template <typename F> void scan(QStringView text, F &&onMatch) const
    {
        if (m_classes == 0)
            return;
        int state = 0;
        const int *delta = m_delta.constData();
        for (const QChar ch : text) {
            const char16_t c = ch.unicode();
            state = delta[state * m_classes + (c < 128 ? m_classOf[c] : m_nonAscii)];
            if (m_outputStart[state] != m_outputStart[state + 1]) {
                for (int i = m_outputStart[state]; i < m_outputStart[state + 1]; ++i)
                    onMatch(m_outputIds[i]);
            }
        }
    }

private:
    int classOf(char16_t c) const { return c < 128 ? m_classOf[c] : m_nonAscii; }
    static char16_t fold(char16_t c);

    std::array<int, 128> m_classOf{};
    int m_nonAscii = 0;
    int m_classes = 0;
    QList<std::pair<QString, int>> m_literals;
    // After build(): the full transition table (states x classes) and each state's literal ids.
    QList<int> m_delta;
    QList<int> m_outputStart;
    QList<int> m_outputIds;
};

} // namespace relaydesk

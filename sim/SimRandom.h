#pragma once

#include <QRandomGenerator>
#include <QString>

#include <span>

namespace relaydesk::sim {

// The simulator's only source of randomness: a seeded QRandomGenerator (never the global one), so the
// same seed always produces the same devices, reports and logs.
class SimRandom final
{
public:
    explicit SimRandom(quint32 seed) : m_generator(seed) {}

    // Uniform integer in [low, high], both inclusive.
    int between(int low, int high);
    qint64 between64(qint64 low, qint64 high);
    // Uniform in [0, 1).
    double real() { return m_generator.generateDouble(); }
    bool chance(double probability) { return real() < probability; }
    // Exponentially distributed with the given mean.
    double exponential(double mean);
    // Index drawn with probability proportional to weights[i]; weights must not all be zero.
    qsizetype weighted(std::span<const int> weights);
    quint32 next32() { return m_generator.generate(); }
    // `digits` lowercase hex digits.
    QString hex(int digits);

    template <typename T> const T &pick(std::span<const T> items) { return items[index(items.size())]; }
    template <typename T, std::size_t N> const T &pick(const T (&items)[N]) { return items[index(N)]; }

private:
    qsizetype index(qsizetype size) { return qsizetype(m_generator.bounded(quint32(size))); }

    QRandomGenerator m_generator;
};

} // namespace relaydesk::sim

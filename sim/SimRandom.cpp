#include "SimRandom.h"

#include <cmath>
#include <numeric>

namespace relaydesk::sim {

int SimRandom::between(int low, int high)
{
    if (high <= low)
        return low;
    return low + int(m_generator.bounded(quint32(high - low) + 1U));
}

qint64 SimRandom::between64(qint64 low, qint64 high)
{
    if (high <= low)
        return low;
    return low + qint64(m_generator.bounded(quint64(high - low) + 1U));
}

double SimRandom::exponential(double mean)
{
    return -mean * std::log(1.0 - real());
}

qsizetype SimRandom::weighted(std::span<const int> weights)
{
    const int total = std::accumulate(weights.begin(), weights.end(), 0);
    if (total <= 0)
        return 0;
    int roll = int(m_generator.bounded(quint32(total)));
    for (qsizetype i = 0; i < qsizetype(weights.size()); ++i) {
        roll -= weights[std::size_t(i)];
        if (roll < 0)
            return i;
    }
    return qsizetype(weights.size()) - 1;
}

QString SimRandom::hex(int digits)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    QString out(digits, Qt::Uninitialized);
    for (int i = 0; i < digits; ++i)
        out[i] = QLatin1Char(kDigits[m_generator.bounded(16U)]);
    return out;
}

} // namespace relaydesk::sim

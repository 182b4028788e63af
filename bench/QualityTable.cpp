#include "QualityTable.h"

#include <QTextStream>

namespace relaydesk::bench {

using namespace Qt::StringLiterals;

double QualityTable::precision(Cause c) const
{
    const auto p = std::size_t(c);
    int predicted = 0;
    for (std::size_t t = 0; t < kCauses; ++t)
        predicted += m_counts[t][p];
    return predicted == 0 ? 0.0 : double(m_counts[p][p]) / predicted;
}

double QualityTable::recall(Cause c) const
{
    const auto t = std::size_t(c);
    int actual = 0;
    for (std::size_t p = 0; p < kCauses; ++p)
        actual += m_counts[t][p];
    return actual == 0 ? 0.0 : double(m_counts[t][t]) / actual;
}

double QualityTable::f1(Cause c) const
{
    const double p = precision(c);
    const double r = recall(c);
    return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
}

double QualityTable::macroF1() const
{
    double sum = 0;
    for (int c = 0; c < int(Cause::Unknown); ++c)
        sum += f1(static_cast<Cause>(c));
    return sum / int(Cause::Unknown);
}

double QualityTable::accuracy() const
{
    int right = 0;
    for (std::size_t c = 0; c < kCauses; ++c)
        right += m_counts[c][c];
    return m_total == 0 ? 0.0 : double(right) / m_total;
}

QString QualityTable::format() const
{
    QString out;
    QTextStream s(&out);
    s << u"cause      precision  recall     F1      support\n"_s;
    for (int c = 0; c < int(Cause::Unknown); ++c) {
        int support = 0;
        for (int p = 0; p < kCauses; ++p)
            support += m_counts[std::size_t(c)][std::size_t(p)];
        s << toWire(static_cast<Cause>(c)).leftJustified(10) << ' '
          << QString::number(precision(static_cast<Cause>(c)), 'f', 4).leftJustified(10) << ' '
          << QString::number(recall(static_cast<Cause>(c)), 'f', 4).leftJustified(10) << ' '
          << QString::number(f1(static_cast<Cause>(c)), 'f', 4).leftJustified(7) << ' ' << support << '\n';
    }
    s << u"\nconfusion matrix (rows: true cause, columns: predicted)\n"_s << QString().leftJustified(10);
    for (int p = 0; p < kCauses; ++p)
        s << toWire(static_cast<Cause>(p)).rightJustified(9);
    s << '\n';
    for (int t = 0; t < int(Cause::Unknown); ++t) {
        s << toWire(static_cast<Cause>(t)).leftJustified(10);
        for (int p = 0; p < kCauses; ++p)
            s << QString::number(m_counts[std::size_t(t)][std::size_t(p)]).rightJustified(9);
        s << '\n';
    }
    return out;
}

} // namespace relaydesk::bench

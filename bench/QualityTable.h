#pragma once

#include "core/Enums.h"

#include <QString>

#include <array>

// Confusion matrix over the five real causes plus `unknown`, with per-cause precision, recall and F1.
// An `unknown` prediction counts as a miss for the true cause (it lowers recall, not any precision).
namespace relaydesk::bench {

class QualityTable final
{
public:
    static constexpr int kCauses = int(Cause::Count); // includes Unknown as the last column

    void add(Cause truth, Cause predicted)
    {
        ++m_counts[std::size_t(truth)][std::size_t(predicted)];
        ++m_total;
    }

    double precision(Cause c) const;
    double recall(Cause c) const;
    double f1(Cause c) const;
    double macroF1() const; // over network, server, client, policy, user
    double accuracy() const;
    int total() const { return m_total; }
    QString format() const; // the per-cause table and the confusion matrix, plain text

private:
    std::array<std::array<int, kCauses>, kCauses> m_counts{};
    int m_total = 0;
};

} // namespace relaydesk::bench

#include "GroupingAccuracy.h"

#include <QHash>

namespace relaydesk {

double groupingAccuracy(const QList<int> &predicted, const QStringList &truth)
{
    if (predicted.size() != truth.size())
        return 0.0;
    if (predicted.isEmpty())
        return 1.0;
    // Two groupings agree on a line iff its predicted group and its true group have the same size and every
    // line of the predicted group carries the same true id, i.e. the (predicted, true) pair's size equals
    // both.
    QHash<int, qsizetype> predictedSize;
    QHash<QString, qsizetype> truthSize;
    QHash<QString, qsizetype> pairSize;
    const auto pairKey = [&](qsizetype i) {
        return QString::number(predicted.at(i)) + QChar(0x1F) + truth.at(i);
    };
    for (qsizetype i = 0; i < predicted.size(); ++i) {
        ++predictedSize[predicted.at(i)];
        ++truthSize[truth.at(i)];
        ++pairSize[pairKey(i)];
    }
    qsizetype correct = 0;
    for (qsizetype i = 0; i < predicted.size(); ++i) {
        const qsizetype pair = pairSize.value(pairKey(i));
        if (pair == predictedSize.value(predicted.at(i)) && pair == truthSize.value(truth.at(i)))
            ++correct;
    }
    return double(correct) / double(predicted.size());
}

} // namespace relaydesk

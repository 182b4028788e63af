#pragma once

#include <QList>
#include <QStringList>

namespace relaydesk {

// Grouping Accuracy of a log parser (Zhu et al., "Tools and Benchmarks for Automated Log Parsing", 2019): the
// share of lines whose predicted group holds exactly the same set of lines as their ground-truth group.
// predicted[i] and truth[i] are line i's predicted group id and ground-truth event id; the lists must have
// the same size (otherwise 0). An empty input scores 1.
double groupingAccuracy(const QList<int> &predicted, const QStringList &truth);

} // namespace relaydesk

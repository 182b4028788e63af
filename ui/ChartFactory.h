#pragma once

#include "models/MetricsFrame.h"

class QChart;

namespace relaydesk::ui {

class ChartCard;

// Builds the dashboard's chart for a metrics frame, wires hover values and drill-down into `card`, and
// returns it; nullptr with *emptyMessage set when the frame holds nothing to draw (the card shows the
// message instead of a blank chart).
QChart *buildMetricsChart(const models::MetricsFrame &frame, ChartCard *card, QString *emptyMessage);

} // namespace relaydesk::ui

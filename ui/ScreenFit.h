#pragma once

#include <QSize>

class QWidget;

namespace relaydesk::ui {

// Sizes a top-level window to `preferred`, or less where its screen's available area (less the window
// frame) is smaller, never below its minimum, and centres it on that screen. The screen is the one the window
// or its parent is on. Windows that open on the screen never start half outside it.
void fitToScreen(QWidget *window, QSize preferred);

} // namespace relaydesk::ui

#pragma once

#include "core/Enums.h"

#include <QColor>
#include <QPixmap>

class QPalette;

namespace relaydesk::ui {

// Every colour the console's widgets use besides the palette's own roles, in one place. Text colours are
// chosen for the palette they are drawn on (light or dark, e.g. a dark Fusion palette) so they stay readable;
// tinted backgrounds are blended into the palette's Base. A badge's cause colours are fixed hues that carry
// white text in any palette.
namespace colors {

// True when the palette's window is dark (a dark theme): text colours then get lighter variants.
bool isDark(const QPalette &palette);

QColor errorText(const QPalette &palette);   // errors: login, log error lines, raised alerts
QColor warningText(const QPalette &palette); // log warning lines
QColor mutedText(const QPalette &palette);   // context lines, secondary text
QColor insertedText(const QPalette &palette);
QColor insertedBackground(const QPalette &palette);
QColor deletedText(const QPalette &palette);
QColor deletedBackground(const QPalette &palette);
QColor markedLineBackground(const QPalette &palette); // a log line the diagnosis points at
QColor matchLineBackground(const QPalette &palette);  // a log line with a search hit
QColor searchHit(const QPalette &palette);            // the hit itself, painted over the line
QColor warningBannerBackground(const QPalette &palette);

} // namespace colors

// A cause's one colour everywhere: its badge (white text on it) and its bars and entries in every chart.
// Mid-tone hues that read on light and dark chart backgrounds (a dark palette gets Qt Charts' dark theme)
// and carry white badge text in any palette.
QColor causeColor(Cause cause);
// A small square of the cause's colour (`size` device-independent pixels), for lists that name a cause.
QPixmap causeSwatch(Cause cause, int size, qreal devicePixelRatio);

} // namespace relaydesk::ui

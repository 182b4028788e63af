#include "ScreenFit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QStyle>
#include <QWidget>

namespace relaydesk::ui {

namespace {
// The frame a window manager adds: measured on a window already shown, otherwise a title bar and borders.
QSize frameAllowance(const QWidget *window)
{
    for (const QWidget *w = window; w; w = w->parentWidget()) {
        if (w->isWindow() && w->isVisible()) {
            const QSize frame = w->frameGeometry().size() - w->geometry().size();
            if (!frame.isEmpty())
                return frame;
        }
    }
    const int title = window->style()->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, window);
    return {8, title + 12};
}
} // namespace

void fitToScreen(QWidget *window, QSize preferred)
{
    const QWidget *anchor = window->parentWidget() ? window->parentWidget()->window() : window;
    QScreen *screen = anchor->screen() ? anchor->screen() : QGuiApplication::primaryScreen();
    if (!screen) {
        window->resize(preferred);
        return;
    }
    const QRect area = screen->availableGeometry();
    const QSize frame = frameAllowance(window);
    const QSize room = area.size() - frame;
    const QSize size = preferred.boundedTo(room).expandedTo(window->minimumSizeHint().boundedTo(room));
    window->resize(size);
    // move() places the frame of a window.
    window->move(area.left() + qMax(0, (area.width() - size.width() - frame.width()) / 2),
                 area.top() + qMax(0, (area.height() - size.height() - frame.height()) / 2));
}

} // namespace relaydesk::ui

#include "Colors.h"

#include <QPainter>
#include <QPalette>

namespace relaydesk::ui {

namespace colors {
namespace {
// `tint` laid over `base` with the given opacity.
QColor blend(const QColor &base, const QColor &tint, double opacity)
{
    const auto mix = [opacity](int b, int t) { return int(b + (t - b) * opacity + 0.5); };
    return QColor(mix(base.red(), tint.red()), mix(base.green(), tint.green()),
                  mix(base.blue(), tint.blue()));
}
QColor pick(const QPalette &palette, QColor light, QColor dark)
{
    return isDark(palette) ? dark : light;
}
} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor errorText(const QPalette &palette)
{
    return pick(palette, QColor(176, 0, 32), QColor(255, 125, 125));
}

QColor warningText(const QPalette &palette)
{
    return pick(palette, QColor(150, 90, 0), QColor(240, 190, 90));
}

QColor mutedText(const QPalette &palette)
{
    return blend(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4);
}

QColor insertedText(const QPalette &palette)
{
    return pick(palette, QColor(0x10, 0x60, 0x10), QColor(140, 220, 140));
}

QColor insertedBackground(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), QColor(0x30, 0xb0, 0x30), 0.2);
}

QColor deletedText(const QPalette &palette)
{
    return pick(palette, QColor(0x90, 0x10, 0x10), QColor(255, 150, 150));
}

QColor deletedBackground(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), QColor(0xd0, 0x30, 0x30), 0.2);
}

QColor markedLineBackground(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), QColor(255, 193, 7), isDark(palette) ? 0.3 : 0.35);
}

QColor matchLineBackground(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), QColor(60, 150, 255), isDark(palette) ? 0.3 : 0.25);
}

QColor searchHit(const QPalette &palette)
{
    return isDark(palette) ? QColor(200, 150, 0, 170) : QColor(255, 200, 0, 190);
}

QColor warningBannerBackground(const QPalette &palette)
{
    return blend(palette.color(QPalette::Window), QColor(255, 170, 0), isDark(palette) ? 0.3 : 0.35);
}

} // namespace colors

QColor causeColor(Cause cause)
{
    switch (cause) {
    case Cause::Network:
        return QColor(0x2f, 0x6f, 0xde);
    case Cause::Server:
        return QColor(0xc2, 0x5b, 0x0e);
    case Cause::Client:
        return QColor(0x8e, 0x44, 0xad);
    case Cause::Policy:
        return QColor(0xb0, 0x22, 0x2d);
    case Cause::User:
        return QColor(0x1e, 0x84, 0x49);
    default:
        return QColor(0x6b, 0x6b, 0x6b);
    }
}

QPixmap causeSwatch(Cause cause, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(causeColor(cause));
    p.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 2, 2);
    return pixmap;
}

} // namespace relaydesk::ui

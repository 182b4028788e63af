#include "ChartLegend.h"

#include <QPainter>
#include <QPixmap>
#include <QToolButton>

namespace relaydesk::ui {

using namespace Qt::StringLiterals;

namespace {
constexpr int kSpacing = 2;

QIcon swatch(const ChartLegend::Entry &e, int size, qreal dpr)
{
    QPixmap pixmap(QSize(size * 2, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    if (e.line) {
        QPen pen(e.color, 2.5, e.style);
        p.setPen(pen);
        p.drawLine(QPointF(1, size / 2.0), QPointF(size * 2 - 1, size / 2.0));
    } else {
        p.setPen(Qt::NoPen);
        p.setBrush(e.color);
        p.drawRect(QRectF(size / 2.0, 1, size - 2, size - 2));
    }
    return QIcon(pixmap);
}
} // namespace

ChartLegend::ChartLegend(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"chartLegend"_s);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void ChartLegend::setEntries(const QList<Entry> &entries)
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const int iconHeight = QFontMetrics(small).height() * 2 / 3;
    for (const Entry &e : entries) {
        auto *button = new QToolButton(this);
        button->setObjectName(u"legendEntry"_s);
        button->setFont(small);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setIconSize(QSize(iconHeight * 2, iconHeight));
        button->setIcon(swatch(e, iconHeight, devicePixelRatioF()));
        QString text = e.text;
        button->setText(text.replace(u'&', u"&&"_s)); // no mnemonic from a region's name
        button->setFocusPolicy(Qt::NoFocus);
        if (e.key.isEmpty()) {
            button->setAttribute(Qt::WA_TransparentForMouseEvents);
        } else {
            button->setCursor(Qt::PointingHandCursor);
            button->setToolTip(tr("Click to open the tickets of %1").arg(e.text));
            connect(button, &QToolButton::clicked, this, [this, key = e.key] { emit activated(key); });
        }
        button->show();
        m_buttons.append(button);
    }
    setVisible(!m_buttons.isEmpty());
    updateGeometry();
    arrange(width(), true);
}

int ChartLegend::arrange(int width, bool apply) const
{
    int x = 0, y = 0, rowHeight = 0;
    for (QToolButton *b : m_buttons) {
        const QSize hint = b->sizeHint();
        const int w = std::min(hint.width(), std::max(width, 1));
        if (x > 0 && x + w > width) {
            x = 0;
            y += rowHeight + kSpacing;
            rowHeight = 0;
        }
        if (apply)
            b->setGeometry(x, y, w, hint.height());
        x += w + kSpacing * 3;
        rowHeight = std::max(rowHeight, hint.height());
    }
    return m_buttons.isEmpty() ? 0 : y + rowHeight;
}

int ChartLegend::heightForWidth(int width) const
{
    return arrange(width, false);
}

QSize ChartLegend::sizeHint() const
{
    int total = 0;
    for (QToolButton *b : m_buttons)
        total += b->sizeHint().width() + kSpacing * 3;
    const int w = std::max(minimumSizeHint().width(), std::min(total, 400));
    return {w, heightForWidth(w)};
}

QSize ChartLegend::minimumSizeHint() const
{
    int widest = 0;
    for (QToolButton *b : m_buttons)
        widest = std::max(widest, b->sizeHint().width());
    return {widest, heightForWidth(widest)};
}

void ChartLegend::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange(width(), true);
}

} // namespace relaydesk::ui

#include "OfflineBanner.h"

#include "Colors.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace relaydesk::ui {

OfflineBanner::OfflineBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("offlineBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("offlineBannerText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    auto *reconnect = new QPushButton(tr("Reconnect now (F5)"), this);
    reconnect->setObjectName(QStringLiteral("offlineBannerReconnect"));
    connect(reconnect, &QPushButton::clicked, this, &OfflineBanner::reconnectRequested);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(reconnect);
    applyColors();
    hide();
}

void OfflineBanner::setText(const QString &text)
{
    m_text->setText(text);
    setToolTip(text);
}

QString OfflineBanner::text() const
{
    return m_text->text();
}

void OfflineBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applyingColors)
        applyColors();
}

void OfflineBanner::applyColors()
{
    // A warning tint over the window colour, readable in light and dark palettes alike.
    m_applyingColors = true;
    QPalette p = palette();
    p.setColor(QPalette::Window, colors::warningBannerBackground(QApplication::palette(this)));
    setPalette(p);
    m_applyingColors = false;
}

} // namespace relaydesk::ui

#pragma once

#include <QFrame>

class QLabel;

namespace relaydesk::ui {

// The bar across the top of the main window while the console is cut off from its service: what is shown
// (the last synced state), why, and a button to reconnect now. Status-bar messages never cover it.
class OfflineBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfflineBanner)

public:
    explicit OfflineBanner(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;

signals:
    void reconnectRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    QLabel *m_text;
    bool m_applyingColors = false;
};

} // namespace relaydesk::ui

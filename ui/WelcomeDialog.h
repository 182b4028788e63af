#pragma once

#include <QDialog>

class QCheckBox;

namespace relaydesk::ui {

// The first start without a team server: what embedded mode is, how to try the demo and how to connect
// to a team service. Esc or Close dismisses it; "don't show again" is ticked, so it shows once.
class WelcomeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeDialog)

public:
    WelcomeDialog(const QString &dataDir, QWidget *parent = nullptr);

    bool showAgain() const; // the user unticked "don't show again"

private:
    QCheckBox *m_dontShow;
};

} // namespace relaydesk::ui

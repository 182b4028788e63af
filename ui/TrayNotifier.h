#pragma once

#include "core/Ticket.h"

#include <QObject>
#include <QSet>

class QAction;
class QSettings;
class QSystemTrayIcon;

namespace relaydesk::models {
struct AlertInfo;
}

namespace relaydesk::ui {

// Desktop notifications through the system tray: new alerts, and tickets newly assigned to the signed-in
// agent. Each kind can be switched off (remembered in QSettings). Without a system tray (e.g. offscreen)
// nothing is shown, silently; what would have been shown is still counted for tests.
class TrayNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    TrayNotifier(QSettings *settings, const QString &username, QObject *parent = nullptr);
    ~TrayNotifier() override;

    QAction *alertsAction() const { return m_alertsAction; }
    QAction *assignedAction() const { return m_assignedAction; }
    void setUsername(const QString &username);
    // Until the first sync caught up, tickets are only remembered (no flood of notices at start).
    void setReady(bool ready) { m_ready = ready; }

    // This console is about to claim these tickets itself (a claim, a bulk action): not news.
    void expectOwnClaims(const QList<qint64> &ticketIds);
    void alertRaised(const models::AlertInfo &alert);
    void ticketsArrived(const QList<Ticket> &tickets);

    int notificationsShown() const { return m_shown; }
    QString lastTitle() const { return m_lastTitle; }
    QString lastMessage() const { return m_lastMessage; }

signals:
    // The user clicked a notification about this ticket (0: about an alert).
    void ticketNotificationClicked(qint64 ticketId);
    void alertNotificationClicked();

private:
    void show(const QString &title, const QString &message, qint64 ticketId);

    QSettings *m_settings;
    QString m_username;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_alertsAction;
    QAction *m_assignedAction;
    QSet<qint64> m_mine;
    QSet<qint64> m_ownClaims;
    qint64 m_lastTicket = 0;
    int m_shown = 0;
    bool m_ready = false;
    QString m_lastTitle;
    QString m_lastMessage;
};

} // namespace relaydesk::ui

#include "TrayNotifier.h"

#include "models/AlertModel.h"

#include <QAction>
#include <QIcon>
#include <QSettings>
#include <QSystemTrayIcon>

namespace relaydesk::ui {

using namespace Qt::StringLiterals;

TrayNotifier::TrayNotifier(QSettings *settings, const QString &username, QObject *parent)
    : QObject(parent), m_settings(settings), m_username(username)
{
    m_alertsAction = new QAction(tr("Notify me about new &alerts"), this);
    m_alertsAction->setObjectName(u"notifyAlerts"_s);
    m_alertsAction->setCheckable(true);
    m_alertsAction->setChecked(settings->value(u"notifications/alerts"_s, true).toBool());
    m_assignedAction = new QAction(tr("Notify me about tickets &assigned to me"), this);
    m_assignedAction->setObjectName(u"notifyAssigned"_s);
    m_assignedAction->setCheckable(true);
    m_assignedAction->setChecked(settings->value(u"notifications/assigned"_s, true).toBool());
    connect(m_alertsAction, &QAction::toggled, this,
            [this](bool on) { m_settings->setValue(u"notifications/alerts"_s, on); });
    connect(m_assignedAction, &QAction::toggled, this,
            [this](bool on) { m_settings->setValue(u"notifications/assigned"_s, on); });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(u":/relaydesk/icons/relaydesk.svg"_s), this);
        m_tray->setToolTip(tr("Relaydesk"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_lastTicket != 0)
                emit ticketNotificationClicked(m_lastTicket);
            else
                emit alertNotificationClicked();
        });
        m_tray->show();
    }
}

TrayNotifier::~TrayNotifier() = default;

void TrayNotifier::setUsername(const QString &username)
{
    m_username = username;
    m_mine.clear();
    m_ready = false;
}

void TrayNotifier::alertRaised(const models::AlertInfo &alert)
{
    if (!m_alertsAction->isChecked())
        return;
    show(tr("Alert: %1").arg(models::alertKindLabel(alert.kind)),
         alert.subject + u" — "_s + models::alertDetailText(alert), 0);
}

void TrayNotifier::ticketsArrived(const QList<Ticket> &tickets)
{
    for (const Ticket &t : tickets) {
        const bool mine = !m_username.isEmpty() && t.assignee == m_username && isOpenForAgents(t.status);
        if (!mine) {
            m_mine.remove(t.id);
            continue;
        }
        if (m_mine.contains(t.id))
            continue;
        m_mine.insert(t.id);
        // A claim of one's own is no news; someone else assigning it (a transfer) is.
        if (!m_ready || !m_assignedAction->isChecked() || m_ownClaims.remove(t.id))
            continue;
        show(tr("Ticket #%1 was assigned to you").arg(t.id),
             tr("%1: %2").arg(t.userName.isEmpty() ? t.userId : t.userName, t.errorCode), t.id);
    }
}

void TrayNotifier::expectOwnClaims(const QList<qint64> &ticketIds)
{
    for (qint64 id : ticketIds) {
        if (!m_mine.contains(id))
            m_ownClaims.insert(id);
    }
}

void TrayNotifier::show(const QString &title, const QString &message, qint64 ticketId)
{
    ++m_shown;
    m_lastTitle = title;
    m_lastMessage = message;
    m_lastTicket = ticketId;
    if (m_tray) // QSystemTrayIcon shows plain text
        m_tray->showMessage(title, message, QSystemTrayIcon::Information, 8000);
}

} // namespace relaydesk::ui

#pragma once

#include "core/Ticket.h"
#include "models/TicketActions.h"
#include "ui/ActionDialogs.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace relaydesk::models {
class ApiClient;
}

namespace relaydesk::ui {

// The actions on the selected ticket: claim first, then resend, reroute, reply, note, transfer, resolve,
// reopen. Shows what is pending until the service confirms, and failures with a retry that reuses the
// action's key. Read-only, saying who holds it, when another agent has the ticket.
class ActionBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionBar)

public:
    ActionBar(models::TicketActions *actions, models::ApiClient *api, QWidget *parent = nullptr);

    void setCurrentUser(const QString &username) { m_me = username; }
    void setTicket(const Ticket *ticket);
    // Keyboard and the diagnosis pane's "recommended action" come in here.
    void trigger(models::TicketActions::Kind kind);
    void triggerRecommended(RecommendedAction action);
    // Opens the reply composer with knowledge-base text in it (the knowledge pane's "Insert into reply"); says
    // why through notify() when the ticket cannot be replied to now.
    void replyWith(const QString &text, const QString &articleId);
    // Lets the composer pick text from the knowledge base ("Insert from knowledge base…").
    // Shows what just happened (e.g. "Ticket #12 resolved…") in the state line, until the next action or ticket.
    void showNote(const QString &text);
    void setKbPicker(std::function<std::optional<ReplyDraft::Insertion>(QWidget *)> picker) { m_kbPicker = std::move(picker); }

signals:
    void notify(const QString &message);

private:
    void refresh();
    QPushButton *addButton(models::TicketActions::Kind kind, const QString &text, const QString &objectName);

    models::TicketActions *m_actions;
    models::ApiClient *m_api;
    std::optional<Ticket> m_ticket;
    QString m_me;
    QLabel *m_state;
    QPushButton *m_claim;
    QPushButton *m_retry;
    QHash<int, QPushButton *> m_buttons;
    std::optional<models::TicketActions::Kind> m_lastFailed;
    std::function<std::optional<ReplyDraft::Insertion>(QWidget *)> m_kbPicker;
};

} // namespace relaydesk::ui

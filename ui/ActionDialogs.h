#pragma once

#include "core/Ticket.h"
#include "models/TicketActions.h"

#include <optional>

class QWidget;

namespace relaydesk::models {
class ApiClient;
}

namespace relaydesk::ui {

// The small dialogs behind the action bar. Each returns the action's arguments, or nothing when cancelled.
std::optional<models::ActionArgs> askReroute(QWidget *parent, models::ApiClient *api, const Ticket &ticket);
std::optional<models::ActionArgs> askReply(QWidget *parent, const Ticket &ticket);
std::optional<models::ActionArgs> askNote(QWidget *parent);
std::optional<models::ActionArgs> askTransfer(QWidget *parent);
std::optional<models::ActionArgs> askResolve(QWidget *parent);
std::optional<models::ActionArgs> askReopen(QWidget *parent);
void showShortcuts(QWidget *parent);

} // namespace relaydesk::ui

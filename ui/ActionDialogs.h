#pragma once

#include "core/Ticket.h"
#include "models/TicketActions.h"

#include <functional>
#include <optional>

class QWidget;

namespace relaydesk::models {
class ApiClient;
}

namespace relaydesk::ui {

// The small dialogs behind the action bar. Each returns the action's arguments, or nothing when cancelled.
std::optional<models::ActionArgs> askReroute(QWidget *parent, models::ApiClient *api, const Ticket &ticket);
// What a reply starts with: text from the knowledge base (and the ids of the articles it came from, sent as the
// reply's kb_articles), and optionally a way to pick more from the KB while composing.
struct ReplyDraft
{
    struct Insertion
    {
        QString text;
        QString articleId;
    };
    QString body;
    QStringList kbArticles;
    std::function<std::optional<Insertion>(QWidget *parent)> pickFromKb; // empty: no "Insert from KB" button
};
std::optional<models::ActionArgs> askReply(QWidget *parent, const Ticket &ticket, const ReplyDraft &draft = {});
std::optional<models::ActionArgs> askNote(QWidget *parent);
// Queue, and optionally an agent picked from the service's list of assignable agents (GET /agents).
std::optional<models::ActionArgs> askTransfer(QWidget *parent, models::ApiClient *api);
std::optional<models::ActionArgs> askResolve(QWidget *parent);
std::optional<models::ActionArgs> askReopen(QWidget *parent);
void showShortcuts(QWidget *parent);

} // namespace relaydesk::ui

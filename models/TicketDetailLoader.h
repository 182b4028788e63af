#pragma once

#include "ApiClient.h"
#include "core/Ticket.h"

#include <QObject>

namespace relaydesk::models {

class TicketCache;

// Where a ticket's log can be read: a file in the local cache (memory-mapped by the log pane) or, when the
// cache could not store it, the bytes themselves.
struct LogSource
{
    QString path;
    QByteArray bytes;
};

// Fetches what the selected ticket's panes show beyond the list row: its timeline and its device log.
// The cached copy comes first (so offline still works), then the service's, which refreshes the cache.
// Answers for a ticket that is no longer selected are dropped.
class TicketDetailLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketDetailLoader)

public:
    TicketDetailLoader(ApiClient *api, TicketCache *cache, QObject *parent = nullptr);

    void select(qint64 ticketId);     // 0 clears
    void refreshEvents();             // the selected ticket changed: fetch its timeline again
    qint64 selected() const { return m_selected; }

signals:
    void eventsLoaded(qint64 ticketId, const QList<relaydesk::TicketEvent> &events, bool fromCache);
    void logLoaded(qint64 ticketId, const relaydesk::models::LogSource &log, bool fromCache);
    void loadFailed(qint64 ticketId, const QString &message);
    void logLoading(qint64 ticketId);

private:
    void fetchEvents(qint64 ticketId);
    void fetchLog(qint64 ticketId);

    ApiClient *m_api;
    TicketCache *m_cache;
    qint64 m_selected = 0;
};

} // namespace relaydesk::models

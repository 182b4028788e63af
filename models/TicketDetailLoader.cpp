#include "TicketDetailLoader.h"

#include "FutureWatch.h"
#include "TicketCache.h"

namespace relaydesk::models {

TicketDetailLoader::TicketDetailLoader(ApiClient *api, TicketCache *cache, QObject *parent)
    : QObject(parent), m_api(api), m_cache(cache)
{
}

void TicketDetailLoader::select(qint64 ticketId)
{
    if (ticketId == m_selected)
        return;
    m_selected = ticketId;
    if (ticketId == 0)
        return;
    whenFinished(this, m_cache->loadEvents(ticketId), [this, ticketId](const CacheResult<QList<TicketEvent>> &cached) {
        if (ticketId != m_selected)
            return;
        if (cached.ok() && !cached.value->isEmpty())
            emit eventsLoaded(ticketId, *cached.value, true);
        fetchEvents(ticketId);
    });
    emit logLoading(ticketId);
    whenFinished(this, m_cache->loadLog(ticketId), [this, ticketId](const CacheResult<std::optional<QString>> &cached) {
        if (ticketId != m_selected)
            return;
        if (cached.ok() && cached.value->has_value()) {
            // Logs never change once reported: the cached copy is final.
            emit logLoaded(ticketId, LogSource{**cached.value, {}}, true);
            return;
        }
        fetchLog(ticketId);
    });
}

void TicketDetailLoader::refreshEvents()
{
    if (m_selected != 0)
        fetchEvents(m_selected);
}

void TicketDetailLoader::fetchEvents(qint64 ticketId)
{
    m_api->fetchEvents(ticketId, [this, ticketId](ApiResult<QList<TicketEvent>> result) {
        if (!result.ok()) {
            if (ticketId == m_selected)
                emit loadFailed(ticketId, result.error.message);
            return;
        }
        m_cache->storeEvents(ticketId, *result.value);
        if (ticketId == m_selected)
            emit eventsLoaded(ticketId, *result.value, false);
    });
}

void TicketDetailLoader::fetchLog(qint64 ticketId)
{
    m_api->fetchLog(ticketId, [this, ticketId](ApiResult<QByteArray> result) {
        if (!result.ok()) {
            if (ticketId == m_selected)
                emit loadFailed(ticketId, result.error.message);
            return;
        }
        const QByteArray bytes = *result.value;
        whenFinished(this, m_cache->storeLog(ticketId, bytes), [this, ticketId, bytes](const CacheResult<QString> &stored) {
            if (ticketId != m_selected)
                return;
            // Stored: the pane maps the file. Not stored (disk full, ...): it still shows the bytes.
            emit logLoaded(ticketId, stored.ok() ? LogSource{*stored.value, {}} : LogSource{{}, bytes}, false);
        });
    });
}

} // namespace relaydesk::models

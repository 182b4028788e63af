#pragma once

#include "WorkerThread.h"
#include "core/Ticket.h"

#include <QFuture>
#include <QList>
#include <QString>


#include <optional>

namespace relaydesk::models {

template <typename T> struct CacheResult
{
    std::optional<T> value;
    QString error; // translated, when !value
    bool ok() const { return value.has_value(); }
};

struct CachedState
{
    QList<Ticket> tickets;
    qint64 cursor = 0; // highest change sequence stored
};

// The console's local copy of what it synced: tickets and timelines in one SQLite file, logs as files
// beside it, so the console opens at once on the last known state and stays readable offline. All SQL and
// file work runs on one worker thread owned by the cache (one connection, used only there); results come
// back as futures.
class TicketCache final
{
    Q_DISABLE_COPY_MOVE(TicketCache)

public:
    explicit TicketCache(QString path);
    ~TicketCache();

    QString path() const { return m_path; }

    // Opens (creating or migrating the schema) and loads every cached ticket and the sync cursor.
    QFuture<CacheResult<CachedState>> open();
    // Stores a synced page and the new cursor in one transaction.
    QFuture<CacheResult<bool>> storeTickets(const QList<Ticket> &tickets, qint64 cursor);
    QFuture<CacheResult<QList<TicketEvent>>> loadEvents(qint64 ticketId);
    QFuture<CacheResult<bool>> storeEvents(qint64 ticketId, const QList<TicketEvent> &events);
    // Logs are files in logDir(), one per ticket, so that the log pane memory-maps them. loadLog gives the
    // file's path; ok() with an empty inner optional means "not cached yet".
    QFuture<CacheResult<std::optional<QString>>> loadLog(qint64 ticketId);
    // Writes the log atomically and answers its path; then removes the least recently opened logs beyond
    // the budget (default 1 GiB).
    QFuture<CacheResult<QString>> storeLog(qint64 ticketId, const QByteArray &log);
    QString logDir() const;
    void setLogBudget(qint64 bytes) { m_logBudget = bytes; }

private:
    QString m_path;
    QString m_connectionName;
    qint64 m_logBudget = qint64(1) << 30;
    WorkerThread m_worker;
};

} // namespace relaydesk::models

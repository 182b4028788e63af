#pragma once

#include <QStringList>

class QThreadPool;

namespace relaydesk::server {

class ActionStore;
class AuthStore;
class OutboxDispatcher;
class ReportStore;
class StreamHub;
class TicketStore;
class TriagePolicy;

// What the HTTP controllers share, owned by Service. Stores are thread-safe and used on `pool`.
struct ServiceContext
{
    QThreadPool *pool = nullptr;
    const AuthStore *auth = nullptr;
    const ReportStore *reports = nullptr;
    const TicketStore *tickets = nullptr;
    TriagePolicy *triage = nullptr;
    StreamHub *hub = nullptr;
    OutboxDispatcher *dispatcher = nullptr; // null without a gateway
    int schemaVersion = 0;
    const ActionStore *actions = nullptr;
    QStringList regions; // the gateway regions of the tier-1 policy
};

} // namespace relaydesk::server

#pragma once

class QThreadPool;

namespace relaydesk::server {

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
};

} // namespace relaydesk::server

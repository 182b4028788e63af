#pragma once

#include <QtGlobal>

namespace relaydesk::server {

// What one client may cost the service (docs/operations.md "Limits"). Every size is enforced while
// reading, before anything is buffered past it; every wait has a deadline.
struct HttpLimits
{
    qint64 maxBody = 12 * 1024 * 1024;   // request body (after chunked decoding), bytes
    int maxHeader = 16 * 1024;           // request line + header fields, bytes
    int maxUri = 8 * 1024;               // request target, bytes
    int headerTimeoutMs = 10'000;        // from a request's first byte to the end of its header
    int bodyTimeoutMs = 60'000;          // from the end of the header to the end of the body
    int idleTimeoutMs = 60'000;          // a kept-alive connection waiting for its next request
    int writeTimeoutMs = 60'000;         // one answer reaching a client that does not read
    int maxConnections = 768;            // open connections, HTTP and WebSocket (below the descriptor limit)
    int maxConnectionsPerIp = 128;       // from one peer address
    int maxWebSocketMessage = 64 * 1024; // one message a WebSocket client sends
    qint64 maxWebSocketBacklog = 4 * 1024 * 1024; // bytes queued for a WebSocket client that does not read
    int ioThreads = 1;                   // threads that run the sockets (handlers run on the service thread)
};

} // namespace relaydesk::server

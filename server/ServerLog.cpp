#include "server/ServerLog.h"

namespace relaydesk::server {

Q_LOGGING_CATEGORY(lcServer, "relaydesk.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "relaydesk.server.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStream, "relaydesk.server.stream", QtInfoMsg)

} // namespace relaydesk::server

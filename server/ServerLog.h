#pragma once

#include <QLoggingCategory>

namespace relaydesk::server {

Q_DECLARE_LOGGING_CATEGORY(lcServer)   // service lifecycle, requests that failed on our side
Q_DECLARE_LOGGING_CATEGORY(lcStorage)  // database, migrations
Q_DECLARE_LOGGING_CATEGORY(lcStream)   // WebSocket push

} // namespace relaydesk::server

#pragma once

#include <QString>

namespace relaydesk::server {

class Database;

// Versioned schema. Each migration is a list of portable DDL statements; the runner applies the missing
// ones in a single transaction and records the version in `schema_version`, so a restart on an
// up-to-date database changes nothing and a failed upgrade leaves the old schema intact.
class Migrations final
{
public:
    static int latestVersion();
    // Brings the database to latestVersion(). Returns the resulting version, or -1 with *error set.
    static int migrate(const Database &database, QString *error);
    // The version recorded in the database (0 for an empty one), or -1 with *error set.
    static int currentVersion(const Database &database, QString *error);
};

} // namespace relaydesk::server

#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace relaydesk::app {

struct ConsoleOptions
{
    QUrl server;           // empty: run the service embedded
    QString dataDir;       // where the embedded database and the local cache live
    QString language;      // e.g. "zh_CN"; empty: the system's
    bool demo = false;     // run the simulator in-process
    QString clientKey;     // intake key for --demo against a remote server
    double demoRate = 4.0; // reports per second
    int demoCount = 200;
    quint64 seed = 0;      // 0: random
    // The first start without --server shows a welcome (once). main() asks for it outside --demo; tests
    // leave it off unless they test it.
    bool welcome = false;
};

// Parses the command line; on error or --help/--version prints and returns the exit code to use.
struct ParsedOptions
{
    std::optional<ConsoleOptions> options;
    int exitCode = 0;
};
ParsedOptions parseConsoleOptions(const QStringList &arguments);

} // namespace relaydesk::app

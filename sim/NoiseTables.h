#pragma once

#include "core/Enums.h"

#include <span>

// Ordinary device log traffic: the lines a failure signature is buried in. Each template is one line
// "L Tag: text" in the catalogue's syntax (see SignatureFamily.h).
namespace relaydesk::sim::tables {

// Which process writes a line, so logcat pid/tid columns stay consistent within one log.
enum class Writer { App, System, SystemUi, Other };

struct NoiseLine
{
    int weight;
    Writer writer;
    const char *line;
};

std::span<const NoiseLine> noise(LogFormat format);
// Lines written when the app starts, at the beginning of the log.
std::span<const NoiseLine> startup(LogFormat format);
// Harmless trouble long before the failure that a careless reader could blame (a timeout retried
// successfully, a 503 on sync that recovered). Blocks separated by '\n', one block per entry.
std::span<const char *const> misleading(LogFormat format);
// The user opening the report dialog, at the end of the log.
const char *reportBlock(LogFormat format);

} // namespace relaydesk::sim::tables

#pragma once

#include "core/Enums.h"

namespace relaydesk::sim {

// Which API endpoint a failure happens on, what message it needs and what network state goes with it.
enum class EndpointKind { Send, Upload };
enum class KindNeed { Any, Text, LongText, Media, Empty };
enum class NetworkNeed { Any, Wifi, Offline };

// One way a message fails to send, as DOMAIN.md describes it: the report fields it produces and the
// log lines it leaves on each kind of device.
//
// Log templates are lines separated by '\n', each "L Tag: text" (L = V D I W E F; the tag is the logcat
// tag, the iOS process or the electron-log scope). A line "--" splits the block: lines before it are
// written once per attempt, lines after it once after the last attempt. An empty template means the
// failure does not occur on that kind of device. Placeholders in {braces} are filled by LogGenerator.
struct SignatureFamily
{
    Cause cause;
    const char *name; // stable family id, e.g. "unknown_host"
    int weight;       // relative frequency within its cause
    EndpointKind endpoint;
    KindNeed kind;
    NetworkNeed network;
    int httpStatus;           // 0: no HTTP response
    const char *errorCode;    // "android|apple|electron" when it differs per client, may be empty
    const char *errorMessage; // may contain placeholders
    int minAttempts;
    int maxAttempts;
    const char *android;
    const char *apple;
    const char *electron;
};

} // namespace relaydesk::sim

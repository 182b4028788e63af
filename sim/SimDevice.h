#pragma once

#include "core/Report.h"

namespace relaydesk::sim {

// One virtual device of the population: who uses it, what it runs and where it connects.
struct SimDevice
{
    int index = 0;
    UserInfo user;
    DeviceFacts device;   // device.network is the usual one; a report may override it (offline, captive)
    QString region;       // the IM data centre region the client talks to
    int utcOffsetMinutes = 0; // device clock offset: logcat and electron logs are in local time
    bool chinese = false;     // Chinese locale: comments, previews and display names in Chinese
    bool oldBuild = false;    // runs the oldest, failure-prone app version
    int appPid = 0;           // process id of the IM app on the device
};

} // namespace relaydesk::sim

#pragma once

#include "SimDevice.h"

#include <QList>

#include <functional>

namespace relaydesk::sim {

class SimRandom;

// A fixed population of virtual devices drawn from the device tables: ~55% Android, ~25% iOS, the rest
// web and desktop; users spread over five regions, Chinese locales mostly in cn-*. Reports are filed by
// devices of this population, so the same user can report more than once (as real users do).
class DevicePopulation final
{
public:
    DevicePopulation(SimRandom &random, int size);

    const QList<SimDevice> &devices() const { return m_devices; }
    // Any device, uniformly.
    const SimDevice &pick(SimRandom &random) const;
    // A device satisfying `accept`, or any device when none does within a bounded number of draws.
    const SimDevice &pickWhere(SimRandom &random, const std::function<bool(const SimDevice &)> &accept) const;

private:
    SimDevice makeDevice(SimRandom &random, int index) const;

    QList<SimDevice> m_devices;
};

} // namespace relaydesk::sim

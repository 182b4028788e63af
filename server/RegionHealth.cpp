#include "server/RegionHealth.h"

namespace relaydesk::server {

using namespace Qt::StringLiterals;

RegionHealth::State RegionHealth::state(const QString &region, qint64 now) const
{
    const auto it = m_regions.constFind(region);
    if (it == m_regions.cend() || !it->open)
        return State::Closed;
    return it->probing || now >= it->openedAt + m_coolDownMs ? State::HalfOpen : State::Open;
}

bool RegionHealth::available(const QString &region, qint64 now) const
{
    const auto it = m_regions.constFind(region);
    if (it == m_regions.cend())
        return true;
    if (now < it->notBefore)
        return false;
    if (!it->open)
        return true;
    return !it->probing && now >= it->openedAt + m_coolDownMs;
}

qint64 RegionHealth::availableAt(const QString &region) const
{
    const auto it = m_regions.constFind(region);
    if (it == m_regions.cend())
        return 0;
    return qMax(it->notBefore, it->open ? it->openedAt + m_coolDownMs : 0);
}

void RegionHealth::beginAttempt(const QString &region, qint64 now)
{
    Entry &e = m_regions[region];
    if (e.open && now >= e.openedAt + m_coolDownMs)
        e.probing = true;
}

void RegionHealth::recordSuccess(const QString &region)
{
    Entry &e = m_regions[region];
    e.failures = 0;
    e.open = false;
    e.probing = false;
}

void RegionHealth::recordFailure(const QString &region, qint64 now, qint64 notBeforeMs)
{
    Entry &e = m_regions[region];
    ++e.failures;
    // Already open and no probe out: the answer is from a request sent before the circuit opened (several
    // are in flight at once); it does not restart the cool-down.
    if (e.open && !e.probing) {
        if (notBeforeMs > 0)
            e.notBefore = qMax(e.notBefore, notBeforeMs);
        return;
    }
    if (e.probing || e.failures >= m_threshold) {
        e.open = true;
        e.openedAt = now;
    }
    e.probing = false;
    if (notBeforeMs > 0)
        e.notBefore = qMax(e.notBefore, notBeforeMs);
}

void RegionHealth::recordNeutral(const QString &region)
{
    m_regions[region].probing = false;
}

QString RegionHealth::pickHealthy(const QStringList &candidates, const QString &avoid, qint64 now) const
{
    for (const QString &region : candidates) {
        if (region != avoid && available(region, now))
            return region;
    }
    return {};
}

QString RegionHealth::toWire(State state)
{
    switch (state) {
    case State::Closed: return u"closed"_s;
    case State::Open: return u"open"_s;
    case State::HalfOpen: break;
    }
    return u"half_open"_s;
}

} // namespace relaydesk::server

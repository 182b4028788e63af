#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace relaydesk::server {

// A circuit breaker per gateway region, plus the region's Retry-After. Closed: requests flow. After
// `threshold` consecutive transient failures it opens: nothing is routed there until `coolDownMs` passed;
// then it is half-open and lets exactly one probe through: success closes it, failure opens it again.
// Single-threaded (the dispatcher's thread); times are caller-supplied ms, so tests drive the clock.
class RegionHealth final
{
public:
    enum class State { Closed, Open, HalfOpen };

    RegionHealth(int threshold, qint64 coolDownMs) : m_threshold(threshold), m_coolDownMs(coolDownMs) {}

    bool available(const QString &region, qint64 now) const;
    qint64 availableAt(const QString &region) const; // earliest time available() may turn true
    void beginAttempt(const QString &region, qint64 now); // an open circuit past its cool-down turns half-open
    void recordSuccess(const QString &region);
    // A transient failure; `notBeforeMs` > 0 keeps the region closed to requests until then (Retry-After).
    // While the circuit is open (no probe out) it is an earlier request's answer: the cool-down keeps running.
    void recordFailure(const QString &region, qint64 now, qint64 notBeforeMs = 0);
    void recordNeutral(const QString &region); // an answer that says nothing about the region's health
    State state(const QString &region, qint64 now) const;
    // The first region of `candidates`, other than `avoid`, that is available now; empty if none.
    QString pickHealthy(const QStringList &candidates, const QString &avoid, qint64 now) const;

    static QString toWire(State state);

private:
    struct Entry
    {
        int failures = 0;
        bool open = false;
        bool probing = false; // half-open probe in flight
        qint64 openedAt = 0;
        qint64 notBefore = 0;
    };
    int m_threshold;
    qint64 m_coolDownMs;
    QHash<QString, Entry> m_regions;
};

} // namespace relaydesk::server

#pragma once

#include "core/Enums.h"
#include "core/Report.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace relaydesk::server {

// One step the triage took, recorded as a ticket event after the `reported` event.
struct TriageStep
{
    QString actor; // "system", "tier1"
    QString kind;  // "diagnosed", "escalated", ...
    QString summary;
    QJsonObject detail;
};

// Where a new report's ticket ends up after intake.
struct TriageDecision
{
    TicketStatus status = TicketStatus::Escalated;
    Cause cause = Cause::Unknown;
    QString queue;
    QList<TriageStep> steps;
};

// Decides what happens to a new report (diagnosis and tier-1 handling plug in here). Called on worker
// threads, possibly concurrently: implementations must be thread-safe.
class TriagePolicy
{
public:
    virtual ~TriagePolicy() = default;
    virtual TriageDecision decide(const Report &report, const QByteArray &logText) = 0;
};

} // namespace relaydesk::server

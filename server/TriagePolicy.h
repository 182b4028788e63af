#pragma once

#include "core/Diagnosis.h"
#include "core/Enums.h"
#include "core/Report.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace relaydesk::server {

// One step the triage took, recorded as a ticket event after the `reported` event.
struct TriageStep
{
    QString actor; // "system", "tier1"
    QString kind;  // "diagnosed", "escalated", ...
    QString summary;
    QJsonObject detail;
};

// An effect tier 1 decided to have the IM gateway carry out. It is written to the outbox in the same
// transaction as the ticket and the event that decided it; the dispatcher delivers it afterwards.
struct OutboxRequest
{
    enum class Kind { Resend, Notice };
    Kind kind = Kind::Resend;
    QString path;         // gateway path, e.g. /v1/messages/m-1/resend
    QJsonObject body;     // request body without "ticket_id" and "region" (added when sending)
    QString homeRegion;   // the region the report failed in
    bool preferReroute = false; // the diagnosis says the home region is unhealthy: reroute after a failure
    // Agent effects (ActionStore): who asked (empty: tier 1), the action id, a fixed key (empty: the
    // generated "t{ticket}-{kind}-{n}") and the region of the first attempt (empty: the home region).
    QString actor;
    qint64 actionId = 0;
    QString key;
    QString region;
};
QString toWire(OutboxRequest::Kind kind);

// Where a new report's ticket ends up after intake.
struct TriageDecision
{
    TicketStatus status = TicketStatus::Escalated;
    Cause cause = Cause::Unknown;
    QString queue;
    QList<TriageStep> steps;
    std::optional<Diagnosis> diagnosis;
    QList<OutboxRequest> outbox;
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

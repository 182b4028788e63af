#pragma once

#include "core/Enums.h"
#include "core/Ticket.h"

#include <QString>

namespace relaydesk::models {

// Which tickets a queue view shows. Everything but `All` keeps to tickets waiting on tier 2.
struct QueueSelection
{
    enum class Kind { AllEscalated, Mine, Unassigned, ByCause, ByRegion, Everything };
    Kind kind = Kind::AllEscalated;
    Cause cause = Cause::Unknown; // for ByCause
    QString region;               // for ByRegion

    static QueueSelection of(Kind kind) { return {kind, Cause::Unknown, {}}; }
    static QueueSelection byCause(Cause c) { return {Kind::ByCause, c, {}}; }
    static QueueSelection byRegion(const QString &r) { return {Kind::ByRegion, Cause::Unknown, r}; }

    bool operator==(const QueueSelection &) const = default;
    bool matches(const Ticket &ticket, const QString &me) const;
};

// The quick filter: every whitespace-separated word must occur (case-insensitively) in one of the
// ticket's searchable texts.
class QuickFilter final
{
public:
    QuickFilter() = default;
    explicit QuickFilter(const QString &text);

    bool isEmpty() const { return m_words.isEmpty(); }
    bool matches(const Ticket &ticket) const;

private:
    QStringList m_words;
};

} // namespace relaydesk::models

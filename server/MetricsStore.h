#pragma once

#include "server/MetricsCalculator.h"

#include <QMap>
#include <QSqlDatabase>
#include <QVariantList>

#include <optional>

namespace relaydesk::server {

class Database;

// Loads what MetricsCalculator computes over (docs/api.md "Metrics"): tickets with their timelines, the
// survey answers and agents' open claims. Thread-safe; storage failures return nullopt with *error set.
class MetricsStore final
{
public:
    explicit MetricsStore(const Database &database);

    // Tickets reported before `to` that changed at or after `from`, or were reported at or after
    // `reportedSince` (to see deadlines that fall in the range), with their whole timelines (a reopen after
    // `to` undoes an earlier resolve, as in the rollups: a ticket's facts do not depend on the range asked).
    // Without `withEvents` the timelines stay empty (the counts by cause, region and app version need none).
    std::optional<QList<TicketHistory>> histories(qint64 from, qint64 to, qint64 reportedSince,
                                                  bool withEvents, QString *error) const;
    // Tickets reported before `to` whose last change is before `from`, counted by their status.
    std::optional<QMap<QString, int>> unchangedByStatus(qint64 from, qint64 to, QString *error) const;
    // Open tickets escalated to agents (statuses escalated, claimed, waiting_user, reopened) with the events of
    // their timelines that firstResponseAt() and finalResolutionAt() look at (replied, gateway_attempt,
    // resolved, resolved_auto, closed, reopened).
    std::optional<QList<TicketHistory>> openEscalated(QString *error) const;
    // Tickets reported in [from, to).
    std::optional<int> reportsBetween(qint64 from, qint64 to, QString *error) const;
    // Claimed or waiting_user tickets per assignee, now.
    std::optional<QMap<QString, int>> openClaims(QString *error) const;

    struct SurveyAnswer
    {
        qint64 answeredAt = 0;
        int score = 0;
    };
    // Answered surveys (table `surveys`, schema v6) with answered_at in [from, to).
    std::optional<QList<SurveyAnswer>> surveys(qint64 from, qint64 to, QString *error) const;

    // The tickets matching `where` (over `t`, the tickets table) with their events before `eventsBefore`, on
    // the caller's connection and transaction (the rollups read a ticket inside a write transaction).
    static std::optional<QList<TicketHistory>> loadOn(QSqlDatabase &db, const QString &where,
                                                      const QVariantList &values, qint64 eventsBefore,
                                                      bool withEvents, QString *error,
                                                      const QString &eventKinds = {});

private:
    // `eventKinds`: a literal SQL list of the event kinds to load (empty: all).
    std::optional<QList<TicketHistory>> load(const QString &where, const QVariantList &values,
                                             qint64 eventsBefore, bool withEvents, QString *error,
                                             const QString &eventKinds = {}) const;

    const Database &m_database;
};

} // namespace relaydesk::server

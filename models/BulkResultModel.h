#pragma once

#include "IncidentBulkAction.h"

#include <QAbstractTableModel>
#include <QSet>

namespace relaydesk::models {

class ApiClient;

// How the tickets of a bulk action ended, as far as the console knows now.
struct BulkOutcomeCounts
{
    int pending = 0;    // accepted by the service, the gateway's answer not in yet
    int delivered = 0;
    int suppressed = 0; // duplicate suppressed: the user already had the message
    int failed = 0;     // failed at the gateway, or refused by the service
    int skipped = 0;    // not acted on (held by another agent, tier 1 still on it)
    bool operator==(const BulkOutcomeCounts &) const = default;
};

// The per-ticket results of the last bulk action (docs/api.md "Incidents"), each one the gateway's final
// outcome: the service's answer only says an action was queued ("done"), so every such ticket stays
// pending until its timeline carries the action_outcome event of that action id (docs/api.md "Agent
// actions"), which is then delivered, duplicate suppressed, or failed with the gateway's status and code.
// Timelines are read once when the answer arrives (outcomes may already be there) and again whenever a
// pending ticket changes (ticketsChanged(), fed from the ticket model: the stream announces each outcome).
class BulkResultModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkResultModel)

public:
    enum Column { TicketColumn, ResultColumn, DetailColumn, ColumnCount };
    enum Role {
        // Qt::UserRole per column: the ticket id (TicketColumn), the outcome key (ResultColumn).
        KeyRole = Qt::UserRole,
        TicketIdRole,
        OutcomeRole, // pending, delivered, duplicate_suppressed, failed, skipped
        ActionIdRole,
    };

    // Without an api the model only learns outcomes through observeEvents() (tests).
    explicit BulkResultModel(ApiClient *api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSummary(const BulkSummary &summary);
    void clear();
    bool hasResults() const { return !m_rows.isEmpty(); }
    QString action() const { return m_action; } // resend, reroute, reply
    BulkOutcomeCounts counts() const { return m_counts; }
    int rowOfTicket(qint64 ticketId) const;

    // A ticket's timeline: the action_outcome of a pending row's action settles it.
    void observeEvents(qint64 ticketId, const QList<TicketEvent> &events);
    // Tickets changed (sync): re-read the timelines of the pending ones among them.
    void ticketsChanged(const QList<qint64> &ids);

signals:
    void countsChanged();

private:
    struct Row
    {
        qint64 ticketId = 0;
        qint64 actionId = 0;
        QString outcome; // as OutcomeRole
        int httpStatus = 0;
        QString code;    // the gateway's code (failed) or the service's refusal code
        QString message; // the service's explanation of a refusal or skip
        QString holder;
        QString region;
        bool refused = false; // the service refused the action: no gateway outcome will come
    };
    QString resultText(const Row &row) const;
    QString detailText(const Row &row) const;
    void recount();
    void fetch(qint64 ticketId);

    ApiClient *m_api;
    QList<Row> m_rows;
    QString m_action;
    BulkOutcomeCounts m_counts;
    quint64 m_generation = 0;   // answers for an earlier summary are dropped
    QSet<qint64> m_fetching;    // timelines being read
    QSet<qint64> m_fetchAgain;  // changed again while being read
};

} // namespace relaydesk::models

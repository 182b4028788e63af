#pragma once

#include "ApiClient.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace relaydesk::models {

// One alert as GET /api/v1/alerts and the stream's alert.raised / alert.changed carry it.
struct AlertInfo
{
    qint64 id = 0;
    QString kind;    // delivery_drop, inflow_spike, sla_risk (others shown by their wire name)
    QString subject; // a region, "reports", first_response / resolution
    QString state;   // raised, acknowledged, resolved
    QDateTime raisedAt;
    QString acknowledgedBy;
    QDateTime acknowledgedAt;
    QDateTime resolvedAt;
    QDateTime updatedAt;
    QJsonObject detail;

    bool isOpen() const { return state != QLatin1String("resolved"); }
};
Decoded<AlertInfo> decodeAlert(const QJsonObject &json);
// "Delivery success dropped" ... (translated)
QString alertKindLabel(const QString &kind);
// One line about what the alert measured, e.g. "success 71.0 % (baseline 98.5 %), 412 sent" (translated).
QString alertDetailText(const AlertInfo &alert);

// The alerts the lead sees: open ones first, then the history (newest first). Loads from the service,
// takes the stream's changes, and acknowledges with an Idempotency-Key that a retry after a failure reuses.
class AlertModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertModel)

public:
    enum Column { Kind, Subject, Since, State, Detail, ColumnCount };
    enum Role { AlertIdRole = Qt::UserRole + 1, StateRole };

    explicit AlertModel(ApiClient *api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Only raised and acknowledged alerts (default), or the history too.
    void setShowHistory(bool show);
    bool showsHistory() const { return m_showHistory; }

    void refresh();
    // A stream message {"type": "alert.raised"|"alert.changed", "alert": {...}}.
    void applyStreamMessage(const QString &type, const QJsonObject &alert);
    void upsert(const AlertInfo &alert);

    // False when an acknowledgement of that alert is already pending.
    bool acknowledge(qint64 alertId);
    bool isAcknowledging(qint64 alertId) const { return m_pendingAcks.contains(alertId); }

    int raisedCount() const; // raised and not yet acknowledged
    std::optional<AlertInfo> alert(qint64 id) const;
    std::optional<AlertInfo> alertAt(int row) const;
    bool isLoaded() const { return m_loaded; }

signals:
    void raisedCountChanged(int count);
    // A raised alert this console had not seen (not sent for the first load).
    void alertRaised(const relaydesk::models::AlertInfo &alert);
    void acknowledged(qint64 alertId);
    void acknowledgeFailed(qint64 alertId, const QString &message);
    void loadFailed(const QString &message);

private:
    void rebuild();

    ApiClient *m_api;
    QHash<qint64, AlertInfo> m_all;
    QList<qint64> m_rows; // shown ids, in display order
    QHash<qint64, QString> m_ackKeys; // alert -> the key of its acknowledgement (kept for a retry)
    QSet<qint64> m_pendingAcks;
    bool m_showHistory = false;
    bool m_loaded = false;
    int m_lastRaised = -1;
};

} // namespace relaydesk::models

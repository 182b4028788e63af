#pragma once

#include "ApiClient.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace relaydesk::models {

// An incident as GET /api/v1/incidents describes it: tickets with one diagnosis signature.
struct IncidentInfo
{
    QString id;
    QString state; // open, resolved
    QString signature;
    QString cause;
    QString errorCode;
    QString region;
    QString appVersion;
    int ticketCount = 0;
    int openCount = 0;
    QDateTime firstAt;
    QDateTime lastAt;
    QList<qint64> ticketIds;
    QList<qint64> openTicketIds;
};
Decoded<IncidentInfo> decodeIncident(const QJsonObject &json);

// The open incidents, newest activity first (the service's order).
class IncidentModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentModel)

public:
    enum Column { Signature, Cause, Region, Count, FirstSeen, LastSeen, ColumnCount };
    enum Role { IncidentIdRole = Qt::UserRole + 1 };

    explicit IncidentModel(ApiClient *api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void refresh();
    void setIncidents(const QList<IncidentInfo> &incidents);
    std::optional<IncidentInfo> incident(const QString &id) const;
    std::optional<IncidentInfo> incidentAt(int row) const;
    int rowOf(const QString &id) const;
    bool isLoading() const { return m_loading; }

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    ApiClient *m_api;
    QList<IncidentInfo> m_incidents;
    bool m_loading = false;
};

} // namespace relaydesk::models

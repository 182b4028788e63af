#include "IncidentModel.h"

#include "Labels.h"
#include "core/JsonReader.h"

#include <QJsonArray>
#include <QLocale>
#include <QPointer>

#include <limits>

namespace relaydesk::models {

using namespace Qt::StringLiterals;

namespace {
bool readIds(const QJsonObject &json, QLatin1StringView key, QList<qint64> *out, DecodeError *error)
{
    const QJsonValue v = json.value(key);
    if (!v.isArray()) {
        *error = DecodeError{QString(key), v.isUndefined() ? u"is missing"_s : u"must be an array"_s};
        return false;
    }
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const double d = array.at(i).toDouble(-1);
        if (!array.at(i).isDouble() || d < 1 || d != qint64(d)) {
            *error = DecodeError{u"%1[%2]"_s.arg(key).arg(i), u"must be a ticket id"_s};
            return false;
        }
        out->append(qint64(d));
    }
    return true;
}
} // namespace

Decoded<IncidentInfo> decodeIncident(const QJsonObject &json)
{
    JsonReader r(json);
    IncidentInfo i;
    i.id = r.requiredString("id"_L1, 128);
    i.state = r.requiredString("state"_L1, 16);
    i.signature = r.requiredString("signature"_L1, 512);
    i.cause = r.requiredString("cause"_L1, 32, true);
    i.errorCode = r.optionalString("error_code"_L1, 128);
    i.region = r.optionalString("region"_L1, 64);
    i.appVersion = r.optionalString("app_version"_L1, 64);
    i.ticketCount = int(r.requiredInt("ticket_count"_L1, 0, std::numeric_limits<int>::max()));
    i.openCount = int(r.requiredInt("open_count"_L1, 0, std::numeric_limits<int>::max()));
    i.firstAt = r.requiredTime("first_at"_L1);
    i.lastAt = r.requiredTime("last_at"_L1);
    if (!r.ok())
        return r.error();
    DecodeError error;
    if (!readIds(json, "ticket_ids"_L1, &i.ticketIds, &error) || !readIds(json, "open_ticket_ids"_L1, &i.openTicketIds, &error))
        return error;
    return i;
}

IncidentModel::IncidentModel(ApiClient *api, QObject *parent) : QAbstractTableModel(parent), m_api(api) {}

int IncidentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_incidents.size());
}

int IncidentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_incidents.size())
        return {};
    const IncidentInfo &i = m_incidents.at(index.row());
    if (role == IncidentIdRole)
        return i.id;
    if (role == Qt::ToolTipRole && index.column() == Signature)
        return i.signature;
    if (role == Qt::TextAlignmentRole && index.column() == Count)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Signature: return i.errorCode.isEmpty() ? i.signature : i.errorCode + u" · "_s + i.appVersion;
    case Cause: {
        const auto cause = fromWire<relaydesk::Cause>(i.cause);
        return cause ? label(*cause) : i.cause;
    }
    case Region: return i.region;
    case Count: return tr("%1 open / %2").arg(i.openCount).arg(i.ticketCount);
    case FirstSeen: return dateTimeText(i.firstAt);
    case LastSeen: return dateTimeText(i.lastAt);
    case ColumnCount: break;
    }
    return {};
}

QVariant IncidentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Signature: return tr("Signature");
    case Cause: return tr("Cause");
    case Region: return tr("Region");
    case Count: return tr("Tickets");
    case FirstSeen: return tr("First seen");
    case LastSeen: return tr("Last seen");
    case ColumnCount: break;
    }
    return {};
}

void IncidentModel::refresh()
{
    m_loading = true;
    QPointer<IncidentModel> self(this);
    m_api->getObject(u"/incidents"_s, {{u"state"_s, u"open"_s}}, [self](ApiResult<QJsonObject> r) {
        if (!self)
            return;
        self->m_loading = false;
        if (!r.ok())
            return emit self->loadFailed(r.error.message);
        const QJsonArray array = r.value->value("incidents"_L1).toArray();
        QList<IncidentInfo> incidents;
        for (qsizetype n = 0; n < array.size(); ++n) {
            auto decoded = decodeIncident(array.at(n).toObject());
            if (!decoded.ok()) {
                return emit self->loadFailed(tr("The service sent incidents this console does not understand: %1")
                                                 .arg(u"incidents[%1].%2"_s.arg(n).arg(decoded.error().toString())));
            }
            incidents.append(decoded.value());
        }
        self->setIncidents(incidents);
        emit self->loaded();
    });
}

void IncidentModel::setIncidents(const QList<IncidentInfo> &incidents)
{
    beginResetModel();
    m_incidents = incidents;
    endResetModel();
}

std::optional<IncidentInfo> IncidentModel::incident(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? std::nullopt : std::optional<IncidentInfo>(m_incidents.at(row));
}

std::optional<IncidentInfo> IncidentModel::incidentAt(int row) const
{
    return row >= 0 && row < m_incidents.size() ? std::optional<IncidentInfo>(m_incidents.at(row)) : std::nullopt;
}

int IncidentModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_incidents.size(); ++i) {
        if (m_incidents.at(i).id == id)
            return int(i);
    }
    return -1;
}

} // namespace relaydesk::models

#include "AlertModel.h"

#include "Labels.h"
#include "core/JsonReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QPointer>
#include <QUuid>

#include <limits>

namespace relaydesk::models {

using namespace Qt::StringLiterals;

Decoded<AlertInfo> decodeAlert(const QJsonObject &json)
{
    JsonReader r(json);
    AlertInfo a;
    a.id = r.requiredInt("id"_L1, 1, std::numeric_limits<qint64>::max());
    a.kind = r.requiredString("kind"_L1, 64);
    a.subject = r.requiredString("subject"_L1, 128, true);
    a.state = r.requiredString("state"_L1, 32);
    a.raisedAt = r.requiredTime("raised_at"_L1);
    a.acknowledgedBy = r.optionalString("acknowledged_by"_L1, 256);
    a.acknowledgedAt = r.optionalTime("acknowledged_at"_L1);
    a.resolvedAt = r.optionalTime("resolved_at"_L1);
    a.updatedAt = r.optionalTime("updated_at"_L1);
    a.detail = r.rawObject("detail"_L1);
    if (r.ok() && a.state != "raised"_L1 && a.state != "acknowledged"_L1 && a.state != "resolved"_L1)
        r.fail("state"_L1, u"unknown value \"%1\" (expected one of: raised, acknowledged, resolved)"_s.arg(a.state));
    if (!r.ok())
        return r.error();
    return a;
}

QString alertKindLabel(const QString &kind)
{
    if (kind == "delivery_drop"_L1)
        return QCoreApplication::translate("AlertModel", "Delivery success dropped");
    if (kind == "inflow_spike"_L1)
        return QCoreApplication::translate("AlertModel", "Report inflow spike");
    if (kind == "sla_risk"_L1)
        return QCoreApplication::translate("AlertModel", "SLA breach risk");
    return kind;
}

QString alertDetailText(const AlertInfo &a)
{
    const QJsonObject &d = a.detail;
    const QLocale locale;
    const auto percent = [&locale](const QJsonValue &v) { return locale.toString(v.toDouble() * 100.0, 'f', 1); };
    if (a.kind == "delivery_drop"_L1 && d.contains("success_rate"_L1)) {
        return QCoreApplication::translate("AlertModel", "success %1 % (baseline %2 %), %3 of %4 failed")
            .arg(percent(d.value("success_rate"_L1)), percent(d.value("baseline"_L1)))
            .arg(d.value("failed"_L1).toInteger())
            .arg(d.value("sent"_L1).toInteger());
    }
    if (a.kind == "inflow_spike"_L1 && d.contains("reports"_L1)) {
        return QCoreApplication::translate("AlertModel", "%1 reports in %2 min (usual %3)")
            .arg(d.value("reports"_L1).toInteger())
            .arg(d.value("window_minutes"_L1).toInteger())
            .arg(locale.toString(d.value("baseline"_L1).toDouble(), 'f', 1));
    }
    if (a.kind == "sla_risk"_L1 && d.contains("tickets"_L1)) {
        // A local, not an expression with a string literal: lupdate 6.4 hangs on the latter in a count argument.
        const int tickets = int(d.value("tickets"_L1).toInteger());
        return QCoreApplication::translate("AlertModel", "%n ticket(s) near the %1 min limit", nullptr, tickets)
            .arg(d.value("limit_minutes"_L1).toInteger());
    }
    QStringList parts;
    for (auto it = d.begin(); it != d.end(); ++it) {
        if (it.value().isString() || it.value().isDouble() || it.value().isBool())
            parts << it.key() + u'=' + it.value().toVariant().toString();
    }
    return parts.join(u", "_s);
}

AlertModel::AlertModel(ApiClient *api, QObject *parent) : QAbstractTableModel(parent), m_api(api) {}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AlertInfo &a = m_all[m_rows.at(index.row())];
    if (role == AlertIdRole)
        return a.id;
    if (role == StateRole)
        return a.state;
    if (role == Qt::ToolTipRole && index.column() == Detail)
        return alertDetailText(a);
    if (role == Qt::ToolTipRole && index.column() == State && !a.acknowledgedBy.isEmpty())
        return tr("Acknowledged by %1 at %2").arg(a.acknowledgedBy, dateTimeText(a.acknowledgedAt));
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Kind: return alertKindLabel(a.kind);
    case Subject: return a.subject;
    case Since: return dateTimeText(a.raisedAt);
    case State:
        if (a.state == "raised"_L1)
            return tr("raised");
        if (a.state == "acknowledged"_L1)
            return tr("acknowledged by %1").arg(a.acknowledgedBy);
        return tr("resolved %1").arg(dateTimeText(a.resolvedAt));
    case Detail: return alertDetailText(a);
    case ColumnCount: break;
    }
    return {};
}

QVariant AlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Kind: return tr("Alert");
    case Subject: return tr("Subject");
    case Since: return tr("Since");
    case State: return tr("State");
    case Detail: return tr("Detail");
    case ColumnCount: break;
    }
    return {};
}

void AlertModel::setShowHistory(bool show)
{
    if (show == m_showHistory)
        return;
    m_showHistory = show;
    rebuild();
}

void AlertModel::refresh()
{
    QPointer<AlertModel> self(this);
    m_api->getObject(u"/alerts"_s, {{u"limit"_s, u"200"_s}}, [self](ApiResult<QJsonObject> r) {
        if (!self)
            return;
        if (!r.ok())
            return emit self->loadFailed(r.error.message);
        const QJsonArray array = r.value->value("alerts"_L1).toArray();
        QList<AlertInfo> alerts;
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto decoded = decodeAlert(array.at(i).toObject());
            if (!decoded.ok()) {
                return emit self->loadFailed(
                    tr("The service sent alerts this console does not understand: %1")
                        .arg(u"alerts[%1].%2"_s.arg(i).arg(decoded.error().toString())));
            }
            alerts.append(decoded.value());
        }
        const bool first = !self->m_loaded;
        self->m_loaded = true;
        for (const AlertInfo &a : std::as_const(alerts)) {
            if (first)
                self->m_all.insert(a.id, a); // the first load announces nothing
            else
                self->upsert(a);
        }
        if (first)
            self->rebuild();
    });
}

void AlertModel::applyStreamMessage(const QString &type, const QJsonObject &alert)
{
    if (type != "alert.raised"_L1 && type != "alert.changed"_L1)
        return;
    auto decoded = decodeAlert(alert);
    if (decoded.ok())
        upsert(decoded.value());
}

void AlertModel::upsert(const AlertInfo &alert)
{
    const auto it = m_all.constFind(alert.id);
    const bool isNew = it == m_all.constEnd();
    if (!isNew && it->updatedAt.isValid() && alert.updatedAt.isValid() && alert.updatedAt < it->updatedAt)
        return; // an older copy arriving late
    m_all.insert(alert.id, alert);
    rebuild();
    if (isNew && alert.state == "raised"_L1)
        emit alertRaised(alert);
}

bool AlertModel::acknowledge(qint64 alertId)
{
    if (m_pendingAcks.contains(alertId))
        return false;
    QString &key = m_ackKeys[alertId];
    if (key.isEmpty())
        key = u"ack-%1-%2"_s.arg(alertId).arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_pendingAcks.insert(alertId);
    QPointer<AlertModel> self(this);
    m_api->postObject(u"/alerts/%1/acknowledge"_s.arg(alertId), {}, key, [self, alertId](ApiResult<QJsonObject> r) {
        if (!self)
            return;
        self->m_pendingAcks.remove(alertId);
        if (!r.ok())
            return emit self->acknowledgeFailed(alertId, r.error.message); // the key stays for a retry
        self->m_ackKeys.remove(alertId);
        if (auto decoded = decodeAlert(*r.value); decoded.ok())
            self->upsert(decoded.value());
        emit self->acknowledged(alertId);
    });
    return true;
}

int AlertModel::raisedCount() const
{
    return int(std::count_if(m_all.begin(), m_all.end(), [](const AlertInfo &a) { return a.state == "raised"_L1; }));
}

std::optional<AlertInfo> AlertModel::alert(qint64 id) const
{
    const auto it = m_all.constFind(id);
    return it == m_all.constEnd() ? std::nullopt : std::optional<AlertInfo>(*it);
}

std::optional<AlertInfo> AlertModel::alertAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? alert(m_rows.at(row)) : std::nullopt;
}

void AlertModel::rebuild()
{
    QList<const AlertInfo *> shown;
    for (const AlertInfo &a : std::as_const(m_all)) {
        if (m_showHistory || a.isOpen())
            shown.append(&a);
    }
    // Raised first, then acknowledged, then resolved; newest first within each.
    const auto rank = [](const AlertInfo *a) { return a->state == "raised"_L1 ? 0 : a->state == "acknowledged"_L1 ? 1 : 2; };
    std::sort(shown.begin(), shown.end(), [&rank](const AlertInfo *a, const AlertInfo *b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return a->raisedAt != b->raisedAt ? a->raisedAt > b->raisedAt : a->id > b->id;
    });
    beginResetModel();
    m_rows.clear();
    for (const AlertInfo *a : std::as_const(shown))
        m_rows.append(a->id);
    endResetModel();
    const int raised = raisedCount();
    if (raised != m_lastRaised) {
        m_lastRaised = raised;
        emit raisedCountChanged(raised);
    }
}

} // namespace relaydesk::models

#include "server/Incident.h"

#include "core/JsonReader.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

QString when(qint64 ms)
{
    return formatRfc3339(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

Incident start(const IncidentTicket &t)
{
    Incident i;
    i.signature = t.signature;
    const QStringList parts = t.signature.split(u'|');
    if (parts.size() == 4) {
        i.cause = parts.at(0);
        i.errorCode = parts.at(1);
        i.region = parts.at(2);
        i.appVersion = parts.at(3);
    }
    i.id = incidentId(t.signature, t.id);
    i.firstAt = t.createdAt;
    return i;
}

void add(Incident &i, const IncidentTicket &t)
{
    i.ticketIds.append(t.id);
    if (incidentCountsAsOpen(t.status))
        i.openTicketIds.append(t.id);
    i.lastAt = t.createdAt;
}

} // namespace

bool incidentCountsAsOpen(TicketStatus status)
{
    return status != TicketStatus::Resolved && status != TicketStatus::ResolvedAuto &&
           status != TicketStatus::Closed;
}

QString incidentId(const QString &signature, qint64 firstTicketId)
{
    const QByteArray digest =
        QCryptographicHash::hash(signature.toUtf8(), QCryptographicHash::Sha256).toHex();
    return u"%1-%2"_s.arg(firstTicketId).arg(QString::fromLatin1(digest.left(12)));
}

qint64 incidentFirstTicket(const QString &id)
{
    static const QRegularExpression shape(u"^([1-9][0-9]{0,17})-[0-9a-f]{12}$"_s);
    const auto match = shape.match(id);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

QList<Incident> groupIncidents(QList<IncidentTicket> tickets, qint64 windowMs, int minTickets)
{
    std::sort(tickets.begin(), tickets.end(), [](const IncidentTicket &a, const IncidentTicket &b) {
        if (a.signature != b.signature)
            return a.signature < b.signature;
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
    });
    QList<Incident> incidents;
    Incident current;
    const auto close = [&] {
        if (current.ticketIds.size() >= minTickets)
            incidents.append(std::move(current));
        current = Incident();
    };
    for (const IncidentTicket &t : std::as_const(tickets)) {
        if (t.signature.isEmpty())
            continue;
        if (current.ticketIds.isEmpty() || t.signature != current.signature ||
            t.createdAt - current.lastAt > windowMs) {
            close();
            current = start(t);
        }
        add(current, t);
    }
    close();
    std::stable_sort(incidents.begin(), incidents.end(), [](const Incident &a, const Incident &b) {
        return a.lastAt != b.lastAt ? a.lastAt > b.lastAt : a.id < b.id;
    });
    return incidents;
}

QJsonObject encodeIncident(const Incident &i)
{
    QJsonArray ids;
    for (qint64 id : i.ticketIds)
        ids.append(id);
    QJsonArray open;
    for (qint64 id : i.openTicketIds)
        open.append(id);
    return {{"id"_L1, i.id},
            {"state"_L1, i.isOpen() ? u"open"_s : u"resolved"_s},
            {"signature"_L1, i.signature},
            {"cause"_L1, i.cause},
            {"error_code"_L1, i.errorCode},
            {"region"_L1, i.region},
            {"app_version"_L1, i.appVersion},
            {"ticket_count"_L1, i.ticketIds.size()},
            {"open_count"_L1, i.openTicketIds.size()},
            {"first_at"_L1, when(i.firstAt)},
            {"last_at"_L1, when(i.lastAt)},
            {"ticket_ids"_L1, ids},
            {"open_ticket_ids"_L1, open}};
}

} // namespace relaydesk::server

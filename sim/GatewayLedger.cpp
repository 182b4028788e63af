#include "sim/GatewayLedger.h"

namespace relaydesk::sim {

using namespace Qt::StringLiterals;

QString GatewayLedger::targetOf(const QString &key) const
{
    const auto it = m_index.constFind(key);
    if (it == m_index.cend())
        return {};
    const GatewayDelivery &d = m_entries.at(*it).delivery;
    return d.kind + u':' + (d.kind == "resend"_L1 ? d.clientMessageId : d.userId);
}

GatewayDelivery &GatewayLedger::attempt(const QString &key, const QString &kind, const QString &id,
                                        const QString &region)
{
    auto it = m_index.constFind(key);
    if (it == m_index.cend()) {
        Entry entry;
        entry.delivery.idempotencyKey = key;
        entry.delivery.kind = kind;
        if (kind == "resend"_L1)
            entry.delivery.clientMessageId = id;
        else
            entry.delivery.userId = id;
        m_entries.append(entry);
        it = m_index.insert(key, m_entries.size() - 1);
    }
    GatewayDelivery &delivery = m_entries[*it].delivery;
    delivery.region = region;
    ++delivery.attempts;
    if (kind == "resend"_L1)
        ++m_messageAttempts[id];
    return delivery;
}

QString GatewayLedger::deliveryIdOfKey(const QString &key) const
{
    const auto it = m_index.constFind(key);
    return it == m_index.cend() ? QString() : m_entries.at(*it).deliveryId;
}

QString GatewayLedger::deliveryIdOfMessage(const QString &clientMessageId) const
{
    return m_messageDeliveryId.value(clientMessageId);
}

std::optional<GatewayLedger::Final> GatewayLedger::finalOf(const QString &key) const
{
    const auto it = m_index.constFind(key);
    return it == m_index.cend() ? std::nullopt : m_entries.at(*it).final;
}

QString GatewayLedger::deliver(const QString &key)
{
    Entry &entry = m_entries[m_index.value(key)];
    entry.deliveryId = u"dlv-%1"_s.arg(m_nextDelivery++, 6, 10, QLatin1Char('0'));
    ++entry.delivery.delivered;
    if (entry.delivery.kind == "resend"_L1) {
        m_messageDeliveryId.insert(entry.delivery.clientMessageId, entry.deliveryId);
        ++m_messageDeliveries[entry.delivery.clientMessageId];
    }
    return entry.deliveryId;
}

void GatewayLedger::suppress(const QString &key, const QString &deliveryId)
{
    m_entries[m_index.value(key)].deliveryId = deliveryId;
    ++m_duplicates;
}

void GatewayLedger::settle(const QString &key, const Final &outcome)
{
    m_entries[m_index.value(key)].final = outcome;
}

int GatewayLedger::deliveriesForKey(const QString &key) const
{
    const auto it = m_index.constFind(key);
    return it == m_index.cend() ? 0 : m_entries.at(*it).delivery.delivered;
}

QList<GatewayDelivery> GatewayLedger::deliveries() const
{
    QList<GatewayDelivery> out;
    out.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        out.append(entry.delivery);
    return out;
}

} // namespace relaydesk::sim

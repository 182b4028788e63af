#pragma once

#include "sim/GatewaySimulator.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace relaydesk::sim {

// The gateway's memory: every Idempotency-Key with its first final outcome, which messages were delivered,
// and the counts tests assert on. Transient answers (5xx, 429, dropped connections) are never remembered, so
// a retry with the same key is decided afresh.
class GatewayLedger final
{
public:
    struct Final // a remembered final refusal, replayed for a repeat of the key
    {
        int status = 0;
        QJsonObject body;
    };

    GatewayLedger() = default;
    Q_DISABLE_COPY_MOVE(GatewayLedger)

    // The effect the key was first used for ("resend:<id>" / "notice:<id>"), empty when the key is new.
    QString targetOf(const QString &key) const;
    // Records one valid request for `key` (creating its entry) and returns the entry.
    GatewayDelivery &attempt(const QString &key, const QString &kind, const QString &id,
                             const QString &region);

    QString deliveryIdOfKey(const QString &key) const;                 // empty: not delivered under this key
    QString deliveryIdOfMessage(const QString &clientMessageId) const; // empty: message not delivered
    std::optional<Final> finalOf(const QString &key) const;
    // Marks the key delivered (the message too, for a resend) and returns the new delivery id.
    QString deliver(const QString &key);
    // Answers the key as a duplicate of `deliveryId`: counted, remembered for later repeats.
    void suppress(const QString &key, const QString &deliveryId);
    void settle(const QString &key, const Final &outcome);

    qint64 duplicatesSuppressed() const { return m_duplicates; }
    int deliveriesForKey(const QString &key) const;
    int deliveriesForMessage(const QString &clientMessageId) const
    {
        return m_messageDeliveries.value(clientMessageId);
    }
    int attemptsForMessage(const QString &clientMessageId) const
    {
        return m_messageAttempts.value(clientMessageId);
    }
    QList<GatewayDelivery> deliveries() const;

private:
    struct Entry
    {
        GatewayDelivery delivery;
        QString deliveryId; // set once delivered or suppressed as a duplicate
        std::optional<Final> final;
    };

    QHash<QString, qsizetype> m_index; // key -> position in m_entries
    QList<Entry> m_entries;
    QHash<QString, QString> m_messageDeliveryId;
    QHash<QString, int> m_messageDeliveries;
    QHash<QString, int> m_messageAttempts;
    qint64 m_duplicates = 0;
    qint64 m_nextDelivery = 1;
};

} // namespace relaydesk::sim

#pragma once

#include "core/Enums.h"
#include "core/Report.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace relaydesk::server {

// A reply ready to send as a gateway notice.
struct RenderedReply
{
    QString templateId;
    QString locale; // "en" or "zh_CN"
    QString title;
    QString body;
};

// Tier-1's knowledge-base style reply texts (resources/tier1/replies.json): per cause and error code, in
// en and zh_CN, with {placeholders} filled from the report. Immutable after loading: thread-safe.
class ReplyTemplates final
{
public:
    // Parses a replies file; false with *error naming the problem.
    bool load(const QByteArray &json, QString *error);
    bool loadBuiltIn(QString *error); // the file compiled into the service
    int size() const { return int(m_entries.size()); }

    // The reply for this report, in the user's language; nullopt when no template fits its cause.
    std::optional<RenderedReply> render(Cause cause, const Report &report) const;

    // "zh_CN" for any Chinese locale, else "en".
    static QString replyLocale(const QString &userLocale);

private:
    struct Text
    {
        QString title;
        QString body;
    };
    struct Entry
    {
        QString id;
        Cause cause = Cause::Unknown;
        QStringList errorCodes; // empty: the cause's fallback
        Text en;
        Text zh;
    };
    QList<Entry> m_entries;
};

} // namespace relaydesk::server

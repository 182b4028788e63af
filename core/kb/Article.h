#pragma once

#include "core/Enums.h"

#include <QString>
#include <QStringList>

#include <optional>

// A knowledge-base article in one language (docs/kb.md). The unit of the starter content files, of the
// service's `kb_articles` rows (one row per article, every edit a new version) and of the search index.
namespace relaydesk::kb {

enum class Audience { Agent, User };                 // wire: "agent" (internal playbook), "user" (user-facing)
enum class ArticleStatus { Draft, Published, Archived }; // wire: "draft", "published", "archived"

QString toWire(Audience v);
QString toWire(ArticleStatus v);
std::optional<Audience> audienceFromWire(const QString &name);
std::optional<ArticleStatus> statusFromWire(const QString &name);

struct Article
{
    QString id;               // stable, [a-z0-9-]{3,96}, unique across languages, e.g. "dns-captive-portal.zh_CN"
    QString translationGroup; // the same for an article and its translations, e.g. "dns-captive-portal"
    QString language;         // "en" or "zh_CN"
    QString title;            // 1..200 characters
    QString body;             // Markdown, 1..200 000 characters
    QString category;         // slash-separated path, e.g. "Network/DNS"
    QStringList tags;         // lowercase words, e.g. {"dns", "wifi"}
    QList<Cause> causes;      // the diagnosis causes it applies to (may be empty: general)
    QStringList errorCodes;   // e.g. {"M_LIMIT_EXCEEDED", "ENOTFOUND"}
    QString appVersions;      // a range like ">=5.2.0 <5.4.1", "" for every version
    Audience audience = Audience::Agent;
    ArticleStatus status = ArticleStatus::Published;
    int version = 1;          // service-assigned; 1 in files
    QString author;           // service-assigned; "relaydesk" for starter content
    qint64 updatedAtMs = 0;   // service-assigned

    friend bool operator==(const Article &, const Article &) = default;
};

} // namespace relaydesk::kb

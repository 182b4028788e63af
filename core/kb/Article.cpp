#include "Article.h"

using namespace Qt::StringLiterals;

namespace relaydesk::kb {

QString toWire(Audience v)
{
    switch (v) {
    case Audience::Agent:
        return u"agent"_s;
    case Audience::User:
        return u"user"_s;
    }
    return {};
}

QString toWire(ArticleStatus v)
{
    switch (v) {
    case ArticleStatus::Draft:
        return u"draft"_s;
    case ArticleStatus::Published:
        return u"published"_s;
    case ArticleStatus::Archived:
        return u"archived"_s;
    }
    return {};
}

std::optional<Audience> audienceFromWire(const QString &name)
{
    if (name == "agent"_L1)
        return Audience::Agent;
    if (name == "user"_L1)
        return Audience::User;
    return std::nullopt;
}

std::optional<ArticleStatus> statusFromWire(const QString &name)
{
    if (name == "draft"_L1)
        return ArticleStatus::Draft;
    if (name == "published"_L1)
        return ArticleStatus::Published;
    if (name == "archived"_L1)
        return ArticleStatus::Archived;
    return std::nullopt;
}

} // namespace relaydesk::kb

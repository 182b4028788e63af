#include "ArticleCodec.h"

#include "core/JsonReader.h"
#include "core/kb/ArticleFile.h"

#include <QJsonArray>

namespace relaydesk::kb {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxSeq = std::numeric_limits<qint64>::max() / 2;
constexpr qsizetype kMaxId = 128;
constexpr qsizetype kMaxShort = 256;
constexpr qsizetype kMaxListItem = 128;

enum class Mode
{
    Served,
    Input
};

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

// A JSON array of strings under `key`; absent (or null) is empty when `required` is false. Errors name the
// element: "tags[2]".
QStringList readStrings(JsonReader &r, const QJsonObject &json, QLatin1StringView key, bool required,
                        qsizetype maxItems)
{
    if (!r.ok())
        return {};
    const QJsonValue v = json.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            r.fail(key, u"is required"_s);
        return {};
    }
    if (!v.isArray()) {
        r.fail(key, u"must be an array of strings"_s);
        return {};
    }
    const QJsonArray array = v.toArray();
    if (array.size() > maxItems) {
        r.fail(key, u"has %1 items, at most %2"_s.arg(array.size()).arg(maxItems));
        return {};
    }
    QStringList out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QByteArray where = QByteArray(key.data(), key.size()) + '[' + QByteArray::number(i) + ']';
        const QJsonValue item = array.at(i);
        if (!item.isString()) {
            r.fail(QLatin1StringView(where), u"must be a string"_s);
            return {};
        }
        if (item.toString().size() > kMaxListItem) {
            r.fail(QLatin1StringView(where), u"is too long (at most %1 characters)"_s.arg(kMaxListItem));
            return {};
        }
        out.append(item.toString());
    }
    return out;
}

QList<Cause> readCauses(JsonReader &r, const QJsonObject &json, bool required)
{
    const QStringList names = readStrings(r, json, "causes"_L1, required, qsizetype(Cause::Count));
    QList<Cause> causes;
    for (qsizetype i = 0; i < names.size() && r.ok(); ++i) {
        const auto cause = fromWire<Cause>(names.at(i));
        if (!cause) {
            const QByteArray where = "causes[" + QByteArray::number(i) + ']';
            r.fail(QLatin1StringView(where), u"unknown cause \"%1\" (expected one of: %2)"_s.arg(
                                                 names.at(i).left(64), wireNames<Cause>().join(u", "_s)));
            return {};
        }
        causes.append(*cause);
    }
    return causes;
}

Audience readAudience(JsonReader &r)
{
    const QString name = r.requiredString("audience"_L1, 16);
    if (!r.ok())
        return Audience::Agent;
    if (const auto audience = audienceFromWire(name))
        return *audience;
    r.fail("audience"_L1, u"unknown value \"%1\" (expected one of: agent, user)"_s.arg(name));
    return Audience::Agent;
}

ArticleStatus readStatus(JsonReader &r, const QJsonObject &json, bool required)
{
    if (!required && (json.value("status"_L1).isUndefined() || json.value("status"_L1).isNull()))
        return ArticleStatus::Draft;
    const QString name = r.requiredString("status"_L1, 16);
    if (!r.ok())
        return ArticleStatus::Draft;
    if (const auto status = statusFromWire(name))
        return *status;
    r.fail("status"_L1, u"unknown value \"%1\" (expected one of: draft, published, archived)"_s.arg(name));
    return ArticleStatus::Draft;
}

Decoded<Article> decode(const QJsonObject &json, Mode mode)
{
    const bool served = mode == Mode::Served;
    JsonReader r(json);
    Article a;
    a.id = served ? r.requiredString("id"_L1, kMaxId) : r.optionalString("id"_L1, kMaxId);
    a.translationGroup = served ? r.requiredString("group"_L1, kMaxId) : r.optionalString("group"_L1, kMaxId);
    a.language = served ? r.requiredString("language"_L1, 16) : r.optionalString("language"_L1, 16);
    a.title = r.requiredString("title"_L1, kMaxArticleTitle);
    a.body = r.requiredString("body"_L1, kMaxArticleBody);
    a.category = r.requiredString("category"_L1, kMaxShort);
    a.tags = readStrings(r, json, "tags"_L1, served, kMaxArticleTags);
    a.causes = readCauses(r, json, served);
    a.errorCodes = readStrings(r, json, "error_codes"_L1, served, kMaxArticleErrorCodes);
    a.appVersions = served ? r.requiredString("app_versions"_L1, kMaxShort, true)
                           : r.optionalString("app_versions"_L1, kMaxShort);
    a.audience = readAudience(r);
    a.status = readStatus(r, json, served);
    if (served) {
        a.version = int(r.requiredInt("version"_L1, 1, std::numeric_limits<int>::max()));
        a.author = r.requiredString("author"_L1, kMaxShort, true);
        const QDateTime updated = r.requiredTime("updated_at"_L1);
        a.updatedAtMs = updated.isValid() ? updated.toMSecsSinceEpoch() : 0;
    }
    if (!r.ok())
        return r.error();
    return a;
}

} // namespace

QJsonObject encodeArticle(const Article &a)
{
    QJsonArray causes;
    for (const Cause cause : a.causes)
        causes.append(relaydesk::toWire(cause));
    return {{"id"_L1, a.id},
            {"group"_L1, a.translationGroup},
            {"language"_L1, a.language},
            {"title"_L1, a.title},
            {"body"_L1, a.body},
            {"category"_L1, a.category},
            {"tags"_L1, toArray(a.tags)},
            {"causes"_L1, causes},
            {"error_codes"_L1, toArray(a.errorCodes)},
            {"app_versions"_L1, a.appVersions},
            {"audience"_L1, toWire(a.audience)},
            {"status"_L1, toWire(a.status)},
            {"version"_L1, a.version},
            {"author"_L1, a.author},
            {"updated_at"_L1, formatRfc3339(QDateTime::fromMSecsSinceEpoch(a.updatedAtMs, Qt::UTC))}};
}

Decoded<Article> decodeArticle(const QJsonObject &json)
{
    return decode(json, Mode::Served);
}

Decoded<Article> decodeArticleInput(const QJsonObject &json)
{
    return decode(json, Mode::Input);
}

QJsonObject encodeArticleRecord(const ArticleRecord &record)
{
    if (record.deleted)
        return {{"id"_L1, record.article.id}, {"seq"_L1, record.seq}, {"deleted"_L1, true}};
    QJsonObject json = encodeArticle(record.article);
    json.insert("seq"_L1, record.seq);
    json.insert("deleted"_L1, false);
    return json;
}

Decoded<ArticleRecord> decodeArticleRecord(const QJsonObject &json)
{
    ArticleRecord record;
    JsonReader r(json);
    record.seq = r.requiredInt("seq"_L1, 1, kMaxSeq);
    const QJsonValue deleted = json.value("deleted"_L1);
    if (r.ok() && !deleted.isUndefined() && !deleted.isNull() && !deleted.isBool())
        r.fail("deleted"_L1, u"must be a boolean"_s);
    record.deleted = deleted.toBool(false);
    if (record.deleted)
        record.article.id = r.requiredString("id"_L1, kMaxId);
    if (!r.ok())
        return r.error();
    if (!record.deleted) {
        auto article = decodeArticle(json);
        if (!article.ok())
            return article.error();
        record.article = std::move(article).value();
    }
    return record;
}

QJsonObject encodeArticlePage(const ArticlePage &page)
{
    QJsonArray articles;
    for (const ArticleRecord &record : page.articles)
        articles.append(encodeArticleRecord(record));
    return {{"articles"_L1, articles}, {"next_since"_L1, page.nextSince}, {"has_more"_L1, page.hasMore}};
}

Decoded<ArticlePage> decodeArticlePage(const QJsonObject &json)
{
    ArticlePage page;
    const QJsonValue v = json.value("articles"_L1);
    if (!v.isArray())
        return DecodeError{u"articles"_s, u"must be an array"_s};
    const QJsonArray array = v.toArray();
    page.articles.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = u"articles[%1]"_s.arg(i);
        if (!array.at(i).isObject())
            return DecodeError{where, u"must be an object"_s};
        auto record = decodeArticleRecord(array.at(i).toObject());
        if (!record.ok()) {
            const DecodeError &e = record.error();
            return DecodeError{e.path.isEmpty() ? where : where + u'.' + e.path, e.message};
        }
        page.articles.append(std::move(record).value());
    }
    JsonReader r(json);
    page.nextSince = r.requiredInt("next_since"_L1, 0, kMaxSeq);
    const QJsonValue more = json.value("has_more"_L1);
    if (r.ok() && !more.isBool())
        r.fail("has_more"_L1, u"must be a boolean"_s);
    page.hasMore = more.toBool();
    if (!r.ok())
        return r.error();
    return page;
}

} // namespace relaydesk::kb

#include "server/KbController.h"

#include "core/JsonReader.h"
#include "core/ReportCodec.h"
#include "core/kb/ArticleCodec.h"
#include "core/kb/ArticleFile.h"
#include "core/kb/TextDiff.h"
#include "server/AgentGate.h"
#include "server/AuthStore.h"
#include "server/HttpReply.h"
#include "server/HttpRequestData.h"
#include "server/KbStore.h"
#include "server/ServerLog.h"
#include "server/StreamHub.h"

#include "server/http/Router.h"
#include <QJsonArray>
#include <QRegularExpression>

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using Method = HttpMethod;
using Status = HttpReply::Status;
using kb::Article;

namespace {

constexpr qint64 kMaxSeq = std::numeric_limits<qint64>::max(); // since: the whole non-negative range
constexpr qint64 kMaxVersion = std::numeric_limits<int>::max();

// A path id that can name an article; anything else cannot exist.
bool plausibleId(const QString &id)
{
    static const QRegularExpression re(u"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$"_s);
    return re.match(id).hasMatch();
}

bool isEditor(Role role)
{
    return role == Role::Trainer || role == Role::Lead || role == Role::Admin;
}

HttpResponse forbidden()
{
    return HttpReply::error(Status::Forbidden, u"forbidden"_s,
                            u"only trainers, leads and admins edit the knowledge base"_s);
}

HttpResponse invalid(const DecodeError &error)
{
    return HttpReply::error(Status::UnprocessableEntity, u"validation_failed"_s, error.toString(),
                            error.path);
}

HttpResponse badParameter(const QString &name, const QString &message)
{
    return HttpReply::error(Status::BadRequest, u"invalid_parameter"_s, message, name);
}

std::optional<qint64> queryInt(const QUrlQuery &query, const QString &key, std::optional<qint64> fallback,
                               qint64 min, qint64 max)
{
    if (!query.hasQueryItem(key))
        return fallback;
    bool ok = false;
    const qint64 value = query.queryItemValue(key, QUrl::FullyDecoded).toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

// The body as a JSON object; an empty body is {} when `emptyIsObject`.
Decoded<QJsonObject> jsonBody(const HttpRequestData &request, bool emptyIsObject)
{
    if (emptyIsObject && request.body.trimmed().isEmpty())
        return QJsonObject();
    return parseJsonObject(request.body);
}

// The group and language an article id names ("dns-captive-portal.zh_CN" -> "dns-captive-portal", "zh_CN").
std::pair<QString, QString> splitId(const QString &id)
{
    const qsizetype dot = id.lastIndexOf(u'.');
    if (dot <= 0)
        return {id, QString()};
    return {id.left(dot), id.mid(dot + 1)};
}

QJsonArray encodeHunks(const QList<kb::DiffHunk> &hunks)
{
    QJsonArray array;
    for (const kb::DiffHunk &h : hunks)
        array.append(
            QJsonObject{{"op"_L1, kb::toWire(h.op)}, {"lines"_L1, QJsonArray::fromStringList(h.lines)}});
    return array;
}

} // namespace

KbController::KbController(const ServiceContext &context) : m_context(context) {}

void KbController::registerRoutes(Router &server)
{
    // Cheap checks on the HTTP thread (a token at all, the body size), the rest on the pool.
    const auto dispatch = [this](const HttpRequest &request,
                                 auto work) -> QFuture<HttpResponse> {
        HttpRequestData data = HttpRequestData::from(request);
        if (data.bearer().isEmpty())
            return HttpReply::ready(HttpReply::unauthorized(u"an Authorization: Bearer token is required"_s));
        if (data.body.size() > kMaxBody)
            return HttpReply::ready(HttpReply::error(Status::PayloadTooLarge, u"payload_too_large"_s,
                                                     u"the body is larger than %1 bytes"_s.arg(kMaxBody)));
        return HttpReply::onPool(m_context.pool,
                                 [work = std::move(work), data = std::move(data)] { return work(data); });
    };
    const QString articles = u"/api/v1/kb/articles"_s;

    // Most specific first: the router takes the first rule that matches.
    server.route(articles + u"/<arg>/versions/<arg>"_s, [this, dispatch](const QString &id, const QString &v,
                                                                         const HttpRequest &request) {
        if (request.method() != Method::Get)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        return dispatch(request, [this, id, v](const HttpRequestData &d) { return version(d, id, v); });
    });
    server.route(articles + u"/<arg>/versions"_s, [this, dispatch](const QString &id,
                                                                   const HttpRequest &request) {
        if (request.method() != Method::Get)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        return dispatch(request, [this, id](const HttpRequestData &d) { return versions(d, id); });
    });
    server.route(articles + u"/<arg>/diff"_s,
                 [this, dispatch](const QString &id, const HttpRequest &request) {
                     if (request.method() != Method::Get)
                         return HttpReply::ready(HttpReply::methodNotAllowed());
                     return dispatch(request, [this, id](const HttpRequestData &d) { return diff(d, id); });
                 });
    for (const auto &[name, verb] :
         {std::pair(u"publish"_s, Verb::Publish), std::pair(u"archive"_s, Verb::Archive),
          std::pair(u"restore"_s, Verb::Restore)}) {
        server.route(articles + u"/<arg>/"_s + name,
                     [this, dispatch, verb](const QString &id, const HttpRequest &request) {
                         if (request.method() != Method::Post)
                             return HttpReply::ready(HttpReply::methodNotAllowed());
                         return dispatch(request, [this, id, verb](const HttpRequestData &d) {
                             return change(d, id, verb);
                         });
                     });
    }
    server.route(
        articles + u"/<arg>"_s, [this, dispatch](const QString &id, const HttpRequest &request) {
            switch (request.method()) {
            case Method::Get:
                return dispatch(request, [this, id](const HttpRequestData &d) { return get(d, id); });
            case Method::Put:
                return dispatch(request, [this, id](const HttpRequestData &d) { return edit(d, id); });
            case Method::Delete:
                return dispatch(request, [this, id](const HttpRequestData &d) { return remove(d, id); });
            default:
                return HttpReply::ready(HttpReply::methodNotAllowed());
            }
        });
    server.route(articles, [this, dispatch](const HttpRequest &request) {
        switch (request.method()) {
        case Method::Get:
            return dispatch(request, [this](const HttpRequestData &d) { return list(d); });
        case Method::Post:
            return dispatch(request, [this](const HttpRequestData &d) { return create(d); });
        default:
            return HttpReply::ready(HttpReply::methodNotAllowed());
        }
    });
    server.route(u"/api/v1/kb/usage"_s, [this, dispatch](const HttpRequest &request) {
        if (request.method() != Method::Get)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        return dispatch(request, [this](const HttpRequestData &d) { return usage(d); });
    });
}

std::optional<Principal> KbController::editor(const HttpRequestData &request,
                                              std::optional<HttpResponse> *refusal) const
{
    auto principal = AgentGate::check(*m_context.auth, request, refusal);
    if (principal && !isEditor(principal->role)) {
        refusal->emplace(forbidden());
        return std::nullopt;
    }
    return principal;
}

HttpResponse KbController::answer(const std::optional<KbWrite> &write, const QString &error,
                                         const QString &what, int createdStatus) const
{
    if (!write)
        return HttpReply::internal(u"cannot %1 the article: %2"_s.arg(what, error));
    if (write->refusal) {
        const KbRefusal &r = *write->refusal;
        QJsonObject body{{"code"_L1, r.code}, {"message"_L1, r.message}};
        if (!r.field.isEmpty())
            body.insert("field"_L1, r.field);
        for (auto it = r.extra.begin(); it != r.extra.end(); ++it)
            body.insert(it.key(), it.value());
        return HttpReply::json({{"error"_L1, body}}, Status(r.status));
    }
    if (write->changed) {
        m_context.hub->kbChanged(write->record.seq);
        qCInfo(lcServer) << "kb" << what << write->record.article.id << "seq" << write->record.seq;
    }
    return HttpReply::json(kb::encodeArticleRecord(write->record),
                           Status(write->changed ? createdStatus : 200));
}

HttpResponse KbController::list(const HttpRequestData &request) const
{
    std::optional<HttpResponse> refusal;
    const auto principal = AgentGate::check(*m_context.auth, request, &refusal);
    if (!principal)
        return std::move(*refusal);
    const auto since = queryInt(request.query, u"since"_s, 0, 0, kMaxSeq);
    if (!since)
        return badParameter(u"since"_s, u"since must be an integer >= 0"_s);
    const auto limit = queryInt(request.query, u"limit"_s, 100, 1, 500);
    if (!limit)
        return badParameter(u"limit"_s, u"limit must be an integer 1-500"_s);
    const auto drafts = queryInt(request.query, u"include_drafts"_s, 0, 0, 1);
    if (!drafts)
        return badParameter(u"include_drafts"_s, u"include_drafts must be 0 or 1"_s);
    if (*drafts == 1 && !isEditor(principal->role))
        return forbidden();
    QString error;
    const auto page = m_context.kb->changedSince(*since, int(*limit), *drafts == 1, &error);
    if (!page)
        return HttpReply::internal(u"cannot list articles: %1"_s.arg(error));
    return HttpReply::json(kb::encodeArticlePage(*page));
}

HttpResponse KbController::get(const HttpRequestData &request, const QString &id) const
{
    std::optional<HttpResponse> refusal;
    const auto principal = AgentGate::check(*m_context.auth, request, &refusal);
    if (!principal)
        return std::move(*refusal);
    QString error;
    const auto record = plausibleId(id) ? m_context.kb->article(id, &error) : std::nullopt;
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot read the article: %1"_s.arg(error));
    // Agents see published articles only.
    if (!record || (!isEditor(principal->role) && record->article.status != kb::ArticleStatus::Published))
        return HttpReply::notFound(u"no such article"_s);
    return HttpReply::json(kb::encodeArticleRecord(*record));
}

HttpResponse KbController::create(const HttpRequestData &request) const
{
    std::optional<HttpResponse> refusal;
    const auto principal = editor(request, &refusal);
    if (!principal)
        return std::move(*refusal);
    const auto json = jsonBody(request, false);
    if (!json.ok())
        return HttpReply::error(Status::BadRequest, u"bad_json"_s, json.error().message);
    auto decoded = kb::decodeArticleInput(json.value());
    if (!decoded.ok())
        return invalid(decoded.error());
    Article article = std::move(decoded).value();
    if (article.id.isEmpty()) {
        article.id = article.translationGroup + u'.' + article.language;
    } else if (article.translationGroup.isEmpty() && article.language.isEmpty()) {
        std::tie(article.translationGroup, article.language) = splitId(article.id);
    }
    if (const auto bad = kb::validateArticle(article))
        return invalid(*bad);
    QString error;
    return answer(m_context.kb->create(std::move(article), principal->username, &error), error, u"create"_s,
                  201);
}

HttpResponse KbController::edit(const HttpRequestData &request, const QString &id) const
{
    std::optional<HttpResponse> refusal;
    const auto principal = editor(request, &refusal);
    if (!principal)
        return std::move(*refusal);
    if (!plausibleId(id))
        return HttpReply::notFound(u"no such article"_s);
    const auto json = jsonBody(request, false);
    if (!json.ok())
        return HttpReply::error(Status::BadRequest, u"bad_json"_s, json.error().message);
    JsonReader r(json.value());
    const int base = int(r.requiredInt("base_version"_L1, 1, kMaxVersion));
    if (!r.ok())
        return invalid(r.error());
    auto decoded = kb::decodeArticleInput(json.value());
    if (!decoded.ok())
        return invalid(decoded.error());
    Article article = std::move(decoded).value();
    const auto [group, language] = splitId(id);
    const std::pair<QLatin1StringView, std::pair<QString *, QString>> fixed[] = {
        {"id"_L1, {&article.id, id}},
        {"group"_L1, {&article.translationGroup, group}},
        {"language"_L1, {&article.language, language}}};
    for (const auto &[name, field] : fixed) {
        if (!field.first->isEmpty() && *field.first != field.second)
            return invalid({QString(name), u"cannot be changed (it is \"%1\")"_s.arg(field.second)});
        *field.first = field.second;
    }
    const QJsonValue status = json.value().value("status"_L1);
    const bool keepStatus = status.isUndefined() || status.isNull();
    if (const auto bad = kb::validateArticle(article))
        return invalid(*bad);
    QString error;
    return answer(m_context.kb->edit(id, base, std::move(article), keepStatus, principal->username, &error),
                  error, u"edit"_s);
}

HttpResponse KbController::remove(const HttpRequestData &request, const QString &id) const
{
    std::optional<HttpResponse> refusal;
    const auto principal = editor(request, &refusal);
    if (!principal)
        return std::move(*refusal);
    if (!plausibleId(id))
        return HttpReply::notFound(u"no such article"_s);
    const auto json = jsonBody(request, true);
    if (!json.ok())
        return HttpReply::error(Status::BadRequest, u"bad_json"_s, json.error().message);
    JsonReader r(json.value());
    const qint64 base = r.optionalInt("base_version"_L1, 1, kMaxVersion, 0);
    if (!r.ok())
        return invalid(r.error());
    QString error;
    return answer(m_context.kb->remove(id, base > 0 ? std::optional<int>(int(base)) : std::nullopt, &error),
                  error, u"delete"_s);
}

HttpResponse KbController::change(const HttpRequestData &request, const QString &id, Verb verb) const
{
    std::optional<HttpResponse> refusal;
    const auto principal = editor(request, &refusal);
    if (!principal)
        return std::move(*refusal);
    if (!plausibleId(id))
        return HttpReply::notFound(u"no such article"_s);
    const auto json = jsonBody(request, true);
    if (!json.ok())
        return HttpReply::error(Status::BadRequest, u"bad_json"_s, json.error().message);
    JsonReader r(json.value());
    const qint64 version = verb == Verb::Restore ? r.requiredInt("version"_L1, 1, kMaxVersion) : 0;
    const qint64 baseValue = r.optionalInt("base_version"_L1, 1, kMaxVersion, 0);
    if (!r.ok())
        return invalid(r.error());
    const std::optional<int> base = baseValue > 0 ? std::optional<int>(int(baseValue)) : std::nullopt;
    QString error;
    switch (verb) {
    case Verb::Publish:
        return answer(
            m_context.kb->setStatus(id, kb::ArticleStatus::Published, base, principal->username, &error),
            error, u"publish"_s);
    case Verb::Archive:
        return answer(
            m_context.kb->setStatus(id, kb::ArticleStatus::Archived, base, principal->username, &error),
            error, u"archive"_s);
    case Verb::Restore:
        return answer(m_context.kb->restore(id, int(version), base, principal->username, &error), error,
                      u"restore"_s);
    }
    return HttpReply::internal(u"unknown verb"_s);
}

HttpResponse KbController::versions(const HttpRequestData &request, const QString &id) const
{
    std::optional<HttpResponse> refusal;
    if (!editor(request, &refusal))
        return std::move(*refusal);
    QString error;
    const auto list = plausibleId(id) ? m_context.kb->versions(id, &error) : std::nullopt;
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot read the versions: %1"_s.arg(error));
    if (!list)
        return HttpReply::notFound(u"no such article"_s);
    QJsonArray array;
    for (const KbVersionInfo &v : *list) {
        array.append(QJsonObject{{"version"_L1, v.version},
                                 {"author"_L1, v.author},
                                 {"at"_L1, formatRfc3339(QDateTime::fromMSecsSinceEpoch(v.atMs, Qt::UTC))},
                                 {"status"_L1, kb::toWire(v.status)},
                                 {"title"_L1, v.title}});
    }
    return HttpReply::json({{"id"_L1, id}, {"versions"_L1, array}});
}

HttpResponse KbController::version(const HttpRequestData &request, const QString &id,
                                          const QString &versionText) const
{
    std::optional<HttpResponse> refusal;
    if (!editor(request, &refusal))
        return std::move(*refusal);
    bool ok = false;
    const int number = versionText.toInt(&ok);
    QString error;
    const auto article =
        ok && number > 0 && plausibleId(id) ? m_context.kb->version(id, number, &error) : std::nullopt;
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot read the version: %1"_s.arg(error));
    if (!article)
        return HttpReply::notFound(u"no such article version"_s);
    return HttpReply::json(kb::encodeArticle(*article));
}

HttpResponse KbController::diff(const HttpRequestData &request, const QString &id) const
{
    std::optional<HttpResponse> refusal;
    if (!editor(request, &refusal))
        return std::move(*refusal);
    const auto from = queryInt(request.query, u"from"_s, std::nullopt, 1, kMaxVersion);
    if (!from)
        return badParameter(u"from"_s, u"from must be a version number"_s);
    const auto to = queryInt(request.query, u"to"_s, std::nullopt, 1, kMaxVersion);
    if (!to)
        return badParameter(u"to"_s, u"to must be a version number"_s);
    if (!plausibleId(id))
        return HttpReply::notFound(u"no such article"_s);
    QString error;
    const auto a = m_context.kb->version(id, int(*from), &error);
    const auto b = error.isEmpty() ? m_context.kb->version(id, int(*to), &error) : std::nullopt;
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot read the versions: %1"_s.arg(error));
    if (!a || !b)
        return HttpReply::notFound(u"no such article version (%1)"_s.arg(!a ? *from : *to));
    const auto title = kb::diffText(a->title, b->title, &error);
    const auto body = title ? kb::diffText(a->body, b->body, &error) : std::nullopt;
    if (!title || !body)
        return HttpReply::error(Status::UnprocessableEntity, u"too_large_to_compare"_s, error, u"body"_s);
    // Metadata fields that differ, with both values as served.
    const QJsonObject left = kb::encodeArticle(*a);
    const QJsonObject right = kb::encodeArticle(*b);
    QJsonArray fields;
    for (const QLatin1StringView key : {"category"_L1, "tags"_L1, "causes"_L1, "error_codes"_L1,
                                        "app_versions"_L1, "audience"_L1, "status"_L1}) {
        if (left.value(key) != right.value(key))
            fields.append(
                QJsonObject{{"field"_L1, key}, {"from"_L1, left.value(key)}, {"to"_L1, right.value(key)}});
    }
    return HttpReply::json({{"id"_L1, id},
                            {"from"_L1, *from},
                            {"to"_L1, *to},
                            {"title"_L1, encodeHunks(*title)},
                            {"body"_L1, encodeHunks(*body)},
                            {"fields"_L1, fields}});
}

HttpResponse KbController::usage(const HttpRequestData &request) const
{
    std::optional<HttpResponse> refusal;
    if (!editor(request, &refusal))
        return std::move(*refusal);
    QString error;
    const auto list = m_context.kb->usage(&error);
    if (!list)
        return HttpReply::internal(u"cannot read the usage: %1"_s.arg(error));
    QJsonArray array;
    for (const KbUsage &u : *list) {
        array.append(QJsonObject{{"id"_L1, u.articleId},
                                 {"title"_L1, u.title},
                                 {"inserted"_L1, u.inserted},
                                 {"resolved"_L1, u.resolved}});
    }
    return HttpReply::json({{"articles"_L1, array}});
}

} // namespace relaydesk::server

#pragma once

#include "core/AgentCodec.h"
#include "core/Decoded.h"
#include "core/Enums.h"
#include "core/TicketCodec.h"
#include "core/kb/ArticleCodec.h"
#include "core/kb/TextDiff.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace relaydesk::models {

// What went wrong with a call, classified so callers know what to do: sign in again, retry later, or
// tell the user. `message` is translated and safe to show as plain text.
struct ApiError
{
    enum class Kind { None, Network, Timeout, Unauthorized, Client, Server, Protocol, Cancelled };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code; // the service's error code, when it sent one
    QString message;
    QString field;  // validation errors (422): the offending request field
    QString holder; // 409 claimed_by_other: the agent who holds the ticket

    bool retryable() const { return kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Server; }
};

template <typename T> struct ApiResult
{
    std::optional<T> value;
    ApiError error;
    bool ok() const { return value.has_value(); }
};

// A gateway action the service accepted (resend, reroute, reply): 202 pending. Its outcome arrives later
// on the ticket's timeline as an `action_outcome` event whose detail.action_id is `actionId` (detail.outcome:
// delivered, duplicate_suppressed or failed with http_status and code).
struct ActionStatus
{
    qint64 actionId = 0;
    qint64 ticketId = 0;
    QString status;         // "pending"
    bool coalesced = false; // joined an earlier resend of the same message that is still pending
};

// One gateway region for the Reroute dialog (GET /regions).
struct RegionState
{
    QString region;
    QString state;   // healthy, degraded, down
    QString circuit; // closed, open, half_open
    qint64 retryAfterMs = 0;
};

// One stored version of a KB article (GET /kb/articles/{id}/versions), newest first.
struct KbVersionInfo
{
    int version = 0;
    QString author;
    qint64 atMs = 0;
    kb::ArticleStatus status = kb::ArticleStatus::Draft;
    QString title;
};

// GET /kb/articles/{id}/diff?from=A&to=B: line hunks of title and body, and the metadata fields that differ
// (their values as compact JSON text).
struct KbDiff
{
    int from = 0;
    int to = 0;
    QList<kb::DiffHunk> title;
    QList<kb::DiffHunk> body;
    struct Field
    {
        QString name;
        QString from;
        QString to;
    };
    QList<Field> fields;
};

// GET /kb/usage: how often an article went into replies, and on how many tickets that then resolved.
struct KbUsageCount
{
    QString id;
    QString title;
    int inserted = 0;
    int resolved = 0;
};

struct Session
{
    QString username;
    Role role = Role::Agent;
    QString token;
};

// The console's one door to the service: builds requests, applies timeouts and the redirect policy,
// decodes and validates answers, and turns every failure into an ApiError.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    ApiClient(QNetworkAccessManager *network, QUrl baseUrl, QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }

    void login(const QString &username, const QString &password, std::function<void(ApiResult<Session>)> done);
    void fetchMe(std::function<void(ApiResult<Session>)> done);
    // Revokes this client's token on the service.
    void logout(std::function<void(ApiResult<bool>)> done);
    void fetchTickets(qint64 since, int limit, std::function<void(ApiResult<TicketPage>)> done);
    void fetchEvents(qint64 ticketId, std::function<void(ApiResult<QList<TicketEvent>>)> done);
    void fetchLog(qint64 ticketId, std::function<void(ApiResult<QByteArray>)> done);

    // Agent actions (docs/api.md, "Agent actions"). `key` is the action's Idempotency-Key: make it once per
    // intended action (one click) and reuse it for every retry, so a repeat returns the first answer and
    // acts once. Refusals arrive as ApiError with `code`: 409 claimed_by_other (with `holder`), not_claimed,
    // invalid_status; 422 validation_failed / unknown_region / region_unavailable / unknown_assignee (with
    // `field`); 403 forbidden (trainers); 404 not_found; 503 no_gateway. Each `done` runs once, on this
    // object's thread.
    void claim(qint64 ticketId, const QString &key, std::function<void(ApiResult<Ticket>)> done);
    void release(qint64 ticketId, const QString &key, std::function<void(ApiResult<Ticket>)> done);
    // Resends the failed message with its own client message id, optionally through `region`.
    void resend(qint64 ticketId, const QString &key, std::optional<QString> region,
                std::function<void(ApiResult<ActionStatus>)> done);
    void reroute(qint64 ticketId, const QString &key, const QString &region,
                 std::function<void(ApiResult<ActionStatus>)> done);
    // Sends the user a notice; the ticket becomes waiting_user. `kbArticles`: the ids of the KB articles
    // inserted into it (recorded for the trainers' usage feedback; sent only when not empty).
    void reply(qint64 ticketId, const QString &key, const QString &locale, const QString &title, const QString &body,
               std::function<void(ApiResult<ActionStatus>)> done, const QStringList &kbArticles = {});
    // To another queue and/or agent; without an assignee the claim is cleared (status escalated).
    void transfer(qint64 ticketId, const QString &key, std::optional<QString> queue, std::optional<QString> assignee,
                  std::function<void(ApiResult<Ticket>)> done);
    void note(qint64 ticketId, const QString &key, const QString &text, std::function<void(ApiResult<Ticket>)> done);
    // `resolution`: resent, replied, rerouted, duplicate, no_action, user_fixed, engineering.
    void resolve(qint64 ticketId, const QString &key, const QString &resolution,
                 std::function<void(ApiResult<Ticket>)> done);
    void reopen(qint64 ticketId, const QString &key, const QString &reason, std::function<void(ApiResult<Ticket>)> done);
    void fetchRegions(std::function<void(ApiResult<QList<RegionState>>)> done);
    // Who a ticket can be transferred to (GET /agents): agents and leads with the tickets they hold.
    void fetchAssignableAgents(std::function<void(ApiResult<QList<AssignableAgent>>)> done);
    // Tickets with the same diagnosis signature (the incident), newest first, at most 50.
    void fetchRelated(qint64 ticketId, std::function<void(ApiResult<QList<Ticket>>)> done);

    // Knowledge base (docs/api.md, "Knowledge base"). Delta sync: articles changed after `since`, tombstones
    // for deleted ones and, without `includeDrafts` (editors only), for drafts and archived ones.
    void fetchKbArticles(qint64 since, int limit, bool includeDrafts, std::function<void(ApiResult<kb::ArticlePage>)> done);
    void fetchKbArticle(const QString &id, std::function<void(ApiResult<kb::ArticleRecord>)> done);
    // Writes (trainers, leads, admins). A stale `baseVersion` is refused with 409 version_conflict.
    void createKbArticle(const kb::Article &article, std::function<void(ApiResult<kb::ArticleRecord>)> done);
    void updateKbArticle(const kb::Article &article, int baseVersion, std::function<void(ApiResult<kb::ArticleRecord>)> done);
    void publishKbArticle(const QString &id, int baseVersion, std::function<void(ApiResult<kb::ArticleRecord>)> done);
    void archiveKbArticle(const QString &id, int baseVersion, std::function<void(ApiResult<kb::ArticleRecord>)> done);
    void deleteKbArticle(const QString &id, int baseVersion, std::function<void(ApiResult<kb::ArticleRecord>)> done);
    void restoreKbArticle(const QString &id, int version, int baseVersion,
                          std::function<void(ApiResult<kb::ArticleRecord>)> done);
    void fetchKbVersions(const QString &id, std::function<void(ApiResult<QList<KbVersionInfo>>)> done);
    void fetchKbVersion(const QString &id, int version, std::function<void(ApiResult<kb::Article>)> done);
    void fetchKbDiff(const QString &id, int from, int to, std::function<void(ApiResult<KbDiff>)> done);
    void fetchKbUsage(std::function<void(ApiResult<QList<KbUsageCount>>)> done);

    // Plain JSON calls for callers that decode the answer themselves (the dashboard's metrics, alerts and
    // incidents): `done` gets the answer's JSON object, or the ApiError (a non-object body is a Protocol error).
    void getObject(const QString &path, const QList<std::pair<QString, QString>> &query,
                   std::function<void(ApiResult<QJsonObject>)> done);
    void postObject(const QString &path, const QJsonObject &body, const QString &idempotencyKey,
                    std::function<void(ApiResult<QJsonObject>)> done);

    // ws://host:port/api/v1/stream (wss for https)
    QUrl streamUrl() const;

    static ApiError errorFromReply(QNetworkReply *reply, const QByteArray &body);

signals:
    // Any call answered 401: the session is no longer valid.
    void unauthorized();

private:
    QNetworkReply *get(const QString &path, const QList<std::pair<QString, QString>> &query = {});
    QNetworkReply *postJson(const QString &path, const QJsonObject &body, const QString &idempotencyKey = {});
    // PUT or DELETE with a JSON body.
    QNetworkReply *sendJson(const QByteArray &verb, const QString &path, const QJsonObject &body);
    void kbWrite(QNetworkReply *reply, std::function<void(ApiResult<kb::ArticleRecord>)> done);
    void ticketAction(qint64 ticketId, const QString &verb, const QString &key, const QJsonObject &body,
                      std::function<void(ApiResult<Ticket>)> done);
    void gatewayAction(qint64 ticketId, const QString &verb, const QString &key, const QJsonObject &body,
                       std::function<void(ApiResult<ActionStatus>)> done);
    void handle(QNetworkReply *reply, std::function<void(QNetworkReply *, const QByteArray &, const ApiError &)> done);
    QUrl url(const QString &path) const;

    QPointer<QNetworkAccessManager> m_network;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 30000;
};

} // namespace relaydesk::models

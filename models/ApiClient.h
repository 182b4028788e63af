#pragma once

#include "core/Decoded.h"
#include "core/Enums.h"
#include "core/TicketCodec.h"

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

    bool retryable() const { return kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Server; }
};

template <typename T> struct ApiResult
{
    std::optional<T> value;
    ApiError error;
    bool ok() const { return value.has_value(); }
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

    // ws://host:port/api/v1/stream (wss for https)
    QUrl streamUrl() const;

    static ApiError errorFromReply(QNetworkReply *reply, const QByteArray &body);

signals:
    // Any call answered 401: the session is no longer valid.
    void unauthorized();

private:
    QNetworkReply *get(const QString &path, const QList<std::pair<QString, QString>> &query = {});
    QNetworkReply *postJson(const QString &path, const QJsonObject &body);
    void handle(QNetworkReply *reply, std::function<void(QNetworkReply *, const QByteArray &, const ApiError &)> done);
    QUrl url(const QString &path) const;

    QPointer<QNetworkAccessManager> m_network;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 30000;
};

} // namespace relaydesk::models

#pragma once

#include "server/http/HttpTypes.h"

#include <QFuture>
#include <QPromise>
#include <QString>
#include <QStringList>

#include <functional>
#include <type_traits>
#include <vector>

namespace relaydesk::server {

class WebSocketConnection;

// Maps a request's path to a handler. Patterns are literal segments and `<arg>` segments
// ("/api/v1/tickets/<arg>/log"); an argument is one percent-decoded segment. The first rule that
// matches answers (register the most specific first); no match is a 404. Handlers run on the thread
// that owns the engine's dispatch context (the service thread) and return an HttpResponse or a
// QFuture of one (work on the database pool).
class Router final
{
public:
    using Handler = std::function<QFuture<HttpResponse>(const QStringList &args, const HttpRequest &request)>;
    using WebSocketHandler = std::function<void(WebSocketConnection *connection)>;

    // `handler` takes as many `const QString &` as the pattern has <arg>, then `const HttpRequest &`.
    template <typename F> void route(const QString &pattern, F handler) { add(pattern, adapt(std::move(handler))); }
    // A WebSocket endpoint: upgrade requests to `path` become connections handed to `handler` (which
    // takes ownership); a plain request there is answered 426.
    void webSocket(const QString &path, WebSocketHandler handler);

    QFuture<HttpResponse> dispatch(const HttpRequest &request) const;
    const WebSocketHandler *webSocketHandler(const QByteArray &path) const;

    static QFuture<HttpResponse> ready(HttpResponse response);

private:
    struct Rule
    {
        QStringList segments; // "<arg>" marks an argument
        int argCount = 0;
        Handler handler;
    };
    void add(const QString &pattern, Handler handler);

    template <typename F> static Handler adapt(F f)
    {
        return [f = std::move(f)](const QStringList &args, const HttpRequest &request) -> QFuture<HttpResponse> {
            if constexpr (std::is_invocable_v<const F &, const HttpRequest &>) {
                return wrap(f(request));
            } else if constexpr (std::is_invocable_v<const F &, const QString &, const HttpRequest &>) {
                return wrap(f(args.value(0), request));
            } else {
                static_assert(std::is_invocable_v<const F &, const QString &, const QString &, const HttpRequest &>,
                              "a route handler takes up to two path arguments, then the request");
                return wrap(f(args.value(0), args.value(1), request));
            }
        };
    }
    static QFuture<HttpResponse> wrap(QFuture<HttpResponse> future) { return future; }
    static QFuture<HttpResponse> wrap(HttpResponse response) { return ready(std::move(response)); }

    std::vector<Rule> m_rules;
    std::vector<std::pair<QByteArray, WebSocketHandler>> m_webSockets;
};

} // namespace relaydesk::server

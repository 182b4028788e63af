#include "server/http/Router.h"

#include <QJsonObject>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {
HttpResponse errorResponse(HttpStatus status, const QString &code, const QString &message)
{
    return HttpResponse(QJsonObject{{"error"_L1, QJsonObject{{"code"_L1, code}, {"message"_L1, message}}}}, status);
}
} // namespace

void Router::add(const QString &pattern, Handler handler)
{
    Rule rule;
    rule.segments = pattern.split(u'/', Qt::SkipEmptyParts);
    rule.argCount = int(rule.segments.count(u"<arg>"_s));
    rule.handler = std::move(handler);
    m_rules.push_back(std::move(rule));
}

void Router::webSocket(const QString &path, WebSocketHandler handler)
{
    m_webSockets.emplace_back(path.toUtf8(), std::move(handler));
}

const Router::WebSocketHandler *Router::webSocketHandler(const QByteArray &path) const
{
    for (const auto &[p, handler] : m_webSockets) {
        if (p == path)
            return &handler;
    }
    return nullptr;
}

QFuture<HttpResponse> Router::dispatch(const HttpRequest &request) const
{
    const QByteArray path = request.path();
    const QList<QByteArray> segments = [&] {
        QList<QByteArray> parts = path.split('/');
        parts.removeAll(QByteArray());
        return parts;
    }();
    for (const Rule &rule : m_rules) {
        if (rule.segments.size() != segments.size())
            continue;
        QStringList args;
        bool match = true;
        for (qsizetype i = 0; i < segments.size() && match; ++i) {
            if (rule.segments.at(i) == "<arg>"_L1)
                args.append(QString::fromUtf8(QByteArray::fromPercentEncoding(segments.at(i))));
            else
                match = rule.segments.at(i) == QLatin1StringView(segments.at(i));
        }
        if (match)
            return rule.handler(args, request);
    }
    if (webSocketHandler(path))
        return ready(errorResponse(HttpStatus::UpgradeRequired, u"upgrade_required"_s,
                                   u"this endpoint speaks WebSocket only"_s));
    return ready(errorResponse(HttpStatus::NotFound, u"not_found"_s, u"no such route"_s));
}

QFuture<HttpResponse> Router::ready(HttpResponse response)
{
    QPromise<HttpResponse> promise;
    QFuture<HttpResponse> future = promise.future();
    promise.start();
    promise.addResult(std::move(response));
    promise.finish();
    return future;
}

} // namespace relaydesk::server

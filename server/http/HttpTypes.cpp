#include "server/http/HttpTypes.h"

#include <QJsonDocument>

namespace relaydesk::server {

HttpRequest::HttpRequest(HttpMethod method, QByteArray target, HttpHeaders headers, QByteArray body,
                         QHostAddress peer)
    : m_method(method), m_target(std::move(target)), m_headers(std::move(headers)), m_body(std::move(body)),
      m_peer(std::move(peer))
{
}

QByteArray HttpRequest::path() const
{
    const qsizetype q = m_target.indexOf('?');
    return q < 0 ? m_target : m_target.left(q);
}

QUrl HttpRequest::url() const
{
    return QUrl::fromEncoded(m_target);
}

QUrlQuery HttpRequest::query() const
{
    const qsizetype q = m_target.indexOf('?');
    if (q < 0)
        return {};
    return QUrlQuery(QString::fromUtf8(m_target.mid(q + 1)));
}

QByteArray HttpRequest::value(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return {};
}

HttpResponse::HttpResponse(HttpStatus status) : m_status(status) {}

HttpResponse::HttpResponse(const QJsonObject &json, HttpStatus status)
    : m_status(status), m_mimeType("application/json"), m_body(QJsonDocument(json).toJson(QJsonDocument::Compact))
{
}

HttpResponse::HttpResponse(const QJsonArray &json, HttpStatus status)
    : m_status(status), m_mimeType("application/json"), m_body(QJsonDocument(json).toJson(QJsonDocument::Compact))
{
}

HttpResponse::HttpResponse(QByteArray mimeType, QByteArray body, HttpStatus status)
    : m_status(status), m_mimeType(std::move(mimeType)), m_body(std::move(body))
{
}

void HttpResponse::addHeader(QByteArray name, QByteArray value)
{
    m_headers.append({std::move(name), std::move(value)});
}

qint64 parsePathId(const QString &text)
{
    if (text.isEmpty() || text.size() > 18 || text.front() == u'0')
        return 0;
    qint64 id = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return 0;
        id = id * 10 + (c.unicode() - u'0');
    }
    return id;
}

} // namespace relaydesk::server

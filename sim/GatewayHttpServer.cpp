#include "sim/GatewayHttpServer.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QUrl>

namespace relaydesk::sim {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace

QByteArray GatewayRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

GatewayHttpServer::GatewayHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler))
{}

GatewayHttpServer::~GatewayHttpServer() = default;

bool GatewayHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    GatewayRequest gatewayRequest;
    gatewayRequest.method = methodName(request.method());
    gatewayRequest.path = request.url().path(QUrl::FullyEncoded).toUtf8();
    gatewayRequest.body = request.body();
    gatewayRequest.headers = request.headers();
    gatewayRequest.socket = socket;
    m_handler(gatewayRequest);
    return true;
}

void GatewayHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Q_UNUSED(request)
    GatewayAnswer answer;
    answer.status = 404;
    reply(socket, answer);
}

void GatewayHttpServer::reply(QTcpSocket *socket, const GatewayAnswer &answer)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (answer.drop) {
        socket->abort();
        return;
    }
    const QByteArray body = QJsonDocument(answer.body).toJson(QJsonDocument::Compact);
    QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reason(answer.status) + "\r\n";
    head += "Content-Type: application/json\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (answer.retryAfterSeconds >= 0)
        head += "Retry-After: " + QByteArray::number(answer.retryAfterSeconds) + "\r\n";
    head += "\r\n";
    socket->write(head + body);
}

} // namespace relaydesk::sim

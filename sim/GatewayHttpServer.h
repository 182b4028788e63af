#pragma once

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>

#include <functional>

namespace relaydesk::sim {

// One HTTP request as the gateway needs it: the raw bytes that were signed and the connection to answer on.
struct GatewayRequest
{
    QByteArray method; // "POST", "GET", ...
    QByteArray path;   // percent-encoded, without the query string
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QPointer<QTcpSocket> socket; // null once the client has gone

    QByteArray header(QByteArrayView name) const; // case-insensitive; empty when absent
};

// What to do with a request: answer (after delayMs) or drop the connection without an answer.
struct GatewayAnswer
{
    int status = 200;
    QJsonObject body;
    int retryAfterSeconds = -1; // >= 0: send Retry-After
    int delayMs = 0;            // extra hold before answering (a stalled upstream)
    bool drop = false;          // close the connection instead of answering
};

// HTTP/1.1 transport for the gateway simulator on top of QAbstractHttpServer: hands every request to one
// handler and lets it answer later or cut the connection, which QHttpServer's routes cannot do.
class GatewayHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<void(const GatewayRequest &)>;

    explicit GatewayHttpServer(Handler handler, QObject *parent = nullptr);
    ~GatewayHttpServer() override;
    Q_DISABLE_COPY_MOVE(GatewayHttpServer)

    // Writes `answer` (ignoring delayMs) or drops the connection. Nothing happens when the client has gone.
    static void reply(QTcpSocket *socket, const GatewayAnswer &answer);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace relaydesk::sim

#include "HttpResponder.h"

#include <QElapsedTimer>
#include <QTcpSocket>

HttpResponder::HttpResponder(QObject *parent) : QObject(parent)
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, &HttpResponder::onConnection);
}

bool HttpResponder::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void HttpResponder::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            Request request;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.path = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                           lines.at(i).mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length").toLongLong();
            if (buffer->size() < headerEnd + 4 + length)
                return;
            request.body = buffer->mid(headerEnd + 4, length);
            request.receivedAtMs = m_clock.elapsed();
            buffer->clear();
            m_requests.append(request);
            const Canned canned = m_queue.isEmpty() ? Canned{} : m_queue.takeFirst();
            if (canned.dropConnection) {
                socket->abort();
                socket->deleteLater();
            } else {
                QByteArray response = "HTTP/1.1 " + QByteArray::number(canned.status) + " Canned\r\n"
                                      "Content-Type: application/json\r\nConnection: close\r\n"
                                      "Content-Length: " + QByteArray::number(canned.body.size()) + "\r\n";
                for (const auto &h : canned.headers)
                    response += h.first + ": " + h.second + "\r\n";
                response += "\r\n" + canned.body;
                socket->write(response);
                socket->disconnectFromHost();
            }
            Q_EMIT requestReceived();
        });
    }
}

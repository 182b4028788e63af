#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTcpServer>

// A minimal HTTP/1.1 server on 127.0.0.1 for tests: answers each request with the next canned response
// (Connection: close) and records what it received.
class HttpResponder final : public QObject
{
    Q_OBJECT

public:
    struct Canned
    {
        int status = 202;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool dropConnection = false; // close without answering
    };
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QMap<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        qint64 receivedAtMs = 0; // monotonic, from the responder's own clock
    };

    explicit HttpResponder(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    void enqueue(const Canned &response) { m_queue.append(response); }
    const QList<Request> &requests() const { return m_requests; }

Q_SIGNALS:
    void requestReceived();

private:
    void onConnection();

    QTcpServer m_server;
    QList<Canned> m_queue;
    QList<Request> m_requests;
    QElapsedTimer m_clock;
};

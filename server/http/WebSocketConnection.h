#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

namespace relaydesk::server {

namespace http_detail {
class WsSession;
struct Gate;
} // namespace http_detail

// One accepted WebSocket, seen from the service thread: send text, close, and hear messages and the
// end. The socket itself lives on the engine's I/O thread; calls here only queue work there, so none
// blocks and all are safe after the peer has gone (they then do nothing). The engine answers pings and
// sends its own (a peer silent for the idle timeout is dropped); a peer that stops reading while more
// than the backlog limit is queued for it is dropped too.
class WebSocketConnection final : public QObject
{
    Q_OBJECT
public:
    WebSocketConnection(std::weak_ptr<http_detail::WsSession> session, std::shared_ptr<http_detail::Gate> gate,
                        QByteArray path, QObject *parent = nullptr);
    ~WebSocketConnection() override; // closes the socket if still open

    const QByteArray &path() const { return m_path; }
    bool isOpen() const { return m_open; }

    void sendTextMessage(const QString &message);
    void close(quint16 code, const QString &reason);

signals:
    void textMessageReceived(const QString &message);
    void disconnected();

private:
    friend class http_detail::WsSession;
    void onMessage(const QString &message);
    void onClosed();

    std::weak_ptr<http_detail::WsSession> m_session;
    std::shared_ptr<http_detail::Gate> m_gate;
    QByteArray m_path;
    bool m_open = true;
};

} // namespace relaydesk::server

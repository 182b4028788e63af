#pragma once

#include <QObject>

class QSocketNotifier;

namespace relaydesk::server {

// Turns SIGINT and SIGTERM into a Qt signal on the event loop (self-pipe), so the service can stop
// cleanly: finish running transactions and close the database.
class ShutdownSignals final : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

signals:
    void shutdownRequested(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace relaydesk::server

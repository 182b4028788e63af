#pragma once

#include <QObject>

class QSocketNotifier;

namespace relaydesk::sim {

// Turns SIGINT and SIGTERM into a Qt signal on the event loop (self-pipe), so the simulator can stop
// cleanly (the gateway runs until one arrives).
class ShutdownSignals final : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ShutdownSignals)
    ~ShutdownSignals() override;

signals:
    void shutdownRequested(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace relaydesk::sim

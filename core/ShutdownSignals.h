#pragma once

#include <QObject>

class QSocketNotifier;

namespace relaydesk {

// Turns SIGINT and SIGTERM into a Qt signal on the event loop (self-pipe), so a process can stop cleanly:
// the service finishes running transactions and closes its database; the simulator's gateway stops serving.
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

} // namespace relaydesk

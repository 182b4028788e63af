#pragma once

#include "LogSearch.h"

#include <QList>
#include <QObject>

#include <atomic>
#include <thread>

namespace relaydesk {

class LineIndex;

// A LogSearch run off the caller's thread for the UI: start() returns at once; the search waits for the
// index to finish (or be cancelled: then it searches the lines that are ready), runs on worker threads and
// reports through signals delivered on the job's thread. cancel() or destroying the job stops it promptly;
// no signal arrives after the job is destroyed. The index must outlive the job. One run per job.
class LogSearchJob final : public QObject
{
    Q_OBJECT
public:
    LogSearchJob(const LineIndex &index, LogSearchQuery query, QObject *parent = nullptr);
    ~LogSearchJob() override;
    Q_DISABLE_COPY_MOVE(LogSearchJob)

    void setThreads(int threads) { m_threads = threads; } // before start(); 0: one per core
    void start();
    void cancel();
    bool isRunning() const { return m_running.load(std::memory_order_acquire); }

signals:
    void progress(int permille);
    // lines: 0-based matching lines, ascending; cancelled: the search stopped early (lines are partial).
    void finished(const QList<qint64> &lines, bool cancelled);
    void failed(const QString &error); // e.g. an invalid regex; no finished() then

private:
    void run();

    const LineIndex &m_index;
    LogSearchQuery m_query;
    int m_threads = 0;
    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_running{false};
};

} // namespace relaydesk

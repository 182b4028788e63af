#include "LogSearchJob.h"

#include "LineIndex.h"

#include <QMetaObject>

#include <chrono>

namespace relaydesk {

LogSearchJob::LogSearchJob(const LineIndex &index, LogSearchQuery query, QObject *parent)
    : QObject(parent), m_index(index), m_query(std::move(query))
{}

LogSearchJob::~LogSearchJob()
{
    cancel();
    if (m_thread.joinable())
        m_thread.join();
}

void LogSearchJob::start()
{
    if (m_thread.joinable())
        return;
    m_running.store(true, std::memory_order_release);
    m_thread = std::thread([this] { run(); });
}

void LogSearchJob::cancel()
{
    m_cancel.store(true, std::memory_order_release);
}

void LogSearchJob::run()
{
    using namespace std::chrono_literals;
    while (!m_index.isFinished() && !m_index.isCancelled() && !m_cancel.load(std::memory_order_acquire))
        std::this_thread::sleep_for(2ms);

    LogSearch search(m_index, m_query);
    if (m_threads > 0)
        search.setThreads(m_threads);
    int last = -1;
    search.setProgress([this, &last](qint64 done, qint64 total) {
        const int permille = total > 0 ? int(done * 1000 / total) : 1000;
        if (permille == last)
            return;
        last = permille;
        QMetaObject::invokeMethod(
            this, [this, permille] { emit progress(permille); }, Qt::QueuedConnection);
    });
    LogSearchResult result = search.run(&m_cancel);
    if (m_cancel.load(std::memory_order_acquire) && !m_index.isFinished())
        result.cancelled = true;
    m_running.store(false, std::memory_order_release);
    if (!result.error.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, error = result.error] { emit failed(error); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        this,
        [this, lines = std::move(result.lines), cancelled = result.cancelled] {
            emit finished(lines, cancelled);
        },
        Qt::QueuedConnection);
}

} // namespace relaydesk

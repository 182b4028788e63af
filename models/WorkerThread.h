#pragma once

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <memory>
#include <type_traits>

namespace relaydesk::models {

// One dedicated thread that runs submitted jobs in order. Unlike a thread pool, every job runs on the
// same thread, which is what a QSqlDatabase connection requires.
class WorkerThread final
{
    Q_DISABLE_COPY_MOVE(WorkerThread)

public:
    explicit WorkerThread(const QString &name)
    {
        m_thread.setObjectName(name);
        m_context.moveToThread(&m_thread);
        m_thread.start();
    }
    // Runs the jobs already queued, then stops the thread.
    ~WorkerThread()
    {
        m_thread.quit();
        m_thread.wait();
    }

    template <typename F> auto run(F job) -> QFuture<std::invoke_result_t<F>>
    {
        using R = std::invoke_result_t<F>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            &m_context,
            [promise, job = std::move(job)]() mutable {
                if constexpr (std::is_void_v<R>) {
                    job();
                } else {
                    promise->addResult(job());
                }
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

private:
    QThread m_thread;
    QObject m_context;
};

} // namespace relaydesk::models

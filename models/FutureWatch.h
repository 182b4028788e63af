#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace relaydesk::models {

// Calls `done(result)` on `context`'s thread when `future` finishes, unless `context` was destroyed
// first. (Qt 6.4's QFuture::then(context, ...) asserts, and in release builds touches freed memory, when
// the context dies before the future finishes; a watcher owned by the context simply goes away with it.)
template <typename T, typename F> void whenFinished(QObject *context, QFuture<T> future, F done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        done(watcher->future().result());
    });
    watcher->setFuture(std::move(future));
}

} // namespace relaydesk::models

#pragma once

#include "WorkerThread.h"
#include "core/kb/Article.h"
#include "models/kb/KbSearchTypes.h"

#include <QFuture>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <memory>
#include <optional>

namespace relaydesk::models {

class ApiClient;
class KbIndex;

// The console's copy of the knowledge base: every visible article in a SQLite file (beside the ticket cache)
// and a Xapian index (KbIndex) over them, kept current by delta sync (GET /kb/articles?since=SEQ, page by
// page) at start, on each `kb.changed` push and on reconnect. Each page is applied to the file and the index
// in one step on the mirror's own worker thread (the file's connection lives there; the index's single
// writer too); searches run on a small thread pool. Offline, the mirror and the index still answer.
// Failures are reported through problem() with a translated message, never dropped.
class KbMirror final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KbMirror)

public:
    KbMirror(ApiClient *api, QString databasePath, QString indexDir, QObject *parent = nullptr);
    ~KbMirror() override;

    // Before start(): editors (trainer, lead, admin) mirror drafts and archived articles too.
    void setIncludeDrafts(bool on) { m_includeDrafts = on; }
    bool includesDrafts() const { return m_includeDrafts; }
    void setPageSize(int size) { m_pageSize = size; }

    // Opens the file and the index (rebuilding the index from the file when they disagree), then syncs.
    void start();
    void stop();
    // Fetches what changed (coalesced with a sync already running); a no-op until opened.
    void syncNow();
    // A `kb.changed` notice from the stream: syncs when it is news.
    void onKbChanged(qint64 seq);

    bool isOpen() const { return m_open; }
    bool isReadOnly() const { return m_readOnly; }
    bool isSyncing() const { return m_syncing; }
    qint64 cursor() const { return m_cursor; }
    int articleCount() const { return m_count; }
    QString databasePath() const { return m_path; }
    QString indexDir() const { return m_indexDir; }

    // Off the caller's thread; an empty list before the mirror is open.
    QFuture<QList<KbHit>> search(const KbQuery &query) const;
    QFuture<QList<KbHit>> suggest(const KbSuggestContext &context) const;
    // From the mirror file (nullopt: not mirrored).
    QFuture<std::optional<kb::Article>> article(const QString &id) const;
    // The article of that translation group in that language, if mirrored.
    QFuture<std::optional<kb::Article>> inLanguage(const QString &group, const QString &language) const;
    // Every mirrored article, by category and title (the trainers' tree).
    QFuture<QList<kb::Article>> articles() const;

signals:
    void opened(int articles);
    // A synced page changed these articles (the index already answers with the change).
    void changed(const QStringList &ids);
    // The first complete sync since start().
    void caughtUp();
    void problem(const QString &message);

private:
    struct OpenResult;
    struct ApplyResult;
    void fetchPage();
    void finishSync();

    ApiClient *m_api;
    QString m_path;
    QString m_indexDir;
    QString m_connectionName;
    std::shared_ptr<KbIndex> m_index;
    mutable WorkerThread m_worker; // runs jobs in order; asking it for a read changes nothing observable
    mutable QThreadPool m_searchPool;
    qint64 m_cursor = 0;
    int m_count = 0;
    int m_pageSize = 200;
    bool m_includeDrafts = false;
    bool m_open = false;
    bool m_readOnly = false; // another window holds the index: search only
    bool m_opening = false;
    bool m_stopped = true;
    bool m_syncing = false;
    bool m_syncAgain = false;
    bool m_caughtUp = false;
};

} // namespace relaydesk::models

#pragma once

#include "models/kb/KbSearchTypes.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>

// The console's KB search index: an on-disk Xapian database (libxapian, CJK n-grams, English stemming,
// spelling correction, search as you type). KbIndex.cpp describes what is indexed and how queries are built.
//
// Threads: one writer and any number of readers. upsert/remove/commit are serialised by an internal mutex
// (call them from one thread, e.g. the sync worker). search/suggest/documentCount may be called from any
// thread concurrently: each thread reads through its own read-only Xapian::Database, reopened to the last
// commit before every call, so they see changes only after commit().
namespace relaydesk::models {

class KbIndex final
{
    Q_DISABLE_COPY_MOVE(KbIndex)

public:
    KbIndex();
    ~KbIndex();

    // Opens (creating if missing) the index in dir for writing and searching. Only one writer per directory:
    // a second open() of the same directory fails with a lock error.
    bool open(const QString &dir, QString *error = nullptr);
    // Opens an existing index for searching only (no lock; upsert/remove/commit then fail).
    bool openReadOnly(const QString &dir, QString *error = nullptr);
    bool isOpen() const { return !m_dir.isEmpty(); }
    QString directory() const { return m_dir; }

    // Adds or replaces the article with this id (every language is its own document). Drafts and archived
    // articles are indexed too; searches filter them out by default.
    bool upsert(const kb::Article &article);
    bool remove(const QString &id); // true also when the id was not indexed
    bool commit();

    int documentCount() const; // of the last commit, -1 on error
    QStringList ids() const;   // every indexed article id of the last commit, sorted
    // Ranked hits. correctedText gets the text actually searched when typos were corrected ("" otherwise);
    // total, when given, gets the exact number of matching articles (slower: every match is counted).
    QList<KbHit> search(const KbQuery &query, QString *correctedText = nullptr, int *total = nullptr) const;
    QList<KbHit> suggest(const KbSuggestContext &context) const;

    QString lastError() const;

private:
    struct Writer;
    void setError(const QString &error) const;

    QString m_dir;
    std::unique_ptr<Writer> m_writer;
    mutable QMutex m_mutex; // guards m_writer's database and m_lastError
    mutable QString m_lastError;
};

} // namespace relaydesk::models

#include "TicketFactory.h"
#include "models/TicketCache.h"

#include <QDateTime>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace relaydesk;
using namespace relaydesk::models;
using namespace Qt::StringLiterals;

class TestTicketCache final : public QObject
{
    Q_OBJECT

private:
    template <typename T> static T wait(QFuture<T> future)
    {
        future.waitForFinished();
        return future.result();
    }

private slots:
    void emptyCacheOpens()
    {
        QTemporaryDir dir;
        TicketCache cache(dir.filePath(u"sub/dir/cache.sqlite"_s));
        const auto state = wait(cache.open());
        QVERIFY2(state.ok(), qPrintable(state.error));
        QCOMPARE(state.value->tickets.size(), 0);
        QCOMPARE(state.value->cursor, 0);
    }

    void ticketsAndCursorSurviveReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        {
            TicketCache cache(path);
            QVERIFY(wait(cache.open()).ok());
            auto t1 = makeTicket(1, 5, u"王芳"_s);
            t1.comment = u"发不出去"_s;
            const auto stored = wait(cache.storeTickets({t1, makeTicket(2, 7)}, 7));
            QVERIFY2(stored.ok(), qPrintable(stored.error));
            // A newer copy of ticket 1 replaces the old one.
            QVERIFY(wait(cache.storeTickets({makeTicket(1, 9, u"王芳"_s)}, 9)).ok());
        }
        TicketCache again(path);
        const auto state = wait(again.open());
        QVERIFY2(state.ok(), qPrintable(state.error));
        QCOMPARE(state.value->cursor, 9);
        QCOMPARE(state.value->tickets.size(), 2);
        QCOMPARE(state.value->tickets.at(0).id, 2); // ordered by seq
        QCOMPARE(state.value->tickets.at(1).seq, 9);
        QCOMPARE(state.value->tickets.at(1).userName, u"王芳"_s);
    }

    void logsBeyondTheBudgetArePrunedLeastRecentlyOpenedFirst()
    {
        QTemporaryDir dir;
        TicketCache cache(dir.filePath(u"cache.sqlite"_s));
        cache.setLogBudget(2500);
        QVERIFY(wait(cache.open()).ok());
        const QByteArray kilobyte(1000, 'x');
        QVERIFY(wait(cache.storeLog(1, kilobyte)).ok());
        QVERIFY(wait(cache.storeLog(2, kilobyte)).ok());
        // Opening log 1 makes it the most recently used one, so the third log pushes out log 2.
        QFile old(dir.filePath(u"cache.sqlite.logs/2.log"_s));
        QVERIFY(old.open(QIODevice::ReadWrite));
        QVERIFY(old.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-60), QFileDevice::FileModificationTime));
        old.close();
        QVERIFY(wait(cache.loadLog(1)).value->has_value());
        QVERIFY(wait(cache.storeLog(3, kilobyte)).ok());
        QVERIFY(wait(cache.loadLog(1)).value->has_value());
        QVERIFY(!wait(cache.loadLog(2)).value->has_value());
        QVERIFY(wait(cache.loadLog(3)).value->has_value());
    }

    void aLogThatCannotBeWrittenIsAnErrorNamingTheFile()
    {
        QTemporaryDir dir;
        // The log directory's place is taken by a file: nothing can be written there.
        QFile blocker(dir.filePath(u"cache.sqlite.logs"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        TicketCache cache(dir.filePath(u"cache.sqlite"_s));
        QVERIFY(wait(cache.open()).ok());
        const auto stored = wait(cache.storeLog(1, "line\n"));
        QVERIFY(!stored.ok());
        QVERIFY2(stored.error.contains(u"cache.sqlite.logs"_s), qPrintable(stored.error));
    }

    void eventsAndLogsRoundTrip()
    {
        QTemporaryDir dir;
        TicketCache cache(dir.filePath(u"cache.sqlite"_s));
        QVERIFY(wait(cache.open()).ok());
        const auto missing = wait(cache.loadLog(3));
        QVERIFY2(missing.ok(), qPrintable(missing.error));
        QVERIFY(!missing.value->has_value());

        QByteArray log("03-17 16:13:38.811  1702  2395 D Tag: line\n");
        log.append('\0').append("\xff\xfe binary", 9);
        const auto stored = wait(cache.storeLog(3, log));
        QVERIFY2(stored.ok(), qPrintable(stored.error));
        const auto loaded = wait(cache.loadLog(3));
        QVERIFY(loaded.ok() && loaded.value->has_value());
        QCOMPARE(**loaded.value, *stored.value);
        QFile file(**loaded.value);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), log); // byte for byte, NUL and invalid UTF-8 included

        TicketEvent e;
        e.id = 11;
        e.ticketId = 3;
        e.at = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        e.actor = u"tier1"_s;
        e.kind = u"escalated"_s;
        e.summary = u"Escalated"_s;
        e.detail = QJsonObject{{u"reason"_s, u"low confidence"_s}};
        QVERIFY(wait(cache.storeEvents(3, {e})).ok());
        const auto events = wait(cache.loadEvents(3));
        QVERIFY(events.ok());
        QCOMPARE(events.value->size(), 1);
        QCOMPARE(events.value->at(0).detail.value(u"reason"_s).toString(), u"low confidence"_s);
        QCOMPARE(events.value->at(0).at, e.at);
    }

    void unopenableFileReportsError()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        TicketCache cache(dir.filePath(u"file/cache.sqlite"_s)); // parent is a file: cannot be created
        const auto state = wait(cache.open());
        QVERIFY(!state.ok());
        QVERIFY(state.error.contains(u"cache"_s, Qt::CaseInsensitive));
    }

    void newerSchemaIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        {
            TicketCache cache(path);
            QVERIFY(wait(cache.open()).ok());
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"poke"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"UPDATE meta SET value = '99' WHERE key = 'schema_version'"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"poke"_s);
        TicketCache cache(path);
        const auto state = wait(cache.open());
        QVERIFY(!state.ok());
        QVERIFY(state.error.contains(u"newer"_s));
    }
};

QTEST_GUILESS_MAIN(TestTicketCache)
#include "tst_ticket_cache.moc"

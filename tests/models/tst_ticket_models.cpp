#include "TicketFactory.h"
#include "models/QueueModel.h"
#include "models/TicketTableModel.h"
#include "models/TimelineModel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>


using namespace relaydesk;
using namespace relaydesk::models;
using namespace Qt::StringLiterals;

class TestTicketModels final : public QObject
{
    Q_OBJECT

private:
    static QList<qint64> visibleIds(const TicketTableModel &m)
    {
        QList<qint64> ids;
        for (int r = 0; r < m.rowCount(); ++r)
            ids << m.index(r, 0).data(TicketTableModel::TicketIdRole).toLongLong();
        return ids;
    }

private slots:
    void upsertInsertsAndReplaces()
    {
        TicketTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.sort(TicketTableModel::Id, Qt::AscendingOrder);
        m.upsert({makeTicket(2, 2, u"Bob"_s), makeTicket(1, 1, u"Ann"_s)});
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(visibleIds(m), (QList<qint64>{1, 2}));
        QCOMPARE(m.index(1, TicketTableModel::User).data().toString(), u"Bob"_s);

        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.upsert({makeTicket(2, 5, u"Bobby"_s)});
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.index(1, TicketTableModel::User).data().toString(), u"Bobby"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m.ticket(2)->seq, 5);
        // A stale copy (lower seq) never overwrites a newer one.
        m.upsert({makeTicket(2, 3, u"Old"_s)});
        QCOMPARE(m.ticket(2)->userName, u"Bobby"_s);
    }

    void sortsByEveryColumnInBothOrders()
    {
        TicketTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert({makeTicket(1, 10, u"Carol"_s, Cause::Policy, u"us-east"_s),
                  makeTicket(2, 30, u"Ann"_s, Cause::Network, u"cn-north"_s),
                  makeTicket(3, 20, u"Bob"_s, Cause::Server, u"eu-west"_s)});
        m.sort(TicketTableModel::User, Qt::AscendingOrder);
        QCOMPARE(visibleIds(m), (QList<qint64>{2, 3, 1}));
        m.sort(TicketTableModel::User, Qt::DescendingOrder);
        QCOMPARE(visibleIds(m), (QList<qint64>{1, 3, 2}));
        m.sort(TicketTableModel::Region, Qt::AscendingOrder);
        QCOMPARE(visibleIds(m), (QList<qint64>{2, 3, 1}));
        m.sort(TicketTableModel::Cause, Qt::AscendingOrder); // enum order: network, server, client, policy
        QCOMPARE(visibleIds(m), (QList<qint64>{2, 3, 1}));
        m.sort(TicketTableModel::Updated, Qt::DescendingOrder); // created id*60 s + seq s
        QCOMPARE(visibleIds(m), (QList<qint64>{3, 2, 1}));
        for (int c = 0; c < TicketTableModel::ColumnCount; ++c) {
            m.sort(c, Qt::AscendingOrder);
            QCOMPARE(m.rowCount(), 3);
        }
    }

    void updateMovesRowAndKeepsSelectionOnTicket()
    {
        TicketTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.sort(TicketTableModel::User, Qt::AscendingOrder);
        m.upsert({makeTicket(1, 1, u"Ann"_s), makeTicket(2, 2, u"Bob"_s), makeTicket(3, 3, u"Cid"_s)});
        const QPersistentModelIndex held = m.index(0, TicketTableModel::User); // Ann, ticket 1
        m.upsert({makeTicket(1, 4, u"Zoe"_s)});
        QCOMPARE(visibleIds(m), (QList<qint64>{2, 3, 1}));
        QVERIFY(held.isValid());
        QCOMPARE(held.row(), 2);
        QCOMPARE(held.data().toString(), u"Zoe"_s);
    }

    void quickFilterMatchesAllWords()
    {
        TicketTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto a = makeTicket(1, 1, u"王芳"_s, Cause::Network, u"cn-north"_s);
        a.errorCode = u"M_LIMIT_EXCEEDED"_s;
        auto b = makeTicket(2, 2, u"Ann"_s, Cause::Network, u"cn-north"_s);
        auto c = makeTicket(3, 3, u"Ann"_s, Cause::Network, u"eu-west"_s);
        m.upsert({a, b, c});
        m.setQuickFilter(u"王"_s);
        QCOMPARE(visibleIds(m).size(), 1);
        m.setQuickFilter(u"limit_exc"_s);
        QCOMPARE(m.rowCount(), 1);
        m.setQuickFilter(u"ann CN-NORTH"_s);
        QCOMPARE(visibleIds(m), (QList<qint64>{2}));
        m.setQuickFilter(u"nothing-matches-this"_s);
        QCOMPARE(m.rowCount(), 0);
        m.setQuickFilter(QString());
        QCOMPARE(m.rowCount(), 3);
    }

    void queueSelectionFilters()
    {
        TicketTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setCurrentUser(u"agent1"_s);
        m.upsert({makeTicket(1, 1, u"A"_s, Cause::Network, u"cn-north"_s, TicketStatus::Escalated),
                  makeTicket(2, 2, u"B"_s, Cause::Policy, u"eu-west"_s, TicketStatus::Claimed, u"agent1"_s),
                  makeTicket(3, 3, u"C"_s, Cause::Policy, u"eu-west"_s, TicketStatus::Claimed, u"agent2"_s),
                  makeTicket(4, 4, u"D"_s, Cause::Network, u"cn-north"_s, TicketStatus::ResolvedAuto)});
        QCOMPARE(m.rowCount(), 3); // resolved_auto is not waiting on tier 2
        m.setQueue(QueueSelection::of(QueueSelection::Kind::Mine));
        QCOMPARE(visibleIds(m), (QList<qint64>{2}));
        m.setQueue(QueueSelection::of(QueueSelection::Kind::Unassigned));
        QCOMPARE(visibleIds(m), (QList<qint64>{1}));
        m.setQueue(QueueSelection::byCause(Cause::Policy));
        QCOMPARE(m.rowCount(), 2);
        m.setQueue(QueueSelection::byRegion(u"cn-north"_s));
        QCOMPARE(visibleIds(m), (QList<qint64>{1}));
        // A ticket that changes queue leaves the view, and one that enters appears.
        m.upsert({makeTicket(1, 5, u"A"_s, Cause::Network, u"eu-west"_s),
                  makeTicket(3, 6, u"C"_s, Cause::Policy, u"cn-north"_s, TicketStatus::Claimed, u"agent2"_s)});
        QCOMPARE(visibleIds(m), (QList<qint64>{3}));
    }

    void manyRandomUpdatesStayConsistent()
    {
        TicketTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QRandomGenerator rng(7);
        const QStringList regions{u"cn-north"_s, u"eu-west"_s, u"us-east"_s};
        qint64 seq = 0;
        for (int round = 0; round < 40; ++round) {
            QList<Ticket> batch;
            for (int i = 0; i < 15; ++i) {
                const qint64 id = rng.bounded(1, 60);
                batch << makeTicket(id, ++seq, QStringLiteral("user%1").arg(rng.bounded(100)),
                                    static_cast<Cause>(rng.bounded(int(Cause::Count))), regions.at(rng.bounded(3)),
                                    rng.bounded(4) == 0 ? TicketStatus::Resolved : TicketStatus::Escalated);
            }
            m.upsert(batch);
            if (round % 5 == 0)
                m.setQueue(QueueSelection::byRegion(regions.at(rng.bounded(3))));
            if (round % 7 == 0)
                m.sort(rng.bounded(TicketTableModel::ColumnCount), rng.bounded(2) ? Qt::AscendingOrder : Qt::DescendingOrder);
            // Every visible row passes the filter and each appears once.
            QSet<qint64> seen;
            for (int r = 0; r < m.rowCount(); ++r) {
                const Ticket *t = m.ticketAt(r);
                QVERIFY(t);
                QVERIFY(m.queue().matches(*t, {}));
                QVERIFY(!seen.contains(t->id));
                seen.insert(t->id);
                QCOMPARE(m.rowOf(t->id), r);
            }
            int expected = 0;
            for (const Ticket &t : m.allTickets())
                expected += m.queue().matches(t, {}) ? 1 : 0;
            QCOMPARE(m.rowCount(), expected);
        }
    }

    void queueModelCountsAndRegions()
    {
        QueueModel q;
        QAbstractItemModelTester tester(&q, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<Ticket> tickets{
            makeTicket(1, 1, u"A"_s, Cause::Network, u"eu-west"_s),
            makeTicket(2, 2, u"B"_s, Cause::Network, u"cn-north"_s, TicketStatus::Claimed, u"me"_s),
            makeTicket(3, 3, u"C"_s, Cause::Policy, u"cn-north"_s, TicketStatus::Resolved)};
        q.recount(tickets, u"me"_s);
        QCOMPARE(q.index(QueueModel::AllEscalated, 0).data(QueueModel::CountRole).toInt(), 2);
        QCOMPARE(q.index(QueueModel::Mine, 0).data(QueueModel::CountRole).toInt(), 1);
        QCOMPARE(q.index(QueueModel::Unassigned, 0).data(QueueModel::CountRole).toInt(), 1);
        const QModelIndex causes = q.index(QueueModel::ByCause, 0);
        QCOMPARE(q.rowCount(causes), int(Cause::Count));
        QCOMPARE(q.index(int(Cause::Network), 0, causes).data(QueueModel::CountRole).toInt(), 2);
        QCOMPARE(q.index(int(Cause::Policy), 0, causes).data(QueueModel::CountRole).toInt(), 0);
        const QModelIndex regions = q.index(QueueModel::ByRegion, 0);
        QCOMPARE(q.rowCount(regions), 2);
        QCOMPARE(q.index(0, 0, regions).data().toString(), u"cn-north (1)"_s); // sorted, open only
        tickets.push_back(makeTicket(4, 4, u"D"_s, Cause::User, u"ap-southeast"_s));
        q.recount(tickets, u"me"_s);
        QCOMPARE(q.rowCount(regions), 3);
        QCOMPARE(q.index(0, 0, regions).data().toString(), u"ap-southeast (1)"_s);
        const auto sel = q.selectionAt(q.index(2, 0, regions));
        QVERIFY(sel);
        QCOMPARE(sel->kind, QueueSelection::Kind::ByRegion);
        QCOMPARE(sel->region, u"eu-west"_s);
        QCOMPARE(q.indexOf(*sel), q.index(2, 0, regions));
        QVERIFY(!q.selectionAt(causes)); // group headers select nothing
    }

    void timelineModel()
    {
        TimelineModel t;
        QAbstractItemModelTester tester(&t, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TicketEvent e;
        e.id = 1;
        e.ticketId = 1;
        e.at = QDateTime::currentDateTimeUtc();
        e.actor = u"tier1"_s;
        e.kind = u"escalated"_s;
        e.summary = u"<b>not markup</b>"_s;
        t.setEvents({e, e});
        QCOMPARE(t.rowCount(), 2);
        QCOMPARE(t.index(0, TimelineModel::What).data().toString(), u"<b>not markup</b>"_s);
        QCOMPARE(t.index(1, TimelineModel::Actor).data().toString(), u"tier1"_s);
    }
};

QTEST_GUILESS_MAIN(TestTicketModels)
#include "tst_ticket_models.moc"

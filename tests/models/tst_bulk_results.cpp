// The bulk action's per-ticket results: "done" from the service is only "accepted"; each ticket's result is
// the gateway's final outcome from its timeline (action_outcome of that action id), pending until then.
#include "models/BulkResultModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace relaydesk;
using namespace relaydesk::models;
using namespace Qt::StringLiterals;

namespace {

BulkTicketResult result(qint64 ticket, const QString &status, qint64 actionId = 0, const QString &reason = {})
{
    BulkTicketResult r;
    r.ticketId = ticket;
    r.status = status;
    r.actionId = actionId;
    r.reason = reason;
    return r;
}

TicketEvent outcome(qint64 ticket, qint64 actionId, const QString &what, int status = 0, const QString &code = {})
{
    TicketEvent e;
    e.ticketId = ticket;
    e.kind = u"action_outcome"_s;
    e.actor = u"lead"_s;
    e.detail = {{"action_id"_L1, actionId}, {"effect"_L1, u"resend"_s}, {"outcome"_L1, what},
                {"http_status"_L1, status}, {"code"_L1, code}, {"region"_L1, u"cn-north"_s}};
    return e;
}

BulkSummary summary()
{
    BulkSummary s;
    s.incidentId = u"17-5b851f80e107"_s;
    s.action = u"resend"_s;
    s.results = {result(17, u"done"_s, 41), result(18, u"skipped"_s, 0, u"claimed_by_other"_s),
                 result(25, u"done"_s, 42), result(26, u"done"_s, 43),
                 result(27, u"failed"_s, 0, u"invalid_status"_s)};
    s.results[1].holder = u"bob"_s;
    s.done = 3;
    s.skipped = 1;
    s.failed = 1;
    return s;
}

} // namespace

class TestBulkResults final : public QObject
{
    Q_OBJECT

private slots:
    void acceptedIsPendingUntilTheOutcome()
    {
        BulkResultModel model(nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSummary(summary());
        QCOMPARE(model.rowCount(), 5);
        BulkOutcomeCounts c = model.counts();
        QCOMPARE(c.pending, 3); // the service's "done": accepted, nothing delivered yet
        QCOMPARE(c.delivered, 0);
        QCOMPARE(c.skipped, 1);
        QCOMPARE(c.failed, 1); // refused by the service
        const QModelIndex first = model.index(0, BulkResultModel::ResultColumn);
        QCOMPARE(first.data(Qt::UserRole).toString(), u"pending"_s);
        QVERIFY(!first.data().toString().contains(u"done"_s));
        QCOMPARE(model.index(1, BulkResultModel::DetailColumn).data().toString(), u"held by bob"_s);
        QVERIFY(model.index(4, BulkResultModel::DetailColumn).data().toString().contains(u"invalid_status"_s));
        QCOMPARE(model.index(2, BulkResultModel::TicketColumn).data(Qt::UserRole).toLongLong(), 25);
    }

    void outcomesSettleTheirOwnRowsOnly()
    {
        BulkResultModel model(nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSummary(summary());
        QSignalSpy counts(&model, &BulkResultModel::countsChanged);
        // Another action's outcome on the same ticket (an earlier resend) and an outcome on a ticket that is
        // not in the bulk change nothing.
        model.observeEvents(17, {outcome(17, 12, u"failed"_s, 502, u"bad_gateway"_s)});
        model.observeEvents(99, {outcome(99, 41, u"delivered"_s)});
        QCOMPARE(model.counts().pending, 3);
        QCOMPARE(counts.count(), 0);

        model.observeEvents(17, {outcome(17, 41, u"delivered"_s, 200)});
        model.observeEvents(25, {outcome(25, 42, u"failed"_s, 409, u"RESEND_FROM_DEVICE_REQUIRED"_s)});
        QCOMPARE(counts.count(), 2);
        BulkOutcomeCounts c = model.counts();
        QCOMPARE(c.pending, 1);
        QCOMPARE(c.delivered, 1);
        QCOMPARE(c.failed, 2);
        QCOMPARE(model.index(0, BulkResultModel::ResultColumn).data(Qt::UserRole).toString(), u"delivered"_s);
        QCOMPARE(model.index(0, BulkResultModel::DetailColumn).data().toString(), u"via cn-north"_s);
        QCOMPARE(model.index(2, BulkResultModel::ResultColumn).data(Qt::UserRole).toString(), u"failed"_s);
        QCOMPARE(model.index(2, BulkResultModel::ResultColumn).data().toString(), u"failed at the gateway"_s);
        QCOMPARE(model.index(2, BulkResultModel::DetailColumn).data().toString(), u"409 RESEND_FROM_DEVICE_REQUIRED"_s);

        // A settled row keeps its outcome when the timeline is read again.
        model.observeEvents(17, {outcome(17, 41, u"delivered"_s), outcome(17, 41, u"failed"_s, 500, u"x"_s)});
        QCOMPARE(model.counts().delivered, 1);

        model.observeEvents(26, {outcome(26, 43, u"duplicate_suppressed"_s)});
        c = model.counts();
        QCOMPARE(c.pending, 0);
        QCOMPARE(c.suppressed, 1);
        QCOMPARE(c.delivered + c.suppressed + c.failed + c.skipped, model.rowCount());
        QCOMPARE(model.index(3, BulkResultModel::ResultColumn).data().toString(), u"duplicate suppressed"_s);

        // Without pending rows a ticket change reads nothing (no api here; nothing to crash on either).
        model.ticketsChanged({17, 25, 26});
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.counts().pending, 0);
    }
};

QTEST_GUILESS_MAIN(TestBulkResults)
#include "tst_bulk_results.moc"

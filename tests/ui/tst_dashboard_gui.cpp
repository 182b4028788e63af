// Drives the real console in demo mode (embedded service, simulated devices, gateway and delivery telemetry
// with a scripted outage): the dashboard opens with Ctrl+D and its charts fill, a range change refetches,
// the outage's alert rings the bell and the admin acknowledges it, a click on a cause filters the ticket
// list, CSV/PNG export, and an incident's bulk resend shows per-ticket results with at most one delivery per
// ticket at the gateway.
#include "app/relaydesk/Console.h"
#include "models/AlertModel.h"
#include "models/IncidentBulkAction.h"
#include "models/IncidentModel.h"
#include "models/ApiClient.h"
#include "models/MetricsFeed.h"
#include "models/QueueModel.h"
#include "models/TicketTableModel.h"
#include "sim/GatewaySimulator.h"
#include "sim/TelemetryReporter.h"
#include "ui/AlertBell.h"
#include "ui/AlertPanel.h"
#include "ui/ChartCard.h"
#include "ui/Colors.h"
#include "ui/DashboardViews.h"
#include "ui/DashboardWindow.h"
#include "ui/IncidentsView.h"
#include "ui/MainWindow.h"
#include "ui/QueuePane.h"
#include "ui/TicketListPane.h"
#include "ui/TrayNotifier.h"

#include <QAbstractSeries>
#include <QAction>
#include <QApplication>
#include <QJsonObject>
#include <QMessageBox>
#include <QTimer>
#include <QTreeView>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QTemporaryDir>
#include <QTest>
#include <QScrollBar>
#include <QHeaderView>
#include <QXYSeries>

using namespace relaydesk;
using namespace Qt::StringLiterals;
using models::Metric;

namespace {

// What the next modal message box asked (filled in when it shows; it is answered with `key`).
struct ConfirmationSeen
{
    bool seen = false;
    bool defaultIsNo = false;
    QString text;
};
using Confirmation = std::shared_ptr<ConfirmationSeen>;

Confirmation confirmNextMessageBox(Qt::Key key)
{
    auto seen = std::make_shared<ConfirmationSeen>();
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, seen, key] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        seen->seen = true;
        seen->text = box->text() + u'\n' + box->informativeText();
        seen->defaultIsNo = box->defaultButton() && box->defaultButton() == box->button(QMessageBox::No);
        poll->deleteLater();
        QTest::keyClick(box, key);
    });
    poll->start();
    // Nothing asked within a while: stop polling (the test then sees seen == false).
    QTimer::singleShot(5000, poll, &QObject::deleteLater);
    return seen;
}

} // namespace

class TestDashboardGui final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void dashboardOpensWithCtrlDAndChartsFill();
    void rangeChangeRefetches();
    void outageAlertRingsTheBellAndIsAcknowledged();
    void causeDrillDownFiltersTheTicketList();
    void exportWritesCsvAndPng();
    void incidentBulkResendShowsResultsAndDeliversOnce();
    void notificationsCanBeSwitchedOff();

private:
    ui::DashboardViews *views() const { return m_console->window()->leadViews(); }
    // The outcome (action_outcome detail) of the ticket's latest agent resend, waiting for the gateway's
    // answer; nullopt when no agent resend is on its timeline.
    std::optional<QJsonObject> waitForResendOutcome(qint64 ticketId) const;

    QTemporaryDir m_dir;
    std::unique_ptr<app::Console> m_console;
};

std::optional<QJsonObject> TestDashboardGui::waitForResendOutcome(qint64 ticketId) const
{
    for (int round = 0; round < 120; ++round) {
        std::optional<models::ApiResult<QList<TicketEvent>>> answer;
        m_console->api()->fetchEvents(ticketId, [&answer](models::ApiResult<QList<TicketEvent>> r) { answer = r; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000) || !answer->ok())
            continue;
        qint64 actionId = 0;
        for (const TicketEvent &e : *answer->value) {
            if (e.kind == "resend_requested"_L1 && e.actor == m_console->username())
                actionId = e.detail.value("action_id"_L1).toInteger();
        }
        if (actionId == 0)
            return std::nullopt;
        for (const TicketEvent &e : *answer->value) {
            if (e.kind == "action_outcome"_L1 && e.detail.value("action_id"_L1).toInteger() == actionId)
                return e.detail;
        }
        QTest::qWait(250);
    }
    return std::nullopt;
}

void TestDashboardGui::initTestCase()
{
    QCoreApplication::setOrganizationName(u"RelaydeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_dashboard_gui"_s);
    QSettings().clear();
    app::ConsoleOptions o;
    o.dataDir = m_dir.path();
    o.demo = true;
    o.demoRate = 40;
    o.demoCount = 60;
    o.seed = 5;
    m_console = std::make_unique<app::Console>(o);
    QString error;
    QVERIFY2(m_console->start(&error), qPrintable(error));
    QVERIFY(QTest::qWaitForWindowExposed(m_console->window()));
    QVERIFY(views());
    QTRY_COMPARE_WITH_TIMEOUT(m_console->tickets()->totalCount(), 60, 90000);
    // The telemetry backfill (six hours at once) is done when the live reporter runs.
    QTRY_VERIFY_WITH_TIMEOUT(m_console->telemetry() && m_console->telemetry()->isRunning(), 60000);
}

void TestDashboardGui::cleanupTestCase()
{
    m_console.reset();
}

void TestDashboardGui::dashboardOpensWithCtrlDAndChartsFill()
{
    ui::MainWindow *window = m_console->window();
    window->activateWindow();
    QTest::keyClick(window, Qt::Key_D, Qt::ControlModifier);
    ui::DashboardWindow *dashboard = views()->dashboard();
    QTRY_VERIFY(dashboard->isVisible());
    QCOMPARE(dashboard->objectName(), u"dashboardWindow"_s);
    QCOMPARE(dashboard->cards().size(), 8);
    // Telemetry and tickets exist: these charts draw, with points.
    for (Metric m : {Metric::Queue, Metric::Flow, Metric::Causes, Metric::Delivery, Metric::Response}) {
        ui::ChartCard *card = dashboard->card(m);
        QVERIFY(card);
        QTRY_VERIFY2_WITH_TIMEOUT(card->isShowingChart(), qPrintable(models::metricPath(m) + u": "_s + card->messageLabel()->text()), 30000);
        QVERIFY(!card->chartView()->chart()->series().isEmpty());
    }
    // Delivery: one line per reporting region, 144 ten-minute buckets over 24 h, the outage region below 70 %.
    ui::ChartCard *delivery = dashboard->card(Metric::Delivery);
    const auto frame = delivery->frame();
    QVERIFY(frame);
    QCOMPARE(frame->bucketSeconds, 600);
    QCOMPARE(delivery->chartView()->chart()->series().size(), 5);
    double lowest = 1;
    for (const models::MetricSeries *s : frame->withField(u"success_rate"_s)) {
        for (double v : s->values) {
            if (!std::isnan(v))
                lowest = std::min(lowest, v);
        }
    }
    QVERIFY2(lowest < 0.7, qPrintable(QString::number(lowest)));
    auto *line = qobject_cast<QXYSeries *>(delivery->chartView()->chart()->series().first());
    QVERIFY(line && line->count() > 30);
    // Hovering a point shows its value under the chart.
    emit line->hovered(line->at(0), true);
    QVERIFY(delivery->hoverLabel()->text().contains(line->name()));
    QVERIFY(delivery->hoverLabel()->text().contains(u"%"_s));
    // CSAT: nobody answered a survey yet: a message, not an empty chart.
    ui::ChartCard *csat = dashboard->card(Metric::Csat);
    QTRY_VERIFY_WITH_TIMEOUT(csat->frame().has_value(), 20000);
    QVERIFY(!csat->isShowingChart());
    QVERIFY(csat->messageLabel()->text().contains(u"No survey answers"_s));
}

void TestDashboardGui::rangeChangeRefetches()
{
    ui::DashboardWindow *dashboard = views()->dashboard();
    models::MetricsFeed *feed = m_console->metrics();
    QTRY_VERIFY_WITH_TIMEOUT(!feed->isLoading(), 20000);
    const int before = feed->rounds();
    QComboBox *range = dashboard->rangePicker();
    range->setCurrentIndex(range->findData(int(models::MetricsFeed::Range::Week)));
    QCOMPARE(feed->range(), models::MetricsFeed::Range::Week);
    QVERIFY(feed->rounds() > before);
    ui::ChartCard *flow = dashboard->card(Metric::Flow);
    QTRY_VERIFY_WITH_TIMEOUT(flow->frame() && flow->frame()->bucketSeconds == 3600, 20000);
    QCOMPARE(flow->frame()->starts.size(), 168);
    QCOMPARE(int(flow->frame()->find(u"all"_s, u"inflow"_s)->total()), 60);
    range->setCurrentIndex(range->findData(int(models::MetricsFeed::Range::Hour)));
    QTRY_VERIFY_WITH_TIMEOUT(flow->frame() && flow->frame()->bucketSeconds == 60, 20000);
    QCOMPARE(flow->frame()->starts.size(), 60);
}

void TestDashboardGui::outageAlertRingsTheBellAndIsAcknowledged()
{
    ui::AlertBell *bell = views()->alertBell();
    models::AlertModel *alerts = m_console->alerts();
    QTRY_VERIFY_WITH_TIMEOUT(bell->count() >= 1, 60000);
    QCOMPARE(bell->count(), alerts->raisedCount());
    QVERIFY(bell->text().contains(QString::number(bell->count())));
    QCOMPARE(m_console->window()->findChild<QToolButton *>(u"alertBell"_s), bell);

    QTest::mouseClick(bell, Qt::LeftButton);
    ui::AlertPanel *panel = views()->alertPanel();
    QTRY_VERIFY(panel->isVisible());
    // The delivery alert of the scripted outage (the demo's report burst may raise an inflow spike too).
    const auto outageAlert = [alerts]() -> std::optional<models::AlertInfo> {
        for (int row = 0; row < alerts->rowCount(); ++row) {
            const auto a = alerts->alertAt(row);
            if (a && a->kind == "delivery_drop"_L1 && a->state == "raised"_L1)
                return a;
        }
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(outageAlert().has_value(), 30000);
    const auto alert = outageAlert();
    QVERIFY(!alert->subject.isEmpty()); // the region
    QVERIFY(alert->detail.value("success_rate"_L1).toDouble() < alert->detail.value("baseline"_L1).toDouble());
    panel->selectAlert(alert->id);
    QCOMPARE(panel->currentAlertId(), alert->id);
    // Agents see Acknowledge disabled, with the reason.
    panel->setCanAcknowledge(false);
    QVERIFY(!panel->acknowledgeButton()->isEnabled());
    QVERIFY(panel->acknowledgeButton()->toolTip().contains(u"leads"_s));
    panel->setCanAcknowledge(true); // the demo signs in as admin
    QVERIFY(panel->acknowledgeButton()->isEnabled());
    const int raised = bell->count();
    QTest::mouseClick(panel->acknowledgeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(alerts->alert(alert->id)->state, u"acknowledged"_s, 20000);
    QCOMPARE(alerts->alert(alert->id)->acknowledgedBy, u"admin"_s);
    QTRY_COMPARE(bell->count(), raised - 1);
    QVERIFY(!panel->acknowledgeButton()->isEnabled());
    // The history shows it too.
    panel->historyBox()->setChecked(true);
    QVERIFY(alerts->rowCount() >= 1);
    panel->close();
}

void TestDashboardGui::causeDrillDownFiltersTheTicketList()
{
    ui::DashboardWindow *dashboard = views()->dashboard();
    ui::ChartCard *causes = dashboard->card(Metric::Causes);
    QTRY_VERIFY_WITH_TIMEOUT(causes->frame().has_value(), 20000);
    // The cause with the most open tickets.
    QMap<Cause, int> open;
    for (const Ticket &t : m_console->tickets()->allTickets()) {
        if (isOpenForAgents(t.status))
            ++open[t.cause];
    }
    QVERIFY(!open.isEmpty());
    Cause best = open.firstKey();
    for (auto it = open.begin(); it != open.end(); ++it) {
        if (it.value() > open.value(best))
            best = it.key();
    }
    causes->activate(toWire(best)); // what a click on its bar or legend entry does
    QTableView *table = m_console->window()->ticketListPane()->view();
    QCOMPARE(table->model()->rowCount(), open.value(best));
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const qint64 id = table->model()->index(row, 0).data(models::TicketTableModel::TicketIdRole).toLongLong();
        QCOMPARE(m_console->tickets()->ticket(id)->cause, best);
    }
    QVERIFY(m_console->window()->isActiveWindow() || m_console->window()->isVisible());
}

void TestDashboardGui::exportWritesCsvAndPng()
{
    ui::ChartCard *flow = views()->dashboard()->card(Metric::Flow);
    QTRY_VERIFY_WITH_TIMEOUT(flow->isShowingChart(), 20000);
    const QString csv = m_dir.filePath(u"flow.csv"_s);
    QString error;
    QVERIFY2(flow->exportCsv(csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("bucket_start,all:inflow,all:outflow,all:reopened"));
    QCOMPARE(lines.size() - 2, flow->frame()->starts.size());
    int inflow = 0;
    for (qsizetype i = 1; i + 1 < lines.size(); ++i)
        inflow += lines.at(i).split(',').at(1).toInt();
    QCOMPARE(double(inflow), flow->frame()->find(u"all"_s, u"inflow"_s)->total());
    const QString png = m_dir.filePath(u"flow.png"_s);
    QVERIFY2(flow->exportPng(png, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 100 && image.height() > 100);
}

void TestDashboardGui::incidentBulkResendShowsResultsAndDeliversOnce()
{
    // Tier 1 has finished with every ticket, so the incident's open tickets stay open.
    const auto settled = [this] {
        for (const Ticket &t : m_console->tickets()->allTickets()) {
            if (t.status == TicketStatus::Reported || t.status == TicketStatus::Diagnosed ||
                t.status == TicketStatus::AutoHandling)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 120000);
    ui::MainWindow *window = m_console->window();
    views()->dashboard()->close();
    window->activateWindow();
    QTRY_VERIFY(window->isActiveWindow()); // window shortcuts need the window active
    QTest::keyClick(window, Qt::Key_I, Qt::ControlModifier);
    ui::IncidentsView *view = views()->incidentsView();
    QTRY_VERIFY(view->isVisible());
    models::IncidentModel *incidents = m_console->incidents();
    QTRY_VERIFY_WITH_TIMEOUT(incidents->rowCount() > 0, 30000);
    // The incident with the most open tickets.
    int bestRow = 0;
    for (int row = 0; row < incidents->rowCount(); ++row) {
        if (incidents->incidentAt(row)->openCount > incidents->incidentAt(bestRow)->openCount)
            bestRow = row;
    }
    const models::IncidentInfo incident = *incidents->incidentAt(bestRow);
    QVERIFY2(incident.openCount >= 2, qPrintable(incident.signature));
    view->selectIncident(incident.id);
    QCOMPARE(view->currentIncidentId(), incident.id);
    // At a 1280x720 screen's size every column of the incident list is in view at once (the first and last
    // seen times were scrolled off).
    auto *table = view->findChild<QTableView *>(u"incidentTable"_s);
    QVERIFY(table);
    const QSize before = view->window()->size();
    view->window()->resize(1260, 680);
    QTRY_VERIFY2(table->horizontalHeader()->length() <= table->viewport()->width(),
                 qPrintable(u"columns %1 px in a %2 px view"_s.arg(table->horizontalHeader()->length())
                                .arg(table->viewport()->width())));
    QVERIFY(!table->horizontalScrollBar()->isVisible());
    // The cause cell carries the cause's colour, the one of its badge and of its bar on the dashboard.
    if (const auto cause = fromWire<Cause>(incident.cause)) {
        const QModelIndex cell = table->model()->index(bestRow, models::IncidentModel::Cause);
        table->scrollTo(cell);
        const QImage shot = table->viewport()->grab(table->visualRect(cell)).toImage();
        bool found = false;
        for (int y = 0; y < shot.height() && !found; ++y)
            for (int x = 0; x < shot.width() && !found; ++x)
                found = shot.pixelColor(x, y) == ui::causeColor(*cause);
        QVERIFY2(found, qPrintable(incident.cause));
    }
    view->window()->resize(before);
    QTRY_COMPARE(view->ticketList()->count(), incident.ticketIds.size());
    QMap<qint64, QString> messages; // ticket -> client message id
    for (qint64 id : incident.openTicketIds) {
        const Ticket *t = m_console->tickets()->ticket(id);
        QVERIFY(t);
        messages.insert(id, t->clientMessageId);
    }

    auto *resend = view->findChild<QPushButton *>(u"incidentResend"_s);
    QVERIFY(resend && resend->isEnabled());
    // More than one ticket: the console asks first, naming the count and the action; No is the default and
    // Y (the Yes button's mnemonic) answers from the keyboard.
    Confirmation confirmation = confirmNextMessageBox(Qt::Key_Y);
    QTest::mouseClick(resend, Qt::LeftButton);
    QVERIFY2(confirmation->seen, "a bulk resend of several tickets asks for confirmation");
    QVERIFY2(confirmation->text.contains(QString::number(incident.openCount)), qPrintable(confirmation->text));
    QVERIFY2(confirmation->text.contains(u"resend"_s, Qt::CaseInsensitive), qPrintable(confirmation->text));
    QVERIFY(confirmation->defaultIsNo);
    QVERIFY(view->progressBar()->isVisible()); // shown while the bulk call runs
    QVERIFY(!resend->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!view->progressBar()->isVisible(), 30000);
    auto *results = view->findChild<QAbstractItemView *>(u"incidentResults"_s);
    QVERIFY(results);
    QAbstractItemModel *rows = results->model();
    QCOMPARE(rows->rowCount(), int(incident.openTicketIds.size()));

    // Each acted-on ticket's result is the gateway's final outcome as its timeline says (the action_outcome
    // of the action the bulk resend made), not "done" when the service merely accepted the resend.
    QList<qint64> done;
    int delivered = 0, suppressed = 0, failed = 0;
    for (int row = 0; row < rows->rowCount(); ++row) {
        const qint64 id = rows->index(row, 0).data(Qt::UserRole).toLongLong();
        QVERIFY(messages.contains(id));
        const auto outcome = waitForResendOutcome(id);
        if (!outcome) { // not acted on: skipped or refused, with the reason
            const QString status = rows->index(row, 1).data(Qt::UserRole).toString();
            QVERIFY2(status == "skipped"_L1 || status == "failed"_L1, qPrintable(status));
            QVERIFY(!rows->index(row, 2).data().toString().isEmpty());
            if (status == "failed"_L1)
                ++failed; // refused by the service: failed too, with its code
            continue;
        }
        done.append(id);
        const QString expected = outcome->value("outcome"_L1).toString();
        QTRY_COMPARE_WITH_TIMEOUT(rows->index(row, 1).data(Qt::UserRole).toString(), expected, 30000);
        const QString shown = rows->index(row, 1).data().toString() + u' ' + rows->index(row, 2).data().toString();
        if (expected == "delivered"_L1) {
            ++delivered;
            QVERIFY2(shown.contains(u"delivered"_s), qPrintable(shown));
        } else if (expected == "duplicate_suppressed"_L1) {
            ++suppressed;
            QVERIFY2(shown.contains(u"duplicate suppressed"_s), qPrintable(shown));
        } else {
            ++failed;
            QVERIFY2(shown.contains(u"failed"_s), qPrintable(shown));
            QVERIFY2(shown.contains(QString::number(outcome->value("http_status"_L1).toInt())), qPrintable(shown));
            QVERIFY2(shown.contains(outcome->value("code"_L1).toString()), qPrintable(shown));
        }
    }
    QVERIFY2(!done.isEmpty(), qPrintable(view->summaryLabel()->text()));
    // The summary counts the outcomes once they are all in; nothing is left waiting.
    const QString summary = view->summaryLabel()->text();
    QVERIFY2(summary.contains(u"%1 delivered"_s.arg(delivered)), qPrintable(summary));
    QVERIFY2(summary.contains(u"%1 duplicate"_s.arg(suppressed)), qPrintable(summary));
    QVERIFY2(summary.contains(u"%1 failed"_s.arg(failed)), qPrintable(summary));
    QVERIFY2(!summary.contains(u"waiting"_s), qPrintable(summary));
    QVERIFY2(!summary.contains(u"done"_s), qPrintable(summary));

    // Every resend reaches the gateway, which delivers each message at most once, even when the agent asks
    // again (a second bulk resend joins or replays the first per ticket).
    sim::GatewaySimulator *gateway = m_console->gateway();
    for (qint64 id : done)
        QTRY_VERIFY_WITH_TIMEOUT(gateway->attemptsForMessage(messages.value(id)) >= 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(resend->isEnabled() || incidents->incident(incident.id) == std::nullopt, 10000);
    if (resend->isEnabled()) {
        const int open = incidents->incident(incident.id)->openCount;
        Confirmation again = confirmNextMessageBox(Qt::Key_Y);
        QTest::mouseClick(resend, Qt::LeftButton);
        QCOMPARE(again->seen, open > 1);
        QTRY_VERIFY_WITH_TIMEOUT(!view->progressBar()->isVisible(), 30000);
    }
    QTest::qWait(1000);
    for (qint64 id : done)
        QVERIFY2(gateway->deliveriesForMessage(messages.value(id)) <= 1, qPrintable(messages.value(id)));
    // Network failures are resendable: those tickets were delivered exactly once.
    if (incident.cause == "network"_L1) {
        for (qint64 id : done)
            QTRY_COMPARE_WITH_TIMEOUT(gateway->deliveriesForMessage(messages.value(id)), 1, 30000);
    }

    // Opening a ticket from the incident while the queue tree shows another cause: the tree moves to a queue
    // that holds the ticket, the list shows that queue and the ticket is selected in it.
    ui::MainWindow *main = m_console->window();
    auto *queueView = main->queuePane()->view();
    auto *queueModel = qobject_cast<models::QueueModel *>(queueView->model());
    QVERIFY(queueModel);
    const Cause other = fromWire<Cause>(incident.cause) == Cause::Network ? Cause::Server : Cause::Network;
    main->queuePane()->select(models::QueueSelection::byCause(other));
    QCOMPARE(m_console->tickets()->queue(), models::QueueSelection::byCause(other));
    for (qint64 id : {incident.openTicketIds.value(0), incident.ticketIds.value(0)}) {
        int row = -1;
        for (int i = 0; i < view->ticketList()->count(); ++i) {
            if (view->ticketList()->item(i)->data(Qt::UserRole).toLongLong() == id)
                row = i;
        }
        QVERIFY(row >= 0);
        emit view->ticketList()->itemActivated(view->ticketList()->item(row));
        QCOMPARE(main->ticketListPane()->currentTicketId(), id);
        const auto shownQueue = queueModel->selectionAt(queueView->currentIndex());
        QVERIFY2(shownQueue.has_value(), "the queue tree shows which queue the list is");
        QVERIFY(*shownQueue == m_console->tickets()->queue());
        QVERIFY(shownQueue->matches(*m_console->tickets()->ticket(id), m_console->username()));
    }
    view->close();
}

void TestDashboardGui::notificationsCanBeSwitchedOff()
{
    ui::TrayNotifier *notifier = views()->notifier();
    QVERIFY(notifier->alertsAction()->isChecked());
    models::AlertInfo alert;
    alert.id = 999;
    alert.kind = u"inflow_spike"_s;
    alert.subject = u"reports"_s;
    alert.state = u"raised"_s;
    const int shown = notifier->notificationsShown();
    notifier->alertRaised(alert);
    QCOMPARE(notifier->notificationsShown(), shown + 1);
    QVERIFY(notifier->lastTitle().contains(u"inflow"_s, Qt::CaseInsensitive));
    notifier->alertsAction()->setChecked(false);
    notifier->alertRaised(alert);
    QCOMPARE(notifier->notificationsShown(), shown + 1);
    QCOMPARE(QSettings().value(u"notifications/alerts"_s).toBool(), false); // remembered
    // Tickets newly assigned to me by someone else notify; my own claims do not.
    Ticket t;
    t.id = 424242;
    t.status = TicketStatus::Claimed;
    t.assignee = m_console->username();
    t.userName = u"Wang Fang"_s;
    notifier->expectOwnClaims({t.id});
    notifier->ticketsArrived({t});
    QCOMPARE(notifier->notificationsShown(), shown + 1);
    t.id = 424243;
    notifier->ticketsArrived({t});
    QCOMPARE(notifier->notificationsShown(), shown + 2);
    QVERIFY(notifier->lastTitle().contains(u"#424243"_s));
    notifier->assignedAction()->setChecked(false);
    t.id = 424244;
    notifier->ticketsArrived({t});
    QCOMPARE(notifier->notificationsShown(), shown + 2);
    notifier->alertsAction()->setChecked(true);
    notifier->assignedAction()->setChecked(true);
}

QTEST_MAIN(TestDashboardGui)
#include "tst_dashboard_gui.moc"

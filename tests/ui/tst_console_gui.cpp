// Drives the real console window on an embedded service fed by the simulator: tickets arrive live,
// selecting one shows its report facts, timeline and device log.
#include "app/relaydesk/Console.h"
#include "models/SyncEngine.h"
#include "models/TicketActions.h"
#include "models/TicketTableModel.h"
#include "models/TimelineModel.h"
#include "sim/GatewaySimulator.h"
#include "models/LogTableModel.h"
#include "ui/LogPane.h"
#include "ui/MainWindow.h"
#include "ui/QueuePane.h"
#include "ui/TicketDetailPane.h"
#include "ui/TicketListPane.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include "models/ApiClient.h"
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QHeaderView>
#include <QToolButton>
#include <QTreeView>

using namespace relaydesk;
using namespace Qt::StringLiterals;

class TestConsoleGui final : public QObject
{
    Q_OBJECT

private:
    static app::ConsoleOptions demoOptions(const QString &dataDir)
    {
        app::ConsoleOptions o;
        o.dataDir = dataDir;
        o.demo = true;
        o.demoRate = 50;
        o.demoCount = 12;
        o.seed = 42;
        return o;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"RelaydeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_console_gui"_s);
        QSettings().clear(); // every run starts from the default layout
    }

    void ticketsArriveAndSelectedTicketShowsItsLog()
    {
        QTemporaryDir dir;
        app::Console console(demoOptions(dir.path()));
        QString error;
        QVERIFY2(console.start(&error), qPrintable(error));
        ui::MainWindow *window = console.window();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));

        auto *table = window->findChild<QTableView *>(u"ticketTable"_s);
        QVERIFY(table);
        QTRY_COMPARE_WITH_TIMEOUT(console.tickets()->totalCount(), 12, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(console.sync()->state(), models::SyncEngine::State::Live, 20000);
        // The table shows the tickets waiting on tier 2 (tier 1 resolves the rest by itself).
        const auto openCount = [&console] {
            int n = 0;
            for (const Ticket &t : console.tickets()->allTickets())
                n += isOpenForAgents(t.status) ? 1 : 0;
            return n;
        };
        const auto settled = [&console] {
            for (const Ticket &t : console.tickets()->allTickets()) {
                if (t.status == TicketStatus::Reported || t.status == TicketStatus::Diagnosed ||
                    t.status == TicketStatus::AutoHandling)
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 120000); // tier 1 has finished its retries and replies
        QVERIFY(openCount() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), openCount(), 10000);
        const int escalated = openCount();
        // The header's sort indicator tells the truth about the model's order.
        auto *model = console.tickets();
        QCOMPARE(model->sortColumn(), int(models::TicketTableModel::Updated)); // newest activity first
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), model->sortColumn());
        QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), model->sortOrder());
        table->horizontalHeader()->setSortIndicator(models::TicketTableModel::User, Qt::AscendingOrder);
        QCOMPARE(model->sortColumn(), int(models::TicketTableModel::User));
        for (int r = 1; r < model->rowCount(); ++r)
            QVERIFY(QString::localeAwareCompare(model->ticketAt(r - 1)->userName, model->ticketAt(r)->userName) <= 0);
        auto *connection = window->findChild<QLabel *>(u"connectionState"_s);
        QVERIFY(connection->text().contains(u"Live"_s));

        // Keyboard: focus the table and move to the first row.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier);
        QTRY_VERIFY(table->selectionModel()->currentIndex().isValid());
        const qint64 id = table->selectionModel()->currentIndex().data(models::TicketTableModel::TicketIdRole).toLongLong();
        QVERIFY(id > 0);

        auto *title = window->findChild<QLabel *>(u"ticketTitle"_s);
        QVERIFY(title->text().startsWith(u"#%1"_s.arg(id)));
        auto *log = window->findChild<QTableView *>(u"logView"_s);
        QVERIFY(log);
        ui::LogPane *logPane = window->detailPane()->logPane();
        models::LogTableModel *lines = logPane->model();
        QTRY_VERIFY_WITH_TIMEOUT(log->model()->rowCount() > 20 && lines->isIndexed(), 20000);

        // The log shown is exactly the one the service stored, line by line, as plain text.
        std::optional<QByteArray> served;
        console.api()->fetchLog(id, [&served](models::ApiResult<QByteArray> r) { served = r.value.value_or("<failed>"); });
        QTRY_VERIFY_WITH_TIMEOUT(served.has_value(), 10000);
        QStringList expected = QString::fromUtf8(*served).split(u'\n');
        if (served->endsWith('\n'))
            expected.removeLast();
        for (QString &line : expected) {
            if (line.endsWith(u'\r'))
                line.chop(1);
        }
        QCOMPARE(lines->lineCount(), qint64(expected.size()));
        for (qint64 i = 0; i < lines->lineCount(); ++i)
            QCOMPARE(lines->lineText(i), expected.at(i));
        auto *timeline = window->detailPane()->timelineView();
        QTRY_VERIFY_WITH_TIMEOUT(timeline->model()->rowCount() >= 2, 20000); // reported, escalated

        // Columns follow the log's format: a parsed log shows its level and tag.
        if (lines->format() != LogFormat::Text) {
            QVERIFY(!log->isColumnHidden(models::LogTableModel::Level));
            QVERIFY(!log->isColumnHidden(models::LogTableModel::Tag));
        }

        // Search: a word from the log finds exactly the lines that contain it.
        const QString word = expected.at(expected.size() / 2).split(u' ', Qt::SkipEmptyParts).last();
        auto *search = window->findChild<QLineEdit *>(u"logSearch"_s);
        QTest::keyClick(window, Qt::Key_Slash);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, word);
        QTest::keyClick(search, Qt::Key_Return);
        auto *matchCount = window->findChild<QLabel *>(u"matchCount"_s);
        QList<qint64> reference;
        for (qsizetype i = 0; i < expected.size(); ++i) {
            if (expected.at(i).contains(word, Qt::CaseInsensitive))
                reference.append(i);
        }
        QTRY_VERIFY_WITH_TIMEOUT(matchCount->text().contains(u"match"_s), 10000);
        QCOMPARE(lines->matches(), reference);
        QCOMPARE(qint64(logPane->currentLine() - 1), reference.first()); // jumped to the first match

        // Level filter: errors only shows only error and fatal lines.
        auto *level = window->findChild<QComboBox *>(u"levelFilter"_s);
        level->setCurrentIndex(3);
        QTRY_VERIFY_WITH_TIMEOUT(lines->isFiltered(), 10000);
        for (int r = 0; r < lines->rowCount(); ++r) {
            const QString l = lines->index(r, models::LogTableModel::Level).data().toString();
            QVERIFY2(l == u"E"_s || l == u"F"_s, qPrintable(l));
        }
        level->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(!lines->isFiltered(), 10000);
        QCOMPARE(qint64(lines->rowCount()), lines->lineCount());

        // Patterns mode: lines grouped into templates; picking one shows exactly its lines.
        auto *patternsButton = window->findChild<QToolButton *>(u"patternsButton"_s);
        auto *patternList = window->findChild<QListWidget *>(u"patternList"_s);
        QVERIFY(patternsButton && patternList);
        patternsButton->click();
        QTRY_VERIFY_WITH_TIMEOUT(patternList->count() > 2 && patternList->item(1)->data(Qt::UserRole).isValid(), 20000);
        const int patternId = patternList->item(1)->data(Qt::UserRole).toInt();
        qint64 expectedCount = 0;
        for (qint64 i = 0; i < lines->lineCount(); ++i)
            expectedCount += lines->patternOfLine(i) == patternId ? 1 : 0;
        QVERIFY(expectedCount > 0);
        patternList->setCurrentRow(1);
        QTRY_COMPARE(qint64(lines->rowCount()), expectedCount);
        for (int r = 0; r < lines->rowCount(); ++r)
            QCOMPARE(lines->patternOfLine(lines->lineOfRow(r)), patternId);
        patternsButton->click(); // off: all lines again
        QTRY_COMPARE(qint64(lines->rowCount()), lines->lineCount());

        // Clicking a finding of the diagnosis scrolls the log to its line, and the log's current line
        // marks its finding.
        int rowWithLogEvidence = -1;
        int evidenceLine = 0;
        for (int r = 0; r < model->rowCount() && rowWithLogEvidence < 0; ++r) {
            const Ticket *t = model->ticketAt(r);
            if (!t->diagnosis)
                continue;
            for (const Evidence &e : t->diagnosis->evidence) {
                if (e.line > 0) {
                    rowWithLogEvidence = r;
                    evidenceLine = e.line;
                    break;
                }
            }
        }
        QVERIFY2(rowWithLogEvidence >= 0, "some escalated ticket has log evidence");
        table->selectionModel()->setCurrentIndex(model->index(rowWithLogEvidence, 0),
                                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTRY_VERIFY_WITH_TIMEOUT(lines->lineCount() >= evidenceLine && lines->isIndexed(), 20000);
        QListWidget *evidence = window->findChild<QListWidget *>(u"evidenceList"_s);
        QVERIFY(evidence);
        QListWidgetItem *finding = nullptr;
        for (int i = 0; i < evidence->count() && !finding; ++i) {
            if (evidence->item(i)->text().startsWith(u"Line %1 "_s.arg(evidenceLine)))
                finding = evidence->item(i);
        }
        QVERIFY(finding);
        QTest::mouseClick(evidence->viewport(), Qt::LeftButton, {}, evidence->visualItemRect(finding).center());
        QTRY_COMPARE(logPane->currentLine(), evidenceLine);
        QVERIFY(finding->font().bold());

        // Quick filter: typing a ticket's id narrows the table to it.
        QLineEdit *filter = window->ticketListPane()->filterEdit();
        QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, u"no-such-ticket-xyz"_s);
        QTRY_COMPARE(table->model()->rowCount(), 0);
        filter->clear();
        QTRY_COMPARE(table->model()->rowCount(), escalated);

        // Queue views: "Unassigned" holds every escalated demo ticket.
        auto *queues = window->findChild<QTreeView *>(u"queueView"_s);
        QVERIFY(queues);
        queues->setCurrentIndex(queues->model()->index(2, 0));
        QCOMPARE(table->model()->rowCount(), escalated);
        queues->setCurrentIndex(queues->model()->index(1, 0)); // Mine: nothing claimed yet
        QCOMPARE(table->model()->rowCount(), 0);
    }

    void claimThenResendDeliversOnce()
    {
        QTemporaryDir dir;
        app::ConsoleOptions options = demoOptions(dir.path());
        options.demoCount = 30;
        app::Console console(options);
        QString error;
        QVERIFY2(console.start(&error), qPrintable(error));
        ui::MainWindow *window = console.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *model = console.tickets();
        // An escalated network ticket: the simulated platform delivers a resend of it.
        const auto pick = [model]() -> const Ticket * {
            for (int r = 0; r < model->rowCount(); ++r) {
                const Ticket *t = model->ticketAt(r);
                if (t->cause == Cause::Network && t->status == TicketStatus::Escalated)
                    return t;
            }
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(model->totalCount() == 30 && pick() != nullptr, 60000);
        const qint64 id = pick()->id;
        const QString messageId = pick()->clientMessageId;
        window->ticketListPane()->selectTicket(id);
        auto *table = window->ticketListPane()->view();
        table->setFocus();

        // C claims; the workspace then lets the agent act.
        QTest::keyClick(table, Qt::Key_C);
        QTRY_COMPARE_WITH_TIMEOUT(model->ticket(id)->assignee, u"admin"_s, 10000);
        auto *resend = window->findChild<QPushButton *>(u"resendButton"_s);
        QTRY_VERIFY(resend->isEnabled());

        // A double click on Resend sends one message.
        QTest::mouseClick(resend, Qt::LeftButton);
        QTest::mouseClick(resend, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!console.actions()->isPending(id, models::TicketActions::Kind::Resend), 10000);
        auto *timeline = window->detailPane()->timelineView();
        const auto outcomeShown = [timeline] {
            for (int r = 0; r < timeline->model()->rowCount(); ++r) {
                const QString what = timeline->model()->index(r, models::TimelineModel::What).data().toString();
                if (what.contains(u"delivered"_s) || what.contains(u"duplicate"_s))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(outcomeShown(), 60000);
        QCOMPARE(console.gateway()->deliveriesForMessage(messageId), 1);
    }

    void incidentListsTicketsWithTheSameSignature()
    {
        QTemporaryDir dir;
        app::ConsoleOptions options = demoOptions(dir.path());
        options.demoCount = 80; // enough for several tickets of one incident
        app::Console console(options);
        QString error;
        QVERIFY2(console.start(&error), qPrintable(error));
        ui::MainWindow *window = console.window();
        auto *model = console.tickets();
        QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), 80, 60000);
        // The incident: a ticket lists the other tickets with its signature.
        qint64 first = 0;
        qint64 sibling = 0;
        for (int r = 0; r < model->rowCount() && !sibling; ++r) {
            const Ticket *a = model->ticketAt(r);
            for (const Ticket &b : model->allTickets()) {
                if (a->diagnosis && b.diagnosis && a->id != b.id && a->diagnosis->signature == b.diagnosis->signature) {
                    first = a->id;
                    sibling = b.id;
                    break;
                }
            }
        }
        QVERIFY2(sibling, "the demo has tickets that share a signature");
        {
            window->ticketListPane()->selectTicket(first);
            QListWidget *related = window->findChild<QListWidget *>(u"relatedList"_s);
            QVERIFY(related);
            const auto listed = [related, sibling] {
                for (int i = 0; i < related->count(); ++i) {
                    if (related->item(i)->text().startsWith(u"#%1 "_s.arg(sibling)))
                        return true;
                }
                return false;
            };
            QTRY_VERIFY_WITH_TIMEOUT(listed(), 10000);
        }

    }

    void embeddedSessionRenewsItself()
    {
        QTemporaryDir dir;
        app::ConsoleOptions options = demoOptions(dir.path());
        options.demoCount = 1;
        app::Console console(options);
        QString error;
        QVERIFY2(console.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(console.sync()->state(), models::SyncEngine::State::Live, 20000);
        const QString before = console.api()->token();
        // Revoke the session behind the console's back, as an expiry would.
        std::optional<bool> loggedOut;
        console.api()->logout([&loggedOut](models::ApiResult<bool> r) { loggedOut = r.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(loggedOut.has_value(), 10000);
        QVERIFY(*loggedOut);
        console.sync()->syncNow(); // the next call meets the 401
        QTRY_VERIFY_WITH_TIMEOUT(console.api()->token() != before, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(console.sync()->state(), models::SyncEngine::State::Live, 20000);
    }

    void layoutIsRemembered()
    {
        QTemporaryDir dir;
        QList<int> sizes;
        {
            app::Console console(demoOptions(dir.path()));
            QString error;
            QVERIFY2(console.start(&error), qPrintable(error));
            auto *splitter = console.window()->findChild<QSplitter *>(u"mainSplitter"_s);
            QVERIFY(QTest::qWaitForWindowExposed(console.window()));
            splitter->setSizes({150, 600, 650});
            sizes = splitter->sizes();
            console.window()->close();
        }
        app::Console again(demoOptions(dir.path()));
        QString error;
        QVERIFY2(again.start(&error), qPrintable(error));
        auto *splitter = again.window()->findChild<QSplitter *>(u"mainSplitter"_s);
        QCOMPARE(splitter->sizes(), sizes);
    }

    void reopensOnCachedTicketsBeforeSyncing()
    {
        QTemporaryDir dir;
        {
            app::Console console(demoOptions(dir.path()));
            QString error;
            QVERIFY2(console.start(&error), qPrintable(error));
            QTRY_COMPARE_WITH_TIMEOUT(console.tickets()->totalCount(), 12, 60000);
            QTRY_COMPARE_WITH_TIMEOUT(console.sync()->state(), models::SyncEngine::State::Live, 20000);
        }
        app::ConsoleOptions quiet = demoOptions(dir.path());
        quiet.demo = false;
        app::Console console(quiet);
        QString error;
        QVERIFY2(console.start(&error), qPrintable(error));
        // The local copy is loaded before (and independent of) the delta sync.
        QTRY_VERIFY_WITH_TIMEOUT(console.tickets()->totalCount() >= 12, 10000);
    }
};

QTEST_MAIN(TestConsoleGui)
#include "tst_console_gui.moc"

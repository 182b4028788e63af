// Drives the real console window on an embedded service fed by the simulator: tickets arrive live,
// selecting one shows its report facts, timeline and device log.
#include "app/relaydesk/Console.h"
#include "server/EmbeddedService.h"
#include "models/SyncEngine.h"
#include "models/TicketActions.h"
#include "models/TicketTableModel.h"
#include "models/TimelineModel.h"
#include "sim/GatewaySimulator.h"
#include "models/LogTableModel.h"
#include "ui/LogPane.h"
#include "ui/LogView.h"
#include "ui/MainWindow.h"
#include "ui/QueuePane.h"
#include "ui/TicketDetailPane.h"
#include "ui/TicketListPane.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QJsonObject>
#include <QTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include "models/ApiClient.h"
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
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

    // Starts the console and waits for its window and all `count` demo tickets: "" or what went wrong.
    static QString startWithTickets(app::Console &console, int count)
    {
        QString error;
        if (!console.start(&error))
            return error;
        if (!QTest::qWaitForWindowExposed(console.window()))
            return u"the window was not shown"_s;
        if (!QTest::qWaitFor([&] { return console.tickets()->totalCount() == count; }, 60000))
            return u"%1 of %2 tickets arrived"_s.arg(console.tickets()->totalCount()).arg(count);
        return {};
    }

    // Runs `drive` on the next modal dialog named `name` once `ready` holds for it (polled; the dialog's
    // exec() blocks the caller), then accepts it.
    static void whenDialogOpens(const QString &name, std::function<bool(QDialog *)> drive)
    {
        auto *poll = new QTimer;
        poll->setInterval(20);
        QObject::connect(poll, &QTimer::timeout, poll, [poll, name, drive] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog->objectName() != name || !drive(dialog))
                return;
            poll->deleteLater();
            dialog->accept();
        });
        poll->start();
    }

    // An escalated ticket of that cause, claimed by the console's user through the C key.
    static qint64 claimEscalated(app::Console &console, Cause cause)
    {
        auto *model = console.tickets();
        const auto pick = [model, cause]() -> const Ticket * {
            for (int r = 0; r < model->rowCount(); ++r) {
                const Ticket *t = model->ticketAt(r);
                if (t->cause == cause && t->status == TicketStatus::Escalated && t->assignee.isEmpty())
                    return t;
            }
            return nullptr;
        };
        if (!QTest::qWaitFor([&] { return pick() != nullptr; }, 60000))
            return 0;
        const qint64 id = pick()->id;
        ui::MainWindow *window = console.window();
        window->ticketListPane()->selectTicket(id);
        auto *table = window->ticketListPane()->view();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_C);
        if (!QTest::qWaitFor([&] { return model->ticket(id) && model->ticket(id)->assignee == console.username(); }, 10000))
            return 0;
        return id;
    }

    // The agent's action outcome (action_outcome event) shown on the selected ticket's timeline.
    static bool timelineShowsOutcome(ui::MainWindow *window, const QString &text)
    {
        auto *timeline = window->detailPane()->timelineView();
        for (int r = 0; r < timeline->model()->rowCount(); ++r) {
            const QString what = timeline->model()->index(r, models::TimelineModel::What).data().toString();
            if (what.contains(u"(action "_s) && what.contains(text))
                return true;
        }
        return false;
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
        auto *log = window->findChild<ui::LogView *>(u"logView"_s);
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

        // Time range: lines from one timestamp to another (lines without a time belong to the one before).
        if (lines->format() != LogFormat::Text) {
            QStringList times;
            QString last;
            for (qint64 i = 0; i < lines->lineCount(); ++i) {
                const QString t = lines->index(int(i), models::LogTableModel::Time).data().toString();
                if (!t.isEmpty())
                    last = t;
                times << last;
            }
            const QString from = times.at(times.size() / 3);
            const QString to = times.at(2 * times.size() / 3).left(from.size() - 4); // a coarser upper bound
            QList<qint64> inRange;
            for (qsizetype i = 0; i < times.size(); ++i) {
                if (!times.at(i).isEmpty() && times.at(i) >= from && times.at(i).left(to.size()) <= to)
                    inRange << i;
            }
            QVERIFY(!inRange.isEmpty() && inRange.size() < times.size());
            auto *fromEdit = window->findChild<QLineEdit *>(u"timeFrom"_s);
            auto *toEdit = window->findChild<QLineEdit *>(u"timeTo"_s);
            fromEdit->setText(from);
            toEdit->setText(to);
            QTest::keyClick(toEdit, Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(lines->isFiltered() && lines->rowCount() == inRange.size(), 10000);
            for (int r = 0; r < lines->rowCount(); ++r)
                QCOMPARE(lines->lineOfRow(r), inRange.at(r));
            fromEdit->clear(); // the clear button empties the field and the filter follows
            toEdit->clear();
            QTRY_VERIFY_WITH_TIMEOUT(!lines->isFiltered(), 10000);
            QCOMPARE(qint64(lines->rowCount()), lines->lineCount());
        }

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

    void rerouteThroughAnotherRegionDeliversOnceAndShowsTheOutcome()
    {
        QTemporaryDir dir;
        app::ConsoleOptions options = demoOptions(dir.path());
        options.demoCount = 30;
        app::Console console(options);
        const QString failed = startWithTickets(console, 30);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        ui::MainWindow *window = console.window();
        const qint64 id = claimEscalated(console, Cause::Network);
        QVERIFY2(id > 0, "an escalated network ticket was claimed");
        const Ticket ticket = *console.tickets()->ticket(id);

        // E opens the reroute dialog with each region's health; the failed region cannot be picked.
        QString chosen;
        whenDialogOpens(u"rerouteDialog"_s, [&chosen, &ticket](QDialog *dialog) {
            auto *regions = dialog->findChild<QListWidget *>(u"regionList"_s);
            for (int i = 0; i < regions->count(); ++i) {
                QListWidgetItem *item = regions->item(i);
                const QString region = item->data(Qt::UserRole).toString();
                if (region == ticket.region && (item->flags() & Qt::ItemIsEnabled))
                    return false; // the region that failed must not be offered
                const bool healthy = item->text().contains(u"healthy, circuit closed"_s);
                if (!region.isEmpty() && (item->flags() & Qt::ItemIsEnabled) && healthy && chosen.isEmpty()) {
                    chosen = region;
                    regions->setCurrentItem(item);
                }
            }
            return !chosen.isEmpty();
        });
        QTest::keyClick(window->ticketListPane()->view(), Qt::Key_E);
        QTRY_VERIFY_WITH_TIMEOUT(!chosen.isEmpty(), 10000);
        QVERIFY(chosen != ticket.region);

        // The outcome reaches the timeline and the action bar; the gateway delivered it once, via that region.
        QTRY_VERIFY_WITH_TIMEOUT(timelineShowsOutcome(window, u"delivered"_s), 60000);
        auto *state = window->findChild<QLabel *>(u"actionState"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(state->text().contains(chosen), qPrintable(state->text() + u" chosen: "_s + chosen), 10000);
        QCOMPARE(console.gateway()->deliveriesForMessage(ticket.clientMessageId), 1);
        bool viaChosen = false;
        for (const sim::GatewayDelivery &d : console.gateway()->deliveries()) {
            if (d.clientMessageId == ticket.clientMessageId && d.delivered == 1)
                viaChosen = d.region == chosen;
        }
        QVERIFY2(viaChosen, qPrintable(chosen));
    }

    void transferPicksAnAgentTheServiceKnows()
    {
        // The transfer dialog offers the agents GET /agents lists (no free text, so no unknown name and no
        // 422); picking one hands the ticket over.
        QTemporaryDir dir;
        app::ConsoleOptions options = demoOptions(dir.path());
        options.demoCount = 20;
        app::Console console(options);
        const QString failed = startWithTickets(console, 20);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QString error;
        QVERIFY2(console.embedded()->addUser(u"bob"_s, Role::Agent, u"bob-password-1"_s, &error), qPrintable(error));
        const qint64 id = claimEscalated(console, Cause::Network);
        QVERIFY2(id > 0, "an escalated network ticket was claimed");
        ui::MainWindow *window = console.window();
        bool picked = false;
        QStringList offered;
        whenDialogOpens(u"transferDialog"_s, [&picked, &offered](QDialog *dialog) {
            auto *agents = dialog->findChild<QComboBox *>(u"transferAgent"_s);
            if (!agents || agents->isEditable())
                return false;
            offered.clear();
            int bob = -1;
            for (int i = 0; i < agents->count(); ++i) {
                offered.append(agents->itemData(i).toString());
                if (agents->itemData(i).toString() == "bob"_L1)
                    bob = i;
            }
            if (bob < 0)
                return false; // still loading
            agents->setCurrentIndex(bob);
            picked = true;
            return true;
        });
        auto *transfer = window->findChild<QAbstractButton *>(u"transferButton"_s);
        QVERIFY(transfer);
        QTRY_VERIFY(transfer->isEnabled());
        transfer->click();
        QTRY_VERIFY_WITH_TIMEOUT(picked, 10000);
        QVERIFY2(offered.contains(console.username()), qPrintable(offered.join(u',')));
        QTRY_COMPARE_WITH_TIMEOUT(console.tickets()->ticket(id)->assignee, u"bob"_s, 10000);
    }

    void replyFromATemplateReachesTheUserOnce()
    {
        QTemporaryDir dir;
        app::ConsoleOptions options = demoOptions(dir.path());
        options.demoCount = 30;
        app::Console console(options);
        const QString failed = startWithTickets(console, 30);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        ui::MainWindow *window = console.window();
        qint64 id = 0;
        for (Cause cause : {Cause::Client, Cause::Unknown, Cause::Policy, Cause::Network, Cause::Server}) {
            if ((id = claimEscalated(console, cause)))
                break;
        }
        QVERIFY2(id > 0, "an escalated ticket was claimed");
        const Ticket ticket = *console.tickets()->ticket(id);
        const auto noticesTo = [&console, &ticket] {
            int n = 0;
            for (const sim::GatewayDelivery &d : console.gateway()->deliveries())
                n += d.kind == u"notice"_s && d.userId == ticket.userId ? d.delivered : 0;
            return n;
        };
        const int before = noticesTo();

        // R opens the composer; a template fills the title and the message in the user's language.
        QString sentTitle;
        whenDialogOpens(u"replyDialog"_s, [&sentTitle](QDialog *dialog) {
            auto *templates = dialog->findChild<QComboBox *>(u"replyTemplate"_s);
            auto *title = dialog->findChild<QLineEdit *>(u"replyTitle"_s);
            if (templates->count() < 2)
                return false;
            templates->setCurrentIndex(1);
            sentTitle = title->text();
            return !sentTitle.isEmpty();
        });
        QTest::keyClick(window->ticketListPane()->view(), Qt::Key_R);
        QTRY_VERIFY_WITH_TIMEOUT(!sentTitle.isEmpty(), 10000);

        QTRY_VERIFY_WITH_TIMEOUT(timelineShowsOutcome(window, u"delivered"_s), 60000);
        auto *state = window->findChild<QLabel *>(u"actionState"_s);
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(u"delivered"_s), 10000);
        QCOMPARE(noticesTo(), before + 1);
        // Double-checking the ledger: no notice or resend was ever delivered twice.
        for (const sim::GatewayDelivery &d : console.gateway()->deliveries())
            QVERIFY2(d.delivered <= 1, qPrintable(d.idempotencyKey));
    }

    void claimConflictBetweenTwoConsolesHasOneWinner()
    {
        QTemporaryDir dir;
        app::ConsoleOptions options = demoOptions(dir.path());
        options.demoCount = 30;
        app::Console console(options);
        const QString failed = startWithTickets(console, 30);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        ui::MainWindow *window = console.window();
        auto *model = console.tickets();
        QString error;
        QVERIFY2(console.embedded()->addUser(u"bob"_s, Role::Agent, u"bob-password-1"_s, &error), qPrintable(error));

        // Bob's client, signed in to the same service.
        QNetworkAccessManager network;
        models::ApiClient bob(&network, console.embedded()->baseUrl());
        std::optional<bool> signedIn;
        bob.login(u"bob"_s, u"bob-password-1"_s, [&](models::ApiResult<models::Session> r) {
            if (r.ok())
                bob.setToken(r.value->token);
            signedIn = r.ok();
        });
        QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 10000);
        QVERIFY(*signedIn);

        std::vector<qint64> escalated;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     escalated.clear();
                                     for (const Ticket &t : model->allTickets()) {
                                         if (t.status == TicketStatus::Escalated && t.assignee.isEmpty())
                                             escalated.push_back(t.id);
                                     }
                                     return escalated.size() >= 2;
                                 }()),
                                 60000);

        // 1. Bob holds the first ticket: this console's claim is refused, says who, and stays read-only.
        const qint64 held = escalated[0];
        std::optional<bool> bobClaimed;
        bob.claim(held, u"bob-claim-1"_s, [&](models::ApiResult<Ticket> r) { bobClaimed = r.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(bobClaimed.has_value(), 10000);
        QVERIFY(*bobClaimed);
        window->ticketListPane()->selectTicket(held);
        window->ticketListPane()->view()->setFocus();
        QTest::keyClick(window->ticketListPane()->view(), Qt::Key_C);
        auto *state = window->findChild<QLabel *>(u"actionState"_s);
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(u"bob"_s), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model->ticket(held)->assignee, u"bob"_s, 10000);
        for (const char *name : {"resendButton", "rerouteButton", "replyButton", "noteButton", "resolveButton"})
            QVERIFY2(!window->findChild<QPushButton *>(QLatin1String(name))->isEnabled(), name);

        // 2. Both claim the second ticket at once: exactly one wins, the other is told.
        const qint64 contested = escalated[1];
        window->ticketListPane()->selectTicket(contested);
        std::optional<models::ApiResult<Ticket>> bobAnswer;
        bob.claim(contested, u"bob-claim-2"_s, [&](models::ApiResult<Ticket> r) { bobAnswer = r; });
        QTest::keyClick(window->ticketListPane()->view(), Qt::Key_C);
        QTRY_VERIFY_WITH_TIMEOUT(bobAnswer.has_value() && !console.actions()->isPending(contested, models::TicketActions::Kind::Claim), 10000);
        // The console's synced copy says who won (the service pushes every change).
        QTRY_VERIFY_WITH_TIMEOUT(!model->ticket(contested)->assignee.isEmpty(), 10000);
        const QString winner = model->ticket(contested)->assignee;
        if (winner == u"bob"_s) {
            QVERIFY(bobAnswer->ok());
            QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(u"bob"_s), 10000); // this console was told
        } else {
            QCOMPARE(winner, console.username());
            QVERIFY(!bobAnswer->ok());
            QCOMPARE(bobAnswer->error.code, u"claimed_by_other"_s); // bob was told, and by whom
            QCOMPARE(bobAnswer->error.holder, console.username());
        }
    }

    void surveyAnswerShowsOnTheTicket()
    {
        QTemporaryDir dir;
        app::ConsoleOptions options = demoOptions(dir.path());
        options.demoCount = 30;
        app::Console console(options);
        const QString failed = startWithTickets(console, 30);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        ui::MainWindow *window = console.window();
        qint64 id = 0;
        for (Cause cause : {Cause::Client, Cause::Policy, Cause::Network, Cause::Unknown, Cause::Server}) {
            if ((id = claimEscalated(console, cause)))
                break;
        }
        QVERIFY2(id > 0, "an escalated ticket was claimed");
        const QString userId = console.tickets()->ticket(id)->userId;
        auto *satisfaction = window->findChild<QLabel *>(u"factSatisfaction"_s);
        QVERIFY(satisfaction);
        QVERIFY(!satisfaction->text().contains(u"of 5"_s));

        // Resolving sends the user a survey through the gateway; the user answers it with the link's token.
        models::ActionArgs resolve;
        resolve.resolution = u"no_action"_s;
        QVERIFY(console.actions()->start(id, models::TicketActions::Kind::Resolve, resolve));
        static const QRegularExpression link(u"/api/v1/surveys/([A-Za-z0-9_-]+)"_s);
        QString token;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     for (const QJsonObject &n : console.gateway()->deliveredNotices()) {
                                         if (n.value(u"user_id"_s).toString() == userId
                                             && n.value(u"purpose"_s).toString() == u"csat_survey"_s)
                                             token = link.match(n.value(u"body"_s).toString()).captured(1);
                                     }
                                     return !token.isEmpty();
                                 }()),
                                 30000);
        QNetworkAccessManager network;
        QNetworkRequest request(console.embedded()->baseUrl().resolved(QUrl(u"/api/v1/surveys/"_s + token)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply = network.post(request, R"({"score": 4, "comment": "quick <b>help</b>"})");
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        reply->deleteLater();

        // The answer reaches the console by the live sync and shows on the ticket, the comment as plain text.
        // (Resolved, the ticket has left the escalated queue the list shows, so the pane is shown it directly.)
        QTRY_VERIFY_WITH_TIMEOUT(console.tickets()->ticket(id)->csat.has_value(), 20000);
        window->detailPane()->showTicket(console.tickets()->ticket(id));
        QVERIFY2(satisfaction->text().startsWith(u"4 of 5"_s), qPrintable(satisfaction->text()));
        QVERIFY(satisfaction->text().contains(u"quick <b>help</b>"_s));
        QCOMPARE(satisfaction->textFormat(), Qt::PlainText);
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

    // After Resolve the ticket leaves the queue: the console says it was resolved and which ticket the
    // workspace shows now (the list's selection moved to it).
    void resolveSaysWhatHappenedAndWhereTheSelectionWent()
    {
        QTemporaryDir dir;
        app::Console console(demoOptions(dir.path()));
        QVERIFY2(startWithTickets(console, 12).isEmpty(), "the demo tickets arrive");
        ui::MainWindow *window = console.window();
        qint64 resolved = 0;
        for (Cause cause : {Cause::Network, Cause::Server, Cause::Client, Cause::User, Cause::Policy}) {
            if ((resolved = claimEscalated(console, cause)))
                break;
        }
        QVERIFY(resolved);
        QCOMPARE(window->ticketListPane()->currentTicketId(), resolved);
        auto *resolve = window->findChild<QPushButton *>(u"resolveButton"_s);
        QTRY_VERIFY(resolve->isEnabled());
        bool asked = false;
        QTimer::singleShot(0, this, [&asked] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            asked = true;
            QMetaObject::invokeMethod(QApplication::activeModalWidget(), "accept", Qt::QueuedConnection);
        });
        QTest::mouseClick(resolve, Qt::LeftButton);
        QVERIFY(asked);
        QTRY_COMPARE_WITH_TIMEOUT(console.tickets()->ticket(resolved)->status, TicketStatus::Resolved, 20000);
        // The list (all escalated) no longer holds it; the selection went to another ticket, and the console
        // says both.
        QTRY_VERIFY(window->ticketListPane()->currentTicketId() != resolved);
        const qint64 now = window->ticketListPane()->currentTicketId();
        const QString said = window->statusBar()->currentMessage();
        QVERIFY2(said.contains(u"Ticket #%1 resolved"_s.arg(resolved)), qPrintable(said));
        if (now != 0)
            QVERIFY2(said.contains(u"#%1"_s.arg(now)), qPrintable(said));
        else
            QVERIFY2(said.contains(u"no ticket"_s, Qt::CaseInsensitive), qPrintable(said));
        auto *state = window->findChild<QLabel *>(u"actionState"_s);
        QVERIFY2(state->text().contains(u"#%1 resolved"_s.arg(resolved)), qPrintable(state->text()));
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

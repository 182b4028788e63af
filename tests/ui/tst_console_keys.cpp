// The console's keyboard and connection feedback on the real window: Escape leaves the log search, F5
// reconnects at once instead of waiting out the backoff, and being offline is a banner in the window that an
// action's error message cannot overwrite.
#include "app/relaydesk/Console.h"
#include "models/SyncEngine.h"
#include "models/TicketTableModel.h"
#include "server/Service.h"
#include "ui/AlertPanel.h"
#include "ui/DashboardViews.h"
#include "ui/DashboardWindow.h"
#include "ui/IncidentsView.h"
#include "ui/LogPane.h"
#include "ui/LogView.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/TicketDetailPane.h"
#include "ui/TicketListPane.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace relaydesk;
using namespace Qt::StringLiterals;

class TestConsoleKeys final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static std::unique_ptr<server::Service> startService(const QString &db, quint16 port, QString *error)
    {
        server::ServiceOptions options;
        options.databasePath = db;
        options.port = port;
        auto service = std::make_unique<server::Service>(options);
        if (!service->start(error))
            return nullptr;
        return service;
    }

    static QWidget *banner(ui::MainWindow *window) { return window->findChild<QWidget *>(u"offlineBanner"_s); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(u"RelaydeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_console_keys"_s);
        QSettings().clear();
    }

    void escapeLeavesTheLogSearch()
    {
        app::ConsoleOptions options;
        options.dataDir = m_dir.filePath(u"demo"_s);
        options.demo = true;
        options.demoRate = 50;
        options.demoCount = 3;
        options.seed = 7;
        app::Console console(options);
        QString error;
        QVERIFY2(console.start(&error), qPrintable(error));
        ui::MainWindow *window = console.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_VERIFY_WITH_TIMEOUT(console.tickets()->rowCount() > 0, 60000);
        const qint64 id = console.tickets()->ticketAt(0)->id;
        window->ticketListPane()->selectTicket(id);
        ui::LogPane *logPane = window->detailPane()->logPane();
        auto *log = window->findChild<ui::LogView *>(u"logView"_s);
        QTRY_VERIFY_WITH_TIMEOUT(log->model()->rowCount() > 0, 20000);

        window->activateWindow();
        window->ticketListPane()->view()->setFocus();
        QTest::keyClick(window->ticketListPane()->view(), Qt::Key_Slash);
        auto *search = logPane->findChild<QLineEdit *>(u"logSearch"_s);
        QTRY_COMPARE(QApplication::focusWidget(), search);
        QTest::keyClicks(search, u"sen"_s);
        QTest::keyClick(search, Qt::Key_Escape);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(log));
        QCOMPARE(search->text(), u"sen"_s); // the search stays, only the focus moves
    }

    // The team-lead windows' shortcuts work from the dashboard window, not only from the main window.
    void leadShortcutsWorkFromTheDashboard()
    {
        app::ConsoleOptions options;
        options.dataDir = m_dir.filePath(u"lead"_s);
        app::Console console(options); // embedded: signed in as admin, so the lead views exist
        QString error;
        QVERIFY2(console.start(&error), qPrintable(error));
        ui::MainWindow *window = console.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        ui::DashboardViews *views = window->leadViews();
        QVERIFY(views);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTest::keyClick(window, Qt::Key_D, Qt::ControlModifier);
        ui::DashboardWindow *dashboard = views->dashboard();
        QTRY_VERIFY(dashboard->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(dashboard));
        QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(dashboard));

        QVERIFY(!views->alertPanel()->isVisible());
        QTest::keyClick(dashboard, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(views->alertPanel()->isVisible());
        views->alertPanel()->close();

        dashboard->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dashboard));
        QVERIFY(!views->incidentsView()->isVisible());
        QTest::keyClick(dashboard, Qt::Key_I, Qt::ControlModifier);
        QTRY_VERIFY(views->incidentsView()->isVisible());
        views->incidentsView()->close();

        // And back: Ctrl+D from the alert list raises the dashboard again.
        dashboard->close();
        views->showAlerts();
        QVERIFY(QTest::qWaitForWindowActive(views->alertPanel()));
        QTest::keyClick(views->alertPanel(), Qt::Key_D, Qt::ControlModifier);
        QTRY_VERIFY(dashboard->isVisible());
    }

    void offlineBannerAndF5ReconnectAtOnce()
    {
        const QString db = m_dir.filePath(u"service.sqlite"_s);
        QString error;
        std::unique_ptr<server::Service> service = startService(db, 0, &error);
        QVERIFY2(service, qPrintable(error));
        QVERIFY2(service->addUser(u"mei"_s, Role::Lead, u"correct horse"_s, &error), qPrintable(error));
        const quint16 port = service->port();

        app::ConsoleOptions options;
        options.server = service->baseUrl();
        options.dataDir = m_dir.filePath(u"remote"_s);
        app::Console console(options);
        QTimer::singleShot(0, this, [] {
            QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<ui::LoginDialog *>(QApplication::activeModalWidget()), 10000);
            auto *dialog = qobject_cast<ui::LoginDialog *>(QApplication::activeModalWidget());
            dialog->findChild<QLineEdit *>(u"username"_s)->setText(u"mei"_s);
            auto *password = dialog->findChild<QLineEdit *>(u"password"_s);
            password->setText(u"correct horse"_s);
            QTest::keyClick(password, Qt::Key_Return);
        });
        QVERIFY2(console.start(&error), qPrintable(error));
        ui::MainWindow *window = console.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        models::SyncEngine *sync = console.sync();
        QTRY_COMPARE_WITH_TIMEOUT(sync->state(), models::SyncEngine::State::Live, 20000);
        QVERIFY(banner(window));
        QVERIFY(!banner(window)->isVisible()); // connected: no banner

        // The service goes away; the next automatic attempt would be ten minutes later.
        sync->setBackoff(600000, 600000);
        service.reset();
        QTRY_COMPARE_WITH_TIMEOUT(sync->state(), models::SyncEngine::State::Reconnecting, 20000);
        QTRY_VERIFY(banner(window)->isVisible());
        const auto bannerText = [window] {
            QString text;
            for (const QLabel *label : banner(window)->findChildren<QLabel *>())
                text += label->text();
            return text;
        };
        QVERIFY2(bannerText().contains(u"Offline"_s), qPrintable(bannerText()));
        QVERIFY(banner(window)->geometry().height() > 0);
        // An action's error in the status bar does not hide it.
        window->notify(u"Resend failed: something else"_s);
        QCOMPARE(window->statusBar()->currentMessage(), u"Resend failed: something else"_s);
        QVERIFY(banner(window)->isVisible());
        QVERIFY(bannerText().contains(u"Offline"_s));

        // The service is back on the same address; F5 reconnects now instead of in ten minutes.
        service = startService(db, port, &error);
        QVERIFY2(service, qPrintable(error));
        window->activateWindow();
        window->ticketListPane()->view()->setFocus();
        QTest::keyClick(window->ticketListPane()->view(), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(sync->state(), models::SyncEngine::State::Live, 20000);
        QTRY_VERIFY(!banner(window)->isVisible());
        service.reset();
        sync->stop();
    }
};

QTEST_MAIN(TestConsoleKeys)
#include "tst_console_keys.moc"

// `relaydesk --server URL`: the real login dialog against a real service; a wrong password keeps the
// dialog open with the reason, the right one opens the main window signed in as that user.
#include "app/relaydesk/Console.h"
#include "models/SyncEngine.h"
#include "server/Service.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace relaydesk;
using namespace Qt::StringLiterals;

class TestLoginGui final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Service> m_service;

    static ui::LoginDialog *activeLogin()
    {
        return qobject_cast<ui::LoginDialog *>(QApplication::activeModalWidget());
    }

    static void type(ui::LoginDialog *dialog, const QString &user, const QString &password)
    {
        auto *userEdit = dialog->findChild<QLineEdit *>(u"username"_s);
        auto *passwordEdit = dialog->findChild<QLineEdit *>(u"password"_s);
        userEdit->clear();
        QTest::keyClicks(userEdit, user);
        passwordEdit->clear();
        QTest::keyClicks(passwordEdit, password);
        QTest::keyClick(passwordEdit, Qt::Key_Return); // Enter signs in (default button)
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"RelaydeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_login_gui"_s);
        QSettings().clear();
        server::ServiceOptions options;
        options.databasePath = m_dir.filePath(u"service.sqlite"_s);
        m_service = std::make_unique<server::Service>(options);
        QString error;
        QVERIFY2(m_service->start(&error), qPrintable(error));
        QVERIFY2(m_service->addUser(u"lin"_s, Role::Agent, u"correct horse"_s, &error), qPrintable(error));
    }

    void wrongPasswordThenRightOne()
    {
        app::ConsoleOptions options;
        options.server = m_service->baseUrl();
        options.dataDir = m_dir.filePath(u"console"_s);
        app::Console console(options);

        bool sawError = false;
        bool cancelled = false;
        // The dialog is modal: drive it from the event loop it runs.
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY_WITH_TIMEOUT(activeLogin() != nullptr, 10000);
            ui::LoginDialog *dialog = activeLogin();
            type(dialog, u"lin"_s, u"wrong"_s);
            auto *error = dialog->findChild<QLabel *>(u"loginError"_s);
            QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && !error->text().isEmpty(), 10000);
            sawError = error->text().contains(u"password"_s, Qt::CaseInsensitive);
            QVERIFY(dialog->isVisible()); // still open: nothing lost, try again
            type(dialog, u"lin"_s, u"correct horse"_s);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 10000);
        });
        QString error;
        QVERIFY2(console.start(&error), qPrintable(error));
        QVERIFY(sawError);
        QVERIFY(!cancelled);
        QCOMPARE(console.username(), u"lin"_s);
        QVERIFY(console.window()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(console.sync()->state(), models::SyncEngine::State::Live, 10000);
        QCOMPARE(QSettings().value(u"login/lastUser"_s).toString(), u"lin"_s); // the name, never the password
        QVERIFY(!QSettings().allKeys().join(u' ').contains(u"password"_s, Qt::CaseInsensitive));
    }

    void cancelLeavesQuietly()
    {
        app::ConsoleOptions options;
        options.server = m_service->baseUrl();
        options.dataDir = m_dir.filePath(u"console2"_s);
        app::Console console(options);
        QTimer::singleShot(0, this, [] {
            QTRY_VERIFY_WITH_TIMEOUT(activeLogin() != nullptr, 10000);
            activeLogin()->reject();
        });
        QString error = u"unchanged"_s;
        QVERIFY(!console.start(&error));
        QVERIFY(error.isEmpty()); // a cancel is not an error
        QVERIFY(!console.window());
    }

    void unreachableServerIsExplained()
    {
        app::ConsoleOptions options;
        options.server = QUrl(u"http://127.0.0.1:1"_s); // nothing listens there
        options.dataDir = m_dir.filePath(u"console3"_s);
        app::Console console(options);
        QString shown;
        QTimer::singleShot(0, this, [&shown] {
            QTRY_VERIFY_WITH_TIMEOUT(activeLogin() != nullptr, 10000);
            ui::LoginDialog *dialog = activeLogin();
            type(dialog, u"lin"_s, u"whatever"_s);
            auto *error = dialog->findChild<QLabel *>(u"loginError"_s);
            QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15000);
            shown = error->text();
            dialog->reject();
        });
        QString error;
        QVERIFY(!console.start(&error));
        QVERIFY2(shown.contains(u"reach"_s), qPrintable(shown));
    }

    void cleanupTestCase() { m_service.reset(); }
};

QTEST_MAIN(TestLoginGui)
#include "tst_login_gui.moc"

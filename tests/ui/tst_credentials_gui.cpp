// Credentials and the first run, with real widgets: a team-server password remembered in the (in-memory)
// keyring signs in without asking, sign out forgets it; nothing secret reaches the QSettings file; without a
// keyring the login dialog says so and cannot remember; the first start without a server shows a welcome
// once, Esc closes it, and it reads in Chinese under zh_CN.
#include "app/relaydesk/Console.h"
#include "models/ApiClient.h"
#include "models/CredentialStore.h"
#include "server/Service.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/WelcomeDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using namespace relaydesk;
using namespace Qt::StringLiterals;

namespace {
const QString kPassword = u"correct horse battery"_s;
}

class TestCredentialsGui final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Service> m_service;
    int m_run = 0;

    static ui::LoginDialog *activeLogin()
    {
        return qobject_cast<ui::LoginDialog *>(QApplication::activeModalWidget());
    }

    app::ConsoleOptions remoteOptions()
    {
        app::ConsoleOptions options;
        options.server = m_service->baseUrl();
        options.dataDir = m_dir.filePath(u"console%1"_s.arg(++m_run));
        return options;
    }

    // Types the password (and ticks "remember" if asked) once the keyring answered, and signs in.
    static void typeAndSignIn(ui::LoginDialog *dialog, bool remember)
    {
        auto *box = dialog->findChild<QCheckBox *>(u"rememberPassword"_s);
        if (remember) {
            QTRY_VERIFY_WITH_TIMEOUT(box->isEnabled(), 10000);
            box->setChecked(true);
        }
        auto *user = dialog->findChild<QLineEdit *>(u"username"_s);
        auto *password = dialog->findChild<QLineEdit *>(u"password"_s);
        user->clear();
        QTest::keyClicks(user, u"lin"_s);
        QTest::keyClicks(password, kPassword);
        QTest::keyClick(password, Qt::Key_Return);
    }

    static QString settingsText()
    {
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll());
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"RelaydeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_credentials_gui"_s);
        QSettings().clear();
        QApplication::setQuitOnLastWindowClosed(false); // sign out closes the window; the test goes on
        server::ServiceOptions options;
        options.databasePath = m_dir.filePath(u"service.sqlite"_s);
        m_service = std::make_unique<server::Service>(options);
        QString error;
        QVERIFY2(m_service->start(&error), qPrintable(error));
        QVERIFY2(m_service->addUser(u"lin"_s, Role::Agent, kPassword, &error), qPrintable(error));
    }

    void rememberedLoginRoundTrip()
    {
        models::MemoryCredentialStore keyring(true);
        const QString key = models::CredentialStore::keyFor(m_service->baseUrl(), u"lin"_s);
        QString token;
        {
            app::Console console(remoteOptions());
            console.setCredentialStore(&keyring);
            QTimer::singleShot(0, this, [] {
                QTRY_VERIFY_WITH_TIMEOUT(activeLogin() != nullptr, 10000);
                typeAndSignIn(activeLogin(), true);
            });
            QString error;
            QVERIFY2(console.start(&error), qPrintable(error));
            QCOMPARE(console.username(), u"lin"_s);
            QTRY_COMPARE_WITH_TIMEOUT(keyring.secrets().value(key), kPassword, 5000);
            token = console.api()->token();
            QVERIFY(!token.isEmpty());
        }
        // Nothing secret in the settings file: the names are there, the password and the token are not.
        const QString text = settingsText();
        QVERIFY2(text.contains(u"lastUser"_s), qPrintable(text));
        QVERIFY2(!text.contains(kPassword), qPrintable(text));
        QVERIFY2(!text.contains(u"correct"_s), qPrintable(text));
        QVERIFY2(!text.contains(token), qPrintable(text));

        // Started again: the remembered password signs in, nobody types anything.
        {
            app::Console console(remoteOptions());
            console.setCredentialStore(&keyring);
            bool typed = false;
            QTimer::singleShot(15000, this, [&typed] {
                if (ui::LoginDialog *d = activeLogin()) { // still waiting for a password: give up
                    typed = true;
                    d->reject();
                }
            });
            QString error;
            QVERIFY2(console.start(&error), qPrintable(error));
            QVERIFY(!typed);
            QCOMPARE(console.username(), u"lin"_s);
            QVERIFY(console.window()->isVisible());

            // Sign out: the keyring forgets the password, the window closes.
            auto *signOut = console.window()->findChild<QAction *>(u"signOut"_s);
            QVERIFY(signOut);
            signOut->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(!keyring.secrets().contains(key), 5000);
            QTRY_VERIFY_WITH_TIMEOUT(!console.window()->isVisible(), 5000);
            QVERIFY(QSettings().value(u"login/remembered"_s).toStringList().isEmpty());
        }

        // And the next start asks for the password again.
        {
            app::Console console(remoteOptions());
            console.setCredentialStore(&keyring);
            bool asked = false;
            QTimer::singleShot(0, this, [&asked] {
                QTRY_VERIFY_WITH_TIMEOUT(activeLogin() != nullptr, 10000);
                ui::LoginDialog *dialog = activeLogin();
                auto *box = dialog->findChild<QCheckBox *>(u"rememberPassword"_s);
                QTRY_VERIFY_WITH_TIMEOUT(box->isEnabled(), 10000);
                QTest::qWait(300); // a remembered password would be on its way by now
                asked = dialog->isVisible() && !box->isChecked() &&
                        dialog->findChild<QLineEdit *>(u"password"_s)->text().isEmpty();
                dialog->reject();
            });
            QString error;
            QVERIFY(!console.start(&error));
            QVERIFY(asked);
        }
    }

    void noKeyringSaysSoAndAsksEachTime()
    {
        models::MemoryCredentialStore none(false);
        app::Console console(remoteOptions());
        console.setCredentialStore(&none);
        QString note;
        bool boxEnabled = true;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY_WITH_TIMEOUT(activeLogin() != nullptr, 10000);
            ui::LoginDialog *dialog = activeLogin();
            auto *label = dialog->findChild<QLabel *>(u"keyringNote"_s);
            QTRY_VERIFY_WITH_TIMEOUT(label->isVisible(), 10000);
            note = label->text();
            boxEnabled = dialog->findChild<QCheckBox *>(u"rememberPassword"_s)->isEnabled();
            typeAndSignIn(dialog, false);
        });
        QString error;
        QVERIFY2(console.start(&error), qPrintable(error));
        QCOMPARE(note, u"No system keyring: you will be asked each time."_s);
        QVERIFY(!boxEnabled);
        QVERIFY(none.secrets().isEmpty());
        QVERIFY(QSettings().value(u"login/remembered"_s).toStringList().isEmpty());
        QVERIFY(!settingsText().contains(kPassword));
    }

    // The real keyring store where no Secret Service answers (as under CI): it says so, it does not hang.
    void realKeychainWithoutSecretService()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + m_dir.filePath(u"no-bus"_s).toLocal8Bit());
        models::KeychainCredentialStore keyring;
        bool answered = false;
        bool available = true;
        keyring.probe(this, [&](bool a, const QString &) {
            answered = true;
            available = a;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
        QVERIFY(!available);
        models::CredentialStore::Result read;
        read.status = models::CredentialStore::Status::Found;
        bool readDone = false;
        keyring.read(m_service->baseUrl(), u"lin"_s, this, [&](const models::CredentialStore::Result &r) {
            read = r;
            readDone = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(readDone, 10000);
        QVERIFY(read.status != models::CredentialStore::Status::Found);
    }

    void welcomeOnFirstStartOnly()
    {
        QSettings().remove(u"firstRun"_s);
        app::ConsoleOptions options;
        options.dataDir = m_dir.filePath(u"embedded"_s);
        options.welcome = true; // as main() asks outside --demo
        {
            app::Console console(options);
            QString error;
            QVERIFY2(console.start(&error), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(console.welcome() && console.welcome()->isVisible(), 5000);
            ui::WelcomeDialog *welcome = console.welcome();
            QVERIFY(welcome->findChild<QLabel *>(u"welcomeEmbedded"_s)->text().contains(u"Embedded mode"_s));
            QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget() == welcome, 5000);
            QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : welcome,
                            Qt::Key_Escape);
            QTRY_VERIFY_WITH_TIMEOUT(!console.welcome(), 5000); // closed (and deleted)
            QVERIFY(console.window()->isVisible());
        }
        QVERIFY(QSettings().value(u"firstRun/welcomeDone"_s).toBool());
        {
            app::Console console(options); // the second start
            QString error;
            QVERIFY2(console.start(&error), qPrintable(error));
            QTest::qWait(200);
            QVERIFY(!console.welcome());
        }
        QSettings().remove(u"firstRun"_s);
        {
            app::ConsoleOptions demo = options;
            demo.demo = true;
            demo.demoCount = 1;
            app::Console console(demo); // --demo runs never show it
            QString error;
            QVERIFY2(console.start(&error), qPrintable(error));
            QTest::qWait(200);
            QVERIFY(!console.welcome());
        }
    }

    // Last: the translator stays installed for this one only.
    void welcomeAndKeyringNoteInChinese()
    {
        QTranslator zh;
        QVERIFY(zh.load(u"relaydesk_zh_CN"_s, u":/relaydesk/i18n"_s));
        QCoreApplication::installTranslator(&zh);
        const QRegularExpression han(u"\\p{Han}"_s);
        {
            ui::WelcomeDialog welcome(m_dir.path());
            QVERIFY2(welcome.windowTitle().contains(han), qPrintable(welcome.windowTitle()));
            const QString body = welcome.findChild<QLabel *>(u"welcomeEmbedded"_s)->text();
            QVERIFY2(body.contains(han) && !body.contains(u"Embedded mode"_s), qPrintable(body));
        }
        {
            models::MemoryCredentialStore none(false);
            QNetworkAccessManager network;
            models::ApiClient api(&network, m_service->baseUrl());
            ui::LoginDialog dialog(&api, u"lin"_s);
            dialog.useCredentialStore(&none, false);
            auto *label = dialog.findChild<QLabel *>(u"keyringNote"_s);
            QTRY_VERIFY_WITH_TIMEOUT(!label->text().isEmpty(), 5000);
            QVERIFY2(label->text().contains(han), qPrintable(label->text()));
            const QString box = dialog.findChild<QCheckBox *>(u"rememberPassword"_s)->text();
            QVERIFY2(box.contains(han), qPrintable(box));
        }
        QCoreApplication::removeTranslator(&zh);
    }

    void cleanupTestCase() { m_service.reset(); }
};

QTEST_MAIN(TestCredentialsGui)
#include "tst_credentials_gui.moc"

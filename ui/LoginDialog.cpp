#include "LoginDialog.h"

#include "Colors.h"
#include "models/CredentialStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtDebug>

namespace relaydesk::ui {

using models::CredentialStore;

LoginDialog::LoginDialog(models::ApiClient *api, const QString &lastUser, QWidget *parent)
    : QDialog(parent), m_api(api)
{
    setWindowTitle(tr("Sign in to Relaydesk"));
    setObjectName(QStringLiteral("loginDialog"));

    auto *server = new QLabel(api->baseUrl().toDisplayString(), this);
    server->setTextFormat(Qt::PlainText);
    server->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("loginNotice"));
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->hide();

    m_user = new QLineEdit(lastUser, this);
    m_user->setObjectName(QStringLiteral("username"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);

    m_remember = new QCheckBox(tr("&Remember my password in the system keyring"), this);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    m_remember->setEnabled(false); // until a keyring answers
    m_remember->hide();            // without a credential store there is nothing to offer
    m_keyringNote = new QLabel(this);
    m_keyringNote->setObjectName(QStringLiteral("keyringNote"));
    m_keyringNote->setTextFormat(Qt::PlainText);
    m_keyringNote->setWordWrap(true);
    m_keyringNote->hide();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, colors::errorText(errorPalette));
    m_error->setPalette(errorPalette);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Server:"), server);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_keyringNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    (lastUser.isEmpty() ? m_user : m_password)->setFocus();
    setMinimumWidth(420);
}

void LoginDialog::useCredentialStore(models::CredentialStore *store, bool signInWithRemembered)
{
    m_store = store;
    m_wasRemembered = signInWithRemembered;
    m_remember->show();
    m_store->probe(this, [this, signInWithRemembered](bool available, const QString &why) {
        if (!available)
            qInfo("relaydesk: no system keyring (%s): the password is asked each time", qPrintable(why));
        keyringAnswered(available);
        const QString user = m_user->text().trimmed();
        if (!available || !signInWithRemembered || user.isEmpty())
            return;
        m_store->read(m_api->baseUrl(), user, this, [this, user](const CredentialStore::Result &r) {
            if (r.status == CredentialStore::Status::Found && m_user->text().trimmed() == user &&
                m_password->text().isEmpty() && m_signIn->isEnabled()) {
                setNotice(
                    tr("Signing in as %1 with the password remembered in the system keyring…").arg(user));
                signIn(user, r.secret, true);
            } else if (r.status == CredentialStore::Status::Failed) {
                m_keyringNote->setText(
                    tr("The system keyring did not give the remembered password: %1").arg(r.error));
                m_keyringNote->show();
            }
        });
    });
}

void LoginDialog::keyringAnswered(bool available)
{
    m_keyring = available;
    m_remember->setEnabled(available);
    m_remember->setChecked(available && m_wasRemembered);
    if (!available) {
        m_keyringNote->setText(tr("No system keyring: you will be asked each time."));
        m_keyringNote->show();
    }
}

void LoginDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void LoginDialog::setBusy(bool busy)
{
    m_user->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_remember->setEnabled(!busy && m_keyring);
    m_signIn->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("&Sign in"));
}

void LoginDialog::submit()
{
    if (m_user->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        m_error->setText(tr("Enter your user name and password."));
        m_error->show();
        return;
    }
    signIn(m_user->text().trimmed(), m_password->text(), false);
}

void LoginDialog::signIn(const QString &user, const QString &password, bool fromKeyring)
{
    m_error->hide();
    setBusy(true);
    m_api->login(user, password,
                 [self = QPointer<LoginDialog>(this), this, user, password,
                  fromKeyring](models::ApiResult<models::Session> result) {
                     if (!self)
                         return; // the dialog was closed while the answer was on its way
                     setBusy(false);
                     if (!result.ok()) {
                         if (fromKeyring) {
                             setNotice(QString());
                             if (result.error.kind == models::ApiError::Kind::Unauthorized && m_store) {
                                 // Changed or revoked since: a remembered password that cannot sign in is
                                 // only a risk.
                                 m_store->remove(m_api->baseUrl(), user, m_store,
                                                 [](const CredentialStore::Result &) {});
                                 m_wasRemembered = false;
                                 m_remember->setChecked(false);
                                 m_error->setText(
                                     tr("The remembered password was not accepted and has been forgotten: %1")
                                         .arg(result.error.message));
                             } else {
                                 m_error->setText(result.error.message);
                             }
                         } else {
                             m_error->setText(result.error.message);
                         }
                         m_error->show();
                         m_password->selectAll();
                         m_password->setFocus();
                         return;
                     }
                     m_session = *result.value;
                     m_password->clear();
                     finish(user, password, fromKeyring);
                 });
}

void LoginDialog::finish(const QString &user, const QString &password, bool fromKeyring)
{
    // The keyring's answer comes after the dialog is gone: the store is the context, it outlives it.
    const QUrl server = m_api->baseUrl();
    if (fromKeyring) {
        m_remembered = true;
    } else if (m_store && m_keyring && m_remember->isChecked()) {
        m_remembered = true;
        m_store->write(server, user, password, m_store, [user](const CredentialStore::Result &r) {
            if (r.status != CredentialStore::Status::Found)
                qWarning("relaydesk: the system keyring did not keep the password of %s: %s",
                         qPrintable(user), qPrintable(r.error));
        });
    } else if (m_store && m_keyring && m_wasRemembered) {
        // Not ticked any more: nothing of this user's stays in the keyring.
        m_remembered = false;
        m_store->remove(server, user, m_store, [](const CredentialStore::Result &) {});
    }
    accept();
}

} // namespace relaydesk::ui

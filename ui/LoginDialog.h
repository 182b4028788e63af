#pragma once

#include "models/ApiClient.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace relaydesk::models {
class CredentialStore;
}

namespace relaydesk::ui {

// Asks for a user name and password and signs in against the service. Stays open with the reason
// shown when signing in fails. The password goes nowhere but to the server and, when "remember" is
// ticked, to the system keyring (a CredentialStore); without a keyring the box is disabled and says so.
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    LoginDialog(models::ApiClient *api, const QString &lastUser, QWidget *parent = nullptr);

    // Offers "remember" through `store` (asked asynchronously whether there is a keyring at all). With
    // `signInWithRemembered`, the password remembered for the server and the last user is read and used at
    // once: the dialog then closes by itself when the server accepts it.
    void useCredentialStore(models::CredentialStore *store, bool signInWithRemembered);

    models::Session session() const { return m_session; }
    // After Accepted: whether the keyring holds this user's password for this server now.
    bool remembered() const { return m_remembered; }
    // Shown above the form, e.g. why the user must sign in again.
    void setNotice(const QString &text);

private:
    void submit();
    void signIn(const QString &user, const QString &password, bool fromKeyring);
    void finish(const QString &user, const QString &password, bool fromKeyring);
    void setBusy(bool busy);
    void keyringAnswered(bool available);

    models::ApiClient *m_api;
    models::CredentialStore *m_store = nullptr;
    bool m_keyring = false; // the store answered: there is a keyring
    bool m_wasRemembered = false;
    bool m_remembered = false;
    models::Session m_session;
    QLabel *m_notice;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_keyringNote;
    QLabel *m_error;
    QPushButton *m_signIn;
};

} // namespace relaydesk::ui

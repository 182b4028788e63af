#pragma once

#include "models/ApiClient.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace relaydesk::ui {

// Asks for a user name and password and signs in against the service. Stays open with the reason
// shown when signing in fails; the password is never stored.
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    LoginDialog(models::ApiClient *api, const QString &lastUser, QWidget *parent = nullptr);

    models::Session session() const { return m_session; }
    // Shown above the form, e.g. why the user must sign in again.
    void setNotice(const QString &text);

private:
    void submit();
    void setBusy(bool busy);

    models::ApiClient *m_api;
    models::Session m_session;
    QLabel *m_notice;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_error;
    QPushButton *m_signIn;
};

} // namespace relaydesk::ui

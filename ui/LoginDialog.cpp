#include "LoginDialog.h"

#include "Colors.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace relaydesk::ui {

LoginDialog::LoginDialog(models::ApiClient *api, const QString &lastUser, QWidget *parent)
    : QDialog(parent), m_api(api)
{
    setWindowTitle(tr("Sign in to Relaydesk"));
    setObjectName(QStringLiteral("loginDialog"));

    auto *server = new QLabel(api->baseUrl().toDisplayString(), this);
    server->setTextFormat(Qt::PlainText);
    server->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_notice = new QLabel(this);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->hide();

    m_user = new QLineEdit(lastUser, this);
    m_user->setObjectName(QStringLiteral("username"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);

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
    setMinimumWidth(380);
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
    m_error->hide();
    setBusy(true);
    m_api->login(m_user->text().trimmed(), m_password->text(),
                 [self = QPointer<LoginDialog>(this), this](models::ApiResult<models::Session> result) {
        if (!self)
            return; // the dialog was closed while the answer was on its way
        setBusy(false);
        if (!result.ok()) {
            m_error->setText(result.error.message);
            m_error->show();
            m_password->selectAll();
            m_password->setFocus();
            return;
        }
        m_session = *result.value;
        m_password->clear();
        accept();
    });
}

} // namespace relaydesk::ui

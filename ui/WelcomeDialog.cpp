#include "WelcomeDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace relaydesk::ui {

namespace {

QLabel *paragraph(const QString &html, QWidget *parent)
{
    auto *label = new QLabel(html, parent);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

WelcomeDialog::WelcomeDialog(const QString &dataDir, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome to Relaydesk"));

    auto *title = new QLabel(tr("Welcome to Relaydesk"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);

    const QString dir = QDir::toNativeSeparators(dataDir).toHtmlEscaped();
    auto *embedded = paragraph(
        tr("<b>Embedded mode.</b> No team server is configured, so the service runs inside this console, "
           "with its database in <tt>%1</tt>. You are its administrator; nothing leaves this computer. "
           "The queues stay empty until failed-message reports arrive.")
            .arg(dir),
        this);
    embedded->setObjectName(QStringLiteral("welcomeEmbedded"));
    auto *demo =
        paragraph(tr("<b>Try the demo.</b> Start <tt>relaydesk --demo</tt>: a simulator sends failed-message "
                     "reports and plays the IM platform, so resends and replies really happen."),
                  this);
    auto *team = paragraph(
        tr("<b>Work with your team.</b> Start <tt>relaydesk --server https://relaydesk.example.com</tt> "
           "with your team service's address (your administrator has it and your account). "
           "The sign-in can be remembered in the system keyring."),
        this);

    m_dontShow = new QCheckBox(tr("&Don't show this again"), this);
    m_dontShow->setObjectName(QStringLiteral("welcomeDontShow"));
    m_dontShow->setChecked(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(embedded);
    layout->addWidget(demo);
    layout->addWidget(team);
    layout->addStretch(1); // any height beyond the text's goes below it, not between the paragraphs
    layout->addWidget(m_dontShow);
    layout->addWidget(buttons);
    // The commands stay on one line in English and Chinese; the height is the text's at that width (a
    // dialog sizes wrapped labels for a narrower width, which leaves a tall empty band).
    constexpr int kWidth = 640;
    setMinimumWidth(kWidth);
    layout->activate();
    setMinimumHeight(layout->totalHeightForWidth(kWidth));
    resize(kWidth, layout->totalHeightForWidth(kWidth));
    close->setFocus();
}

bool WelcomeDialog::showAgain() const
{
    return !m_dontShow->isChecked();
}

} // namespace relaydesk::ui

#include "ActionDialogs.h"

#include "models/ApiClient.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace relaydesk::ui {

using models::ActionArgs;

namespace {

QDialogButtonBox *okCancel(QDialog *dialog, const QString &okText)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *ok = buttons->addButton(okText, QDialogButtonBox::AcceptRole);
    ok->setDefault(true);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

struct ReplyTemplate
{
    QString id;
    QString cause;
    QHash<QString, std::pair<QString, QString>> byLocale; // locale -> (title, body)
};

QList<ReplyTemplate> loadTemplates()
{
    QFile file(QStringLiteral(":/relaydesk/replies.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<ReplyTemplate> out;
    const QJsonArray replies = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("replies")).toArray();
    for (const QJsonValue &v : replies) {
        const QJsonObject o = v.toObject();
        ReplyTemplate t;
        t.id = o.value(QLatin1String("id")).toString();
        t.cause = o.value(QLatin1String("cause")).toString();
        for (const char *locale : {"en", "zh_CN"}) {
            const QJsonObject text = o.value(QLatin1String(locale)).toObject();
            t.byLocale.insert(QString::fromLatin1(locale), {text.value(QLatin1String("title")).toString(),
                                       text.value(QLatin1String("body")).toString()});
        }
        if (!t.id.isEmpty())
            out.append(t);
    }
    return out;
}

QString fill(QString text, const Ticket &t)
{
    text.replace(QLatin1String("{user_name}"), t.userName.isEmpty() ? t.userId : t.userName);
    text.replace(QLatin1String("{recipient_id}"), t.recipientId);
    text.replace(QLatin1String("{error_code}"), t.errorCode);
    text.replace(QLatin1String("{preview}"), t.preview);
    text.replace(QLatin1String("{app_version}"), t.appVersion);
    text.replace(QLatin1String("{max_chars}"), QStringLiteral("4096"));
    return text;
}

} // namespace

std::optional<ActionArgs> askReroute(QWidget *parent, models::ApiClient *api, const Ticket &ticket)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("rerouteDialog"));
    dialog.setWindowTitle(QCoreApplication::translate("ActionDialogs", "Reroute the message"));
    auto *info = new QLabel(QCoreApplication::translate("ActionDialogs", "The message failed in %1. Send it again through:").arg(ticket.region), &dialog);
    info->setTextFormat(Qt::PlainText);
    auto *list = new QListWidget(&dialog);
    list->setObjectName(QStringLiteral("regionList"));
    list->addItem(QCoreApplication::translate("ActionDialogs", "Loading region health…"));
    QPointer<QListWidget> guard(list);
    api->fetchRegions([guard, &ticket](models::ApiResult<QList<models::RegionState>> result) {
        if (!guard)
            return;
        guard->clear();
        if (!result.ok()) {
            guard->addItem(QCoreApplication::translate("ActionDialogs", "Region health is unavailable: %1").arg(result.error.message));
            return;
        }
        for (const models::RegionState &r : *result.value) {
            auto *item = new QListWidgetItem(QCoreApplication::translate("ActionDialogs", "%1 — %2, circuit %3").arg(r.region, r.state, r.circuit), guard);
            item->setData(Qt::UserRole, r.region);
            if (r.state == QLatin1String("down") || r.region == ticket.region)
                item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        }
    });
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(info);
    layout->addWidget(list);
    layout->addWidget(okCancel(&dialog, QCoreApplication::translate("ActionDialogs", "&Reroute")));
    QObject::connect(list, &QListWidget::itemDoubleClicked, &dialog, &QDialog::accept);
    if (dialog.exec() != QDialog::Accepted || !list->currentItem() || list->currentItem()->data(Qt::UserRole).isNull())
        return std::nullopt;
    ActionArgs args;
    args.region = list->currentItem()->data(Qt::UserRole).toString();
    return args;
}

std::optional<ActionArgs> askReply(QWidget *parent, const Ticket &ticket, const ReplyDraft &draft)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("replyDialog"));
    dialog.setWindowTitle(QCoreApplication::translate("ActionDialogs", "Reply to %1").arg(ticket.userName.isEmpty() ? ticket.userId : ticket.userName));
    auto *locale = new QComboBox(&dialog);
    locale->setObjectName(QStringLiteral("replyLocale"));
    locale->addItem(QCoreApplication::translate("ActionDialogs", "English"), QStringLiteral("en"));
    locale->addItem(QCoreApplication::translate("ActionDialogs", "Simplified Chinese"), QStringLiteral("zh_CN"));
    locale->setCurrentIndex(ticket.userLocale.startsWith(QLatin1String("zh")) ? 1 : 0);
    auto *templates = new QComboBox(&dialog);
    templates->setObjectName(QStringLiteral("replyTemplate"));
    templates->addItem(QCoreApplication::translate("ActionDialogs", "(write your own)"));
    const QList<ReplyTemplate> all = loadTemplates();
    const QString cause = ticket.diagnosis ? toWire(ticket.diagnosis->cause) : toWire(ticket.cause);
    for (const ReplyTemplate &t : all) {
        const QString mark = t.cause == cause ? QCoreApplication::translate("ActionDialogs", " (matches the diagnosis)") : QString();
        templates->addItem(t.id + mark, t.id);
    }
    auto *title = new QLineEdit(&dialog);
    title->setObjectName(QStringLiteral("replyTitle"));
    auto *body = new QPlainTextEdit(&dialog);
    body->setObjectName(QStringLiteral("replyBody"));
    body->setPlaceholderText(QCoreApplication::translate("ActionDialogs", "What the user will read. Plain text."));
    QString kbText = draft.body; // knowledge-base text in the message: a template keeps it below its own text
    const auto apply = [&] {
        const QString id = templates->currentData().toString();
        for (const ReplyTemplate &t : all) {
            if (t.id != id)
                continue;
            const auto text = t.byLocale.value(locale->currentData().toString());
            title->setText(fill(text.first, ticket));
            const QString filled = fill(text.second, ticket);
            body->setPlainText(kbText.isEmpty() ? filled : filled + QStringLiteral("\n\n") + kbText);
        }
    };
    QObject::connect(templates, &QComboBox::currentIndexChanged, &dialog, apply);
    QObject::connect(locale, &QComboBox::currentIndexChanged, &dialog, apply);
    // Knowledge-base text: the draft's, and whatever is picked while composing (appended as its own paragraph).
    QStringList kbArticles = draft.kbArticles;
    body->setPlainText(draft.body);
    const auto append = [body](const QString &text) {
        const QString existing = body->toPlainText().trimmed();
        body->setPlainText(existing.isEmpty() ? text : existing + QStringLiteral("\n\n") + text);
    };
    QPushButton *fromKb = nullptr;
    if (draft.pickFromKb) {
        fromKb = new QPushButton(QCoreApplication::translate("ActionDialogs", "Insert from &knowledge base…"), &dialog);
        fromKb->setObjectName(QStringLiteral("replyInsertKb"));
        QObject::connect(fromKb, &QPushButton::clicked, &dialog, [&] {
            const auto picked = draft.pickFromKb(&dialog);
            if (!picked)
                return;
            append(picked->text);
            kbText = kbText.isEmpty() ? picked->text : kbText + QStringLiteral("\n\n") + picked->text;
            if (!picked->articleId.isEmpty() && !kbArticles.contains(picked->articleId))
                kbArticles.append(picked->articleId);
        });
    }

    auto *form = new QFormLayout;
    form->addRow(QCoreApplication::translate("ActionDialogs", "&Language:"), locale);
    form->addRow(QCoreApplication::translate("ActionDialogs", "&Template:"), templates);
    form->addRow(QCoreApplication::translate("ActionDialogs", "T&itle:"), title);
    form->addRow(QCoreApplication::translate("ActionDialogs", "&Message:"), body);
    if (fromKb)
        form->addRow(QString(), fromKb);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    auto *note = new QLabel(QCoreApplication::translate("ActionDialogs", "This is exactly what the user receives; check the placeholders are filled."), &dialog);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(okCancel(&dialog, QCoreApplication::translate("ActionDialogs", "&Send reply")));
    dialog.resize(560, 420);
    while (dialog.exec() == QDialog::Accepted) {
        if (title->text().trimmed().isEmpty() || body->toPlainText().trimmed().isEmpty()) {
            QMessageBox::warning(&dialog, dialog.windowTitle(), QCoreApplication::translate("ActionDialogs", "The reply needs a title and a message."));
            continue;
        }
        ActionArgs args;
        args.locale = locale->currentData().toString();
        args.title = title->text().trimmed();
        args.body = body->toPlainText().trimmed();
        args.kbArticles = kbArticles;
        return args;
    }
    return std::nullopt;
}

std::optional<ActionArgs> askNote(QWidget *parent)
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(parent, QCoreApplication::translate("ActionDialogs", "Internal note"),
                                                        QCoreApplication::translate("ActionDialogs", "Only agents see this note:"), {}, &ok);
    if (!ok || text.trimmed().isEmpty())
        return std::nullopt;
    ActionArgs args;
    args.text = text.trimmed();
    return args;
}

std::optional<ActionArgs> askTransfer(QWidget *parent, models::ApiClient *api)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("transferDialog"));
    dialog.setWindowTitle(QCoreApplication::translate("ActionDialogs", "Transfer the ticket"));
    auto *queue = new QComboBox(&dialog);
    queue->setObjectName(QStringLiteral("transferQueue"));
    queue->addItem(QCoreApplication::translate("ActionDialogs", "Tier 2"), QStringLiteral("tier2"));
    queue->addItem(QCoreApplication::translate("ActionDialogs", "Engineering"), QStringLiteral("engineering"));
    queue->addItem(QCoreApplication::translate("ActionDialogs", "Trust and safety"), QStringLiteral("trust_and_safety"));
    // The agents come from the service: a name that does not exist cannot be picked.
    auto *assignee = new QComboBox(&dialog);
    assignee->setObjectName(QStringLiteral("transferAgent"));
    assignee->addItem(QCoreApplication::translate("ActionDialogs", "Nobody: into the queue"), QString());
    assignee->addItem(QCoreApplication::translate("ActionDialogs", "Loading the agents…"));
    if (auto *items = qobject_cast<QStandardItemModel *>(assignee->model()))
        items->item(1)->setEnabled(false); // a note, not a choice
    auto *status = new QLabel(&dialog);
    status->setObjectName(QStringLiteral("transferStatus"));
    status->setTextFormat(Qt::PlainText);
    status->setWordWrap(true);
    status->hide();
    QPointer<QComboBox> guard(assignee);
    QPointer<QLabel> statusGuard(status);
    api->fetchAssignableAgents([guard, statusGuard](models::ApiResult<QList<AssignableAgent>> result) {
        if (!guard)
            return;
        guard->removeItem(1);
        if (!result.ok()) {
            statusGuard->setText(QCoreApplication::translate("ActionDialogs",
                                                             "The agent list is unavailable (%1): the ticket can still "
                                                             "go to a queue.")
                                     .arg(result.error.message));
            statusGuard->show();
            return;
        }
        for (const AssignableAgent &a : *result.value) {
            const QString role = a.role == Role::Lead    ? QCoreApplication::translate("ActionDialogs", "lead")
                                 : a.role == Role::Admin ? QCoreApplication::translate("ActionDialogs", "administrator")
                                                         : QCoreApplication::translate("ActionDialogs", "agent");
            guard->addItem(QCoreApplication::translate("ActionDialogs", "%1 (%2, holds %n ticket(s))", nullptr,
                                                       int(a.holding))
                               .arg(a.username, role),
                           a.username);
        }
    });
    auto *form = new QFormLayout;
    form->addRow(QCoreApplication::translate("ActionDialogs", "&Queue:"), queue);
    form->addRow(QCoreApplication::translate("ActionDialogs", "&Agent:"), assignee);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(status);
    layout->addWidget(okCancel(&dialog, QCoreApplication::translate("ActionDialogs", "&Transfer")));
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    ActionArgs args;
    args.queue = queue->currentData().toString();
    const QString picked = assignee->currentData().toString();
    if (!picked.isEmpty())
        args.assignee = picked;
    return args;
}

std::optional<ActionArgs> askResolve(QWidget *parent)
{
    const QList<std::pair<QString, QString>> codes = {
        {QStringLiteral("resent"), QCoreApplication::translate("ActionDialogs", "Resent: the message was delivered")},
        {QStringLiteral("rerouted"), QCoreApplication::translate("ActionDialogs", "Rerouted: delivered through another region")},
        {QStringLiteral("replied"), QCoreApplication::translate("ActionDialogs", "Replied: the user was told what to do")},
        {QStringLiteral("user_fixed"), QCoreApplication::translate("ActionDialogs", "The user fixed it")},
        {QStringLiteral("duplicate"), QCoreApplication::translate("ActionDialogs", "Duplicate of another ticket")},
        {QStringLiteral("engineering"), QCoreApplication::translate("ActionDialogs", "Handed to engineering")},
        {QStringLiteral("no_action"), QCoreApplication::translate("ActionDialogs", "No action needed")}};
    QStringList labels;
    for (const auto &c : codes)
        labels << c.second;
    bool ok = false;
    const QString picked = QInputDialog::getItem(parent, QCoreApplication::translate("ActionDialogs", "Resolve the ticket"),
                                                 QCoreApplication::translate("ActionDialogs", "Resolution:"), labels, 0, false, &ok);
    if (!ok)
        return std::nullopt;
    ActionArgs args;
    args.resolution = codes.value(labels.indexOf(picked)).first;
    return args;
}

std::optional<ActionArgs> askReopen(QWidget *parent)
{
    bool ok = false;
    const QString reason = QInputDialog::getText(parent, QCoreApplication::translate("ActionDialogs", "Reopen the ticket"), QCoreApplication::translate("ActionDialogs", "Why:"),
                                                 QLineEdit::Normal, {}, &ok);
    if (!ok)
        return std::nullopt;
    ActionArgs args;
    args.text = reason.trimmed();
    return args;
}

void showShortcuts(QWidget *parent)
{
    const QString text = QCoreApplication::translate("ActionDialogs", "J / K\tnext / previous ticket\n"
                                     "C\tclaim or release\n"
                                     "S\tresend\n"
                                     "E\treroute\n"
                                     "R\treply\n"
                                     "N\tinternal note\n"
                                     "/\tsearch the device log\n"
                                     "Esc\tback from the log search to the log\n"
                                     "F3 / Shift+F3\tnext / previous match\n"
                                     "Ctrl+G\tgo to a log line\n"
                                     "Ctrl+F\tfilter tickets\n"
                                     "Ctrl+1 … Ctrl+4\tqueues, tickets, timeline, log\n"
                                     "F9\tshow or hide the ticket list\n"
                                     "F2\tknowledge base\n"
                                     "Ctrl+D\tdashboard\n"
                                     "Ctrl+I\tincidents\n"
                                     "Ctrl+Shift+A\talerts\n"
                                     "F5\tsync now; reconnect at once when offline\n"
                                     "?\tthis list");
    QMessageBox box(QMessageBox::Information, QCoreApplication::translate("ActionDialogs", "Keyboard shortcuts"), text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

} // namespace relaydesk::ui

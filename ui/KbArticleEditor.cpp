#include "KbArticleEditor.h"

#include "ArticleBrowser.h"
#include "core/kb/ArticleFile.h"
#include "models/Labels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QVBoxLayout>

namespace relaydesk::ui {

using namespace Qt::StringLiterals;

namespace {
QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts))
        out << part.trimmed();
    return out;
}
} // namespace

KbArticleEditor::KbArticleEditor(models::ApiClient *api, const kb::Article &article, QWidget *parent)
    : QDialog(parent), m_api(api), m_base(article)
{
    setObjectName(u"kbEditor"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(article.version == 0 ? tr("New knowledge base article") : tr("Edit %1").arg(article.id));

    const auto line = [this](const QString &name) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(name);
        return edit;
    };
    m_group = line(u"kbEditGroup"_s);
    m_group->setPlaceholderText(tr("e.g. dns-captive-portal (lowercase, digits, dashes)"));
    m_language = new QComboBox(this);
    m_language->setObjectName(u"kbEditLanguage"_s);
    m_language->addItem(tr("English"), u"en"_s);
    m_language->addItem(tr("Simplified Chinese"), u"zh_CN"_s);
    m_title = line(u"kbEditTitle"_s);
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(u"kbEditBody"_s);
    m_body->setPlaceholderText(tr("Markdown. Raw HTML is shown as text, images are not loaded."));
    m_category = line(u"kbEditCategory"_s);
    m_category->setPlaceholderText(tr("e.g. Network/DNS"));
    m_tags = line(u"kbEditTags"_s);
    m_tags->setPlaceholderText(tr("lowercase words, separated by commas"));
    m_causes = new QListWidget(this);
    m_causes->setObjectName(u"kbEditCauses"_s);
    m_causes->setMaximumHeight(110);
    for (int c = 0; c < int(Cause::Count); ++c) {
        auto *item = new QListWidgetItem(models::label(Cause(c)), m_causes);
        item->setData(Qt::UserRole, toWire(Cause(c)));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_errorCodes = line(u"kbEditErrorCodes"_s);
    m_errorCodes->setPlaceholderText(tr("e.g. M_LIMIT_EXCEEDED, ENOTFOUND"));
    m_appVersions = line(u"kbEditAppVersions"_s);
    m_appVersions->setPlaceholderText(tr("e.g. >=5.2.0 <5.4.1 (empty: every version)"));
    m_audience = new QComboBox(this);
    m_audience->setObjectName(u"kbEditAudience"_s);
    m_audience->addItem(tr("Agents (internal playbook)"), u"agent"_s);
    m_audience->addItem(tr("Users (user-facing answer)"), u"user"_s);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"kbEditStatus"_s);
    m_status->addItem(tr("Draft"), u"draft"_s);
    m_status->addItem(tr("Published"), u"published"_s);
    m_status->addItem(tr("Archived"), u"archived"_s);
    m_preview = new ArticleBrowser(this);
    m_preview->setObjectName(u"kbEditPreview"_s);
    m_message = new QLabel(this);
    m_message->setObjectName(u"kbEditMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Group:"), m_group);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Category:"), m_category);
    form->addRow(tr("Ta&gs:"), m_tags);
    form->addRow(tr("Ca&uses:"), m_causes);
    form->addRow(tr("&Error codes:"), m_errorCodes);
    form->addRow(tr("App &versions:"), m_appVersions);
    form->addRow(tr("&Audience:"), m_audience);
    form->addRow(tr("&Status:"), m_status);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(form);
    leftLayout->addWidget(m_body, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("Sa&ve"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(u"kbEditSave"_s);
    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, &KbArticleEditor::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(1000, 680);

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(150);
    connect(&m_previewTimer, &QTimer::timeout, this,
            [this] { m_preview->showMarkdown(m_body->toPlainText()); });
    connect(m_body, &QPlainTextEdit::textChanged, &m_previewTimer, qOverload<>(&QTimer::start));
    load(article);
}

void KbArticleEditor::load(const kb::Article &a)
{
    m_base = a;
    const bool isNew = a.version == 0;
    m_group->setText(a.translationGroup);
    m_group->setReadOnly(!isNew);
    m_language->setCurrentIndex(std::max(0, m_language->findData(a.language)));
    m_language->setEnabled(isNew);
    m_title->setText(a.title);
    m_body->setPlainText(a.body);
    m_category->setText(a.category);
    m_tags->setText(a.tags.join(u", "_s));
    for (int i = 0; i < m_causes->count(); ++i) {
        QListWidgetItem *item = m_causes->item(i);
        const auto cause = fromWire<Cause>(item->data(Qt::UserRole).toString());
        item->setCheckState(cause && a.causes.contains(*cause) ? Qt::Checked : Qt::Unchecked);
    }
    m_errorCodes->setText(a.errorCodes.join(u", "_s));
    m_appVersions->setText(a.appVersions);
    m_audience->setCurrentIndex(std::max(0, m_audience->findData(kb::toWire(a.audience))));
    m_status->setCurrentIndex(std::max(0, m_status->findData(kb::toWire(a.status))));
    m_preview->showMarkdown(a.body);
    m_message->setText(isNew ? tr("New article: it is stored as the status you choose (draft by default).")
                             : tr("Editing version %1 by %2.").arg(a.version).arg(a.author));
}

kb::Article KbArticleEditor::current() const
{
    kb::Article a = m_base;
    a.translationGroup = m_group->text().trimmed();
    a.language = m_language->currentData().toString();
    a.id = a.translationGroup + u'.' + a.language;
    a.title = m_title->text().trimmed();
    a.body = m_body->toPlainText();
    a.category = m_category->text().trimmed();
    a.tags = splitList(m_tags->text().toLower());
    a.causes.clear();
    for (int i = 0; i < m_causes->count(); ++i) {
        if (m_causes->item(i)->checkState() != Qt::Checked)
            continue;
        if (const auto cause = fromWire<Cause>(m_causes->item(i)->data(Qt::UserRole).toString()))
            a.causes.append(*cause);
    }
    a.errorCodes = splitList(m_errorCodes->text());
    a.appVersions = m_appVersions->text().simplified();
    a.audience = kb::audienceFromWire(m_audience->currentData().toString()).value_or(kb::Audience::Agent);
    a.status = kb::statusFromWire(m_status->currentData().toString()).value_or(kb::ArticleStatus::Draft);
    return a;
}

void KbArticleEditor::setField(const QString &objectName, const QString &text)
{
    if (auto *edit = findChild<QLineEdit *>(objectName))
        edit->setText(text);
    else if (auto *plain = findChild<QPlainTextEdit *>(objectName))
        plain->setPlainText(text);
    else if (auto *combo = findChild<QComboBox *>(objectName))
        combo->setCurrentIndex(std::max(0, combo->findData(text)));
}

void KbArticleEditor::setBusy(bool busy)
{
    m_saving = busy;
    m_save->setEnabled(!busy);
    if (busy)
        m_message->setText(tr("Saving…"));
}

void KbArticleEditor::save()
{
    if (m_saving)
        return;
    const kb::Article a = current();
    if (const auto bad = kb::validateArticle(a)) {
        m_message->setText(tr("Not saved: %1").arg(bad->toString()));
        return;
    }
    setBusy(true);
    QPointer<KbArticleEditor> self(this);
    auto done = [self, this](models::ApiResult<kb::ArticleRecord> result) {
        if (!self)
            return;
        setBusy(false);
        if (!result.ok()) {
            if (result.error.code == "version_conflict"_L1) {
                onConflict();
                return;
            }
            const QString text = result.error.field.isEmpty()
                                     ? result.error.message
                                     : tr("%1 (field: %2)").arg(result.error.message, result.error.field);
            m_message->setText(tr("Not saved: %1").arg(text));
            emit failed(text);
            return;
        }
        const kb::Article stored = result.value->article;
        load(stored);
        m_message->setText(tr("Saved as version %1.").arg(stored.version));
        emit saved(stored);
    };
    if (m_base.version == 0)
        m_api->createKbArticle(a, std::move(done));
    else
        m_api->updateKbArticle(a, m_base.version, std::move(done));
}

void KbArticleEditor::onConflict()
{
    m_message->setText(tr("Someone else saved this article after you opened it. Loading their version…"));
    QPointer<KbArticleEditor> self(this);
    m_api->fetchKbArticle(m_base.id, [self, this](models::ApiResult<kb::ArticleRecord> result) {
        if (!self)
            return;
        if (!result.ok()) {
            m_message->setText(tr("Not saved: the article changed and its current version cannot be read: %1")
                                   .arg(result.error.message));
            emit failed(m_message->text());
            return;
        }
        const kb::Article theirs = result.value->article;
        switch (m_resolver ? m_resolver(theirs) : askConflict(theirs)) {
        case ConflictChoice::Reload:
            load(theirs);
            m_message->setText(tr("Reloaded version %1 by %2; your changes were discarded.")
                                   .arg(theirs.version)
                                   .arg(theirs.author));
            break;
        case ConflictChoice::Overwrite:
            // Reviewed: save this text on top of their version.
            m_base.version = theirs.version;
            save();
            break;
        case ConflictChoice::Cancel:
            m_message->setText(tr("Not saved: version %1 by %2 is newer. Your text is still here.")
                                   .arg(theirs.version)
                                   .arg(theirs.author));
            emit failed(m_message->text());
            break;
        }
    });
}

KbArticleEditor::ConflictChoice KbArticleEditor::askConflict(const kb::Article &theirs)
{
    QMessageBox box(QMessageBox::Warning, tr("The article changed"),
                    tr("%1 saved version %2 of this article after you opened version %3.\n\n"
                       "Review their version (details below), then reload it (your changes are discarded) or "
                       "overwrite it with yours.")
                        .arg(theirs.author)
                        .arg(theirs.version)
                        .arg(m_base.version),
                    QMessageBox::NoButton, this);
    box.setTextFormat(Qt::PlainText);
    box.setDetailedText(theirs.title + u"\n\n"_s + theirs.body);
    QPushButton *reload = box.addButton(tr("&Reload theirs"), QMessageBox::AcceptRole);
    QPushButton *overwrite = box.addButton(tr("&Overwrite with mine"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(reload);
    box.exec();
    if (box.clickedButton() == reload)
        return ConflictChoice::Reload;
    if (box.clickedButton() == overwrite)
        return ConflictChoice::Overwrite;
    return ConflictChoice::Cancel;
}

} // namespace relaydesk::ui

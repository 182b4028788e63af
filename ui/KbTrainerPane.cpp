#include "KbTrainerPane.h"

#include "ArticleBrowser.h"
#include "KbArticleEditor.h"
#include "KbHistoryDialog.h"
#include "models/FutureWatch.h"
#include "models/KbMirror.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace relaydesk::ui {

using namespace Qt::StringLiterals;

namespace {
constexpr int kIdRole = Qt::UserRole + 1;

QString statusLabel(kb::ArticleStatus status)
{
    switch (status) {
    case kb::ArticleStatus::Draft:
        return KbTrainerPane::tr("draft");
    case kb::ArticleStatus::Published:
        return KbTrainerPane::tr("published");
    case kb::ArticleStatus::Archived:
        return KbTrainerPane::tr("archived");
    }
    return {};
}
} // namespace

KbTrainerPane::KbTrainerPane(models::KbMirror *mirror, models::ApiClient *api, QWidget *parent)
    : QWidget(parent), m_mirror(mirror), m_api(api)
{
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"kbCategoryTree"_s);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Article"), tr("Language"), tr("Status")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_preview = new ArticleBrowser(this);
    m_preview->setObjectName(u"kbTrainerPreview"_s);
    m_facts = new QLabel(this);
    m_facts->setTextFormat(Qt::PlainText);
    m_facts->setWordWrap(true);
    m_usage = new QLabel(this);
    m_usage->setObjectName(u"kbUsage"_s);
    m_usage->setTextFormat(Qt::PlainText);
    m_usage->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    const auto add = [&](const QString &text, const QString &name, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
        return b;
    };
    add(tr("&New…"), u"kbNewArticle"_s, [this] { createNew(); });
    m_edit = add(tr("&Edit…"), u"kbEditArticle"_s, [this] { editSelected(); });
    m_publish = add(tr("&Publish"), u"kbPublishArticle"_s, [this] { publishSelected(); });
    m_archive = add(tr("&Archive"), u"kbArchiveArticle"_s, [this] { archiveSelected(); });
    m_history = add(tr("&History…"), u"kbHistoryButton"_s, [this] { showHistory(); });
    buttons->addStretch(1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    auto *detail = new QWidget(split);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_facts);
    detailLayout->addWidget(m_usage);
    detailLayout->addWidget(m_preview, 1);
    split->addWidget(detail);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    m_usageTimer = new QTimer(this);
    m_usageTimer->setSingleShot(true);
    m_usageTimer->setInterval(1000); // a burst of ticket changes reads the usage once
    connect(m_usageTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshUsage();
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &KbTrainerPane::onSelection);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (!item->data(0, kIdRole).toString().isEmpty())
            editSelected();
    });
    connect(m_mirror, &models::KbMirror::opened, this, &KbTrainerPane::reload);
    connect(m_mirror, &models::KbMirror::changed, this, [this] {
        reload();
        refreshUsage();
    });
    if (m_mirror->isOpen())
        reload();
    onSelection();
}

std::optional<kb::Article> KbTrainerPane::selectedArticle() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    const QString id = item ? item->data(0, kIdRole).toString() : QString();
    if (id.isEmpty() || !m_articles.contains(id))
        return std::nullopt;
    return m_articles.value(id);
}

void KbTrainerPane::selectArticle(const QString &id)
{
    m_pendingSelection = id;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, kIdRole).toString() == id) {
            m_tree->setCurrentItem(*it);
            m_tree->scrollToItem(*it);
            m_pendingSelection.clear();
            return;
        }
    }
}

void KbTrainerPane::reload()
{
    models::whenFinished(this, m_mirror->articles(), [this](const QList<kb::Article> &articles) {
        const QString keep =
            m_pendingSelection.isEmpty() && selectedArticle() ? selectedArticle()->id : m_pendingSelection;
        m_articles.clear();
        const QSignalBlocker block(m_tree);
        m_tree->clear();
        QHash<QString, QTreeWidgetItem *> nodes;
        const std::function<QTreeWidgetItem *(const QString &)> node =
            [&](const QString &path) -> QTreeWidgetItem * {
            if (path.isEmpty())
                return nullptr;
            if (QTreeWidgetItem *existing = nodes.value(path))
                return existing;
            QTreeWidgetItem *parent = node(path.section(u'/', 0, -2));
            auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
            item->setText(0, path.section(u'/', -1));
            QFont f = item->font(0);
            f.setBold(true);
            item->setFont(0, f);
            nodes.insert(path, item);
            return item;
        };
        for (const kb::Article &a : articles) {
            m_articles.insert(a.id, a);
            QTreeWidgetItem *parent = node(a.category);
            auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
            item->setText(0, a.title);
            item->setText(1, a.language);
            item->setText(2, statusLabel(a.status));
            item->setToolTip(0, a.id);
            item->setData(0, kIdRole, a.id);
        }
        m_tree->expandToDepth(0);
        selectArticle(keep);
        onSelection();
    });
}

void KbTrainerPane::onSelection()
{
    const auto article = selectedArticle();
    m_edit->setEnabled(article.has_value());
    m_history->setEnabled(article.has_value());
    m_publish->setEnabled(article && article->status != kb::ArticleStatus::Published);
    m_archive->setEnabled(article && article->status != kb::ArticleStatus::Archived);
    if (!article) {
        m_facts->setText(
            tr("%n article(s) mirrored, drafts and archived included.", nullptr, int(m_articles.size())));
        m_preview->clear();
        m_usage->clear();
        return;
    }
    m_facts->setText(tr("%1 · %2 · version %3 by %4")
                         .arg(article->id, statusLabel(article->status))
                         .arg(article->version)
                         .arg(article->author));
    m_preview->showMarkdown(article->body);
    if (!m_usageLoaded || m_usageStale)
        refreshUsage();
    showUsage();
}

void KbTrainerPane::usageMayHaveChanged()
{
    m_usageStale = true;
    if (!m_usageTimer->isActive()) // not restarted: a steady stream of changes must not starve it
        m_usageTimer->start();
}

void KbTrainerPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_usageStale)
        refreshUsage();
}

void KbTrainerPane::refreshUsage()
{
    m_usageStale = false;
    QPointer<KbTrainerPane> self(this);
    m_api->fetchKbUsage([self, this](models::ApiResult<QList<models::KbUsageCount>> result) {
        if (!self)
            return;
        if (!result.ok()) {
            m_usage->setText(tr("Usage feedback is unavailable: %1").arg(result.error.message));
            return;
        }
        m_usageLoaded = true;
        m_usageById.clear();
        for (const models::KbUsageCount &u : std::as_const(*result.value))
            m_usageById.insert(u.id, u);
        showUsage();
    });
}

void KbTrainerPane::showUsage()
{
    const auto article = selectedArticle();
    if (!article || !m_usageLoaded)
        return;
    const models::KbUsageCount u = m_usageById.value(article->id);
    m_usage->setText(tr("Inserted into %n reply(ies); ", nullptr, u.inserted) +
                     tr("%n of those ticket(s) resolved.", nullptr, u.resolved));
}

KbArticleEditor *KbTrainerPane::editSelected()
{
    const auto article = selectedArticle();
    if (!article)
        return nullptr;
    auto *editor = new KbArticleEditor(m_api, *article, this);
    connect(editor, &KbArticleEditor::saved, this, [this](const kb::Article &a) {
        emit notify(tr("Saved %1 as version %2.").arg(a.id).arg(a.version));
        selectArticle(a.id);
        m_mirror->syncNow();
    });
    editor->show();
    return editor;
}

KbArticleEditor *KbTrainerPane::createNew()
{
    kb::Article blank;
    blank.version = 0; // new: POST
    blank.status = kb::ArticleStatus::Draft;
    blank.language = u"en"_s;
    if (const auto current = selectedArticle())
        blank.category = current->category;
    auto *editor = new KbArticleEditor(m_api, blank, this);
    connect(editor, &KbArticleEditor::saved, this, [this](const kb::Article &a) {
        emit notify(tr("Created %1.").arg(a.id));
        m_pendingSelection = a.id;
        m_mirror->syncNow();
    });
    editor->show();
    return editor;
}

void KbTrainerPane::publishSelected()
{
    statusChange(true);
}

void KbTrainerPane::archiveSelected()
{
    statusChange(false);
}

void KbTrainerPane::statusChange(bool publish)
{
    const auto article = selectedArticle();
    if (!article)
        return;
    QPointer<KbTrainerPane> self(this);
    auto done = [self, this, publish, id = article->id](models::ApiResult<kb::ArticleRecord> result) {
        if (!self)
            return;
        if (!result.ok()) {
            emit notify(result.error.message);
            return;
        }
        emit notify(publish ? tr("Published %1.").arg(id) : tr("Archived %1.").arg(id));
        m_mirror->syncNow();
    };
    if (publish)
        m_api->publishKbArticle(article->id, article->version, std::move(done));
    else
        m_api->archiveKbArticle(article->id, article->version, std::move(done));
}

void KbTrainerPane::showHistory()
{
    const auto article = selectedArticle();
    if (!article)
        return;
    auto *dialog = new KbHistoryDialog(m_api, *article, this);
    connect(dialog, &KbHistoryDialog::restored, this, [this](const kb::Article &a) {
        emit notify(tr("Restored %1 as version %2.").arg(a.id).arg(a.version));
        m_mirror->syncNow();
    });
    dialog->show();
}

} // namespace relaydesk::ui

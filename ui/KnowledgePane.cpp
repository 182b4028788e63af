#include "KnowledgePane.h"

#include "ArticleBrowser.h"
#include "KbResultDelegate.h"
#include "KbTrainerPane.h"
#include "models/FutureWatch.h"
#include "models/KbMirror.h"
#include "models/KbResultsModel.h"
#include "models/Labels.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QSet>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <tuple>

namespace relaydesk::ui {

using namespace Qt::StringLiterals;
using models::KbHit;

KnowledgePane::KnowledgePane(models::KbMirror *mirror, models::ApiClient *api, bool editor, QWidget *parent)
    : QWidget(parent), m_mirror(mirror), m_api(api)
{
    setObjectName(u"knowledgePane"_s);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"kbSearch"_s);
    m_search->setPlaceholderText(tr("Search the knowledge base (Chinese or English, error codes)…"));
    m_search->setClearButtonEnabled(true);

    m_category = new QComboBox(this);
    m_category->setObjectName(u"kbCategoryFilter"_s);
    m_category->addItem(tr("All categories"), QString());
    m_language = new QComboBox(this);
    m_language->setObjectName(u"kbLanguageFilter"_s);
    m_language->addItem(tr("All languages"), QString());
    m_language->addItem(tr("English"), u"en"_s);
    m_language->addItem(tr("Simplified Chinese"), u"zh_CN"_s);
    m_cause = new QComboBox(this);
    m_cause->setObjectName(u"kbCauseFilter"_s);
    m_cause->addItem(tr("All causes"), QString());
    for (int c = 0; c < int(Cause::Count); ++c)
        m_cause->addItem(models::label(Cause(c)), toWire(Cause(c)));
    m_audience = new QComboBox(this);
    m_audience->setObjectName(u"kbAudienceFilter"_s);
    m_audience->addItem(tr("Agents and users"), QString());
    m_audience->addItem(tr("Agent playbooks"), u"agent"_s);
    m_audience->addItem(tr("User-facing answers"), u"user"_s);

    m_header = new QLabel(this);
    m_header->setObjectName(u"kbResultsHeader"_s);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_model = new models::KbResultsModel(this);
    m_results = new QListView(this);
    m_results->setObjectName(u"kbResults"_s);
    m_results->setModel(m_model);
    m_results->setItemDelegate(new KbResultDelegate(m_results));
    m_results->setUniformItemSizes(false);
    m_results->setWordWrap(true);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view = new ArticleView(this);

    auto *filters = new QHBoxLayout;
    for (QComboBox *box : {m_category, m_language, m_cause, m_audience}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
        filters->addWidget(box, 1);
    }
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(u"kbSplitter"_s);
    split->setChildrenCollapsible(false);
    auto *top = new QWidget(split);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_header);
    topLayout->addWidget(m_results, 1);
    split->addWidget(top);
    split->addWidget(m_view);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *searchTab = new QWidget(this);
    auto *layout = new QVBoxLayout(searchTab);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    if (editor) {
        m_tabs = new QTabWidget(this);
        m_tabs->setObjectName(u"kbTabs"_s);
        m_tabs->addTab(searchTab, tr("&Search"));
        m_trainer = new KbTrainerPane(m_mirror, m_api, this);
        m_tabs->addTab(m_trainer, tr("&Manage"));
        outer->addWidget(m_tabs);
        connect(m_trainer, &KbTrainerPane::notify, this, &KnowledgePane::notify);
    } else {
        outer->addWidget(searchTab);
    }

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &KnowledgePane::runQuery);
    connect(m_search, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &KnowledgePane::runQuery);
    for (QComboBox *box : {m_category, m_language, m_cause, m_audience})
        connect(box, &QComboBox::currentIndexChanged, this, &KnowledgePane::runQuery);
    connect(m_results->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    openArticle(current.data(models::KbResultsModel::IdRole).toString());
            });
    connect(m_view, &ArticleView::insertRequested, this, &KnowledgePane::onInsert);

    connect(m_mirror, &models::KbMirror::opened, this, [this] {
        refillCategories();
        runQuery();
    });
    connect(m_mirror, &models::KbMirror::changed, this, [this](const QStringList &ids) {
        refillCategories();
        runQuery();
        if (m_view->article() && ids.contains(m_view->article()->id))
            openArticle(m_view->article()->id); // show the new version (or say it is gone)
    });
    if (m_mirror->isOpen()) {
        refillCategories();
        runQuery();
    }
    setTicket(nullptr);
}

void KnowledgePane::focusSearch()
{
    if (m_tabs)
        m_tabs->setCurrentIndex(0);
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void KnowledgePane::setTicket(const Ticket *ticket)
{
    // The same ticket with the same diagnosis facts needs no new suggestions (tickets change often).
    const auto facts = [](const Ticket &t) {
        return std::make_tuple(t.id, t.diagnosis ? t.diagnosis->cause : t.cause, t.errorCode, t.appVersion,
                               t.userLocale);
    };
    const bool same = ticket && m_ticket && facts(*ticket) == facts(*m_ticket);
    m_ticket = ticket ? std::optional<Ticket>(*ticket) : std::nullopt;
    m_view->setInsertEnabled(m_ticket.has_value(), m_ticket ? QString() : tr("Select a ticket to reply to."));
    if (!same && m_search->text().trimmed().isEmpty())
        runQuery();
}

QString KnowledgePane::userLanguage() const
{
    if (!m_ticket)
        return {};
    return m_ticket->userLocale.startsWith("zh"_L1, Qt::CaseInsensitive) ? u"zh_CN"_s : u"en"_s;
}

void KnowledgePane::runQuery()
{
    m_debounce.stop();
    const quint64 generation = ++m_generation;
    const QString text = m_search->text().trimmed();
    const QString cause = m_cause->currentData().toString();
    const QString audience = m_audience->currentData().toString();
    if (text.isEmpty() && m_ticket && m_category->currentIndex() == 0) {
        // Before anyone types: what the diagnosis suggests for this ticket.
        models::KbSuggestContext context;
        context.cause = m_ticket->diagnosis ? m_ticket->diagnosis->cause : m_ticket->cause;
        if (!cause.isEmpty())
            context.cause = fromWire<Cause>(cause);
        context.errorCode = m_ticket->errorCode;
        context.appVersion = m_ticket->appVersion;
        context.language = m_language->currentData().toString();
        if (!audience.isEmpty())
            context.audience = kb::audienceFromWire(audience);
        context.limit = 8;
        models::whenFinished(this, m_mirror->suggest(context), [this, generation](const QList<KbHit> &hits) {
            if (generation == m_generation)
                showHits(hits, true);
        });
        return;
    }
    models::KbQuery query;
    query.text = text;
    query.limit = 50;
    query.categoryPrefix = m_category->currentData().toString();
    query.language = m_language->currentData().toString();
    if (!cause.isEmpty())
        query.cause = fromWire<Cause>(cause);
    if (!audience.isEmpty())
        query.audience = kb::audienceFromWire(audience);
    models::whenFinished(this, m_mirror->search(query), [this, generation](const QList<KbHit> &hits) {
        if (generation == m_generation)
            showHits(hits, false);
    });
}

void KnowledgePane::showHits(const QList<KbHit> &hits, bool suggestions)
{
    const QString openId = m_view->article() ? m_view->article()->id : QString();
    m_showingSuggestions = suggestions;
    m_model->setHits(hits);
    if (!m_mirror->isOpen())
        m_header->setText(tr("The knowledge base is not available yet."));
    else if (suggestions)
        m_header->setText(
            hits.isEmpty()
                ? tr("Nothing in the knowledge base matches ticket #%1's diagnosis; type to search.")
                      .arg(m_ticket ? m_ticket->id : 0)
                : tr("Suggested for ticket #%1 (%2)")
                      .arg(m_ticket ? m_ticket->id : 0)
                      .arg(m_ticket && !m_ticket->errorCode.isEmpty()
                               ? m_ticket->errorCode
                               : models::label(m_ticket ? m_ticket->cause : Cause::Unknown)));
    else if (hits.isEmpty())
        m_header->setText(m_search->text().trimmed().isEmpty() ? tr("No articles.") : tr("No matches."));
    else
        m_header->setText(tr("%n article(s)", nullptr, int(hits.size())));
    const int row = openId.isEmpty() ? -1 : m_model->rowOf(openId);
    if (row >= 0) {
        const QSignalBlocker block(m_results->selectionModel());
        m_results->setCurrentIndex(m_model->index(row));
    }
}

void KnowledgePane::refillCategories()
{
    models::whenFinished(this, m_mirror->articles(), [this](const QList<kb::Article> &articles) {
        QSet<QString> paths;
        for (const kb::Article &a : articles) {
            QString path;
            for (const QString &part : a.category.split(u'/', Qt::SkipEmptyParts)) {
                path = path.isEmpty() ? part : path + u'/' + part;
                paths.insert(path);
            }
        }
        QStringList sorted(paths.begin(), paths.end());
        sorted.sort(Qt::CaseInsensitive);
        const QString current = m_category->currentData().toString();
        const QSignalBlocker block(m_category);
        while (m_category->count() > 1)
            m_category->removeItem(1);
        for (const QString &path : std::as_const(sorted)) {
            const int depth = int(path.count(u'/'));
            m_category->addItem(QString(depth * 2, u' ') + path.section(u'/', -1), path);
        }
        m_category->setCurrentIndex(std::max(0, m_category->findData(current)));
    });
}

void KnowledgePane::openArticle(const QString &id)
{
    models::whenFinished(this, m_mirror->article(id), [this, id](const std::optional<kb::Article> &article) {
        if (article)
            m_view->showArticle(*article);
        else
            m_view->showMessage(tr("Article %1 is no longer in the knowledge base.").arg(id));
    });
}

void KnowledgePane::onInsert(ArticleView::Insert mode, const QString &selection)
{
    if (!m_view->article() || !m_ticket)
        return;
    const kb::Article shown = *m_view->article();
    const QString language = userLanguage();
    const auto compose = [this, mode](const kb::Article &a, const QString &selected) {
        QString text;
        switch (mode) {
        case ArticleView::Insert::Link:
            text = ArticleView::linkText(a);
            break;
        case ArticleView::Insert::Excerpt:
            text = selected.trimmed().isEmpty() ? ArticleView::firstParagraph(a) : selected.trimmed();
            break;
        case ArticleView::Insert::Answer:
            text = ArticleView::answerText(a);
            break;
        }
        emit insertRequested(text, a.id);
    };
    if (language.isEmpty() || shown.language == language) {
        compose(shown, selection);
        return;
    }
    // The user reads another language: the translation of the same group when there is one (the selection
    // belongs to the shown language, so it is not used then).
    models::whenFinished(
        this, m_mirror->inLanguage(shown.translationGroup, language),
        [this, shown, selection, compose, language](const std::optional<kb::Article> &translation) {
            if (translation && translation->status == kb::ArticleStatus::Published) {
                compose(*translation, {});
                return;
            }
            emit notify(tr("No %1 translation of this article; inserting it as it is.").arg(language));
            compose(shown, selection);
        });
}

std::optional<ReplyDraft::Insertion> KnowledgePane::pick(QWidget *parent, models::KbMirror *mirror,
                                                         models::ApiClient *api, const Ticket *ticket)
{
    QDialog dialog(parent);
    dialog.setObjectName(u"kbPicker"_s);
    dialog.setWindowTitle(tr("Insert from the knowledge base"));
    auto *pane = new KnowledgePane(mirror, api, false, &dialog);
    pane->setTicket(ticket);
    std::optional<ReplyDraft::Insertion> picked;
    connect(pane, &KnowledgePane::insertRequested, &dialog, [&](const QString &text, const QString &id) {
        picked = ReplyDraft::Insertion{text, id};
        dialog.accept();
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(pane, 1);
    layout->addWidget(buttons);
    dialog.resize(720, 640);
    pane->focusSearch();
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return picked;
}

} // namespace relaydesk::ui

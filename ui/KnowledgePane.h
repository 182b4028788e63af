#pragma once

#include "core/Ticket.h"
#include "models/kb/KbSearchTypes.h"
#include "ui/ActionDialogs.h"
#include "ui/ArticleView.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QTabWidget;

namespace relaydesk::models {
class ApiClient;
class KbMirror;
class KbResultsModel;
} // namespace relaydesk::models

namespace relaydesk::ui {

class KbTrainerPane;

// The knowledge pane (the content of the "knowledgeDock"): search as you type (debounced, run off the UI
// thread on the mirror's index) with filters by category, language, cause and audience; ranked results with
// highlighted snippets; when nothing is typed, suggestions for the selected ticket from its diagnosis. The
// article viewer below inserts a link, an excerpt or the whole answer into a reply, in the ticket user's
// language when a translation exists. Editors (trainer, lead, admin) also get the "Manage" tab.
class KnowledgePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnowledgePane)

public:
    static constexpr int kDebounceMs = 120;

    KnowledgePane(models::KbMirror *mirror, models::ApiClient *api, bool editor, QWidget *parent = nullptr);

    // The ticket the agent is looking at (nullptr: none); drives the suggestions and the insert language.
    void setTicket(const Ticket *ticket);
    void focusSearch();

    QLineEdit *searchEdit() const { return m_search; }
    QListView *resultsView() const { return m_results; }
    models::KbResultsModel *results() const { return m_model; }
    ArticleView *articleView() const { return m_view; }
    KbTrainerPane *trainerPane() const { return m_trainer; } // nullptr unless editor
    bool isShowingSuggestions() const { return m_showingSuggestions; }
    // Opens an article in the viewer (from the mirror).
    void openArticle(const QString &id);

    // A modal picker over the same search (the reply composer's "Insert from knowledge base…"): the text and
    // article the agent inserted, or nothing when closed.
    static std::optional<ReplyDraft::Insertion> pick(QWidget *parent, models::KbMirror *mirror,
                                                     models::ApiClient *api, const Ticket *ticket);

signals:
    // Put `text` into a reply to the selected ticket; `articleId` is what was inserted (for kb_articles).
    void insertRequested(const QString &text, const QString &articleId);
    void notify(const QString &message);

private:
    void runQuery();
    void showHits(const QList<models::KbHit> &hits, bool suggestions);
    void refillCategories();
    void onInsert(ArticleView::Insert mode, const QString &selection);
    QString userLanguage() const;

    models::KbMirror *m_mirror;
    models::ApiClient *m_api;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_search;
    QComboBox *m_category;
    QComboBox *m_language;
    QComboBox *m_cause;
    QComboBox *m_audience;
    QLabel *m_header;
    QListView *m_results;
    models::KbResultsModel *m_model;
    ArticleView *m_view;
    KbTrainerPane *m_trainer = nullptr;
    QTimer m_debounce;
    std::optional<Ticket> m_ticket;
    quint64 m_generation = 0;
    bool m_showingSuggestions = false;
};

} // namespace relaydesk::ui

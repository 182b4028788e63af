#pragma once

#include "core/kb/Article.h"
#include "models/ApiClient.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace relaydesk::models {
class KbMirror;
}

namespace relaydesk::ui {

class ArticleBrowser;
class KbArticleEditor;

// The trainers' side of the knowledge pane ("Manage" tab; trainers, leads and admins): every mirrored
// article (drafts and archived too) in a category tree, a preview, new / edit / publish / archive, the
// version history with diff and restore, and per-article usage feedback (inserted into replies / tickets then
// resolved, from GET /kb/usage).
class KbTrainerPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KbTrainerPane)

public:
    KbTrainerPane(models::KbMirror *mirror, models::ApiClient *api, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    std::optional<kb::Article> selectedArticle() const;
    // Selects the article in the tree (after the next refresh when it is not there yet).
    void selectArticle(const QString &id);
    // Opens the editor on the selected article (or a new one); returns it so tests can drive it.
    KbArticleEditor *editSelected();
    KbArticleEditor *createNew();
    void publishSelected();
    void archiveSelected();
    void showHistory();
    void refreshUsage();
    // A reply or a resolve may have changed the usage counts: read them again soon (coalesced; at once when
    // the pane is next shown if it is hidden now).
    void usageMayHaveChanged();

signals:
    void notify(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void reload();
    void onSelection();
    void statusChange(bool publish);
    void showUsage();

    models::KbMirror *m_mirror;
    models::ApiClient *m_api;
    QTreeWidget *m_tree;
    ArticleBrowser *m_preview;
    QLabel *m_facts;
    QLabel *m_usage;
    QPushButton *m_edit;
    QPushButton *m_publish;
    QPushButton *m_archive;
    QPushButton *m_history;
    QHash<QString, kb::Article> m_articles;
    QHash<QString, models::KbUsageCount> m_usageById;
    QString m_pendingSelection;
    bool m_usageLoaded = false;
    bool m_usageStale = false;
    QTimer *m_usageTimer;
};

} // namespace relaydesk::ui

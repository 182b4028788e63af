#pragma once

#include "core/kb/Article.h"
#include "models/ApiClient.h"

#include <QDialog>
#include <QTimer>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace relaydesk::ui {

class ArticleBrowser;

// Edits one KB article (or a new one) with a live preview. Save sends the whole article with the version it
// was opened at (PUT, base_version; POST for a new one). When someone else saved in between (409
// version_conflict) nothing is overwritten silently: the trainer reloads their version, or reviews it and
// then overwrites it on purpose.
class KbArticleEditor final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KbArticleEditor)

public:
    enum class ConflictChoice
    {
        Reload,
        Overwrite,
        Cancel
    };

    // `article.version` 0: a new article.
    KbArticleEditor(models::ApiClient *api, const kb::Article &article, QWidget *parent = nullptr);

    // The article as currently filled in (id, group from the fields; version = the base version).
    kb::Article current() const;
    void setField(const QString &objectName, const QString &text); // tests and scripted edits
    void save();
    bool isSaving() const { return m_saving; }
    ArticleBrowser *preview() const { return m_preview; }
    // Decides a version conflict; the default asks with a dialog showing the other version. Tests replace it.
    void setConflictResolver(std::function<ConflictChoice(const kb::Article &theirs)> resolver)
    {
        m_resolver = std::move(resolver);
    }

signals:
    void saved(const kb::Article &article);
    void failed(const QString &message);

private:
    void load(const kb::Article &article);
    void onConflict();
    ConflictChoice askConflict(const kb::Article &theirs);
    void setBusy(bool busy);

    models::ApiClient *m_api;
    kb::Article m_base;
    QLineEdit *m_group;
    QComboBox *m_language;
    QLineEdit *m_title;
    QPlainTextEdit *m_body;
    QLineEdit *m_category;
    QLineEdit *m_tags;
    QListWidget *m_causes;
    QLineEdit *m_errorCodes;
    QLineEdit *m_appVersions;
    QComboBox *m_audience;
    QComboBox *m_status;
    ArticleBrowser *m_preview;
    QLabel *m_message;
    QPushButton *m_save;
    QTimer m_previewTimer;
    std::function<ConflictChoice(const kb::Article &)> m_resolver;
    bool m_saving = false;
};

} // namespace relaydesk::ui

#pragma once

#include "core/kb/Article.h"
#include "models/ApiClient.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTextEdit;

namespace relaydesk::ui {

// The versions of one KB article, newest first: pick two to see the server's diff (title and body hunks as
// coloured plain text, changed fields listed), or one to restore it as a new version.
class KbHistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KbHistoryDialog)

public:
    KbHistoryDialog(models::ApiClient *api, const kb::Article &article, QWidget *parent = nullptr);

    QListWidget *versionList() const { return m_versions; }
    QTextEdit *diffView() const { return m_diff; }
    // Diffs the two selected versions (older first), or the selected one against the current.
    void compareSelected();
    void compare(int from, int to);
    void restoreSelected();

signals:
    void loaded();
    void diffShown();
    void restored(const kb::Article &article);

private:
    void reload();
    void showDiff(const models::KbDiff &diff);
    QList<int> selectedVersions() const;

    models::ApiClient *m_api;
    kb::Article m_article;
    QListWidget *m_versions;
    QTextEdit *m_diff;
    QLabel *m_message;
    QPushButton *m_compare;
    QPushButton *m_restore;
};

} // namespace relaydesk::ui

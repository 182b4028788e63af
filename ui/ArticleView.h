#pragma once

#include "core/kb/Article.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace relaydesk::ui {

class ArticleBrowser;

// One KB article: its title and facts as plain text, the body rendered by ArticleBrowser (safe Markdown),
// and the "Insert into reply" buttons: a link, an excerpt (the selected text, else the first paragraph) or
// the whole answer.
class ArticleView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleView)

public:
    enum class Insert
    {
        Link,
        Excerpt,
        Answer
    };
    Q_ENUM(Insert)

    explicit ArticleView(QWidget *parent = nullptr);

    void showArticle(const kb::Article &article);
    void showMessage(const QString &text); // no article: says why (plain text)
    const std::optional<kb::Article> &article() const { return m_article; }
    ArticleBrowser *browser() const { return m_browser; }
    // Whether inserting makes sense now (a ticket the agent may reply to is selected).
    void setInsertEnabled(bool enabled, const QString &why = {});

    // The texts an insert puts into the reply (plain text: the user's app shows no Markdown).
    static QString linkText(const kb::Article &article);
    static QString answerText(const kb::Article &article);
    static QString firstParagraph(const kb::Article &article);

signals:
    // `selection`: the text selected in the viewer (for Excerpt), empty when none.
    void insertRequested(relaydesk::ui::ArticleView::Insert mode, const QString &selection);

private:
    std::optional<kb::Article> m_article;
    QLabel *m_title;
    QLabel *m_facts;
    ArticleBrowser *m_browser;
    QList<QPushButton *> m_insertButtons;
    bool m_insertEnabled = false;
};

} // namespace relaydesk::ui

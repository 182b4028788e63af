#include "ArticleView.h"

#include "ArticleBrowser.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace relaydesk::ui {

using namespace Qt::StringLiterals;

ArticleView::ArticleView(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(u"kbArticleTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts = new QLabel(this);
    m_facts->setObjectName(u"kbArticleFacts"_s);
    m_facts->setTextFormat(Qt::PlainText);
    m_facts->setWordWrap(true);
    m_facts->setForegroundRole(QPalette::PlaceholderText);
    m_browser = new ArticleBrowser(this);
    m_browser->setObjectName(u"kbArticleBody"_s);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Insert into reply:"), this));
    const std::tuple<Insert, QString, QString, QString> kinds[] = {
        {Insert::Link, tr("&Link"), u"kbInsertLink"_s, tr("The article's title and reference")},
        {Insert::Excerpt, tr("E&xcerpt"), u"kbInsertExcerpt"_s,
         tr("The selected text, or else the first paragraph")},
        {Insert::Answer, tr("&Whole answer"), u"kbInsertAnswer"_s, tr("The whole article as plain text")}};
    for (const auto &[mode, text, name, tip] : kinds) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(name);
        button->setToolTip(tip);
        connect(button, &QPushButton::clicked, this, [this, mode = mode] {
            emit insertRequested(
                mode, m_browser->textCursor().selectedText().replace(QChar::ParagraphSeparator, u'\n'));
        });
        buttons->addWidget(button);
        m_insertButtons.append(button);
    }
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(m_browser, 1);
    layout->addLayout(buttons);
    showMessage(tr("Pick an article to read it here."));
}

void ArticleView::showArticle(const kb::Article &article)
{
    m_article = article;
    m_title->setText(article.title);
    QStringList facts{article.category, article.language,
                      article.audience == kb::Audience::User ? tr("user-facing") : tr("agents only")};
    if (article.status != kb::ArticleStatus::Published)
        facts << (article.status == kb::ArticleStatus::Draft ? tr("draft") : tr("archived"));
    if (!article.errorCodes.isEmpty())
        facts << article.errorCodes.join(u", "_s);
    if (!article.appVersions.isEmpty())
        facts << tr("app %1").arg(article.appVersions);
    facts << tr("version %1").arg(article.version);
    m_facts->setText(facts.join(u" · "_s));
    m_browser->showMarkdown(article.body);
    setInsertEnabled(m_insertEnabled);
}

void ArticleView::showMessage(const QString &text)
{
    m_article.reset();
    m_title->setText(text);
    m_facts->clear();
    m_browser->clear();
    setInsertEnabled(m_insertEnabled);
}

void ArticleView::setInsertEnabled(bool enabled, const QString &why)
{
    m_insertEnabled = enabled;
    for (QPushButton *b : std::as_const(m_insertButtons)) {
        b->setEnabled(enabled && m_article.has_value());
        if (!why.isEmpty() || enabled)
            b->setStatusTip(why);
    }
}

QString ArticleView::linkText(const kb::Article &article)
{
    return tr("%1 (help article %2)").arg(article.title, article.id);
}

QString ArticleView::answerText(const kb::Article &article)
{
    QTextDocument document;
    document.setMarkdown(article.body, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                                       QTextDocument::MarkdownNoHTML));
    return document.toPlainText().trimmed();
}

QString ArticleView::firstParagraph(const kb::Article &article)
{
    const QStringList paragraphs = answerText(article).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &p : paragraphs) {
        const QString text = p.trimmed();
        // The first real paragraph: not the title repeated as a heading, not a one-word line.
        if (text.size() >= 20 && text != article.title.trimmed())
            return text;
    }
    return paragraphs.isEmpty() ? QString() : paragraphs.first().trimmed();
}

} // namespace relaydesk::ui

#include "ArticleBrowser.h"

#include <QDesktopServices>
#include <QMessageBox>

namespace relaydesk::ui {

using namespace Qt::StringLiterals;

ArticleBrowser::ArticleBrowser(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    setUndoRedoEnabled(false);
    document()->setDocumentMargin(8);
    connect(this, &QTextBrowser::anchorClicked, this, &ArticleBrowser::onAnchorClicked);
}

void ArticleBrowser::showMarkdown(const QString &markdown)
{
    m_refused.clear();
    document()->clear();
    document()->setMarkdown(markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                                      QTextDocument::MarkdownNoHTML));
    moveCursor(QTextCursor::Start);
}

QVariant ArticleBrowser::loadResource(int, const QUrl &name)
{
    // Nothing remote, nothing from disk, nothing from resources: an article is text.
    if (m_refused.size() < 1000)
        m_refused.append(name);
    return {};
}

void ArticleBrowser::onAnchorClicked(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const bool openable =
        url.isValid() && (scheme == "http"_L1 || scheme == "https"_L1 || scheme == "mailto"_L1);
    if (!openable) {
        QMessageBox box(QMessageBox::Information, tr("Link not opened"),
                        tr("This link cannot be opened from the knowledge base:\n%1")
                            .arg(url.toDisplayString().left(2000)),
                        QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        if (!m_confirm)
            box.exec();
        return;
    }
    bool yes = false;
    if (m_confirm) {
        yes = m_confirm(url);
    } else {
        QMessageBox box(QMessageBox::Question, tr("Open link"),
                        tr("Open this address in your browser?\n\n%1").arg(url.toDisplayString().left(2000)),
                        QMessageBox::Open | QMessageBox::Cancel, this);
        box.setTextFormat(Qt::PlainText);
        box.setDefaultButton(QMessageBox::Cancel);
        yes = box.exec() == QMessageBox::Open;
    }
    if (!yes)
        return;
    if (m_open)
        m_open(url);
    else
        QDesktopServices::openUrl(url);
    emit linkOpened(url);
}

} // namespace relaydesk::ui

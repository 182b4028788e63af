#pragma once

#include <QTextBrowser>
#include <QUrl>

#include <functional>

namespace relaydesk::ui {

// Shows a KB article's Markdown safely. Raw HTML in the Markdown is never interpreted (it is shown as text:
// MarkdownNoHTML), no resource is ever loaded (images, style sheets: loadResource() answers nothing, whatever
// the URL, and remembers what was refused), and links are never followed by the browser itself: a click
// asks the user, showing the full URL, and only then hands http(s)/mailto URLs to the desktop.
class ArticleBrowser final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleBrowser)

public:
    explicit ArticleBrowser(QWidget *parent = nullptr);

    void showMarkdown(const QString &markdown);
    QVariant loadResource(int type, const QUrl &name) override;

    // What the document asked to load and got nothing for (tests check that nothing is fetched).
    const QList<QUrl> &refusedResources() const { return m_refused; }
    // Asks whether to open a clicked link; the default shows a question box with the URL. Tests replace it.
    void setLinkConfirmer(std::function<bool(const QUrl &)> confirm) { m_confirm = std::move(confirm); }
    // Replaces QDesktopServices::openUrl (tests).
    void setLinkOpener(std::function<void(const QUrl &)> open) { m_open = std::move(open); }

signals:
    // A link the user confirmed and that was handed to the desktop.
    void linkOpened(const QUrl &url);

private:
    void onAnchorClicked(const QUrl &url);

    QList<QUrl> m_refused;
    std::function<bool(const QUrl &)> m_confirm;
    std::function<void(const QUrl &)> m_open;
};

} // namespace relaydesk::ui

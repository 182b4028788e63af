// Drives the real console window's knowledge pane on an embedded service (signed in as the local admin, so
// trainer mode is on): F2 opens the dock, a two-character Chinese query and an English one show ranked
// results, an article with raw HTML and remote images renders as text and loads nothing, "Insert into reply"
// fills the composer of a claimed ticket and the service records the KB usage, and an article created and
// published in trainer mode shows up in the search.
#include "app/relaydesk/Console.h"
#include "models/ApiClient.h"
#include "models/KbMirror.h"
#include "models/KbResultsModel.h"
#include "models/SyncEngine.h"
#include "models/TicketActions.h"
#include "models/TicketTableModel.h"
#include "ui/ActionBar.h"
#include "ui/ArticleBrowser.h"
#include "ui/ArticleView.h"
#include "ui/KbArticleEditor.h"
#include "ui/KbHistoryDialog.h"
#include "ui/KbTrainerPane.h"
#include "ui/KnowledgePane.h"
#include "ui/MainWindow.h"
#include "ui/TicketListPane.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTimer>

using namespace relaydesk;
using namespace Qt::StringLiterals;

namespace {

QStringList resultIds(const QListView *view)
{
    QStringList ids;
    for (int r = 0; r < view->model()->rowCount(); ++r)
        ids << view->model()->index(r, 0).data(models::KbResultsModel::IdRole).toString();
    return ids;
}

template <typename T>
std::optional<T> call(std::function<void(std::function<void(models::ApiResult<T>)>)> start)
{
    std::optional<models::ApiResult<T>> result;
    start([&result](models::ApiResult<T> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return std::nullopt;
    if (!result->ok())
        qWarning() << "API call failed:" << result->error.message;
    return result->value;
}

// Types like a person: Latin letters as key clicks, Chinese as an input method commits it.
void typeQuery(QLineEdit *search, const QString &text)
{
    search->clear();
    bool latin = true;
    for (const QChar c : text)
        latin = latin && c.unicode() < 128;
    if (latin) {
        QTest::keyClicks(search, text);
    } else {
        QInputMethodEvent commit;
        commit.setCommitString(text);
        QApplication::sendEvent(search, &commit);
    }
    QCOMPARE(search->text(), text);
}

} // namespace

class TestKbGui final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"RelaydeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_kb_gui"_s);
        QSettings().clear();
    }

    void searchOpenInsertAndTrainerPublish()
    {
        QTemporaryDir dir;
        app::ConsoleOptions options;
        options.dataDir = dir.path();
        options.demo = true;
        options.demoRate = 50;
        options.demoCount = 20;
        options.seed = 7;
        app::Console console(options);
        QString error;
        QVERIFY2(console.start(&error), qPrintable(error));
        ui::MainWindow *window = console.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(console.role(), Role::Admin);
        models::KbMirror *mirror = console.kb();
        QVERIFY(mirror);
        QTRY_VERIFY_WITH_TIMEOUT(mirror->isOpen() && mirror->articleCount() >= 40 && !mirror->isSyncing(),
                                 60000);

        // An article whose body tries raw HTML, a script and remote images.
        kb::Article unsafe;
        unsafe.translationGroup = u"html-safety-check"_s;
        unsafe.language = u"en"_s;
        unsafe.id = u"html-safety-check.en"_s;
        unsafe.title = u"Htmlsafetycheck sample answer"_s;
        unsafe.body =
            u"Restart the htmlsafetycheck app first.\n\n<script>alert('x')</script>\n\n"
            "<img src=\"http://example.invalid/tracker.png\">\n\n"
            "![remote](http://example.invalid/picture.png)\n\n[Status page](https://status.example.invalid/)\n"_s;
        unsafe.category = u"Testing/Safety"_s;
        unsafe.audience = kb::Audience::User;
        unsafe.status = kb::ArticleStatus::Published;
        QVERIFY(call<kb::ArticleRecord>([&](auto done) { console.api()->createKbArticle(unsafe, done); }));

        // F2 opens the dock with the search field focused.
        QDockWidget *dock = window->findChild<QDockWidget *>(u"knowledgeDock"_s);
        QVERIFY(dock);
        QVERIFY(dock->isHidden());
        window->activateWindow();
        QTest::keyClick(window, Qt::Key_F2);
        QTRY_VERIFY(dock->isVisible());
        auto *search = dock->findChild<QLineEdit *>(u"kbSearch"_s);
        auto *results = dock->findChild<QListView *>(u"kbResults"_s);
        QVERIFY(search && results);
        QTRY_VERIFY(search->hasFocus());

        // A two-character Chinese query: ranked results, the matching article near the top, snippets marked.
        typeQuery(search, u"文件"_s);
        QTRY_VERIFY_WITH_TIMEOUT(resultIds(results).mid(0, 3).contains(u"attachment-too-large.zh_CN"_s),
                                 10000);
        QVERIFY(results->model()
                    ->index(0, 0)
                    .data(models::KbResultsModel::SnippetHtmlRole)
                    .toString()
                    .contains(u"<b>"_s));
        auto *header = dock->findChild<QLabel *>(u"kbResultsHeader"_s);
        QVERIFY(header->text().contains(QString::number(results->model()->rowCount())));

        // English, once the unsafe article has reached the mirror through the stream.
        typeQuery(search, u"htmlsafetycheck"_s);
        QTRY_VERIFY_WITH_TIMEOUT(resultIds(results).value(0) == unsafe.id, 20000);
        results->setCurrentIndex(results->model()->index(0, 0));
        ui::ArticleView *view = window->knowledgePane()->articleView();
        auto *title = dock->findChild<QLabel *>(u"kbArticleTitle"_s);
        QTRY_COMPARE_WITH_TIMEOUT(title->text(), unsafe.title, 10000);
        ui::ArticleBrowser *body = view->browser();
        const QString shown = body->toPlainText();
        QVERIFY2(shown.contains(u"<script>alert('x')</script>"_s), qPrintable(shown)); // text, not a script
        QVERIFY(shown.contains(u"<img src=\"http://example.invalid/tracker.png\">"_s));
        QVERIFY(!body->toHtml().contains(u"<script"_s));
        // The Markdown image was asked for and refused: nothing is fetched, nothing is shown.
        QVERIFY(body->refusedResources().contains(QUrl(u"http://example.invalid/picture.png"_s)));
        QVERIFY(!body->refusedResources().contains(QUrl(u"http://example.invalid/tracker.png"_s)));
        // Links open only after the agent confirms the address.
        QList<QUrl> asked;
        QList<QUrl> opened;
        body->setLinkConfirmer([&asked](const QUrl &url) {
            asked << url;
            return false;
        });
        body->setLinkOpener([&opened](const QUrl &url) { opened << url; });
        emit body->anchorClicked(QUrl(u"https://status.example.invalid/"_s));
        QCOMPARE(asked.size(), 1);
        QVERIFY(opened.isEmpty());
        body->setLinkConfirmer([](const QUrl &) { return true; });
        emit body->anchorClicked(QUrl(u"https://status.example.invalid/"_s));
        QCOMPARE(opened, QList<QUrl>{QUrl(u"https://status.example.invalid/"_s)});
        emit body->anchorClicked(QUrl(u"file:///etc/passwd"_s)); // never handed to the desktop
        QCOMPARE(opened.size(), 1);

        // Insert into a reply: claim an escalated ticket first.
        models::TicketTableModel *tickets = console.tickets();
        const auto pick = [tickets]() -> const Ticket * {
            for (int r = 0; r < tickets->rowCount(); ++r) {
                const Ticket *t = tickets->ticketAt(r);
                if (t->status == TicketStatus::Escalated && t->assignee.isEmpty())
                    return t;
            }
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(pick() != nullptr, 90000);
        const qint64 ticketId = pick()->id;
        window->ticketListPane()->selectTicket(ticketId);
        QTest::keyClick(window->ticketListPane()->view(), Qt::Key_C);
        QTRY_COMPARE_WITH_TIMEOUT(tickets->ticket(ticketId)->assignee, u"admin"_s, 10000);
        auto *insert = dock->findChild<QPushButton *>(u"kbInsertAnswer"_s);
        QTRY_VERIFY(insert->isEnabled());

        QString composed;
        QString withTemplate;
        bool dialogSeen = false;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QWidget *dialog = QApplication::activeModalWidget();
            dialogSeen = dialog->objectName() == u"replyDialog"_s;
            composed = dialog->findChild<QPlainTextEdit *>(u"replyBody"_s)->toPlainText();
            // Choosing a template afterwards keeps the inserted text below the template's.
            dialog->findChild<QComboBox *>(u"replyTemplate"_s)->setCurrentIndex(1);
            withTemplate = dialog->findChild<QPlainTextEdit *>(u"replyBody"_s)->toPlainText();
            dialog->findChild<QLineEdit *>(u"replyTitle"_s)->setText(u"About your message"_s);
            QMetaObject::invokeMethod(dialog, "accept", Qt::QueuedConnection);
        });
        QTest::mouseClick(insert, Qt::LeftButton);
        QVERIFY(dialogSeen);
        QVERIFY2(composed.contains(u"Restart the htmlsafetycheck app first."_s), qPrintable(composed));
        QVERIFY(withTemplate.size() > composed.size());
        QVERIFY2(withTemplate.endsWith(composed.trimmed()), qPrintable(withTemplate));
        QTRY_VERIFY_WITH_TIMEOUT(!console.actions()->isPending(ticketId, models::TicketActions::Kind::Reply),
                                 20000);
        QTRY_COMPARE_WITH_TIMEOUT(tickets->ticket(ticketId)->status, TicketStatus::WaitingUser, 20000);
        // The service counted the article as inserted into a reply.
        const auto usage =
            call<QList<models::KbUsageCount>>([&](auto done) { console.api()->fetchKbUsage(done); });
        QVERIFY(usage.has_value());
        const auto counted = std::find_if(usage->begin(), usage->end(),
                                          [&](const models::KbUsageCount &u) { return u.id == unsafe.id; });
        QVERIFY2(counted != usage->end(), "the reply's kb_articles reached the service");
        QCOMPARE(counted->inserted, 1);

        // The composer's own "Insert from knowledge base…": a picker over the same search; the link comes in
        // the ticket user's language (the translation of the picked English article when the user reads
        // Chinese).
        const QString userLanguage =
            tickets->ticket(ticketId)->userLocale.startsWith(u"zh"_s) ? u"zh_CN"_s : u"en"_s;
        QString pickedBody;
        bool pickerSeen = false;
        QTimer::singleShot(0, this, [&] {
            QWidget *reply = QApplication::activeModalWidget();
            if (!reply || reply->objectName() != u"replyDialog"_s)
                return;
            QTimer::singleShot(0, this, [&] {
                QWidget *picker = QApplication::activeModalWidget();
                if (!picker || picker->objectName() != u"kbPicker"_s)
                    return;
                pickerSeen = true;
                auto *pane = picker->findChild<ui::KnowledgePane *>();
                typeQuery(pane->searchEdit(), u"attachment"_s);
                QTRY_VERIFY(pane->results()->rowOf(u"attachment-too-large.en"_s) >= 0);
                pane->resultsView()->setCurrentIndex(
                    pane->results()->index(pane->results()->rowOf(u"attachment-too-large.en"_s)));
                QTRY_VERIFY(pane->articleView()->article() &&
                            pane->articleView()->article()->id == u"attachment-too-large.en"_s);
                QTest::mouseClick(picker->findChild<QPushButton *>(u"kbInsertLink"_s), Qt::LeftButton);
            });
            QTest::mouseClick(reply->findChild<QPushButton *>(u"replyInsertKb"_s), Qt::LeftButton);
            pickedBody = reply->findChild<QPlainTextEdit *>(u"replyBody"_s)->toPlainText();
            QMetaObject::invokeMethod(reply, "reject", Qt::QueuedConnection);
        });
        window->actionBar()->trigger(models::TicketActions::Kind::Reply);
        QVERIFY(pickerSeen);
        QVERIFY2(pickedBody.contains(u"attachment-too-large."_s + userLanguage), qPrintable(pickedBody));

        // Trainer mode: a new draft is not in the agents' search until it is published.
        auto *tabs = dock->findChild<QTabWidget *>(u"kbTabs"_s);
        QVERIFY(tabs);
        tabs->setCurrentIndex(1);
        ui::KbTrainerPane *trainer = window->knowledgePane()->trainerPane();
        QVERIFY(trainer);
        ui::KbArticleEditor *editor = trainer->createNew();
        QVERIFY(editor && editor->objectName() == u"kbEditor"_s);
        editor->setField(u"kbEditGroup"_s, u"trainer-made"_s);
        editor->setField(u"kbEditTitle"_s, u"Trainerword walkthrough"_s);
        editor->setField(u"kbEditCategory"_s, u"Testing/Trainer"_s);
        editor->setField(u"kbEditBody"_s, u"# Steps\n\nThe trainerword steps, **bold**."_s);
        QTRY_VERIFY(
            editor->preview()->toPlainText().contains(u"The trainerword steps, bold."_s)); // live preview
        QSignalSpy saved(editor, &ui::KbArticleEditor::saved);
        editor->save();
        QVERIFY(saved.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(
            trainer->selectedArticle() && trainer->selectedArticle()->id == u"trainer-made.en"_s, 20000);
        QCOMPARE(trainer->selectedArticle()->status, kb::ArticleStatus::Draft);
        tabs->setCurrentIndex(0);
        typeQuery(search, u"trainerword"_s);
        // The draft is mirrored for the trainer but the search (published only) answers with nothing.
        QTRY_COMPARE_WITH_TIMEOUT(header->text(), u"No matches."_s, 10000);
        QVERIFY(!resultIds(results).contains(u"trainer-made.en"_s));

        // Someone else edits it meanwhile: saving is refused and the trainer chooses to reload.
        kb::Article theirs = trainer->selectedArticle().value();
        theirs.body += u"\n\nAdded by a colleague."_s;
        QVERIFY(call<kb::ArticleRecord>([&](auto done) { console.api()->updateKbArticle(theirs, 1, done); }));
        editor->setField(u"kbEditBody"_s, u"My concurrent change."_s);
        int asked409 = 0;
        editor->setConflictResolver([&asked409](const kb::Article &other) {
            ++asked409;
            return other.version == 2 ? ui::KbArticleEditor::ConflictChoice::Reload
                                      : ui::KbArticleEditor::ConflictChoice::Cancel;
        });
        editor->save();
        QTRY_COMPARE_WITH_TIMEOUT(asked409, 1, 10000);
        QTRY_VERIFY(editor->findChild<QPlainTextEdit *>(u"kbEditBody"_s)
                        ->toPlainText()
                        .contains(u"Added by a colleague."_s));
        editor->close();

        // Publish from the Manage tab; the agents' search then finds it.
        QTRY_VERIFY_WITH_TIMEOUT(trainer->selectedArticle() && trainer->selectedArticle()->version == 2,
                                 20000);
        trainer->publishSelected();
        tabs->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(resultIds(results).contains(u"trainer-made.en"_s), 20000);

        // History: two versions and more, a diff of the first two in coloured plain text.
        tabs->setCurrentIndex(1);
        trainer->selectArticle(u"trainer-made.en"_s);
        trainer->showHistory();
        auto *history = window->findChild<ui::KbHistoryDialog *>(u"kbHistory"_s);
        QVERIFY(history);
        QTRY_VERIFY_WITH_TIMEOUT(history->versionList()->count() >= 3, 10000); // created, edited, published
        QSignalSpy diffShown(history, &ui::KbHistoryDialog::diffShown);
        history->compare(1, 2);
        QVERIFY(diffShown.wait(10000));
        QVERIFY2(history->diffView()->toPlainText().contains(u"+ Added by a colleague."_s),
                 qPrintable(history->diffView()->toPlainText()));
        history->close();

        // Usage feedback shows for the inserted article.
        trainer->selectArticle(unsafe.id);
        auto *usageLabel = trainer->findChild<QLabel *>(u"kbUsage"_s);
        trainer->refreshUsage();
        QTRY_VERIFY_WITH_TIMEOUT(usageLabel->text().contains(u"1 reply"_s), 10000);
    }

    // The Manage tab's usage line follows what agents do: a reply that quotes the article and the ticket's
    // resolve update it without any article edit (nothing calls refreshUsage() here).
    void usageFollowsRepliesAndResolves()
    {
        QTemporaryDir dir;
        app::ConsoleOptions options;
        options.dataDir = dir.path();
        options.demo = true;
        options.demoRate = 50;
        options.demoCount = 12;
        options.seed = 11;
        app::Console console(options);
        QString error;
        QVERIFY2(console.start(&error), qPrintable(error));
        ui::MainWindow *window = console.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        models::KbMirror *mirror = console.kb();
        QTRY_VERIFY_WITH_TIMEOUT(mirror->isOpen() && mirror->articleCount() >= 40 && !mirror->isSyncing(), 60000);
        QDockWidget *dock = window->findChild<QDockWidget *>(u"knowledgeDock"_s);
        window->activateWindow();
        QTest::keyClick(window, Qt::Key_F2);
        QTRY_VERIFY(dock->isVisible());
        dock->findChild<QTabWidget *>(u"kbTabs"_s)->setCurrentIndex(1);
        ui::KbTrainerPane *trainer = window->knowledgePane()->trainerPane();
        const QString article = u"attachment-too-large.en"_s;
        QTRY_VERIFY_WITH_TIMEOUT((trainer->selectArticle(article), trainer->selectedArticle().has_value()), 20000);
        auto *usage = trainer->findChild<QLabel *>(u"kbUsage"_s);
        // (Tests load no translation: the source texts' plural forms read "reply(ies)", "ticket(s)".)
        QTRY_VERIFY2_WITH_TIMEOUT(usage->text().startsWith(u"Inserted into 0 repl"_s), qPrintable(usage->text()), 10000);

        models::TicketTableModel *tickets = console.tickets();
        const auto pick = [tickets]() -> const Ticket * {
            for (int r = 0; r < tickets->rowCount(); ++r) {
                const Ticket *t = tickets->ticketAt(r);
                if (t->status == TicketStatus::Escalated && t->assignee.isEmpty())
                    return t;
            }
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(pick() != nullptr, 90000);
        const qint64 ticketId = pick()->id;
        window->ticketListPane()->selectTicket(ticketId);
        QTest::keyClick(window->ticketListPane()->view(), Qt::Key_C);
        QTRY_COMPARE_WITH_TIMEOUT(tickets->ticket(ticketId)->assignee, u"admin"_s, 10000);

        // Reply with the article inserted (the knowledge pane's "Insert into reply" path).
        QTimer::singleShot(0, this, [] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QWidget *dialog = QApplication::activeModalWidget();
            dialog->findChild<QLineEdit *>(u"replyTitle"_s)->setText(u"About your attachment"_s);
            QMetaObject::invokeMethod(dialog, "accept", Qt::QueuedConnection);
        });
        window->actionBar()->replyWith(u"Send a smaller file."_s, article);
        QTRY_COMPARE_WITH_TIMEOUT(tickets->ticket(ticketId)->status, TicketStatus::WaitingUser, 20000);
        QTRY_VERIFY2_WITH_TIMEOUT(usage->text().startsWith(u"Inserted into 1 repl"_s), qPrintable(usage->text()), 20000);
        QVERIFY2(usage->text().contains(u"0 of those ticket"_s), qPrintable(usage->text()));

        // Resolve it: the article now helped resolve one ticket.
        QTimer::singleShot(0, this, [] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QMetaObject::invokeMethod(QApplication::activeModalWidget(), "accept", Qt::QueuedConnection);
        });
        window->actionBar()->trigger(models::TicketActions::Kind::Resolve);
        QTRY_COMPARE_WITH_TIMEOUT(tickets->ticket(ticketId)->status, TicketStatus::Resolved, 20000);
        QTRY_VERIFY2_WITH_TIMEOUT(usage->text().contains(u"1 of those ticket"_s), qPrintable(usage->text()), 20000);
    }
};

QTEST_MAIN(TestKbGui)
#include "tst_kb_gui.moc"

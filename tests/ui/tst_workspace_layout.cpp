// The ticket workspace as an agent sees it, measured on the real window in English and Simplified Chinese on
// the screen CTest configures (offscreen, 1400x860 or 1280x720: tests/ui/offscreen-*.json): the device log's
// Message column gets the room (>= 60 characters of real log text, the widest thing in the workspace), fixed
// columns fit their content, the ticket list is compact and collapsible, the diagnosis is readable, times keep
// their seconds, F2 shares the window's space, and every window fits the screen.
#include "app/relaydesk/Console.h"
#include "models/LogTableModel.h"
#include "models/TicketDetailLoader.h"
#include "models/TicketTableModel.h"
#include "models/TimelineModel.h"
#include "ui/ChartCard.h"
#include "ui/DashboardWindow.h"
#include "ui/DiagnosisPane.h"
#include "ui/LogPane.h"
#include "ui/LogView.h"
#include "ui/MainWindow.h"
#include "ui/QueuePane.h"
#include "ui/TicketDetailPane.h"
#include "ui/TicketListPane.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QLibraryInfo>
#include <QListWidget>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace relaydesk;
using namespace Qt::StringLiterals;

namespace {

// The console's translation (and Qt's) for one test row, removed again afterwards.
class Language final
{
    Q_DISABLE_COPY_MOVE(Language)

public:
    explicit Language(const QString &name)
    {
        QLocale::setDefault(QLocale(name));
        if (m_ours.load(QLocale(name), u"relaydesk"_s, u"_"_s, u":/relaydesk/i18n"_s))
            QCoreApplication::installTranslator(&m_ours);
        if (m_qt.load(QLocale(name), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
    }
    ~Language()
    {
        QCoreApplication::removeTranslator(&m_ours);
        QCoreApplication::removeTranslator(&m_qt);
        QLocale::setDefault(QLocale::c());
    }
    bool loaded() const { return !m_ours.isEmpty(); }

private:
    QTranslator m_ours;
    QTranslator m_qt;
};

// What an item view adds around a cell's text (the delegates' margins on both sides).
int cellPadding(const QWidget *view)
{
    return 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
}

int headerPadding(const QHeaderView *header)
{
    return 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
}

// The part of a log column inside the view's viewport, in pixels.
int visibleWidth(const ui::LogView *view, int column)
{
    if (view->isColumnHidden(column))
        return 0;
    const QHeaderView *header = view->horizontalHeader();
    const int left = header->sectionViewportPosition(column);
    const int right = left + header->sectionSize(column);
    return qMax(0, qMin(right, view->viewport()->width()) - qMax(left, 0));
}

bool inside(const QRect &outer, const QRect &inner) { return outer.contains(inner); }

QString rectText(const QRect &r) { return u"%1,%2 %3x%4"_s.arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height()); }

} // namespace

class TestWorkspaceLayout final : public QObject
{
    Q_OBJECT

private:
    QScreen *m_screen = nullptr;

    static app::ConsoleOptions demoOptions(const QString &dataDir)
    {
        app::ConsoleOptions o;
        o.dataDir = dataDir;
        o.demo = true;
        o.demoRate = 50;
        o.demoCount = 16;
        o.seed = 7;
        return o;
    }

    // An escalated Android ticket (logcat: every fixed column is in use) whose log has loaded.
    static qint64 openLoggedTicket(app::Console &console)
    {
        auto *model = console.tickets();
        const auto pick = [model]() -> qint64 {
            for (int r = 0; r < model->rowCount(); ++r) {
                const Ticket *t = model->ticketAt(r);
                if (t->platform == Platform::Android && t->diagnosis && !t->diagnosis->evidence.isEmpty())
                    return t->id;
            }
            return 0;
        };
        if (!QTest::qWaitFor([&] { return pick() != 0; }, 90000))
            return 0;
        const qint64 id = pick();
        console.window()->ticketListPane()->selectTicket(id);
        models::LogTableModel *lines = console.window()->detailPane()->logPane()->model();
        if (!QTest::qWaitFor([&] { return lines->isIndexed() && lines->rowCount() > 30; }, 30000))
            return 0;
        return id;
    }

    // 60 characters of the log's own message text (one line's, or consecutive lines' when all are shorter).
    static QString sixtyCharsOfLog(const models::LogTableModel *lines)
    {
        QString joined;
        for (int r = 0; r < qMin(lines->rowCount(), 400); ++r) {
            const QString text = lines->index(r, models::LogTableModel::Message).data().toString();
            if (text.size() >= 60)
                return text.left(60);
            if (joined.size() < 60)
                joined += text + u' ';
        }
        return joined.left(60);
    }

    QRect available() const { return m_screen->availableGeometry(); }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"RelaydeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_workspace_layout"_s);
        m_screen = QGuiApplication::primaryScreen();
        QVERIFY(m_screen);
        const QSize size = m_screen->geometry().size();
        QVERIFY2(size == QSize(1400, 860) || size == QSize(1280, 720),
                 qPrintable(u"the offscreen screen is %1x%2: CTest passes tests/ui/offscreen-*.json"_s.arg(size.width())
                                .arg(size.height())));
        qInfo("screen %dx%d", size.width(), size.height());
    }

    void workspace_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << u"en"_s;
        QTest::newRow("zh_CN") << u"zh_CN"_s;
    }

    void workspace()
    {
        QFETCH(QString, language);
        const Language lang(language);
        QVERIFY(lang.loaded());
        QSettings().clear(); // the default layout, as a first start shows it
        QTemporaryDir dir;
        app::Console console(demoOptions(dir.path()));
        QString error;
        QVERIFY2(console.start(&error), qPrintable(error));
        ui::MainWindow *window = console.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));

        const bool onScreen = QTest::qWaitFor([&] { return inside(available(), window->frameGeometry()); }, 3000);
        const QRect opened = window->frameGeometry();
        const QSize frame = window->frameGeometry().size() - window->geometry().size();
        const QSize minimum = window->layout()->totalMinimumSize().expandedTo(window->minimumSize());
        qInfo("%s: window %s, minimum %dx%d", qPrintable(language), qPrintable(rectText(opened)), minimum.width(),
              minimum.height());

        const qint64 id = openLoggedTicket(console);
        QVERIFY2(id != 0, "an Android ticket with a diagnosis and its log");
        ui::TicketDetailPane *detail = window->detailPane();
        ui::LogView *log = detail->logPane()->view();
        const models::LogTableModel *lines = detail->logPane()->model();
        QCOMPARE(lines->format(), LogFormat::Logcat);
        const QFontMetrics logFont(log->font());
        const QString sample = sixtyCharsOfLog(lines);
        QCOMPARE(sample.size(), 60);
        const int sixty = logFont.horizontalAdvance(sample) + cellPadding(log);
        using Col = models::LogTableModel::Column;
        const auto message = [log] { return visibleWidth(log, Col::Message); };
        ui::TicketListPane *list = window->ticketListPane();
        ui::DiagnosisPane *diagnosis = detail->diagnosisPane();
        // The layout settles after the ticket opens (the columns fit the log, then the panes share the width).
        [[maybe_unused]] const bool settled = QTest::qWaitFor([&] { return message() >= sixty; }, 3000);
        QTest::qWait(500);
        qInfo("%s: Message column %d px visible, %.1f characters of the log's text (60 need %d px); list %d px, "
              "diagnosis %d px",
              qPrintable(language), message(), 60.0 * message() / sixty, sixty, list->isVisible() ? list->width() : 0,
              diagnosis->width());
        qInfo("%s: compact list wants %d px, the workspace %d px (%d with the diagnosis at its minimum), has %d px",
              qPrintable(language), list->compactWidth(), detail->preferredWidth(), detail->minimumRoomyWidth(),
              detail->width());
        // For looking at (before any check can stop the test): RELAYDESK_LAYOUT_SHOTS=DIR saves the window.
        if (const QString shots = qEnvironmentVariable("RELAYDESK_LAYOUT_SHOTS"); !shots.isEmpty())
            window->grab().save(u"%1/workspace-%2-%3x%4.png"_s.arg(shots, language).arg(m_screen->size().width())
                                    .arg(m_screen->size().height()));
        // The window opened on the screen, and its minimum fits the smallest supported screen (1280x720).
        QVERIFY2(onScreen, qPrintable(u"window %1 on screen %2"_s.arg(rectText(opened), rectText(available()))));
        QVERIFY2(minimum.width() + frame.width() <= 1280 && minimum.height() + frame.height() <= 720,
                 qPrintable(u"minimum size %1x%2"_s.arg(minimum.width()).arg(minimum.height())));
        QVERIFY2(message() >= sixty,
                     qPrintable(u"Message shows %1 px of the %2 px that 60 characters need (%3 columns of %4 px)"_s
                                    .arg(message())
                                    .arg(sixty)
                                    .arg(log->viewport()->width())
                                    .arg(log->horizontalHeader()->length())));
        QCOMPARE(log->horizontalScrollBar()->value(), 0);

        // The widest thing in the workspace: wider than every other log column, the ticket list and the diagnosis.
        for (int c = 0; c < Col::ColumnCount; ++c) {
            if (c != Col::Message)
                QVERIFY2(visibleWidth(log, c) < message(), qPrintable(u"log column %1"_s.arg(c)));
        }
        if (list->isVisible())
            QVERIFY2(list->width() < message(), qPrintable(u"ticket list %1 px"_s.arg(list->width())));
        QVERIFY2(diagnosis->width() < message(), qPrintable(u"diagnosis %1 px"_s.arg(diagnosis->width())));

        // Fixed columns fit what they show (header and the visible cells), with no more than a little slack.
        const QHeaderView *header = log->horizontalHeader();
        const QFontMetrics headerFont(header->font());
        const int visibleRows = qMin(lines->rowCount(), log->viewport()->height() / log->rowHeight());
        for (int c : {Col::Line, Col::Time, Col::Level, Col::Pid, Col::Tid}) {
            QVERIFY2(!log->isColumnHidden(c), qPrintable(u"logcat column %1 shown"_s.arg(c)));
            int content = headerFont.horizontalAdvance(lines->headerData(c, Qt::Horizontal).toString()) +
                          headerPadding(header);
            for (int r = 0; r < visibleRows; ++r)
                content = qMax(content, logFont.horizontalAdvance(lines->index(r, c).data().toString()) + cellPadding(log));
            QVERIFY2(log->columnWidth(c) >= content,
                     qPrintable(u"log column %1: %2 px for %3 px of content"_s.arg(c).arg(log->columnWidth(c)).arg(content)));
            QVERIFY2(log->columnWidth(c) <= content + 2 * logFont.averageCharWidth() + 8,
                     qPrintable(u"log column %1: %2 px for %3 px of content"_s.arg(c).arg(log->columnWidth(c)).arg(content)));
        }
        QVERIFY2(!log->isColumnHidden(Col::Tag) && visibleWidth(log, Col::Tag) > 0, "the Tag column is on screen");

        // The ticket list while a ticket is open: compact, its columns inside its viewport, each showing its
        // header and the visible rows' text.
        QTableView *table = list->view();
        if (list->isVisible()) {
            const QFontMetrics tableFont(table->font());
            const QFontMetrics tableHeaderFont(table->horizontalHeader()->font());
            int shown = 0;
            for (int c = 0; c < table->model()->columnCount(); ++c) {
                if (table->isColumnHidden(c))
                    continue;
                ++shown;
                const int x = table->columnViewportPosition(c);
                QVERIFY2(x >= 0 && x + table->columnWidth(c) <= table->viewport()->width() + 1,
                         qPrintable(u"ticket column %1 at %2+%3 of %4 px"_s.arg(c).arg(x).arg(table->columnWidth(c))
                                        .arg(table->viewport()->width())));
                const QHeaderView *columns = table->horizontalHeader();
                bool last = true;
                for (int v = columns->visualIndex(c) + 1; v < columns->count(); ++v)
                    last = last && columns->isSectionHidden(columns->logicalIndex(v));
                if (last)
                    continue; // it stretches; a long name may elide at a narrow width
                int content = tableHeaderFont.horizontalAdvance(table->model()->headerData(c, Qt::Horizontal).toString()) +
                              headerPadding(table->horizontalHeader());
                for (int r = 0; r < qMin(table->model()->rowCount(), 20); ++r)
                    content = qMax(content, tableFont.horizontalAdvance(table->model()->index(r, c).data().toString()) +
                                                cellPadding(table));
                QVERIFY2(table->columnWidth(c) >= content,
                         qPrintable(u"ticket column %1: %2 px for %3 px"_s.arg(c).arg(table->columnWidth(c)).arg(content)));
            }
            QVERIFY2(shown >= 3, "the compact list shows at least #, status and who");
        }

        // Times keep their seconds.
        const QRegularExpression seconds(u"\\d:\\d\\d:\\d\\d"_s);
        const QString updated = table->model()->index(0, models::TicketTableModel::Updated).data().toString();
        QVERIFY2(seconds.match(updated).hasMatch(), qPrintable(u"ticket list time \"%1\""_s.arg(updated)));
        QAbstractItemModel *timeline = detail->timelineView()->model();
        QTRY_VERIFY(timeline->rowCount() > 0);
        const QString when = timeline->index(0, models::TimelineModel::When).data().toString();
        QVERIFY2(seconds.match(when).hasMatch(), qPrintable(u"timeline time \"%1\""_s.arg(when)));
        QVERIFY(detail->timelineView()->columnWidth(models::TimelineModel::When) >=
                QFontMetrics(detail->timelineView()->font()).horizontalAdvance(when) + cellPadding(detail->timelineView()));

        // The diagnosis: the summary has every line it needs, the evidence list shows at least four findings.
        auto *summary = window->findChild<QLabel *>(u"diagnosisSummary"_s);
        QVERIFY(summary && summary->isVisible() && !summary->text().isEmpty());
        QVERIFY2(summary->height() >= summary->heightForWidth(summary->width()),
                 qPrintable(u"summary %1 px high, needs %2"_s.arg(summary->height()).arg(summary->heightForWidth(summary->width()))));
        QListWidget *evidence = diagnosis->evidenceList();
        QVERIFY(evidence->isVisible() && evidence->count() > 0);
        int needed = 0;
        for (int i = 0; i < qMin(4, evidence->count()); ++i) {
            const QRect r = evidence->visualItemRect(evidence->item(i));
            QVERIFY2(evidence->viewport()->rect().contains(r),
                     qPrintable(u"finding %1 at %2 in %3"_s.arg(i).arg(rectText(r), rectText(evidence->viewport()->rect()))));
            needed += r.height();
            // Wrapped, never cut short with "…": the item is as high as its text wrapped to the list's width.
            const QListWidgetItem *item = evidence->item(i);
            const QFontMetrics itemFont(item->font());
            const int wrapped = itemFont.boundingRect(QRect(0, 0, r.width() - cellPadding(evidence) - 4, 100000),
                                                      Qt::AlignLeft | Qt::TextWordWrap, item->text())
                                    .height();
            QVERIFY2(r.height() >= wrapped,
                     qPrintable(u"finding %1 is %2 px high, its text needs %3: %4"_s.arg(i).arg(r.height()).arg(wrapped)
                                    .arg(item->text())));
        }
        const int perItem = needed / qMin(4, evidence->count());
        QVERIFY2(evidence->viewport()->height() >= needed + perItem * (4 - qMin(4, evidence->count())),
                 qPrintable(u"evidence %1 px high"_s.arg(evidence->viewport()->height())));

        // The ticket list collapses with a shortcut (and the log takes its room), and comes back.
        auto *toggleList = window->findChild<QAction *>(u"toggleTicketList"_s);
        QVERIFY2(toggleList, "View → Ticket list");
        QVERIFY(!toggleList->shortcut().isEmpty());
        const bool listShown = list->isVisible();
        const int before = message();
        toggleList->trigger();
        QTRY_COMPARE(list->isVisible(), !listShown);
        QTRY_VERIFY(listShown ? message() > before : message() <= before);
        toggleList->trigger();
        QTRY_COMPARE(list->isVisible(), listShown);
        QTRY_VERIFY(message() >= sixty);

        // F2: the knowledge dock takes its room from the window's, which keeps its size on the screen.
        const QRect beforeDock = window->frameGeometry();
        QDockWidget *dock = window->knowledgeDock();
        QVERIFY(dock);
        QTest::keyClick(window, Qt::Key_F2);
        QTRY_VERIFY(dock->isVisible() && dock->width() > 0);
        QTest::qWait(200); // a window that grows does so in the next rounds of layout
        QVERIFY2(window->frameGeometry().size() == beforeDock.size() && inside(available(), window->frameGeometry()),
                 qPrintable(u"%1 became %2 with the dock"_s.arg(rectText(beforeDock), rectText(window->frameGeometry()))));
        const QSize withDock = window->layout()->totalMinimumSize();
        QVERIFY2(withDock.width() + frame.width() <= available().width(),
                 qPrintable(u"minimum width with the dock %1"_s.arg(withDock.width())));
        QVERIFY2(dock->width() >= dock->minimumSizeHint().width(), "the dock gets at least its minimum");
        QTest::keyClick(window, Qt::Key_F2);
        QTRY_VERIFY(!dock->isVisible());

        // The lead's windows open fully on the screen.
        for (const auto &[actionName, windowName] :
             {std::pair{u"actionDashboard"_s, u"dashboardWindow"_s}, std::pair{u"actionIncidents"_s, u"incidentsView"_s},
              std::pair{u"actionAlerts"_s, u"alertPanel"_s}}) {
            auto *action = window->findChild<QAction *>(actionName);
            QVERIFY2(action, qPrintable(actionName));
            action->trigger();
            auto *other = window->findChild<QWidget *>(windowName);
            QVERIFY(other);
            QVERIFY(QTest::qWaitForWindowExposed(other));
            if (auto *dashboard = qobject_cast<ui::DashboardWindow *>(other)) {
                // Measured with its charts drawn: legends and axes take their room only then.
                const auto drawn = [dashboard] {
                    int showing = 0;
                    for (const ui::ChartCard *card : dashboard->cards())
                        showing += card->isShowingChart() ? 1 : 0;
                    return showing;
                };
                QTRY_VERIFY_WITH_TIMEOUT(drawn() >= 4, 30000);
                QTest::qWait(300);
                // At the default size every card is in view; on a smaller screen the cards scroll.
                auto *scroll = dashboard->findChild<QScrollArea *>(u"dashboardScroll"_s);
                QVERIFY(scroll);
                if (available().height() >= 800)
                    QVERIFY2(!scroll->verticalScrollBar()->isVisible(), "the dashboard's cards scroll at 1400x860");
            }
            QTRY_VERIFY2(inside(available(), other->frameGeometry()),
                         qPrintable(u"%1 at %2 on %3"_s.arg(windowName, rectText(other->frameGeometry()), rectText(available()))));
            // Its minimum fits with a window manager's frame around it (offscreen has none; openbox adds a title
            // bar and borders: without room for them the title bar ends above the screen's top).
            const QSize otherMinimum = other->layout() ? other->layout()->totalMinimumSize() : other->minimumSizeHint();
            const QSize wmFrame(8, other->style()->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, other) + 12);
            qInfo("%s: %s minimum %dx%d, with a frame %dx%d, available %dx%d", qPrintable(language),
                  qPrintable(windowName), otherMinimum.width(), otherMinimum.height(),
                  otherMinimum.width() + wmFrame.width(), otherMinimum.height() + wmFrame.height(),
                  available().width(), available().height());
            QVERIFY2(otherMinimum.width() + wmFrame.width() <= available().width()
                         && otherMinimum.height() + wmFrame.height() <= available().height(),
                     qPrintable(u"%1 minimum %2x%3"_s.arg(windowName).arg(otherMinimum.width()).arg(otherMinimum.height())));
            other->close();
        }

    }
};

QTEST_MAIN(TestWorkspaceLayout)
#include "tst_workspace_layout.moc"

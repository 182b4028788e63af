// The log pane alone, on a log file it memory-maps: time-range filter (lines without a time belong to the
// line before), search occurrences painted inside the text, and go-to-line clearing filters that hide it.
#include "models/LogTableModel.h"
#include "models/TicketDetailLoader.h"
#include "ui/LogMatchDelegate.h"
#include "ui/LogPane.h"
#include "ui/LogView.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace relaydesk;
using namespace Qt::StringLiterals;

namespace {

// 03-17 16:00:00.000 .. one line per 2 s; every 7th line is followed by an untimed stack line; every
// 11th line says "Timeout".
struct SampleLog
{
    QStringList lines;
    QStringList inheritedTimes;
};

SampleLog sampleLog()
{
    SampleLog log;
    for (int i = 0; i < 400; ++i) {
        const int s = i * 2;
        const QString time = u"03-17 16:%1:%2.%3"_s.arg(s / 60, 2, 10, QChar(u'0'))
                                 .arg(s % 60, 2, 10, QChar(u'0'))
                                 .arg(i % 1000, 3, 10, QChar(u'0'));
        const QString message = i % 11 == 0 ? u"send failed: Timeout after 20000 ms, timeout again"_s
                                            : u"heartbeat %1 ok"_s.arg(i);
        log.lines << u"%1  1702  2395 %2 Chat: %3"_s.arg(time, i % 11 == 0 ? u"E"_s : u"D"_s, message);
        log.inheritedTimes << time;
        if (i % 7 == 0) {
            log.lines << u"\tat com.example.chat.Sender.send(Sender.java:%1)"_s.arg(i);
            log.inheritedTimes << time;
        }
    }
    return log;
}

// Pixels of the occurrence highlight (amber over the row tint).
int highlightedPixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += c.red() > 220 && c.green() > 170 && c.green() < 225 && c.blue() < 120 ? 1 : 0;
        }
    }
    return n;
}

} // namespace

class TestLogPane final : public QObject
{
    Q_OBJECT

private slots:
    void timeBoundsArePrefixesOfTheWrittenTimestamp()
    {
        models::LogFilter f;
        QVERIFY(f.timeInRange({}));
        f.fromTime = u"03-17 16:02"_s;
        QVERIFY(!f.timeInRange(u"03-17 16:01:59.999"_s));
        QVERIFY(f.timeInRange(u"03-17 16:02:00.000"_s));
        QVERIFY(!f.timeInRange({})); // with a range, a line with no time at all is outside it
        f.toTime = u"03-17 16:03"_s;
        QVERIFY(f.timeInRange(u"03-17 16:03:59.999"_s)); // the whole minute of the upper bound
        QVERIFY(!f.timeInRange(u"03-17 16:04:00.000"_s));
        QVERIFY(f.isActive());
    }

    void filtersByTimeRangeAndHighlightsOccurrences()
    {
        const SampleLog log = sampleLog();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"device.log"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(log.lines.join(u'\n').toUtf8() + '\n');
        file.close();

        ui::LogPane pane;
        pane.resize(1100, 500);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.setLog(models::LogSource{path, {}});
        models::LogTableModel *model = pane.model();
        QTRY_VERIFY(model->isIndexed() && model->rowCount() == log.lines.size());
        QCOMPARE(model->format(), LogFormat::Logcat);

        // From 16:02 through the whole of 16:03: timed lines in range plus the stack lines after them.
        auto *from = pane.findChild<QLineEdit *>(u"timeFrom"_s);
        auto *to = pane.findChild<QLineEdit *>(u"timeTo"_s);
        from->setText(u"03-17 16:02"_s);
        to->setText(u"03-17 16:03"_s);
        QTest::keyClick(to, Qt::Key_Return);
        QList<qint64> expected;
        for (qsizetype i = 0; i < log.inheritedTimes.size(); ++i) {
            if (log.inheritedTimes.at(i) >= u"03-17 16:02"_s && log.inheritedTimes.at(i) < u"03-17 16:04"_s)
                expected << i;
        }
        QVERIFY(expected.size() > 50);
        QTRY_VERIFY(model->isFiltered() && model->rowCount() == expected.size());
        for (int r = 0; r < model->rowCount(); ++r)
            QCOMPARE(model->lineOfRow(r), expected.at(r));
        bool sawStackLine = false;
        for (int r = 0; r < model->rowCount(); ++r)
            sawStackLine |= model->lineText(model->lineOfRow(r)).startsWith(u"\tat "_s);
        QVERIFY(sawStackLine);

        from->clear();
        to->clear();
        QTRY_VERIFY(!model->isFiltered());

        // Search: every occurrence inside the text is painted, case-insensitively here.
        auto *search = pane.findChild<QLineEdit *>(u"logSearch"_s);
        auto *view = pane.view();
        QCOMPARE(highlightedPixels(view->viewport()->grab().toImage()), 0);
        search->setText(u"timeout"_s);
        QTest::keyClick(search, Qt::Key_Return);
        // Case-insensitive unless "Case" is checked: "Timeout" and "timeout" are both occurrences.
        QTRY_COMPARE(model->matches().size(), qsizetype((400 + 10) / 11));
        auto *delegate = qobject_cast<ui::LogMatchDelegate *>(view->itemDelegate());
        QVERIFY(delegate);
        const QString first = model->index(model->rowOfLine(model->matches().first()), models::LogTableModel::Message)
                                  .data()
                                  .toString();
        QCOMPARE(delegate->occurrences(first).size(), 2);
        view->scrollTo(model->index(model->rowOfLine(model->matches().first()), 0));
        QTRY_VERIFY(highlightedPixels(view->viewport()->grab().toImage()) > 20);

        // Clearing the search clears the painting.
        search->clear();
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE(highlightedPixels(view->viewport()->grab().toImage()), 0);

        // Case-sensitive: only "timeout" in each line is marked.
        search->setText(u"timeout"_s);
        pane.findChild<QCheckBox *>(u"logCase"_s)->setChecked(true); // the check box re-runs the search
        QTRY_VERIFY(delegate->occurrences(first).size() == 1);
        QTRY_COMPARE(model->matches().size(), qsizetype((400 + 10) / 11));
        QCOMPARE(first.mid(delegate->occurrences(first).first().first, 7), u"timeout"_s);

        // A regex finds both spellings again; the delegate marks each occurrence in a line.
        search->setText(u"[Tt]ime(out)"_s);
        pane.findChild<QCheckBox *>(u"logRegex"_s)->setChecked(true);
        QTRY_VERIFY(delegate->occurrences(first).size() == 2);
        QTRY_COMPARE(model->matches().size(), qsizetype((400 + 10) / 11));

        // Go to a line the time filter hides: the filters clear so that it shows.
        from->setText(u"03-17 16:10"_s);
        QTest::keyClick(from, Qt::Key_Return);
        QTRY_VERIFY(model->isFiltered());
        pane.goToLine(1);
        QVERIFY(!model->isFiltered());
        QVERIFY(from->text().isEmpty());
        QCOMPARE(pane.currentLine(), 1);

        // Mouse and keyboard on the view: click a line, shift+click another, Down moves on; Ctrl+C copies the
        // selected lines exactly, in order.
        view->setFocus();
        view->scrollTo(model->index(0, 0), QAbstractItemView::PositionAtTop);
        const auto click = [view, model](int row, Qt::KeyboardModifiers modifiers) {
            QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers,
                              view->visualRect(model->index(row, models::LogTableModel::Message)).center());
        };
        click(2, {});
        QCOMPARE(pane.currentLine(), 3);
        click(4, Qt::ShiftModifier);
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringList(log.lines.mid(2, 3)).join(u'\n'));
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(pane.currentLine(), 6);
        QTest::keyClick(view, Qt::Key_End);
        QCOMPARE(pane.currentLine(), int(log.lines.size()));
        QVERIFY(view->visualRect(model->index(model->rowCount() - 1, 0)).bottom() <= view->viewport()->height());
    }
};

QTEST_MAIN(TestLogPane)
#include "tst_log_pane.moc"

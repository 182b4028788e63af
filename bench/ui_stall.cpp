// The console's log pane in a real window, on a big log: the longest gap between ticks of the UI thread's
// event loop while the log opens and indexes (the view scrolling through the lines as they arrive), is
// searched (literal, then regex), filtered by level and by time, and grouped into patterns. Target: no gap
// over 50 ms (BENCHMARKS.md). The anchor, measured in the same run, is the same loop's longest gap with
// nothing to do; the ratio is each phase's longest gap over the 50 ms budget.
// Usage: ui_stall_bench --file BIG.log   (QT_QPA_PLATFORM=offscreen is set unless a platform is given)
#include "models/LogTableModel.h"
#include "models/TicketDetailLoader.h"
#include "ui/LogPane.h"
#include "ui/LogView.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTextStream>
#include <QTimer>
#include <QToolButton>

#include <functional>

using namespace relaydesk;
using namespace Qt::StringLiterals;

namespace {

constexpr double kBudgetMs = 50.0;

// Ticks every millisecond on the UI thread and remembers the longest gap since the last reset().
class StallMeter
{
public:
    StallMeter()
    {
        m_clock.start();
        m_tick.setInterval(1);
        QObject::connect(&m_tick, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_worst = qMax(m_worst, now - m_last);
            m_last = now;
        });
        m_tick.start();
    }
    void reset()
    {
        m_last = m_clock.nsecsElapsed();
        m_worst = 0;
    }
    double worstMs() const { return double(m_worst) / 1e6; }

private:
    QElapsedTimer m_clock;
    QTimer m_tick;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

// Runs the event loop until `done` holds (checked every 5 ms); returns the elapsed milliseconds.
double runUntil(const std::function<bool()> &done, int timeoutMs = 600000)
{
    QElapsedTimer t;
    t.start();
    QEventLoop loop;
    QTimer check;
    check.setInterval(5);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done() || t.elapsed() > timeoutMs)
            loop.quit();
    });
    check.start();
    loop.exec();
    return double(t.nsecsElapsed()) / 1e6;
}

// With RELAYDESK_STALL_TRACE=1: prints every event that took over 20 ms to handle, to find a stall's cause.
class TracingApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_trace)
            return QApplication::notify(receiver, event);
        QElapsedTimer t;
        t.start();
        const int type = event->type();
        const bool result = QApplication::notify(receiver, event);
        if (t.elapsed() > 20) {
            QTextStream(stderr) << "slow event " << type << " to " << receiver->metaObject()->className() << ' '
                                << receiver->objectName() << ": " << t.elapsed() << " ms\n";
        }
        return result;
    }

private:
    bool m_trace = qEnvironmentVariableIntValue("RELAYDESK_STALL_TRACE") == 1;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TracingApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"file"_s, u"The log to open (bench/make_big_log.sh writes one)."_s, u"path"_s});
    parser.process(app);
    const QString path = parser.value(u"file"_s);
    QTextStream out(stdout);
    if (path.isEmpty() || !QFileInfo(path).isFile()) {
        QTextStream(stderr) << "ui_stall_bench: --file must name a log file\n";
        return 2;
    }

    ui::LogPane pane;
    pane.resize(1400, 900);
    pane.show();
    StallMeter meter;
    models::LogTableModel *model = pane.model();
    ui::LogView *view = pane.view();

    struct Phase
    {
        QString name;
        double ms;
        double worstMs;
    };
    QList<Phase> phases;
    const auto measure = [&](const QString &name, const std::function<void()> &start, const std::function<bool()> &done) {
        meter.reset();
        start();
        const double ms = runUntil(done);
        phases.append({name, ms, meter.worstMs()});
    };

    // The anchor: the same loop with nothing to do.
    measure(u"idle (anchor)"_s, [] {}, [t = QElapsedTimer()]() mutable {
        if (!t.isValid())
            t.start();
        return t.elapsed() >= 500;
    });
    // Open + index while the view keeps jumping to the last line indexed so far.
    QTimer follow;
    follow.setInterval(16);
    QObject::connect(&follow, &QTimer::timeout, view, [view] { view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum()); });
    measure(u"open + index, view following the end"_s, [&] {
        pane.setLog(models::LogSource{path, {}});
        follow.start();
    }, [&] { return model->isIndexed(); });
    follow.stop();
    const qint64 lines = model->lineCount();

    auto *search = pane.findChild<QLineEdit *>(u"logSearch"_s);
    auto *regex = pane.findChild<QCheckBox *>(u"logRegex"_s);
    bool searched = false;
    QObject::connect(model, &models::LogTableModel::searchFinished, [&searched] { searched = true; });
    measure(u"literal search \"Exception\""_s, [&] {
        searched = false;
        search->setText(u"Exception"_s);
        QMetaObject::invokeMethod(search, "returnPressed");
    }, [&] { return searched; });
    const qsizetype literalMatches = model->matches().size();
    measure(u"regex search uid=10[0-9]+.*pid=2[0-9]{3}"_s, [&] {
        searched = false;
        search->setText(u"uid=10[0-9]+.*pid=2[0-9]{3}"_s);
        regex->setChecked(true); // re-runs the search as a regex
    }, [&] { return searched; });
    const qsizetype regexMatches = model->matches().size();

    bool filtered = false;
    QObject::connect(model, &models::LogTableModel::filterFinished, [&filtered] { filtered = true; });
    auto *level = pane.findChild<QComboBox *>(u"levelFilter"_s);
    measure(u"level filter: errors only"_s, [&] {
        filtered = false;
        level->setCurrentIndex(3);
    }, [&] { return filtered; });
    const int errorRows = model->rowCount();
    measure(u"clear filters"_s, [&] {
        filtered = false;
        level->setCurrentIndex(0);
    }, [&] { return filtered; });
    auto *from = pane.findChild<QLineEdit *>(u"timeFrom"_s);
    const QString midTime = model->index(int(lines / 2), models::LogTableModel::Time).data().toString();
    measure(u"time filter from the middle line's time"_s, [&] {
        filtered = false;
        from->setText(midTime);
        QMetaObject::invokeMethod(from, "returnPressed");
    }, [&] { return filtered; });
    const int timeRows = model->rowCount();

    out << "log: " << path << ", " << QFileInfo(path).size() / (1 << 20) << " MiB, " << lines << " lines; "
        << literalMatches << " literal and " << regexMatches << " regex matches, " << errorRows
        << " error rows, " << timeRows << " rows from " << midTime << "\n\n";
    out << "phase                                          took ms   longest UI gap ms   gap/50ms   target\n";
    bool ok = true;
    for (const Phase &p : phases) {
        const bool anchor = p.name.startsWith(u"idle"_s);
        const bool pass = p.worstMs <= kBudgetMs;
        ok = ok && (anchor || pass);
        out << p.name.leftJustified(46) << QString::number(p.ms, 'f', 0).rightJustified(8)
            << QString::number(p.worstMs, 'f', 2).rightJustified(20)
            << QString::number(p.worstMs / kBudgetMs, 'f', 2).rightJustified(11) << "   "
            << (anchor ? "(anchor)" : pass ? "ok" : "MISSED") << '\n';
    }
    out << "\ntarget (BENCHMARKS.md): no UI-thread stall over 50 ms while a big log indexes and is searched\n";
    return ok ? 0 : 1;
}

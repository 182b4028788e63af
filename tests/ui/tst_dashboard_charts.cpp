// The dashboard's charts on the real widgets, from metrics frames built here (no service): hover values are
// the buckets' own values with their start and end, never a point interpolated along the line; counts get
// integer axes with round ticks; a time axis over more than 24 h shows dates; legends are never cut; a cause
// has one colour in every chart, in the diagnosis badge and in the queue tree; an exported PNG carries the
// chart's title and time range.
#include "core/Diagnosis.h"
#include "core/Ticket.h"
#include "models/Labels.h"
#include "models/MetricsFrame.h"
#include "ui/ChartCard.h"
#include "ui/ChartFactory.h"
#include "ui/Colors.h"
#include "models/QueueModel.h"
#include "ui/DiagnosisPane.h"
#include "ui/QueuePane.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QValueAxis>
#include <QXYSeries>

using namespace relaydesk;
using namespace Qt::StringLiterals;
using models::Metric;
using models::MetricsFrame;

namespace {

constexpr qint64 kT0 = 1'764'000'000'000; // a whole ten minutes

MetricsFrame flowFrame(const QList<double> &inflow, qint64 bucketSeconds = 600, qint64 spanSeconds = 0)
{
    MetricsFrame f;
    f.metric = Metric::Flow;
    f.bucketSeconds = bucketSeconds;
    f.fromMs = kT0;
    f.toMs = kT0 + (spanSeconds > 0 ? spanSeconds : bucketSeconds * inflow.size()) * 1000;
    for (qsizetype i = 0; i < inflow.size(); ++i)
        f.starts.append(kT0 + i * bucketSeconds * 1000);
    QList<double> outflow(inflow.size(), 0.0), reopened(inflow.size(), 0.0);
    for (qsizetype i = 0; i < inflow.size(); ++i)
        outflow[i] = double(i % 3);
    f.series = {{u"all"_s, u"inflow"_s, inflow}, {u"all"_s, u"outflow"_s, outflow}, {u"all"_s, u"reopened"_s, reopened}};
    return f;
}

MetricsFrame causesFrame(const QList<std::pair<Cause, double>> &counts)
{
    MetricsFrame f;
    f.metric = Metric::Causes;
    f.bucketSeconds = 3600;
    f.fromMs = kT0;
    f.toMs = kT0 + 24 * 3600'000;
    for (int i = 0; i < 24; ++i)
        f.starts.append(kT0 + i * 3600'000LL);
    double total = 0;
    for (const auto &[cause, n] : counts) {
        QList<double> values(24, 0.0);
        values[3] = n;
        total += n;
        f.series.append({toWire(cause), {}, values});
    }
    QList<double> all(24, 0.0);
    all[3] = total;
    f.series.append({u"all"_s, u"total"_s, all});
    return f;
}

MetricsFrame responseFrame()
{
    MetricsFrame f;
    f.metric = Metric::Response;
    f.bucketSeconds = 600;
    f.fromMs = kT0;
    f.toMs = kT0 + 24 * 3600'000;
    for (int i = 0; i < 144; ++i)
        f.starts.append(kT0 + i * 600'000LL);
    for (const char *name : {"first_response", "resolution"}) {
        QList<double> count(144, 1.0), p50(144), p90(144), p95(144);
        for (int i = 0; i < 144; ++i) {
            p50[i] = (5 + i % 7) * 60'000.0;
            p90[i] = p50[i] * 2;
            p95[i] = p50[i] * 3;
        }
        f.series.append({QString::fromLatin1(name), u"count"_s, count});
        f.series.append({QString::fromLatin1(name), u"p50_ms"_s, p50});
        f.series.append({QString::fromLatin1(name), u"p90_ms"_s, p90});
        f.series.append({QString::fromLatin1(name), u"p95_ms"_s, p95});
    }
    return f;
}

// A card showing `frame`'s chart, laid out at `size` and painted once.
std::unique_ptr<ui::ChartCard> shownCard(const MetricsFrame &frame, QSize size = {340, 380})
{
    auto card = std::make_unique<ui::ChartCard>(frame.metric, u"Inflow vs outflow"_s);
    QString empty;
    QChart *chart = ui::buildMetricsChart(frame, card.get(), &empty);
    if (!chart)
        return nullptr;
    card->showChart(chart, frame);
    card->resize(size);
    card->show();
    if (!QTest::qWaitForWindowExposed(card.get()))
        return nullptr;
    QApplication::processEvents();
    card->chartView()->grab(); // lays the chart out
    return card;
}

// The texts of the chart's axis labels left of the plot area (the value axis of a time chart).
QStringList leftAxisLabels(QChart *chart)
{
    QStringList out;
    const QRectF plot = chart->plotArea();
    for (QGraphicsItem *item : chart->scene()->items()) {
        auto *text = qgraphicsitem_cast<QGraphicsTextItem *>(item);
        if (!text || !text->isVisible() || text->toPlainText().isEmpty())
            continue;
        const QRectF r = text->sceneBoundingRect();
        if (r.right() <= plot.left() + 1 && r.height() < r.width() * 3 && r.width() < 80 && text->rotation() == 0)
            out.append(text->toPlainText());
    }
    return out;
}

QString hhmm(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().time(), u"HH:mm"_s);
}

} // namespace

class TestDashboardCharts final : public QObject
{
    Q_OBJECT

private slots:
    void hoverShowsTheNearestBucketNotAnInterpolatedPoint();
    void countsGetIntegerAxesWithRoundTicks();
    void timeAxesOverADayShowDates();
    void legendsAreNeverCut();
    void aCauseHasOneColourInEveryChartAndBadge();
    void exportedPngCarriesTitleAndTimeRange();
};

void TestDashboardCharts::hoverShowsTheNearestBucketNotAnInterpolatedPoint()
{
    const MetricsFrame frame = flowFrame({3, 146, 7, 12, 0, 5});
    auto card = shownCard(frame);
    QVERIFY(card);
    auto *inflow = qobject_cast<QXYSeries *>(card->chartView()->chart()->series().value(0));
    QVERIFY(inflow);
    // The pointer on the line 40 % of the way from the 146 bucket to the 7 bucket: Qt reports the point on
    // the line (about 90); the card shows the 146 bucket, its start and its end.
    const qint64 start = frame.starts.at(1), end = start + 600'000;
    const double from = inflow->at(1).x(), to = inflow->at(2).x(); // the points (buckets' middles)
    QVERIFY(from >= double(start) && from < double(end));
    const QPointF onLine(from + 0.4 * (to - from), 146 + 0.4 * (7 - 146));
    emit inflow->hovered(onLine, true);
    QString text = card->hoverLabel()->text();
    QVERIFY2(text.contains(u"146"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"90"_s), qPrintable(text));
    QVERIFY2(text.contains(hhmm(start)) && text.contains(hhmm(end)), qPrintable(text));
    // 60 % of the way: the 7 bucket.
    emit inflow->hovered(QPointF(from + 0.6 * (to - from), 146 + 0.6 * (7 - 146)), true);
    text = card->hoverLabel()->text();
    QVERIFY2(text.contains(u": 7"_s) && text.contains(hhmm(end)) && text.contains(hhmm(end + 600'000)), qPrintable(text));
    // A count is never fractional ("0.7 resolved").
    auto *outflow = qobject_cast<QXYSeries *>(card->chartView()->chart()->series().value(1));
    QVERIFY(outflow);
    emit outflow->hovered(QPointF(outflow->at(0).x() + 0.35 * (outflow->at(1).x() - outflow->at(0).x()), 0.35), true);
    text = card->hoverLabel()->text();
    QVERIFY2(text.contains(u": 0"_s) && !text.contains(u"0.3"_s) && !text.contains(u"0.4"_s), qPrintable(text));
}

void TestDashboardCharts::countsGetIntegerAxesWithRoundTicks()
{
    const QList<QList<double>> cases{{3, 1, 2, 0}, {146, 90, 7, 12}, {0, 0, 1, 0}, {17, 23, 4, 9}};
    for (const QList<double> &values : cases) {
        auto card = shownCard(flowFrame(values));
        QVERIFY(card);
        QChart *chart = card->chartView()->chart();
        auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
        QVERIFY(y);
        QCOMPARE(y->min(), 0.0);
        const double top = *std::max_element(values.begin(), values.end());
        QVERIFY2(y->max() >= top, qPrintable(QString::number(y->max())));
        const QStringList labels = leftAxisLabels(chart);
        QVERIFY2(labels.size() >= 2, qPrintable(labels.join(u' ')));
        QList<int> ticks;
        for (const QString &label : labels) {
            QVERIFY2(QRegularExpression(u"^\\d+$"_s).match(label).hasMatch(), qPrintable(labels.join(u' ')));
            ticks.append(label.toInt());
        }
        std::sort(ticks.begin(), ticks.end());
        // Round, evenly spaced ticks: 1, 2 or 5 times a power of ten apart.
        const int step = ticks.at(1) - ticks.at(0);
        QVERIFY2(step > 0, qPrintable(labels.join(u' ')));
        for (qsizetype i = 1; i < ticks.size(); ++i)
            QCOMPARE(ticks.at(i) - ticks.at(i - 1), step);
        int mantissa = step;
        while (mantissa % 10 == 0)
            mantissa /= 10;
        QVERIFY2(mantissa == 1 || mantissa == 2 || mantissa == 5, qPrintable(labels.join(u' ')));
    }
}

void TestDashboardCharts::timeAxesOverADayShowDates()
{
    // Two days in ten-minute buckets: the axis shows dates, not only times of day.
    QList<double> values(288, 1.0);
    auto card = shownCard(flowFrame(values, 600));
    QVERIFY(card);
    auto *x = qobject_cast<QDateTimeAxis *>(card->chartView()->chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(x);
    QVERIFY2(x->format().contains(u'd') && x->format().contains(u'M'), qPrintable(x->format()));
    // An hour: times of day.
    auto hour = shownCard(flowFrame(QList<double>(60, 2.0), 60));
    QVERIFY(hour);
    auto *hx = qobject_cast<QDateTimeAxis *>(hour->chartView()->chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(hx && hx->format().contains(u"HH:mm"_s) && !hx->format().contains(u'd'));
}

void TestDashboardCharts::legendsAreNeverCut()
{
    // Four long entries (response times) in a card as narrow as a quarter of a 1280-pixel screen.
    for (int width : {300, 340, 420}) {
        auto card = shownCard(responseFrame(), {width, 360});
        QVERIFY(card);
        auto *legend = card->findChild<QWidget *>(u"chartLegend"_s);
        QVERIFY2(legend, "the card shows the chart's legend");
        QVERIFY(legend->isVisible());
        const QList<QToolButton *> entries = legend->findChildren<QToolButton *>();
        QCOMPARE(entries.size(), 4);
        const QRect card_ = card->rect();
        for (QToolButton *entry : entries) {
            QVERIFY2(entry->isVisible(), qPrintable(entry->text()));
            QVERIFY2(entry->width() >= entry->sizeHint().width(),
                     qPrintable(u"%1: %2 of %3 px"_s.arg(entry->text()).arg(entry->width()).arg(entry->sizeHint().width())));
            const QRect inCard(entry->mapTo(card.get(), QPoint(0, 0)), entry->size());
            QVERIFY2(card_.contains(inCard), qPrintable(entry->text()));
            QVERIFY(!entry->text().contains(u"..."_s) && !entry->text().contains(u"…"_s));
        }
        // The chart's own legend (which elides entries that do not fit) is not drawn.
        QVERIFY(!card->chartView()->chart()->legend()->isVisible());
    }
}

void TestDashboardCharts::aCauseHasOneColourInEveryChartAndBadge()
{
    // Two charts ranking the causes differently (a chart's default colours go by position).
    auto first = shownCard(causesFrame({{Cause::Server, 9}, {Cause::Network, 5}, {Cause::Client, 2}}));
    auto second = shownCard(causesFrame({{Cause::Network, 12}, {Cause::Policy, 3}, {Cause::User, 1}, {Cause::Server, 1}}));
    QVERIFY(first && second);
    const auto colourIn = [](ui::ChartCard *card, Cause cause) -> QColor {
        for (QAbstractSeries *s : card->chartView()->chart()->series()) {
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
                for (QBarSet *set : bars->barSets()) {
                    if (set->label() == models::label(cause))
                        return set->color();
                }
            }
        }
        return {};
    };
    for (Cause cause : {Cause::Server, Cause::Network}) {
        const QColor a = colourIn(first.get(), cause), b = colourIn(second.get(), cause);
        QVERIFY2(a.isValid() && a == b, qPrintable(u"%1: %2 vs %3"_s.arg(toWire(cause), a.name(), b.name())));
        QCOMPARE(a, ui::causeColor(cause));
    }
    QVERIFY(colourIn(second.get(), Cause::Policy) != colourIn(second.get(), Cause::User));
    // The diagnosis badge of a network ticket.
    ui::DiagnosisPane pane;
    Ticket t;
    t.id = 7;
    Diagnosis d;
    d.cause = Cause::Network;
    d.confidence = 0.9;
    d.summary = u"timeout"_s;
    t.diagnosis = d;
    pane.showTicket(&t);
    auto *badge = pane.findChild<QLabel *>(u"causeBadge"_s);
    QVERIFY(badge);
    QCOMPARE(badge->palette().color(QPalette::Window), colourIn(second.get(), Cause::Network));
    // The queue tree's "By cause" rows: a swatch of the same colour, painted by the tree.
    models::QueueModel queues;
    ui::QueuePane queuePane(&queues);
    queuePane.resize(260, 400);
    queuePane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&queuePane));
    QTreeView *tree = queuePane.view();
    for (Cause cause : {Cause::Network, Cause::Server}) {
        const QModelIndex row = queues.indexOf(models::QueueSelection::byCause(cause));
        QVERIFY(row.isValid());
        tree->scrollTo(row);
        tree->setCurrentIndex(row); // selected too: a style's selected-mode tint would change the colour
        const QRect rect = tree->visualRect(row);
        const QImage shot = tree->viewport()->grab(rect).toImage();
        const QColor want = colourIn(first.get(), cause);
        bool found = false;
        for (int y = 0; y < shot.height() && !found; ++y)
            for (int x = 0; x < shot.width() && !found; ++x)
                found = shot.pixelColor(x, y) == want;
        QVERIFY2(found, qPrintable(u"no %1 pixel in the %2 row"_s.arg(want.name(), toWire(cause))));
    }
}

void TestDashboardCharts::exportedPngCarriesTitleAndTimeRange()
{
    const MetricsFrame frame = flowFrame({3, 146, 7, 12, 0, 5});
    auto card = shownCard(frame);
    QVERIFY(card);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"flow.png"_s);
    QString error;
    QVERIFY2(card->exportPng(path, &error), qPrintable(error));
    const QImage image(path);
    QVERIFY(!image.isNull());
    if (const QString copy = qEnvironmentVariable("RELAYDESK_KEEP_EXPORT"); !copy.isEmpty())
        QFile::copy(path, copy); // to look at it
    // A heading strip above the chart: taller than the chart view alone, with text drawn in it.
    const int strip = image.height() - card->chartView()->height();
    QVERIFY2(strip >= card->fontMetrics().height(), qPrintable(QString::number(strip)));
    const QColor background = image.pixelColor(0, 0);
    int inked = 0;
    for (int y = 0; y < strip; ++y)
        for (int x = 0; x < image.width(); ++x)
            inked += std::abs(image.pixelColor(x, y).lightness() - background.lightness()) > 100;
    QVERIFY2(inked > 50, qPrintable(QString::number(inked)));
    // The PNG says what it shows (title and time range as text chunks too).
    QCOMPARE(image.text(u"Title"_s), u"Inflow vs outflow"_s);
    const QString range = image.text(u"Description"_s);
    QVERIFY2(range.contains(hhmm(frame.fromMs)) && range.contains(hhmm(frame.toMs)), qPrintable(range));
}

QTEST_MAIN(TestDashboardCharts)
#include "tst_dashboard_charts.moc"

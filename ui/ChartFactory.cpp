#include "ChartFactory.h"

#include "ChartCard.h"
#include "Colors.h"
#include "models/Labels.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <cmath>
#include <memory>

namespace relaydesk::ui {

using models::Metric;
using models::MetricSeries;
using models::MetricsFrame;
using namespace Qt::StringLiterals;

namespace {

// The translation context "ChartFactory": lupdate files ChartFactory::tr() calls under it (a free tr()
// function ended up under another context than the one asked for at run time).
struct ChartFactory
{
    Q_DECLARE_TR_FUNCTIONS(ChartFactory)
};

QChart *newChart(const QPalette &palette)
{
    auto *chart = new QChart;
    if (colors::isDark(palette))
        chart->setTheme(QChart::ChartThemeDark); // before any series: a theme recolours them
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->hide(); // the card's legend wraps instead of eliding (ChartLegend)
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

// 1, 2 or 5 times a power of ten: the smallest such step that covers `span` in at most `ticks` steps.
double niceStep(double span, int ticks, double smallest)
{
    for (double magnitude = smallest;; magnitude *= 10) {
        for (double m : {1.0, 2.0, 5.0}) {
            if (span / (m * magnitude) <= ticks + 1e-9)
                return m * magnitude;
        }
    }
}

// A value axis from `low` to at least `top` with round ticks at whole multiples of the step; counts get whole
// steps and "%d" labels, so no fractional label is ever shown for them.
void roundAxis(QValueAxis *axis, double low, double top, bool integer, const QString &suffix = {})
{
    const double span = std::max(top - low, integer ? 1.0 : 0.1);
    const double step = niceStep(span, 5, integer ? 1 : 0.1);
    const double max = std::max(low + step, std::ceil(top / step - 1e-9) * step);
    axis->setRange(low, max);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(low);
    axis->setTickInterval(step);
    axis->setMinorTickCount(0);
    axis->setLabelFormat((integer ? u"%d"_s : step < 1 ? u"%.1f"_s : u"%.0f"_s) + suffix);
}

QString timeText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().time(), u"HH:mm"_s);
}

QString dateText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().date(), QLocale::ShortFormat);
}

// A bucket's start and end in the locale's format: "12/4/26 10:20–10:30", or both dates across midnight.
QString bucketText(qint64 startMs, qint64 endMs)
{
    if (dateText(startMs) == dateText(endMs - 1) && QDateTime::fromMSecsSinceEpoch(endMs).toLocalTime().time() != QTime(0, 0))
        return ChartFactory::tr("%1 %2–%3", "bucket: date, start time, end time").arg(dateText(startMs), timeText(startMs), timeText(endMs));
    return ChartFactory::tr("%1 %2 – %3 %4", "bucket: start date and time, end date and time")
        .arg(dateText(startMs), timeText(startMs), dateText(endMs), timeText(endMs));
}

struct Line
{
    Line(QString label_, const MetricSeries *series_, double scale_ = 1, QString key_ = {},
         Qt::PenStyle style_ = Qt::SolidLine)
        : label(std::move(label_)), series(series_), scale(scale_), key(std::move(key_)), style(style_)
    {
    }
    QString label;
    const MetricSeries *series = nullptr;
    double scale = 1; // values are multiplied by it (rate -> %, ms -> minutes)
    QString key;      // drill-down key (a region), empty for none
    Qt::PenStyle style = Qt::SolidLine;
};

// What a time chart's values are: counts (whole numbers) or measures (with decimals), and their unit.
struct ValueKind
{
    bool integer = true;
    QString unit;
};

QString valueText(double v, const ValueKind &kind)
{
    if (kind.integer)
        return QLocale().toString(qint64(std::llround(v)));
    return QLocale().toString(v, 'f', std::abs(v) < 10 ? 1 : 0) + kind.unit;
}

// The samples of one line as drawn (NaN buckets left out), to snap a hovered point to.
struct Samples
{
    QList<qint64> starts;
    QList<double> values; // scaled
    // The sample nearest to `x` (ms), -1 without any.
    qsizetype nearest(double x) const
    {
        if (starts.isEmpty())
            return -1;
        const auto it = std::lower_bound(starts.begin(), starts.end(), x, [](qint64 s, double v) { return double(s) < v; });
        const qsizetype i = it - starts.begin();
        if (i == 0)
            return 0;
        if (i == starts.size())
            return i - 1;
        return x - double(starts.at(i - 1)) <= double(starts.at(i)) - x ? i - 1 : i;
    }
};

// A time chart: one line per entry, a point per bucket at the bucket's middle; NaN values leave the point
// out. Hovering snaps to the nearest bucket and shows its own value, start and end.
QChart *timeChart(const MetricsFrame &frame, const QList<Line> &lines, ChartCard *card, const QString &yTitle,
                  std::optional<std::pair<double, double>> yRange, const ValueKind &kind)
{
    QChart *chart = newChart(card->palette());
    auto *x = new QDateTimeAxis;
    const qint64 span = frame.toMs - frame.fromMs;
    // Over 24 hours the ticks fall on several dates: the labels are dates (a date with a time does not fit a
    // quarter-width card and got elided); the hovered bucket says the times.
    x->setFormat(span > 86'400'000 ? ChartFactory::tr("MMM d", "date axis labels, Qt date format") : u"HH:mm"_s);
    // More labels than this overlap and get elided in a quarter-width card ("11月27日" is wider than a time).
    x->setTickCount(span > 86'400'000 ? 4 : 5);
    x->setRange(QDateTime::fromMSecsSinceEpoch(frame.fromMs), QDateTime::fromMSecsSinceEpoch(frame.toMs));
    auto *y = new QValueAxis;
    y->setTitleText(yTitle); // none: the unit follows every label ("3 min")
    if (yTitle.isEmpty())
        chart->setLocalizeNumbers(true); // keeps a translated unit in the label format intact
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    const qint64 bucketMs = frame.bucketSeconds * 1000;
    double top = 0;
    QList<ChartLegend::Entry> legend;
    for (const Line &line : lines) {
        auto *series = new QLineSeries;
        series->setName(line.label);
        auto samples = std::make_shared<Samples>();
        for (qsizetype i = 0; i < frame.starts.size() && i < line.series->values.size(); ++i) {
            const double v = line.series->values.at(i);
            if (std::isnan(v))
                continue;
            const qint64 middle = frame.starts.at(i) + bucketMs / 2;
            series->append(double(middle), v * line.scale);
            samples->starts.append(middle);
            samples->values.append(v * line.scale);
            top = std::max(top, v * line.scale);
        }
        series->setPointsVisible(series->count() <= 3); // a lone point draws no line
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        if (line.style != Qt::SolidLine) {
            QPen pen = series->pen();
            pen.setStyle(line.style);
            series->setPen(pen);
        }
        legend.append({line.label, series->pen().color(), true, line.style, line.key});
        const QString label = line.label;
        QObject::connect(series, &QXYSeries::hovered, card, [card, label, samples, bucketMs, kind](const QPointF &p, bool on) {
            if (!on)
                return;
            const qsizetype i = samples->nearest(p.x());
            if (i < 0)
                return;
            const qint64 start = samples->starts.at(i) - bucketMs / 2;
            card->setHoverText(ChartFactory::tr("%1: %2 (%3)", "series: value (bucket)")
                                   .arg(label, valueText(samples->values.at(i), kind), bucketText(start, start + bucketMs)));
        });
        if (!line.key.isEmpty()) {
            const QString key = line.key;
            QObject::connect(series, &QXYSeries::clicked, card, [card, key](const QPointF &) { card->activate(key); });
        }
    }
    if (yRange)
        roundAxis(y, yRange->first, yRange->second, false);
    else
        roundAxis(y, 0, top, kind.integer, yTitle.isEmpty() ? kind.unit : QString());
    card->setLegendEntries(legend);
    return chart;
}

struct Bar
{
    QString label;
    double value = 0;
    QString key;  // drill-down key, empty for none
    QColor color; // invalid: the theme's first colour
};

// Totals as horizontal bars, the largest on top, named on the axis (no legend to cut): one set per bar, each
// with a value in its own row only (stacked), so a bar keeps its own colour (a cause's) and a click on it
// drills down.
QChart *totalsChart(const QList<Bar> &bars, ChartCard *card, const QString &xTitle)
{
    QChart *chart = newChart(card->palette());
    auto *series = new QHorizontalStackedBarSeries;
    series->setBarWidth(0.7);
    QStringList categories;
    double top = 0;
    const qsizetype n = bars.size();
    for (qsizetype row = 0; row < n; ++row) {
        const Bar &bar = bars.at(n - 1 - row); // the axis lists the first category at the bottom
        categories.append(bar.label);
        auto *set = new QBarSet(bar.label);
        for (qsizetype i = 0; i < n; ++i)
            *set << (i == row ? bar.value : 0.0);
        series->append(set);
        top = std::max(top, bar.value);
        QObject::connect(set, &QBarSet::hovered, card, [card, text = bar.label, value = bar.value](bool on, int) {
            if (on)
                card->setHoverText(ChartFactory::tr("%1: %2").arg(text, QLocale().toString(qint64(std::llround(value)))));
        });
        if (!bar.key.isEmpty()) {
            QObject::connect(set, &QBarSet::clicked, card, [card, k = bar.key](int) { card->activate(k); });
        }
    }
    chart->addSeries(series);
    QColor first; // the theme's first colour, for bars without one of their own
    if (!series->barSets().isEmpty())
        first = series->barSets().constFirst()->color();
    for (qsizetype row = 0; row < n; ++row) {
        const QColor c = bars.at(n - 1 - row).color;
        series->barSets().at(row)->setColor(c.isValid() ? c : first);
        series->barSets().at(row)->setBorderColor(c.isValid() ? c : first);
    }
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    auto *x = new QValueAxis;
    x->setTitleText(xTitle);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    roundAxis(x, 0, top, true);
    card->setLegendEntries({});
    return chart;
}

} // namespace

QChart *buildMetricsChart(const MetricsFrame &frame, ChartCard *card, QString *emptyMessage)
{
    switch (frame.metric) {
    case Metric::Queue: {
        QList<Line> lines;
        for (const MetricSeries &s : frame.series) {
            if (s.field.isEmpty() && s.hasData()) {
                const auto status = fromWire<TicketStatus>(s.name);
                lines.append({status ? models::label(*status) : s.name, &s});
            }
        }
        if (lines.isEmpty()) {
            *emptyMessage = ChartFactory::tr("No open tickets in this range.");
            return nullptr;
        }
        return timeChart(frame, lines, card, ChartFactory::tr("tickets"), std::nullopt, ValueKind{});
    }
    case Metric::Flow: {
        const MetricSeries *in = frame.find(u"all"_s, u"inflow"_s);
        const MetricSeries *out = frame.find(u"all"_s, u"outflow"_s);
        const MetricSeries *reopened = frame.find(u"all"_s, u"reopened"_s);
        if (!frame.hasData() || !in || !out) {
            *emptyMessage = ChartFactory::tr("No tickets arrived or closed in this range.");
            return nullptr;
        }
        QList<Line> lines{{ChartFactory::tr("Inflow (reports)"), in}, {ChartFactory::tr("Outflow (resolved)"), out}};
        if (reopened && reopened->hasData())
            lines.append({ChartFactory::tr("Reopened"), reopened, 1, {}, Qt::DashLine});
        return timeChart(frame, lines, card, ChartFactory::tr("tickets per bucket"), std::nullopt, ValueKind{});
    }
    case Metric::Causes:
    case Metric::Regions:
    case Metric::AppVersions: {
        QList<Bar> bars;
        for (const MetricSeries &s : frame.series) {
            if (s.field.isEmpty() && s.name != "all"_L1 && s.total() > 0) {
                Bar bar{s.name, s.total(), frame.metric == Metric::AppVersions ? QString() : s.name, {}};
                if (frame.metric == Metric::Causes) {
                    const auto cause = fromWire<Cause>(s.name);
                    bar.label = cause ? models::label(*cause) : s.name;
                    bar.color = causeColor(cause.value_or(Cause::Unknown));
                }
                bars.append(bar);
            }
        }
        if (bars.isEmpty()) {
            *emptyMessage = ChartFactory::tr("No tickets in this range.");
            return nullptr;
        }
        std::stable_sort(bars.begin(), bars.end(), [](const Bar &a, const Bar &b) { return a.value > b.value; });
        return totalsChart(bars, card, ChartFactory::tr("tickets"));
    }
    case Metric::Delivery: {
        QList<Line> lines;
        for (const MetricSeries &s : frame.series) {
            if (s.field == "success_rate"_L1 && s.name != "all"_L1 && frame.find(s.name, u"sent"_s)->hasData())
                lines.append({s.name, &s, 100, s.name});
        }
        if (lines.isEmpty()) {
            *emptyMessage = ChartFactory::tr("No telemetry yet: the IM platform has not reported any sends in this range.");
            return nullptr;
        }
        double low = 100;
        for (const Line &l : lines) {
            for (double v : l.series->values) {
                if (!std::isnan(v))
                    low = std::min(low, v * 100);
            }
        }
        return timeChart(frame, lines, card, ChartFactory::tr("send success %"),
                         std::pair<double, double>{std::max(0.0, std::floor(low / 10) * 10 - 10), 100.0},
                         ValueKind{false, u" %"_s});
    }
    case Metric::Response: {
        QList<Line> lines;
        const std::tuple<const char *, const char *, QString, Qt::PenStyle> wanted[] = {
            {"first_response", "p50_ms", ChartFactory::tr("First response p50"), Qt::SolidLine},
            {"first_response", "p90_ms", ChartFactory::tr("First response p90"), Qt::DashLine},
            {"resolution", "p50_ms", ChartFactory::tr("Resolution p50"), Qt::SolidLine},
            {"resolution", "p90_ms", ChartFactory::tr("Resolution p90"), Qt::DashLine}};
        double longest = 0;
        for (const auto &[name, field, label, style] : wanted) {
            const MetricSeries *s = frame.find(QString::fromLatin1(name), QString::fromLatin1(field));
            if (s && s->hasData()) {
                lines.append({label, s, 1.0 / 60'000, {}, style});
                for (double v : s->values)
                    longest = std::isnan(v) ? longest : std::max(longest, v);
            }
        }
        if (lines.isEmpty()) {
            *emptyMessage = ChartFactory::tr("No first responses or resolutions in this range.");
            return nullptr;
        }
        if (longest < 2 * 60'000) { // tier 1 answers within seconds: minutes would all read 0
            for (Line &l : lines)
                l.scale = 1.0 / 1000;
            return timeChart(frame, lines, card, QString(), std::nullopt,
                             ValueKind{false, ChartFactory::tr(" s")});
        }
        return timeChart(frame, lines, card, QString(), std::nullopt,
                         ValueKind{false, ChartFactory::tr(" min")});
    }
    case Metric::Sla: {
        const MetricSeries *fr = frame.find(u"all"_s, u"first_response_breaches"_s);
        const MetricSeries *res = frame.find(u"all"_s, u"resolution_breaches"_s);
        if (!fr || !res || (!fr->hasData() && !res->hasData())) {
            *emptyMessage = ChartFactory::tr("No SLA breaches in this range.");
            return nullptr;
        }
        return timeChart(frame, {{ChartFactory::tr("First response breaches"), fr}, {ChartFactory::tr("Resolution breaches"), res}}, card,
                         ChartFactory::tr("breaches"), std::nullopt, ValueKind{});
    }
    case Metric::Csat: {
        QList<Bar> bars;
        double answers = 0;
        for (int score = 1; score <= 5; ++score) {
            const MetricSeries *s = frame.find(u"scores"_s, QString::number(score));
            const double n = s ? s->total() : 0;
            answers += n;
            bars.append({ChartFactory::tr("%1 ★").arg(score), n, QString(), {}});
        }
        if (answers == 0) {
            *emptyMessage = ChartFactory::tr("No survey answers in this range.");
            return nullptr;
        }
        double sum = 0;
        for (int score = 1; score <= 5; ++score)
            sum += score * bars.at(score - 1).value;
        std::reverse(bars.begin(), bars.end()); // 5 stars on top
        QChart *chart = totalsChart(bars, card, ChartFactory::tr("answers by score"));
        chart->setTitle(ChartFactory::tr("%1 answers, mean %2").arg(answers).arg(QLocale().toString(sum / answers, 'f', 2)));
        return chart;
    }
    case Metric::Agents: {
        if (frame.current.isEmpty() || !frame.hasData()) {
            *emptyMessage = ChartFactory::tr("No agent activity in this range.");
            return nullptr;
        }
        QChart *chart = newChart(card->palette());
        auto *series = new QHorizontalBarSeries;
        auto *open = new QBarSet(ChartFactory::tr("Open claimed"));
        auto *actions = new QBarSet(ChartFactory::tr("Actions"));
        auto *resolved = new QBarSet(ChartFactory::tr("Resolved"));
        QStringList agents;
        for (const auto &[name, claimed] : frame.current) {
            agents.append(name);
            *open << claimed;
            const MetricSeries *a = frame.find(name, u"actions"_s);
            const MetricSeries *r = frame.find(name, u"resolved"_s);
            *actions << (a ? a->total() : 0);
            *resolved << (r ? r->total() : 0);
        }
        for (QBarSet *set : {open, actions, resolved}) {
            series->append(set);
            QObject::connect(set, &QBarSet::hovered, card, [card, set, agents](bool on, int index) {
                if (on && index >= 0 && index < agents.size())
                    card->setHoverText(ChartFactory::tr("%1 — %2: %3")
                                           .arg(agents.at(index), set->label(), QLocale().toString(qint64(std::llround(set->at(index))))));
            });
        }
        chart->addSeries(series);
        double top = 0;
        QList<ChartLegend::Entry> legend;
        for (QBarSet *set : {open, actions, resolved}) {
            legend.append({set->label(), set->color(), false, Qt::SolidLine, QString()});
            for (int i = 0; i < set->count(); ++i)
                top = std::max(top, set->at(i));
        }
        card->setLegendEntries(legend);
        auto *y = new QBarCategoryAxis;
        y->append(agents);
        auto *x = new QValueAxis;
        chart->addAxis(y, Qt::AlignLeft);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(y);
        series->attachAxis(x);
        roundAxis(x, 0, top, true);
        return chart;
    }
    case Metric::Count: break;
    }
    *emptyMessage = ChartFactory::tr("Unknown chart.");
    return nullptr;
}

} // namespace relaydesk::ui

#include "ChartFactory.h"

#include "ChartCard.h"
#include "models/Labels.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <cmath>

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

QChart *newChart()
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true);
    QFont small = chart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->legend()->setFont(small);
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

QString timeLabel(const MetricsFrame &frame, qint64 ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    return frame.bucketSeconds >= 3600 ? QLocale().toString(t, u"MMM d HH:mm"_s) : QLocale().toString(t, u"HH:mm"_s);
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

// A time chart: one line per entry, points at bucket starts; NaN values leave the point out.
QChart *timeChart(const MetricsFrame &frame, const QList<Line> &lines, ChartCard *card, const QString &yTitle,
                  std::optional<std::pair<double, double>> yRange, const QString &unit)
{
    QChart *chart = newChart();
    auto *x = new QDateTimeAxis;
    x->setFormat(frame.bucketSeconds >= 3600 ? u"MMM d"_s : u"HH:mm"_s);
    x->setTickCount(5); // more labels than this overlap and get elided in a quarter-width card
    x->setRange(QDateTime::fromMSecsSinceEpoch(frame.fromMs), QDateTime::fromMSecsSinceEpoch(frame.toMs));
    auto *y = new QValueAxis;
    y->setTitleText(yTitle);
    y->setLabelFormat(u"%.0f"_s);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double top = 0;
    for (const Line &line : lines) {
        auto *series = new QLineSeries;
        series->setName(line.label);
        for (qsizetype i = 0; i < frame.starts.size() && i < line.series->values.size(); ++i) {
            const double v = line.series->values.at(i);
            if (std::isnan(v))
                continue;
            series->append(double(frame.starts.at(i)), v * line.scale);
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
        const QString label = line.label;
        QObject::connect(series, &QXYSeries::hovered, card, [card, label, unit](const QPointF &p, bool on) {
            if (!on)
                return;
            const auto shown = card->frame();
            const QString when = shown ? timeLabel(*shown, qint64(p.x())) : QString();
            card->setHoverText(QCoreApplication::translate("ChartFactory", "%1 at %2: %3%4")
                                   .arg(label, when, QLocale().toString(p.y(), 'f', p.y() < 10 ? 1 : 0), unit));
        });
        if (!line.key.isEmpty()) {
            const QString key = line.key;
            QObject::connect(series, &QXYSeries::clicked, card, [card, key](const QPointF &) { card->activate(key); });
            const auto markers = chart->legend()->markers(series);
            for (QLegendMarker *marker : markers)
                QObject::connect(marker, &QLegendMarker::clicked, card, [card, key] { card->activate(key); });
        }
    }
    if (yRange) {
        y->setRange(yRange->first, yRange->second);
    } else {
        y->setRange(0, top <= 0 ? 1 : top < 10 ? top * 1.15 : std::ceil(top * 1.1));
        if (top >= 10)
            y->applyNiceNumbers();
        else
            y->setLabelFormat(u"%.1f"_s);
    }
    return chart;
}

// Bars: one set per entry (so the legend names each and a click on bar or legend entry drills down), one
// category; or several sets over named categories (agents).
QChart *totalsChart(const QList<std::tuple<QString, double, QString>> &bars, ChartCard *card, const QString &yTitle)
{
    QChart *chart = newChart();
    auto *series = new QBarSeries;
    for (const auto &[label, value, key] : bars) {
        auto *set = new QBarSet(label);
        *set << value;
        series->append(set);
        const QString text = label;
        QObject::connect(set, &QBarSet::hovered, card, [card, text, value = value](bool on, int) {
            if (on)
                card->setHoverText(QCoreApplication::translate("ChartFactory", "%1: %2").arg(text, QLocale().toString(value, 'f', 0)));
        });
        if (!key.isEmpty()) {
            const QString k = key;
            QObject::connect(set, &QBarSet::clicked, card, [card, k](int) { card->activate(k); });
        }
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(yTitle);
    auto *y = new QValueAxis;
    y->setLabelFormat(u"%.0f"_s);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    y->applyNiceNumbers();
    const auto markers = chart->legend()->markers(series);
    for (qsizetype i = 0; i < markers.size() && i < bars.size(); ++i) {
        const QString key = std::get<2>(bars.at(i));
        if (!key.isEmpty())
            QObject::connect(markers.at(i), &QLegendMarker::clicked, card, [card, key] { card->activate(key); });
    }
    return chart;
}

QString causeLabel(const QString &wire)
{
    const auto cause = fromWire<Cause>(wire);
    return cause ? models::label(*cause) : wire;
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
        return timeChart(frame, lines, card, ChartFactory::tr("tickets"), std::nullopt, {});
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
        return timeChart(frame, lines, card, ChartFactory::tr("tickets per bucket"), std::nullopt, {});
    }
    case Metric::Causes:
    case Metric::Regions:
    case Metric::AppVersions: {
        QList<std::tuple<QString, double, QString>> bars;
        for (const MetricSeries &s : frame.series) {
            if (s.field.isEmpty() && s.name != "all"_L1 && s.total() > 0) {
                const QString label = frame.metric == Metric::Causes ? causeLabel(s.name) : s.name;
                bars.append({label, s.total(), frame.metric == Metric::AppVersions ? QString() : s.name});
            }
        }
        if (bars.isEmpty()) {
            *emptyMessage = ChartFactory::tr("No tickets in this range.");
            return nullptr;
        }
        std::stable_sort(bars.begin(), bars.end(), [](const auto &a, const auto &b) { return std::get<1>(a) > std::get<1>(b); });
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
                         std::pair<double, double>{std::max(0.0, std::floor(low / 10) * 10 - 10), 100.0}, u" %"_s);
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
            return timeChart(frame, lines, card, ChartFactory::tr("seconds since the report"), std::nullopt, ChartFactory::tr(" s"));
        }
        return timeChart(frame, lines, card, ChartFactory::tr("minutes since the report"), std::nullopt, ChartFactory::tr(" min"));
    }
    case Metric::Sla: {
        const MetricSeries *fr = frame.find(u"all"_s, u"first_response_breaches"_s);
        const MetricSeries *res = frame.find(u"all"_s, u"resolution_breaches"_s);
        if (!fr || !res || (!fr->hasData() && !res->hasData())) {
            *emptyMessage = ChartFactory::tr("No SLA breaches in this range.");
            return nullptr;
        }
        return timeChart(frame, {{ChartFactory::tr("First response breaches"), fr}, {ChartFactory::tr("Resolution breaches"), res}}, card,
                         ChartFactory::tr("breaches"), std::nullopt, {});
    }
    case Metric::Csat: {
        QList<std::tuple<QString, double, QString>> bars;
        double answers = 0;
        for (int score = 1; score <= 5; ++score) {
            const MetricSeries *s = frame.find(u"scores"_s, QString::number(score));
            const double n = s ? s->total() : 0;
            answers += n;
            bars.append({ChartFactory::tr("%1 ★").arg(score), n, QString()});
        }
        if (answers == 0) {
            *emptyMessage = ChartFactory::tr("No survey answers in this range.");
            return nullptr;
        }
        QChart *chart = totalsChart(bars, card, ChartFactory::tr("answers by score"));
        double sum = 0;
        for (int score = 1; score <= 5; ++score)
            sum += score * std::get<1>(bars.at(score - 1));
        chart->setTitle(ChartFactory::tr("%1 answers, mean %2").arg(answers).arg(QLocale().toString(sum / answers, 'f', 2)));
        return chart;
    }
    case Metric::Agents: {
        if (frame.current.isEmpty() || !frame.hasData()) {
            *emptyMessage = ChartFactory::tr("No agent activity in this range.");
            return nullptr;
        }
        QChart *chart = newChart();
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
                    card->setHoverText(QCoreApplication::translate("ChartFactory", "%1 — %2: %3")
                                           .arg(agents.at(index), set->label(), QLocale().toString(set->at(index), 'f', 0)));
            });
        }
        chart->addSeries(series);
        auto *y = new QBarCategoryAxis;
        y->append(agents);
        auto *x = new QValueAxis;
        x->setLabelFormat(u"%.0f"_s);
        chart->addAxis(y, Qt::AlignLeft);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(y);
        series->attachAxis(x);
        x->applyNiceNumbers();
        return chart;
    }
    case Metric::Count: break;
    }
    *emptyMessage = ChartFactory::tr("Unknown chart.");
    return nullptr;
}

} // namespace relaydesk::ui

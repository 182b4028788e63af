#include "server/MetricsFacts.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

constexpr int kExact = 64;      // values below are their own bin
constexpr int kSubBins = 32;    // bins per power of two above
constexpr int kSubBits = 5;     // log2(kSubBins)
constexpr int kFirstExponent = 6; // 2^6 = kExact

} // namespace

QList<MetricFact> MetricsFacts::ofTicket(const TicketHistory &t, const SlaTargets &targets)
{
    QList<MetricFact> facts;
    facts.reserve(8 + 3 * t.events.size());
    const auto add = [&](qint64 at, const QString &series, const QString &name, qint64 n = 1,
                         qint64 total = 0) { facts.append({at, series, name, n, total}); };

    add(t.reportedAt, RollupSeries::Inflow, {});
    add(t.reportedAt, RollupSeries::Cause, t.cause);
    add(t.reportedAt, RollupSeries::Region, t.region);
    add(t.reportedAt, RollupSeries::AppVersion, t.appVersion);

    // Queue depth: the stretches of MetricsCalculator::queueDepth. A status held from a (exclusive) to b
    // (inclusive) counts at every bucket end E with a < E <= b: +1 at a, -1 at b, so that the depth at an end
    // is the sum of the facts before it.
    const auto stretch = [&](const QString &status, qint64 a, std::optional<qint64> b) {
        if (!MetricsCalculator::isOpenStatus(status))
            return;
        if (!b) {
            add(a, RollupSeries::Queue, status, 1);
        } else if (a < *b) {
            add(a, RollupSeries::Queue, status, 1);
            add(*b, RollupSeries::Queue, status, -1);
        }
    };
    QString status;
    qint64 since = t.reportedAt;
    if (t.events.isEmpty() || t.events.constFirst().at > t.reportedAt)
        status = u"reported"_s;
    for (const HistoryEvent &e : t.events) {
        if (e.at != since)
            stretch(status, since, e.at);
        status = MetricsCalculator::statusAfter(status, e);
        since = e.at;

        if (MetricsCalculator::isResolveKind(e.kind))
            add(e.at, RollupSeries::Outflow, {});
        else if (e.kind == "reopened"_L1)
            add(e.at, RollupSeries::Reopened, {});
        if (MetricsCalculator::isAgent(e.actor) && MetricsCalculator::isAgentAction(e.kind)) {
            add(e.at, RollupSeries::AgentActions, e.actor);
            if (e.kind == "resolved"_L1)
                add(e.at, RollupSeries::AgentResolved, e.actor);
        }
    }
    stretch(status, since, std::nullopt);

    const auto firstResponse = MetricsCalculator::firstResponseAt(t);
    const auto resolution = MetricsCalculator::finalResolutionAt(t);
    if (firstResponse) {
        const qint64 ms = *firstResponse - t.reportedAt;
        add(*firstResponse, RollupSeries::FirstResponse, QString::number(binOf(ms)), 1, ms);
    }
    if (resolution) {
        const qint64 ms = *resolution - t.reportedAt;
        add(*resolution, RollupSeries::Resolution, QString::number(binOf(ms)), 1, ms);
    }
    // Breaches sit at the deadline whatever the time; the reader counts only deadlines already past.
    const qint64 responseDeadline = t.reportedAt + targets.firstResponseMs;
    if (!firstResponse || *firstResponse > responseDeadline)
        add(responseDeadline, RollupSeries::SlaFirstResponse, {});
    const qint64 resolutionDeadline = t.reportedAt + targets.resolutionMs;
    if (!resolution || *resolution > resolutionDeadline)
        add(resolutionDeadline, RollupSeries::SlaResolution, {});
    return facts;
}

std::optional<MetricFact> MetricsFacts::ofSurvey(qint64 answeredAt, int score)
{
    if (score < 1 || score > 5)
        return std::nullopt;
    return MetricFact{answeredAt, RollupSeries::Csat, QString::number(score), 1, 0};
}

int MetricsFacts::binOf(qint64 ms)
{
    if (ms < kExact)
        return int(qMax<qint64>(ms, std::numeric_limits<int>::min()));
    const int exponent = int(std::bit_width(quint64(ms))) - 1; // >= 6
    const int sub = int((ms >> (exponent - kSubBits)) & (kSubBins - 1));
    return kExact + (exponent - kFirstExponent) * kSubBins + sub;
}

qint64 MetricsFacts::binLow(int bin)
{
    if (bin < kExact)
        return bin;
    const int exponent = (bin - kExact) / kSubBins + kFirstExponent;
    const int sub = (bin - kExact) % kSubBins;
    return (qint64(1) << exponent) + (qint64(sub) << (exponent - kSubBits));
}

qint64 MetricsFacts::binHigh(int bin)
{
    if (bin < kExact)
        return bin;
    return binLow(bin + 1) - 1;
}

Percentiles MetricsFacts::percentiles(QList<Bin> bins)
{
    std::sort(bins.begin(), bins.end(), [](const Bin &a, const Bin &b) { return a.bin < b.bin; });
    Percentiles p;
    qint64 count = 0;
    for (const Bin &b : std::as_const(bins))
        count += qMax<qint64>(0, b.n);
    p.count = int(count);
    if (count == 0)
        return p;
    const auto rank = [&](int percent) {
        const qint64 r = qBound<qint64>(1, qint64(std::ceil(double(percent) * double(count) / 100.0)), count);
        qint64 seen = 0;
        for (const Bin &b : std::as_const(bins)) {
            if (b.n <= 0)
                continue;
            seen += b.n;
            if (seen >= r)
                return b.total / b.n;
        }
        return bins.constLast().total / qMax<qint64>(1, bins.constLast().n);
    };
    p.p50 = rank(50);
    p.p90 = rank(90);
    p.p95 = rank(95);
    return p;
}

} // namespace relaydesk::server

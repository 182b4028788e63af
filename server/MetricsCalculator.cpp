#include "server/MetricsCalculator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace relaydesk::server {

using namespace Qt::StringLiterals;

namespace {

QList<int> zeros(int n)
{
    return QList<int>(n, 0);
}

} // namespace

bool MetricsCalculator::isResolveKind(const QString &kind)
{
    return kind == "resolved"_L1 || kind == "resolved_auto"_L1 || kind == "closed"_L1;
}

bool MetricsCalculator::isAgentAction(const QString &kind)
{
    static const QStringList kinds{
        u"claimed"_s,  u"released"_s, u"transferred"_s,      u"replied"_s,          u"note"_s,
        u"resolved"_s, u"reopened"_s, u"resend_requested"_s, u"reroute_requested"_s};
    return kinds.contains(kind);
}

QString MetricsCalculator::statusAfter(const QString &current, const HistoryEvent &e)
{
    const QString &k = e.kind;
    if (k == "reported"_L1 || k == "diagnosed"_L1 || k == "auto_handling"_L1 || k == "escalated"_L1 ||
        k == "resolved"_L1 || k == "resolved_auto"_L1 || k == "reopened"_L1 || k == "closed"_L1)
        return k;
    if (k == "claimed"_L1)
        return current == "waiting_user"_L1 ? current : u"claimed"_s;
    if (k == "released"_L1)
        return current == "claimed"_L1 ? u"escalated"_s : current;
    if (k == "transferred"_L1)
        return e.assignee.isEmpty() ? u"escalated"_s : u"claimed"_s;
    if (k == "replied"_L1)
        return u"waiting_user"_s;
    return current;
}

QString MetricsCalculator::statusAt(const TicketHistory &ticket, qint64 before)
{
    QString status;
    for (const HistoryEvent &e : ticket.events) {
        if (e.at >= before)
            break;
        status = statusAfter(status, e);
    }
    if (status.isEmpty() && ticket.reportedAt < before)
        status = u"reported"_s;
    return status;
}

std::optional<qint64> MetricsCalculator::firstResponseAt(const TicketHistory &ticket)
{
    for (const HistoryEvent &e : ticket.events) {
        if (e.kind == "replied"_L1 && isAgent(e.actor))
            return e.at;
        if (e.kind == "gateway_attempt"_L1 &&
            (e.outcome == "delivered"_L1 || e.outcome == "duplicate_suppressed"_L1))
            return e.at;
    }
    return std::nullopt;
}

std::optional<qint64> MetricsCalculator::finalResolutionAt(const TicketHistory &ticket)
{
    std::optional<qint64> resolved;
    for (const HistoryEvent &e : ticket.events) {
        if (isResolveKind(e.kind))
            resolved = e.at;
        else if (e.kind == "reopened"_L1)
            resolved.reset();
    }
    return resolved;
}

bool MetricsCalculator::isOpenStatus(const QString &status)
{
    static const QStringList open{u"reported"_s, u"diagnosed"_s,    u"auto_handling"_s, u"escalated"_s,
                                  u"claimed"_s,  u"waiting_user"_s, u"reopened"_s};
    return open.contains(status);
}

bool MetricsCalculator::isAgent(const QString &actor)
{
    return !actor.isEmpty() && actor != "system"_L1 && actor != "tier1"_L1;
}

Percentiles MetricsCalculator::percentiles(QList<qint64> values)
{
    Percentiles p;
    p.count = int(values.size());
    if (values.isEmpty())
        return p;
    std::sort(values.begin(), values.end());
    const auto rank = [&](int percent) {
        const qsizetype r = qsizetype(std::ceil(double(percent) * double(values.size()) / 100.0));
        return values.at(qBound<qsizetype>(1, r, values.size()) - 1);
    };
    p.p50 = rank(50);
    p.p90 = rank(90);
    p.p95 = rank(95);
    return p;
}

QList<QMap<QString, int>> MetricsCalculator::queueDepth(const MetricsRange &range,
                                                        const QList<TicketHistory> &tickets,
                                                        const QMap<QString, int> &baseline)
{
    // A status holds from its event (exclusive) to the next event (inclusive) for the bucket ends in between
    // (the status at an end counts events strictly before it). Each such stretch adds one to a range of
    // buckets in a difference array per status: O(events + buckets), not O(events x buckets).
    const int n = range.count();
    QHash<QString, QList<int>> diff;
    const auto firstEndAfter = [&](qint64 a) { // smallest i with end(i) > a
        if (a >= range.to)
            return n;
        if (a < range.from)
            return 0;
        return int(qMin<qint64>(n, (a - range.from) / range.bucketMs));
    };
    const auto lastEndAtOrBefore = [&](qint64 b) { // largest i with end(i) <= b
        if (b >= range.to)
            return n - 1;
        if (b < range.from)
            return -1;
        return int((b - range.from) / range.bucketMs) - 1;
    };
    const auto add = [&](const QString &status, qint64 a, qint64 b) {
        if (!isOpenStatus(status))
            return;
        const int lo = firstEndAfter(a);
        const int hi = lastEndAtOrBefore(b);
        if (lo > hi)
            return;
        QList<int> &d = diff[status];
        if (d.isEmpty())
            d = QList<int>(n + 1, 0);
        ++d[lo];
        --d[hi + 1];
    };
    constexpr qint64 kForever = std::numeric_limits<qint64>::max();
    for (const TicketHistory &t : tickets) {
        QString status;
        qint64 since = t.reportedAt;
        if (t.events.isEmpty() || t.events.constFirst().at > t.reportedAt)
            status = u"reported"_s;
        for (const HistoryEvent &e : t.events) {
            if (e.at != since)
                add(status, since, e.at);
            status = statusAfter(status, e);
            since = e.at;
        }
        add(status, since, kForever);
    }
    QList<QMap<QString, int>> out(n);
    for (int i = 0; i < n; ++i) {
        for (auto it = baseline.begin(); it != baseline.end(); ++it) {
            if (isOpenStatus(it.key()) && it.value() > 0)
                out[i][it.key()] += it.value();
        }
    }
    for (auto it = diff.begin(); it != diff.end(); ++it) {
        int running = 0;
        for (int i = 0; i < n; ++i) {
            running += it.value().at(i);
            if (running > 0)
                out[i][it.key()] += running;
        }
    }
    return out;
}

QList<FlowBucket> MetricsCalculator::flow(const MetricsRange &range, const QList<TicketHistory> &tickets)
{
    QList<FlowBucket> out(range.count());
    for (const TicketHistory &t : tickets) {
        if (const int i = range.indexOf(t.reportedAt); i >= 0)
            ++out[i].inflow;
        for (const HistoryEvent &e : t.events) {
            const int i = range.indexOf(e.at);
            if (i < 0)
                continue;
            if (isResolveKind(e.kind))
                ++out[i].outflow;
            else if (e.kind == "reopened"_L1)
                ++out[i].reopened;
        }
    }
    return out;
}

QList<QMap<QString, int>> MetricsCalculator::countBy(const MetricsRange &range,
                                                     const QList<TicketHistory> &tickets, Key key)
{
    QList<QMap<QString, int>> out(range.count());
    for (const TicketHistory &t : tickets) {
        const int i = range.indexOf(t.reportedAt);
        if (i < 0)
            continue;
        const QString &name = key == Key::Cause ? t.cause : key == Key::Region ? t.region : t.appVersion;
        ++out[i][name];
    }
    return out;
}

QList<ResponseBucket> MetricsCalculator::response(const MetricsRange &range,
                                                  const QList<TicketHistory> &tickets)
{
    QList<QList<qint64>> first(range.count());
    QList<QList<qint64>> resolution(range.count());
    for (const TicketHistory &t : tickets) {
        if (const auto at = firstResponseAt(t)) {
            if (const int i = range.indexOf(*at); i >= 0)
                first[i].append(*at - t.reportedAt);
        }
        if (const auto at = finalResolutionAt(t)) {
            if (const int i = range.indexOf(*at); i >= 0)
                resolution[i].append(*at - t.reportedAt);
        }
    }
    QList<ResponseBucket> out(range.count());
    for (int i = 0; i < range.count(); ++i) {
        out[i].firstResponse = percentiles(first.at(i));
        out[i].resolution = percentiles(resolution.at(i));
    }
    return out;
}

QList<SlaBucket> MetricsCalculator::sla(const MetricsRange &range, const QList<TicketHistory> &tickets,
                                        const SlaTargets &targets, qint64 now)
{
    QList<SlaBucket> out(range.count());
    for (const TicketHistory &t : tickets) {
        const qint64 responseDeadline = t.reportedAt + targets.firstResponseMs;
        if (responseDeadline < now) {
            const auto at = firstResponseAt(t);
            if (!at || *at > responseDeadline) {
                if (const int i = range.indexOf(responseDeadline); i >= 0)
                    ++out[i].firstResponseBreaches;
            }
        }
        const qint64 resolutionDeadline = t.reportedAt + targets.resolutionMs;
        if (resolutionDeadline < now) {
            const auto at = finalResolutionAt(t);
            if (!at || *at > resolutionDeadline) {
                if (const int i = range.indexOf(resolutionDeadline); i >= 0)
                    ++out[i].resolutionBreaches;
            }
        }
    }
    return out;
}

QList<AgentSeries> MetricsCalculator::agents(const MetricsRange &range, const QList<TicketHistory> &tickets)
{
    QMap<QString, AgentSeries> byName;
    for (const TicketHistory &t : tickets) {
        for (const HistoryEvent &e : t.events) {
            if (!isAgent(e.actor) || !isAgentAction(e.kind))
                continue;
            const int i = range.indexOf(e.at);
            if (i < 0)
                continue;
            AgentSeries &s = byName[e.actor];
            if (s.username.isEmpty()) {
                s.username = e.actor;
                s.actions = zeros(range.count());
                s.resolved = zeros(range.count());
            }
            ++s.actions[i];
            if (e.kind == "resolved"_L1)
                ++s.resolved[i];
        }
    }
    return byName.values();
}

QList<QMap<QString, DeliveryCell>> MetricsCalculator::delivery(const MetricsRange &range,
                                                               const QList<TelemetrySample> &samples)
{
    QList<QMap<QString, DeliveryCell>> out(range.count());
    for (const TelemetrySample &s : samples) {
        const int i = range.indexOf(s.at);
        if (i < 0)
            continue;
        DeliveryCell &cell = out[i][s.region];
        cell.sent += s.sent;
        cell.failed += s.failed;
    }
    return out;
}

} // namespace relaydesk::server

#include "MetricsCompare.h"

#include "core/JsonReader.h"
#include "server/Database.h"
#include "server/MetricsFacts.h"
#include "server/MetricsRollups.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace relaydesk::server;

namespace {

QString iso(qint64 ms)
{
    return relaydesk::formatRfc3339(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

// Percentiles as their histogram bins: the rollups answer the mean of the bin holding the rank.
QJsonObject binned(QJsonObject answer)
{
    QJsonArray buckets = answer.value("buckets"_L1).toArray();
    for (qsizetype i = 0; i < buckets.size(); ++i) {
        QJsonObject b = buckets[i].toObject();
        for (const auto name : {"first_response"_L1, "resolution"_L1}) {
            QJsonObject p = b.value(name).toObject();
            for (const auto key : {"p50_ms"_L1, "p90_ms"_L1, "p95_ms"_L1}) {
                if (!p.value(key).isNull())
                    p.insert(key, MetricsFacts::binOf(p.value(key).toInteger()));
            }
            b.insert(name, p);
        }
        buckets[i] = b;
    }
    answer.insert("buckets"_L1, buckets);
    return answer;
}

QList<QVariantList> rollupRows(QSqlDatabase &db)
{
    QList<QVariantList> rows;
    QSqlQuery q(db);
    q.exec(u"SELECT grain, series, start_at, name, n, total FROM metric_rollups WHERE n <> 0 OR total <> 0"
           " ORDER BY grain, series, start_at, name"_s);
    while (q.next())
        rows.append({q.value(0), q.value(1), q.value(2), q.value(3), q.value(4), q.value(5)});
    q.exec(u"SELECT grain, series, start_at, bins FROM metric_histograms ORDER BY grain, series, start_at"_s);
    while (q.next()) {
        MetricsRollups::Histogram bins;
        MetricsRollups::addDecoded(q.value(3).toByteArray(), &bins);
        QStringList cells;
        for (auto it = bins.begin(); it != bins.end(); ++it)
            cells << u"%1:%2:%3"_s.arg(it.key()).arg(it->n).arg(it->total);
        rows.append({q.value(0), q.value(1), q.value(2), cells.join(u' ')});
    }
    return rows;
}

QString describe(const QVariantList &row)
{
    QStringList parts;
    for (const QVariant &v : row)
        parts << v.toString();
    return parts.join(u' ');
}

} // namespace

bool MetricsReference::start(const ServiceOptions &options, const QString &user, const QString &password,
                             QString *error)
{
    ServiceOptions reference = options;
    reference.metricsFromRollups = false;
    reference.gatewayUrl = QUrl();
    reference.port = 0;
    service = std::make_unique<Service>(reference);
    if (!service->start(error))
        return false;
    client = std::make_unique<TestClient>(service->baseUrl());
    token = client->login(user, password);
    if (token.isEmpty()) {
        *error = u"reference login failed"_s;
        return false;
    }
    return true;
}

QString MetricsReference::compare(TestClient &rollups, const QString &rollupsToken, qint64 from, qint64 to,
                                  const QString &bucket)
{
    static const QStringList series{u"queue"_s,    u"flow"_s,     u"causes"_s, u"regions"_s,
                                    u"app-versions"_s, u"delivery"_s, u"response"_s, u"sla"_s,
                                    u"csat"_s,     u"agents"_s};
    QUrlQuery query;
    query.addQueryItem(u"from"_s, QString::fromLatin1(QUrl::toPercentEncoding(iso(from))));
    query.addQueryItem(u"to"_s, QString::fromLatin1(QUrl::toPercentEncoding(iso(to))));
    query.addQueryItem(u"bucket"_s, bucket);
    for (const QString &name : series) {
        const QString path = u"/api/v1/metrics/%1?%2"_s.arg(name, query.toString());
        const HttpResult a = rollups.get(path, rollupsToken);
        const HttpResult b = client->get(path, token);
        const auto where = [&] { return u"%1 from %2 to %3 bucket %4"_s.arg(name, iso(from), iso(to), bucket); };
        if (a.status != 200 || b.status != 200)
            return u"%1: status %2 / %3: %4"_s.arg(where()).arg(a.status).arg(b.status).arg(
                QString::fromUtf8(a.body + " / " + b.body));
        const QJsonObject left = name == "response"_L1 ? binned(a.json) : a.json;
        const QJsonObject right = name == "response"_L1 ? binned(b.json) : b.json;
        if (left != right)
            return u"%1:\n rollups %2\n raw     %3"_s.arg(where(),
                                                        QString::fromUtf8(QJsonDocument(a.json).toJson(QJsonDocument::Compact)),
                                                        QString::fromUtf8(QJsonDocument(b.json).toJson(QJsonDocument::Compact)));
    }
    return {};
}

QString rollupsMatchRebuild(const QString &databasePath, const SlaTargets &targets)
{
    Database database(databasePath);
    WriteTransaction tx(database);
    QString error;
    if (!tx.begin(&error))
        return error;
    const QList<QVariantList> kept = rollupRows(tx.db());
    qint64 tickets = 0;
    if (!MetricsRollups::rebuild(tx.db(), targets, &tickets, &error))
        return error;
    const QList<QVariantList> rebuilt = rollupRows(tx.db());
    tx.rollback();
    if (kept.isEmpty())
        return u"no rollup rows at all"_s;
    for (qsizetype i = 0; i < qMax(kept.size(), rebuilt.size()); ++i) {
        const QVariantList a = kept.value(i), b = rebuilt.value(i);
        if (a != b)
            return u"row %1 of %2/%3: kept [%4], rebuilt [%5]"_s.arg(i).arg(kept.size()).arg(rebuilt.size()).arg(
                describe(a), describe(b));
    }
    return {};
}

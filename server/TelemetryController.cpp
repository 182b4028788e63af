#include "server/TelemetryController.h"

#include "core/ReportCodec.h"
#include "server/AlertMonitor.h"
#include "server/AuthStore.h"
#include "server/HttpReply.h"
#include "server/HttpRequestData.h"
#include "server/ServerLog.h"
#include "server/TelemetryBatch.h"
#include "server/TelemetryStore.h"

#include "server/http/Router.h"
#include <QJsonArray>
#include <QMap>

#include <limits>

namespace relaydesk::server {

using namespace Qt::StringLiterals;
using Status = HttpReply::Status;

namespace {
constexpr qsizetype kMaxBody = 1024 * 1024; // 1440 rows are ~150 KiB
} // namespace

TelemetryController::TelemetryController(const ServiceContext &context) : m_context(context) {}

void TelemetryController::registerRoutes(Router &server)
{
    server.route(u"/api/v1/telemetry"_s, [this](const HttpRequest &request) {
        if (request.method() != HttpMethod::Post)
            return HttpReply::ready(HttpReply::methodNotAllowed());
        HttpRequestData data = HttpRequestData::from(request);
        if (data.bearer().isEmpty())
            return HttpReply::ready(
                HttpReply::unauthorized(u"an Authorization: Bearer <client key> header is required"_s));
        if (data.body.size() > kMaxBody)
            return HttpReply::ready(HttpReply::error(Status::PayloadTooLarge, u"payload_too_large"_s,
                                                     u"the body is larger than %1 bytes"_s.arg(kMaxBody)));
        return HttpReply::onPool(m_context.pool, [this, data = std::move(data)] { return intake(data); });
    });
}

HttpResponse TelemetryController::intake(const HttpRequestData &request) const
{
    QString error;
    const auto keyId = m_context.auth->authenticateClientKey(request.bearer(), &error);
    if (!error.isEmpty())
        return HttpReply::internal(u"cannot check the client key: %1"_s.arg(error));
    if (!keyId)
        return HttpReply::unauthorized(u"the client key is unknown or revoked"_s);
    const QByteArray mime = request.contentType.split(';').constFirst().trimmed();
    if (!mime.isEmpty() && mime.compare("application/json", Qt::CaseInsensitive) != 0)
        return HttpReply::error(Status::UnsupportedMediaType, u"unsupported_media_type"_s,
                                u"the body must be application/json"_s);
    const auto json = parseJsonObject(request.body);
    if (!json.ok())
        return HttpReply::error(Status::BadRequest, u"bad_json"_s, json.error().message);
    const qint64 now = m_context.now();
    const auto batch = TelemetryBatch::decode(json.value(), now);
    if (!batch.ok())
        return HttpReply::error(Status::UnprocessableEntity, u"validation_failed"_s, batch.error().toString(),
                                batch.error().path);
    const QList<TelemetrySample> &rows = batch.value().rows;
    // The minutes that move each region's data forward are the ones the delivery rule looks at.
    QMap<QString, qint64> previous;
    for (const TelemetrySample &row : rows) {
        if (previous.contains(row.region))
            continue;
        const auto latest = m_context.telemetry->latestMinute(row.region, &error);
        if (!error.isEmpty())
            return HttpReply::internal(u"cannot read the telemetry: %1"_s.arg(error));
        previous.insert(row.region, latest.value_or(std::numeric_limits<qint64>::min()));
    }
    if (!m_context.telemetry->store(rows, now, &error))
        return HttpReply::internal(u"cannot store the telemetry: %1"_s.arg(error));
    QMap<QString, QList<qint64>> advancing;
    for (const TelemetrySample &row : rows) {
        QList<qint64> &minutes = advancing[row.region];
        if (row.at > previous.value(row.region))
            minutes.append(row.at);
    }
    const QStringList sorted = advancing.keys();
    // Alerts are a consequence of the stored data: a failed evaluation is logged, the intake still succeeded
    // (the timer evaluates again).
    if (m_context.alertMonitor && !m_context.alertMonitor->evaluateDelivery(advancing, &error))
        qCWarning(lcServer) << "alert evaluation after telemetry failed:" << error;
    return HttpReply::json(
        {{"accepted"_L1, int(rows.size())}, {"regions"_L1, QJsonArray::fromStringList(sorted)}},
        Status::Accepted);
}

} // namespace relaydesk::server

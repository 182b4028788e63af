#pragma once

#include "core/Decoded.h"
#include "server/MetricsCalculator.h"

#include <QJsonObject>
#include <QList>

namespace relaydesk::server {

// POST /api/v1/telemetry body (docs/api.md "Telemetry"): {"minutes": [{"at", "region", "sent", "failed"},
// ...]}. At most kMaxRows rows; `at` an RFC 3339 time on a whole minute, no older than 48 h and at most 5
// minutes ahead of `now`; `region` 1-64 of [a-z0-9_-]; 0 <= failed <= sent <= 10^9. A later row for the same
// (region, minute) replaces an earlier one. Errors name the field path (`minutes[3].failed`).
struct TelemetryBatch
{
    static constexpr int kMaxRows = 1440;
    static constexpr qint64 kMaxCount = 1'000'000'000;
    static constexpr qint64 kMinuteMs = 60'000;
    static constexpr qint64 kMaxAgeMs = 48 * 3'600'000LL;
    static constexpr qint64 kMaxAheadMs = 5 * 60'000;

    QList<TelemetrySample> rows; // at = the minute, ms since the epoch

    static Decoded<TelemetryBatch> decode(const QJsonObject &body, qint64 now);
};

} // namespace relaydesk::server

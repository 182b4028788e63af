// Report intake: body -> JSON object -> validated report -> log payload, as POST /api/v1/reports runs it.
// Invariant: whatever decodes re-encodes to JSON that decodes again to the same report.
#include "core/LogPayload.h"
#include "core/ReportCodec.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace relaydesk;
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto json = parseJsonObject(body);
    if (!json.ok())
        return 0;
    const auto report = decodeReport(json.value());
    if (!report.ok()) {
        if (report.error().message.isEmpty())
            std::abort(); // every rejection says why
        return 0;
    }
    const LogDecodeResult log = decodeLogPayload(report.value().log, 1 << 20, 4 << 20);
    if (log.status != LogDecodeResult::Status::Ok && log.error.path.isEmpty())
        std::abort();
    const QJsonObject encoded = encodeReport(report.value());
    const auto again = decodeReport(QJsonDocument::fromJson(QJsonDocument(encoded).toJson()).object());
    if (!again.ok() || encodeReport(again.value()) != encoded)
        std::abort();
    return 0;
}

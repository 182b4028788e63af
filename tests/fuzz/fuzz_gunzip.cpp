// gunzip with an output limit, and the base64 log payload around it. Invariants: never more than the limit,
// Ok data re-compresses and inflates to itself, and a result is exactly one of Ok / Invalid / TooLarge.
#include "core/Gzip.h"
#include "core/LogPayload.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace relaydesk;
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    constexpr qint64 kLimit = 1 << 16; // small, so bombs hit the limit fast and execs stay cheap
    const GunzipResult out = gunzip(input, kLimit);
    if (out.data.size() > kLimit)
        std::abort();
    if (out.status == GunzipResult::Status::Ok) {
        const GunzipResult again = gunzip(gzip(out.data), out.data.size());
        if (again.status != GunzipResult::Status::Ok || again.data != out.data)
            std::abort();
    } else if (out.message.isEmpty() || !out.data.isEmpty()) {
        std::abort();
    }
    // The same bytes as an uploaded payload: base64 of them, and the raw bytes as (invalid) base64 text.
    const LogPayload encoded{LogFormat::Auto, LogEncoding::GzipBase64, input.toBase64()};
    const LogDecodeResult viaBase64 = decodeLogPayload(encoded, kLimit, kLimit);
    if ((viaBase64.status == LogDecodeResult::Status::Ok) != (out.status == GunzipResult::Status::Ok && size > 0)
        && size > 0)
        std::abort();
    const LogDecodeResult raw = decodeLogPayload({LogFormat::Auto, LogEncoding::GzipBase64, input}, kLimit, kLimit);
    if (raw.text.size() > kLimit)
        std::abort();
    return 0;
}

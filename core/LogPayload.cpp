#include "LogPayload.h"

#include "Gzip.h"

namespace relaydesk {

LogDecodeResult decodeLogPayload(const LogPayload &payload, qint64 maxCompressed, qint64 maxUncompressed)
{
    const QString path = QStringLiteral("log.data");
    if (payload.encoding == LogEncoding::Text) {
        if (payload.data.size() > maxUncompressed)
            return {LogDecodeResult::Status::TooLarge, {},
                    {path, QStringLiteral("log is larger than %1 bytes").arg(maxUncompressed)}};
        return {LogDecodeResult::Status::Ok, payload.data, {}};
    }
    // Line breaks are allowed in the base64 (Android's Base64.DEFAULT wraps every 76 characters).
    QByteArray base64 = payload.data;
    base64.removeIf([](char c) { return c == '\n' || c == '\r' || c == ' ' || c == '\t'; });
    // base64 grows data by 4/3: reject before decoding when even the encoded form is clearly too big.
    if (base64.size() > (maxCompressed / 3 + 1) * 4 + 4)
        return {LogDecodeResult::Status::TooLarge, {},
                {path, QStringLiteral("compressed log is larger than %1 bytes").arg(maxCompressed)}};
    const auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return {LogDecodeResult::Status::Invalid, {}, {path, QStringLiteral("is not valid base64")}};
    if (decoded.decoded.size() > maxCompressed)
        return {LogDecodeResult::Status::TooLarge, {},
                {path, QStringLiteral("compressed log is larger than %1 bytes").arg(maxCompressed)}};
    if (decoded.decoded.isEmpty())
        return {LogDecodeResult::Status::Ok, {}, {}};
    GunzipResult inflated = gunzip(decoded.decoded, maxUncompressed);
    switch (inflated.status) {
    case GunzipResult::Status::Ok:
        return {LogDecodeResult::Status::Ok, std::move(inflated.data), {}};
    case GunzipResult::Status::TooLarge:
        return {LogDecodeResult::Status::TooLarge, {},
                {path, QStringLiteral("uncompressed log is larger than %1 bytes").arg(maxUncompressed)}};
    case GunzipResult::Status::Invalid:
        break;
    }
    return {LogDecodeResult::Status::Invalid, {}, {path, inflated.message}};
}

LogPayload encodeLogPayload(const QByteArray &text, LogFormat format, LogEncoding encoding)
{
    LogPayload payload;
    payload.format = format;
    payload.encoding = encoding;
    payload.data = encoding == LogEncoding::Text ? text : gzip(text).toBase64();
    return payload;
}

} // namespace relaydesk

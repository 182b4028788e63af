#include "LogPayload.h"

#include "Gzip.h"

#include <cstring>

namespace relaydesk {

namespace {

LogDecodeResult checkedLines(QByteArray text, qint64 maxLines, const QString &path)
{
    // Stop counting at the first line over the limit: the answer is the same and the work is bounded.
    qint64 lines = 0;
    const char *p = text.constData();
    const char *const end = p + text.size();
    while (p < end && lines <= maxLines) {
        const void *nl = std::memchr(p, '\n', std::size_t(end - p));
        ++lines;
        p = nl ? static_cast<const char *>(nl) + 1 : end;
    }
    if (lines > maxLines)
        return {LogDecodeResult::Status::TooLarge, {},
                {path, QStringLiteral("log has more than %1 lines").arg(maxLines)}};
    return {LogDecodeResult::Status::Ok, std::move(text), {}};
}

} // namespace

LogDecodeResult decodeLogPayload(const LogPayload &payload, qint64 maxCompressed, qint64 maxUncompressed,
                                 qint64 maxLines)
{
    const QString path = QStringLiteral("log.data");
    if (payload.encoding == LogEncoding::Text) {
        if (payload.data.size() > maxUncompressed)
            return {LogDecodeResult::Status::TooLarge, {},
                    {path, QStringLiteral("log is larger than %1 bytes").arg(maxUncompressed)}};
        return checkedLines(payload.data, maxLines, path);
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
        return checkedLines(std::move(inflated.data), maxLines, path);
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

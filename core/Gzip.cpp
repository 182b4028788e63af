#include "Gzip.h"

#include <zlib.h>

#include <algorithm>
#include <memory>

namespace relaydesk {

GunzipResult gunzip(const QByteArray &compressed, qint64 maxOutput)
{
    GunzipResult result;
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return {GunzipResult::Status::Invalid, {}, QStringLiteral("cannot initialise the decompressor")};
    const std::unique_ptr<z_stream, int (*)(z_stream *)> guard(&stream, inflateEnd);

    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    constexpr qint64 kChunk = 256 * 1024;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        const qint64 room = maxOutput - result.data.size();
        if (room <= 0) {
            // Output is full: one more byte would exceed the limit unless the stream ends right here.
            char probe = 0;
            stream.next_out = reinterpret_cast<Bytef *>(&probe);
            stream.avail_out = 1;
            rc = inflate(&stream, Z_NO_FLUSH);
            if (rc == Z_STREAM_END && stream.avail_out == 1)
                break;
            if (stream.avail_out == 1) // no byte came out: the stream is cut short or corrupt, not too large
                return {GunzipResult::Status::Invalid, {},
                        rc == Z_BUF_ERROR || rc == Z_OK ? QStringLiteral("gzip stream is truncated")
                                          : QStringLiteral("not a valid gzip stream (%1)")
                                                .arg(QString::fromLatin1(stream.msg ? stream.msg : "corrupt data"))};
            return {GunzipResult::Status::TooLarge, {},
                    QStringLiteral("decompressed data exceeds %1 bytes").arg(maxOutput)};
        }
        const qint64 chunk = std::min(kChunk, room);
        const qsizetype before = result.data.size();
        result.data.resize(before + chunk);
        stream.next_out = reinterpret_cast<Bytef *>(result.data.data() + before);
        stream.avail_out = static_cast<uInt>(chunk);
        rc = inflate(&stream, Z_NO_FLUSH);
        result.data.resize(before + (chunk - stream.avail_out));
        if (rc == Z_BUF_ERROR && stream.avail_in == 0)
            return {GunzipResult::Status::Invalid, {}, QStringLiteral("gzip stream is truncated")};
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            return {GunzipResult::Status::Invalid, {},
                    QStringLiteral("not a valid gzip stream (%1)")
                        .arg(QString::fromLatin1(stream.msg ? stream.msg : "corrupt data"))};
        }
    }
    if (stream.avail_in != 0)
        return {GunzipResult::Status::Invalid, {}, QStringLiteral("unexpected data after the gzip stream")};
    return result;
}

QByteArray gzip(const QByteArray &data, int level)
{
    z_stream stream{};
    if (deflateInit2(&stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(qsizetype(deflateBound(&stream, static_cast<uLong>(data.size()))) + 32);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return rc == Z_STREAM_END ? out : QByteArray();
}

} // namespace relaydesk

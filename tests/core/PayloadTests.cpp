#include "TestCodecs.h"

#include "core/Gzip.h"
#include "core/Limits.h"
#include "core/LogPayload.h"

#include <QRandomGenerator>
#include <QTest>

#include <zlib.h>

using namespace relaydesk;
using namespace Qt::StringLiterals;

namespace {

QByteArray noise(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char(random.bounded(256));
    return out;
}

QByteArray logText(int lines)
{
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out += "03-17 16:13:38.811  1702  2395 D WindowManager: line " + QByteArray::number(i) + '\n';
    return out;
}

// A gzip member inflating to `size` zero bytes, built in chunks so the test never holds the plain text.
QByteArray zeroBomb(qint64 size)
{
    z_stream s{};
    if (deflateInit2(&s, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray zeros(1 << 20, '\0');
    QByteArray out;
    QByteArray buffer(1 << 16, Qt::Uninitialized);
    qint64 left = size;
    int rc = Z_OK;
    do {
        const qint64 chunk = qMin<qint64>(left, zeros.size());
        s.next_in = reinterpret_cast<Bytef *>(zeros.data());
        s.avail_in = uInt(chunk);
        left -= chunk;
        const int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            s.next_out = reinterpret_cast<Bytef *>(buffer.data());
            s.avail_out = uInt(buffer.size());
            rc = deflate(&s, flush);
            out.append(buffer.constData(), buffer.size() - qsizetype(s.avail_out));
        } while (s.avail_out == 0);
    } while (left > 0);
    deflateEnd(&s);
    return rc == Z_STREAM_END ? out : QByteArray();
}

} // namespace

void TestCodecs::gunzipRoundTrip()
{
    for (const QByteArray &data : {QByteArray(), QByteArray("x"), logText(20000), noise(3 << 20, 7)}) {
        const QByteArray packed = gzip(data);
        QVERIFY(packed.startsWith("\x1f\x8b"));
        const GunzipResult out = gunzip(packed, data.size());
        QCOMPARE(out.status, GunzipResult::Status::Ok);
        QCOMPARE(out.data.size(), data.size());
        QVERIFY(out.data == data);
    }
}

void TestCodecs::gunzipRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    const QByteArray good = gzip(logText(500));
    QTest::newRow("empty") << QByteArray() << u"gzip stream is truncated"_s;
    QTest::newRow("not gzip") << QByteArray("hello, this is plain text") << u"not a valid gzip stream"_s;
    QTest::newRow("zlib not gzip") << qCompress(logText(10)).mid(4) << u"not a valid gzip stream"_s;
    QTest::newRow("header only") << good.left(10) << u"gzip stream is truncated"_s;
    QTest::newRow("truncated body") << good.left(good.size() / 2) << u"gzip stream is truncated"_s;
    QTest::newRow("truncated trailer") << good.chopped(3) << u"gzip stream is truncated"_s;
    QTest::newRow("trailing garbage") << good + "garbage" << u"unexpected data after the gzip stream"_s;
    QTest::newRow("two members") << good + gzip("second") << u"unexpected data after the gzip stream"_s;
    QByteArray corruptCrc = good;
    corruptCrc[corruptCrc.size() - 6] = char(corruptCrc.at(corruptCrc.size() - 6) ^ 0x55);
    QTest::newRow("bad crc") << corruptCrc << u"not a valid gzip stream"_s;
    QByteArray corruptBody = good;
    for (qsizetype i = 20; i < 40; ++i)
        corruptBody[i] = char(0xff);
    QTest::newRow("corrupt body") << corruptBody << u"not a valid gzip stream"_s;
}

void TestCodecs::gunzipRejectsBadInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const GunzipResult out = gunzip(input, 1 << 20);
    QCOMPARE(out.status, GunzipResult::Status::Invalid);
    QVERIFY(out.data.isEmpty());
    QVERIFY2(out.message.startsWith(message), qPrintable(out.message));
}

void TestCodecs::gunzipLimitIsExact()
{
    for (qsizetype size : {qsizetype(1), qsizetype(4096), qsizetype(256 * 1024), qsizetype(256 * 1024 + 1),
                           qsizetype(1 << 20)}) {
        const QByteArray data = noise(size, quint32(size));
        const QByteArray packed = gzip(data);
        const GunzipResult exact = gunzip(packed, size);
        QCOMPARE(exact.status, GunzipResult::Status::Ok);
        QVERIFY(exact.data == data);
        const GunzipResult over = gunzip(packed, size - 1);
        QCOMPARE(over.status, GunzipResult::Status::TooLarge);
        QVERIFY(over.data.isEmpty());
    }
    QCOMPARE(gunzip(gzip(QByteArray()), 0).status, GunzipResult::Status::Ok);
    QCOMPARE(gunzip(gzip("a"), 0).status, GunzipResult::Status::TooLarge);
}

void TestCodecs::gunzipTruncatedAtLimitIsInvalid()
{
    // The output fills the limit exactly but the member's trailer is cut off: that is a broken upload (422),
    // not an oversized one (413).
    const QByteArray data = logText(3000);
    const QByteArray cut = gzip(data).chopped(4);
    const GunzipResult out = gunzip(cut, data.size());
    QCOMPARE(out.status, GunzipResult::Status::Invalid);
    QCOMPARE(gunzip(cut, data.size() + 100).status, GunzipResult::Status::Invalid);
}

void TestCodecs::gunzipBombStops()
{
    const QByteArray bomb = zeroBomb(qint64(512) << 20); // 512 MiB of zeros in ~500 KB
    QVERIFY(!bomb.isEmpty());
    QVERIFY(bomb.size() < 1 << 20);
    const GunzipResult out = gunzip(bomb, limits::kMaxUncompressedLog);
    QCOMPARE(out.status, GunzipResult::Status::TooLarge);
    QVERIFY(out.data.isEmpty());
    QVERIFY(out.message.contains(QString::number(limits::kMaxUncompressedLog)));
    // Through the payload decoder, as the intake runs it.
    const LogDecodeResult log = decodeLogPayload({LogFormat::Auto, LogEncoding::GzipBase64, bomb.toBase64()},
                                                 limits::kMaxCompressedLog, limits::kMaxUncompressedLog);
    QCOMPARE(log.status, LogDecodeResult::Status::TooLarge);
    QCOMPARE(log.error.path, u"log.data"_s);
}

void TestCodecs::logPayloadText()
{
    const QByteArray text = logText(100);
    const LogPayload payload = encodeLogPayload(text, LogFormat::Logcat, LogEncoding::Text);
    QCOMPARE(payload.data, text);
    const LogDecodeResult ok = decodeLogPayload(payload, 10, text.size());
    QCOMPARE(ok.status, LogDecodeResult::Status::Ok);
    QCOMPARE(ok.text, text);
    const LogDecodeResult tooLarge = decodeLogPayload(payload, 1 << 20, text.size() - 1);
    QCOMPARE(tooLarge.status, LogDecodeResult::Status::TooLarge);
    QCOMPARE(tooLarge.error.path, u"log.data"_s);
}

void TestCodecs::logPayloadGzip()
{
    const QByteArray text = logText(5000);
    const LogPayload payload = encodeLogPayload(text, LogFormat::Logcat, LogEncoding::GzipBase64);
    QVERIFY(payload.data.startsWith("H4sI")); // base64 of the gzip magic
    const LogDecodeResult ok = decodeLogPayload(payload, limits::kMaxCompressedLog, limits::kMaxUncompressedLog);
    QCOMPARE(ok.status, LogDecodeResult::Status::Ok);
    QCOMPARE(ok.text, text);
    // Android's Base64.DEFAULT and MIME encoders wrap lines every 76 characters: accepted.
    LogPayload wrapped = payload;
    wrapped.data.clear();
    for (qsizetype i = 0; i < payload.data.size(); i += 76)
        wrapped.data += payload.data.mid(i, 76) + "\r\n";
    const LogDecodeResult unwrapped = decodeLogPayload(wrapped, limits::kMaxCompressedLog, limits::kMaxUncompressedLog);
    QCOMPARE(unwrapped.status, LogDecodeResult::Status::Ok);
    QCOMPARE(unwrapped.text, text);
    const LogDecodeResult empty = decodeLogPayload({LogFormat::Auto, LogEncoding::GzipBase64, {}}, 10, 10);
    QCOMPARE(empty.status, LogDecodeResult::Status::Ok);
    QVERIFY(empty.text.isEmpty());
}

void TestCodecs::logPayloadErrors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qint64>("maxCompressed");
    QTest::addColumn<qint64>("maxUncompressed");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const QByteArray text = logText(2000);
    const QByteArray packed = gzip(text);
    const int invalid = int(LogDecodeResult::Status::Invalid);
    const int tooLarge = int(LogDecodeResult::Status::TooLarge);
    QTest::newRow("bad base64") << QByteArray("H4sI@@@@") << qint64(1 << 20) << qint64(1 << 20) << invalid
                                << u"is not valid base64"_s;
    QTest::newRow("base64 of text") << QByteArray("aGVsbG8gd29ybGQ=") << qint64(1 << 20) << qint64(1 << 20)
                                    << invalid << u"not a valid gzip stream"_s;
    QTest::newRow("truncated gzip") << packed.chopped(10).toBase64() << qint64(1 << 20) << qint64(1 << 20) << invalid
                                    << u"gzip stream is truncated"_s;
    QTest::newRow("compressed at limit") << packed.toBase64() << qint64(packed.size()) << qint64(text.size())
                                         << int(LogDecodeResult::Status::Ok) << QString();
    QTest::newRow("compressed limit+1") << packed.toBase64() << qint64(packed.size() - 1) << qint64(1 << 20)
                                        << tooLarge << u"compressed log is larger than"_s;
    QTest::newRow("encoded far too large") << packed.toBase64() << qint64(16) << qint64(1 << 20) << tooLarge
                                           << u"compressed log is larger than"_s;
    QTest::newRow("uncompressed limit+1") << packed.toBase64() << qint64(1 << 20) << qint64(text.size() - 1)
                                          << tooLarge << u"uncompressed log is larger than"_s;
}

void TestCodecs::logPayloadErrors()
{
    QFETCH(QByteArray, data);
    QFETCH(qint64, maxCompressed);
    QFETCH(qint64, maxUncompressed);
    QFETCH(int, status);
    QFETCH(QString, message);
    const LogDecodeResult out = decodeLogPayload({LogFormat::Logcat, LogEncoding::GzipBase64, data}, maxCompressed,
                                                 maxUncompressed);
    QCOMPARE(int(out.status), status);
    if (out.status == LogDecodeResult::Status::Ok)
        return;
    QVERIFY(out.text.isEmpty());
    QCOMPARE(out.error.path, u"log.data"_s);
    QVERIFY2(out.error.message.startsWith(message), qPrintable(out.error.message));
}

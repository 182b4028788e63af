// parseLog() and detectLogFormat() on arbitrary bytes, with every hint. Invariants: one LogLine per line
// (newlines + an unterminated last line), numbered from 1, offsets increasing and within the input, each
// line's bytes free of '\n', lengths excluding the terminator, a known format, Text lines carrying their
// bytes.
#include "core/logs/LogParser.h"

#include <cstdint>
#include <cstdlib>

namespace {

void check(const QByteArray &input, const QList<relaydesk::LogLine> &lines)
{
    using relaydesk::LogFormat;
    const qsizetype size = input.size();
    const qsizetype newlines = input.count('\n');
    const bool unterminated = size > 0 && input.back() != '\n';
    if (lines.size() != newlines + (unterminated ? 1 : 0))
        std::abort();
    qint64 next = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const relaydesk::LogLine &line = lines.at(i);
        if (line.number != i + 1 || line.offset != next || line.length < 0 ||
            line.offset + line.length > size)
            std::abort();
        const QByteArrayView bytes = QByteArrayView(input).sliced(line.offset, line.length);
        if (bytes.contains('\n'))
            std::abort();
        const qint64 end = line.offset + line.length;
        if (end < size) { // terminated: "\n" or "\r\n" right after the line
            if (input.at(end) == '\n')
                next = end + 1;
            else if (input.at(end) == '\r' && end + 1 < size && input.at(end + 1) == '\n')
                next = end + 2;
            else
                std::abort();
        } else {
            next = end;
        }
        if (line.format == LogFormat::Auto || line.format == LogFormat::Count)
            std::abort();
        if (line.format == LogFormat::Text && line.message.size() > bytes.size())
            std::abort();
    }
    if (next != size)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace relaydesk;
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const LogFormat detected = detectLogFormat(input);
    if (detected == LogFormat::Auto || detected == LogFormat::Count)
        std::abort();
    for (const LogFormat hint : {LogFormat::Auto, LogFormat::Logcat, LogFormat::Ios, LogFormat::Syslog,
                                 LogFormat::Electron, LogFormat::Text})
        check(input, parseLog(input, hint));
    return 0;
}

#pragma once

#include "DecodeError.h"
#include "Limits.h"
#include "Report.h"

namespace relaydesk {

struct LogDecodeResult
{
    enum class Status { Ok, Invalid, TooLarge };
    Status status = Status::Ok;
    QByteArray text;   // the uncompressed log
    DecodeError error; // path "log.data" or "log.encoding"
};

// Turns the report's log payload into plain log bytes, enforcing the intake limits: at most
// maxCompressed bytes of gzip after base64 decoding, maxUncompressed bytes of text and maxLines lines (a
// last line without "\n" counts). Lines are counted on the decompressed text (bounded by maxUncompressed)
// before anything parses it, so no per-line structure is ever built for a log over the line limit.
LogDecodeResult decodeLogPayload(const LogPayload &payload, qint64 maxCompressed, qint64 maxUncompressed,
                                 qint64 maxLines = limits::kMaxLogLines);

// The reverse, for the simulator and tests.
LogPayload encodeLogPayload(const QByteArray &text, LogFormat format, LogEncoding encoding);

} // namespace relaydesk

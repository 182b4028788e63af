#pragma once

#include "DecodeError.h"
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
// maxCompressed bytes of gzip after base64 decoding and maxUncompressed bytes of text.
LogDecodeResult decodeLogPayload(const LogPayload &payload, qint64 maxCompressed, qint64 maxUncompressed);

// The reverse, for the simulator and tests.
LogPayload encodeLogPayload(const QByteArray &text, LogFormat format, LogEncoding encoding);

} // namespace relaydesk

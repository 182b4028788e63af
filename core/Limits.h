#pragma once

#include <QtGlobal>

namespace relaydesk::limits {

// Intake limits (docs/api.md). Kept in one place so the server, the simulator and the tests agree.
inline constexpr qint64 kMaxReportBody = 12 * 1024 * 1024;       // JSON body of POST /reports
inline constexpr qint64 kMaxCompressedLog = 8 * 1024 * 1024;     // gzip stream after base64 decoding
inline constexpr qint64 kMaxUncompressedLog = 64 * 1024 * 1024;  // log text after gunzip
inline constexpr qsizetype kMaxIdLength = 128;                   // ids and short codes
inline constexpr qsizetype kMaxShortText = 256;                  // names, versions, models
inline constexpr qsizetype kMaxTextLength = 4096;                // comment, preview, error message
inline constexpr qsizetype kMaxEndpointLength = 512;
inline constexpr qsizetype kMaxCsatComment = 2000;               // survey comment (POST /surveys/{token})

} // namespace relaydesk::limits

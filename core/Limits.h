#pragma once

#include <QtGlobal>

namespace relaydesk::limits {

// Intake limits (docs/api.md). Kept in one place so the server, the simulator and the tests agree.
inline constexpr qint64 kMaxReportBody = 12 * 1024 * 1024;       // JSON body of POST /reports
inline constexpr qint64 kMaxCompressedLog = 8 * 1024 * 1024;     // gzip stream after base64 decoding
inline constexpr qint64 kMaxUncompressedLog = 64 * 1024 * 1024;  // log text after gunzip
// Lines of one log: parsing builds one object per line, so short lines would cost far more memory than
// their bytes (64 MiB of "\n" is 67 million lines).
inline constexpr qint64 kMaxLogLines = 1'000'000;
inline constexpr qsizetype kMaxIdLength = 128;                   // ids and short codes
inline constexpr qsizetype kMaxShortText = 256;                  // names, versions, models
inline constexpr qsizetype kMaxTextLength = 4096;                // comment, preview, error message
inline constexpr qsizetype kMaxEndpointLength = 512;
inline constexpr qsizetype kMaxCsatComment = 2000;               // survey comment (POST /surveys/{token})

} // namespace relaydesk::limits

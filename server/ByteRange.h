#pragma once

#include <QByteArray>

#include <optional>

namespace relaydesk::server {

// One HTTP byte range resolved against a resource size (RFC 9110 §14): `bytes=START-END`,
// `bytes=START-` or `bytes=-SUFFIX`. Several ranges, malformed headers and ranges starting past the
// end are unsatisfiable (nullopt).
struct ByteRange
{
    qint64 first = 0; // inclusive
    qint64 last = 0;  // inclusive
    qint64 length() const { return last - first + 1; }

    static std::optional<ByteRange> parse(const QByteArray &header, qint64 size);
};

} // namespace relaydesk::server

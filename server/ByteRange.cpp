#include "server/ByteRange.h"

namespace relaydesk::server {

namespace {
std::optional<qint64> number(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    return text.toLongLong();
}
} // namespace

std::optional<ByteRange> ByteRange::parse(const QByteArray &header, qint64 size)
{
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes="))
        return std::nullopt;
    const QByteArray spec = value.mid(6).trimmed();
    if (spec.contains(',') || size <= 0)
        return std::nullopt;
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    const QByteArray start = spec.left(dash).trimmed();
    const QByteArray end = spec.mid(dash + 1).trimmed();
    if (start.isEmpty()) {
        const auto suffix = number(end);
        if (!suffix || *suffix == 0)
            return std::nullopt;
        return ByteRange{qMax<qint64>(0, size - *suffix), size - 1};
    }
    const auto first = number(start);
    if (!first || *first >= size)
        return std::nullopt;
    if (end.isEmpty())
        return ByteRange{*first, size - 1};
    const auto last = number(end);
    if (!last || *last < *first)
        return std::nullopt;
    return ByteRange{*first, qMin(*last, size - 1)};
}

} // namespace relaydesk::server

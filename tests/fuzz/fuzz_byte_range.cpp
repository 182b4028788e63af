// Range headers (GET /tickets/{id}/log): the first 8 bytes give the resource size, the rest is the header.
// Invariant: a satisfiable range lies inside the resource and is not empty.
#include "server/ByteRange.h"

#include <cstdlib>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 8)
        return 0;
    qint64 resource = 0;
    std::memcpy(&resource, data, 8);
    if (resource < 0)
        resource = -(resource + 1);
    const QByteArray header(reinterpret_cast<const char *>(data + 8), qsizetype(size - 8));
    const auto range = relaydesk::server::ByteRange::parse(header, resource);
    if (!range)
        return 0;
    if (range->first < 0 || range->first > range->last || range->last >= resource || range->length() <= 0)
        std::abort();
    return 0;
}

// Console side: the delta feed page and the ticket timeline, as the API client decodes them.
// Invariant: a decoded page re-encodes to a page that decodes again to the same JSON.
#include "core/ReportCodec.h"
#include "core/TicketCodec.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace relaydesk;
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto json = parseJsonObject(body);
    if (!json.ok())
        return 0;
    const auto page = decodeTicketPage(json.value());
    if (page.ok()) {
        const QJsonObject encoded = encodeTicketPage(page.value());
        const auto again = decodeTicketPage(encoded);
        if (!again.ok() || encodeTicketPage(again.value()) != encoded)
            std::abort();
    } else if (page.error().message.isEmpty()) {
        std::abort();
    }
    const auto events = decodeTicketEvents(json.value());
    if (events.ok()) {
        for (const TicketEvent &e : events.value()) {
            const auto again = decodeTicketEvent(encodeTicketEvent(e));
            if (!again.ok())
                std::abort();
        }
    }
    return 0;
}

// Console side: the delta feed page, the ticket timeline and the assignable agents (GET /agents), as the
// API client decodes them.
// Invariant: a decoded page re-encodes to a page that decodes again to the same JSON.
#include "core/AgentCodec.h"
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
    const auto agents = decodeAssignableAgents(json.value());
    if (agents.ok()) {
        const QJsonObject encoded = encodeAssignableAgents(agents.value());
        const auto again = decodeAssignableAgents(encoded);
        if (!again.ok() || encodeAssignableAgents(again.value()) != encoded)
            std::abort();
    } else if (agents.error().message.isEmpty()) {
        std::abort();
    }
    return 0;
}

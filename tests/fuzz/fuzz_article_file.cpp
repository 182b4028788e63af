// KB article file parser: bytes -> validated Article. Invariants: every rejection names a reason; an accepted
// article passes validateArticle(), and writing it and parsing that again gives the same article and the same
// bytes (the canonical form is a fixed point).
#include "core/kb/ArticleFile.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace relaydesk::kb;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = parseArticleFile(bytes);
    if (!parsed.ok()) {
        if (parsed.error().message.isEmpty())
            std::abort();
        return 0;
    }
    if (validateArticle(parsed.value()).has_value())
        std::abort();
    const QByteArray written = writeArticleFile(parsed.value());
    const auto again = parseArticleFile(written);
    if (!again.ok() || !(again.value() == parsed.value()))
        std::abort();
    if (writeArticleFile(again.value()) != written)
        std::abort();
    return 0;
}

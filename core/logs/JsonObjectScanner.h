#pragma once

#include <QByteArrayView>
#include <QString>

namespace relaydesk::logparse {

// A top-level member of a JSON object as found by scanJsonObject(): its key as written (escapes left
// undecoded) and its value's raw bytes (a string without its quotes, escapes undecoded).
struct JsonMember
{
    enum class Kind
    {
        String,
        Number,
        Literal,
        Container
    };
    QByteArrayView key;
    Kind kind = Kind::Literal;
    QByteArrayView raw;
};

// Scans `text` as exactly one JSON object (whitespace around it allowed) and calls visit(const JsonMember &)
// for each top-level member; nested objects and arrays are checked for balance and skipped (depth <= 64).
// Returns false when the text is not such an object. Linear, no allocation: a fast path for ndjson logs that
// QJsonDocument would parse ten times slower. Lenient where a log viewer can be (control characters and
// invalid UTF-8 inside strings are accepted).
template <typename Visit> bool scanJsonObject(QByteArrayView text, Visit &&visit);

// The text of a string member's raw bytes: JSON escapes decoded (\uXXXX with surrogate pairs; a lone
// surrogate becomes U+FFFD), invalid UTF-8 as U+FFFD.
QString jsonStringText(QByteArrayView raw);

namespace detail {
// The scanner proper: returns the position after the object, or -1. visit is called per top-level member.
qsizetype scanObject(QByteArrayView text, qsizetype pos, void (*visit)(void *, const JsonMember &),
                     void *context);
} // namespace detail

template <typename Visit> bool scanJsonObject(QByteArrayView text, Visit &&visit)
{
    const auto trampoline = [](void *context, const JsonMember &member) {
        (*static_cast<Visit *>(context))(member);
    };
    return detail::scanObject(text, 0, trampoline, &visit) >= 0;
}

} // namespace relaydesk::logparse

#pragma once

#include "DecodeError.h"

#include <optional>
#include <utility>

namespace relaydesk {

// The outcome of decoding: a value, or the error that names the offending field.
template <typename T> class Decoded final
{
public:
    Decoded(T value) : m_value(std::move(value)) {}
    Decoded(DecodeError error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    const T &value() const & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const DecodeError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    DecodeError m_error;
};

} // namespace relaydesk

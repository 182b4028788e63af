#include "Enums.h"

#include <array>

namespace relaydesk {
namespace {

template <typename E, std::size_t N>
QString nameOf(E value, const std::array<const char *, N> &names)
{
    static_assert(N == static_cast<std::size_t>(E::Count), "one wire name per enum value");
    const auto index = static_cast<std::size_t>(value);
    return index < N ? QString::fromLatin1(names[index]) : QString();
}

template <typename E, std::size_t N>
std::optional<E> parse(const QString &name, const std::array<const char *, N> &names)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i]))
            return static_cast<E>(i);
    }
    return std::nullopt;
}

constexpr std::array<const char *, 6> kPlatform{"android", "ios", "macos", "windows", "linux", "web"};
constexpr std::array<const char *, 5> kNetwork{"wifi", "cellular", "ethernet", "offline", "unknown"};
constexpr std::array<const char *, 5> kKind{"text", "image", "file", "voice", "video"};
constexpr std::array<const char *, 6> kCause{"network", "server", "client", "policy", "user", "unknown"};
constexpr std::array<const char *, 6> kFormat{"auto", "logcat", "ios", "syslog", "electron", "text"};
constexpr std::array<const char *, 2> kEncoding{"text", "gzip+base64"};
constexpr std::array<const char *, 10> kStatus{"reported", "diagnosed", "auto_handling", "resolved_auto",
                                               "escalated", "claimed", "waiting_user", "resolved",
                                               "closed", "reopened"};
constexpr std::array<const char *, 4> kRole{"agent", "lead", "trainer", "admin"};

} // namespace

QString toWire(Platform v) { return nameOf(v, kPlatform); }
QString toWire(NetworkType v) { return nameOf(v, kNetwork); }
QString toWire(MessageKind v) { return nameOf(v, kKind); }
QString toWire(Cause v) { return nameOf(v, kCause); }
QString toWire(LogFormat v) { return nameOf(v, kFormat); }
QString toWire(LogEncoding v) { return nameOf(v, kEncoding); }
QString toWire(TicketStatus v) { return nameOf(v, kStatus); }
QString toWire(Role v) { return nameOf(v, kRole); }

template <> std::optional<Platform> fromWire<Platform>(const QString &n) { return parse<Platform>(n, kPlatform); }
template <> std::optional<NetworkType> fromWire<NetworkType>(const QString &n)
{
    return parse<NetworkType>(n, kNetwork);
}
template <> std::optional<MessageKind> fromWire<MessageKind>(const QString &n) { return parse<MessageKind>(n, kKind); }
template <> std::optional<Cause> fromWire<Cause>(const QString &n) { return parse<Cause>(n, kCause); }
template <> std::optional<LogFormat> fromWire<LogFormat>(const QString &n) { return parse<LogFormat>(n, kFormat); }
template <> std::optional<LogEncoding> fromWire<LogEncoding>(const QString &n)
{
    return parse<LogEncoding>(n, kEncoding);
}
template <> std::optional<TicketStatus> fromWire<TicketStatus>(const QString &n)
{
    return parse<TicketStatus>(n, kStatus);
}
template <> std::optional<Role> fromWire<Role>(const QString &n) { return parse<Role>(n, kRole); }

bool isOpenForAgents(TicketStatus status)
{
    switch (status) {
    case TicketStatus::Escalated:
    case TicketStatus::Claimed:
    case TicketStatus::WaitingUser:
    case TicketStatus::Reopened:
        return true;
    default:
        return false;
    }
}

} // namespace relaydesk

#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// Closed vocabularies of the domain. Each enum has a stable wire name (used in JSON, the database and
// URLs) and a fromWire() that rejects anything unknown instead of guessing.
namespace relaydesk {

enum class Platform { Android, Ios, Macos, Windows, Linux, Web, Count };
enum class NetworkType { Wifi, Cellular, Ethernet, Offline, Unknown, Count };
enum class MessageKind { Text, Image, File, Voice, Video, Count };
enum class Cause { Network, Server, Client, Policy, User, Unknown, Count };
enum class LogFormat { Auto, Logcat, Ios, Syslog, Electron, Text, Count };
enum class LogEncoding { Text, GzipBase64, Count };
enum class TicketStatus {
    Reported,
    Diagnosed,
    AutoHandling,
    ResolvedAuto,
    Escalated,
    Claimed,
    WaitingUser,
    Resolved,
    Closed,
    Reopened,
    Count
};
enum class Role { Agent, Lead, Trainer, Admin, Count };

QString toWire(Platform v);
QString toWire(NetworkType v);
QString toWire(MessageKind v);
QString toWire(Cause v);
QString toWire(LogFormat v);
QString toWire(LogEncoding v);
QString toWire(TicketStatus v);
QString toWire(Role v);

template <typename E> std::optional<E> fromWire(const QString &name);
template <> std::optional<Platform> fromWire<Platform>(const QString &name);
template <> std::optional<NetworkType> fromWire<NetworkType>(const QString &name);
template <> std::optional<MessageKind> fromWire<MessageKind>(const QString &name);
template <> std::optional<Cause> fromWire<Cause>(const QString &name);
template <> std::optional<LogFormat> fromWire<LogFormat>(const QString &name);
template <> std::optional<LogEncoding> fromWire<LogEncoding>(const QString &name);
template <> std::optional<TicketStatus> fromWire<TicketStatus>(const QString &name);
template <> std::optional<Role> fromWire<Role>(const QString &name);

// All wire names of an enum, in declaration order (for error messages and combo boxes).
template <typename E> QStringList wireNames()
{
    QStringList names;
    for (int i = 0; i < static_cast<int>(E::Count); ++i)
        names << toWire(static_cast<E>(i));
    return names;
}

// True for statuses in which the ticket waits on a tier-2 agent.
bool isOpenForAgents(TicketStatus status);

} // namespace relaydesk

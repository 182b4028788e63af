#include "Labels.h"

#include <QCoreApplication>

#include <array>

namespace relaydesk::models {
namespace {

template <typename E, std::size_t N> QString pick(E value, const std::array<const char *, N> &texts)
{
    static_assert(N == static_cast<std::size_t>(E::Count), "one label per value");
    const auto i = static_cast<std::size_t>(value);
    return i < N ? QCoreApplication::translate("Labels", texts[i]) : QString();
}

constexpr std::array<const char *, 6> kCause{QT_TRANSLATE_NOOP("Labels", "Network"),
                                             QT_TRANSLATE_NOOP("Labels", "Server"),
                                             QT_TRANSLATE_NOOP("Labels", "Client"),
                                             QT_TRANSLATE_NOOP("Labels", "Policy"),
                                             QT_TRANSLATE_NOOP("Labels", "User error"),
                                             QT_TRANSLATE_NOOP("Labels", "Unknown")};
constexpr std::array<const char *, 10> kStatus{
    QT_TRANSLATE_NOOP("Labels", "Reported"),      QT_TRANSLATE_NOOP("Labels", "Diagnosed"),
    QT_TRANSLATE_NOOP("Labels", "Auto-handling"), QT_TRANSLATE_NOOP("Labels", "Resolved automatically"),
    QT_TRANSLATE_NOOP("Labels", "Escalated"),     QT_TRANSLATE_NOOP("Labels", "Claimed"),
    QT_TRANSLATE_NOOP("Labels", "Waiting for user"), QT_TRANSLATE_NOOP("Labels", "Resolved"),
    QT_TRANSLATE_NOOP("Labels", "Closed"),        QT_TRANSLATE_NOOP("Labels", "Reopened")};
constexpr std::array<const char *, 6> kPlatform{
    QT_TRANSLATE_NOOP("Labels", "Android"), QT_TRANSLATE_NOOP("Labels", "iOS"),
    QT_TRANSLATE_NOOP("Labels", "macOS"),   QT_TRANSLATE_NOOP("Labels", "Windows"),
    QT_TRANSLATE_NOOP("Labels", "Linux"),   QT_TRANSLATE_NOOP("Labels", "Web")};
constexpr std::array<const char *, 5> kNetwork{
    QT_TRANSLATE_NOOP("Labels", "Wi-Fi"), QT_TRANSLATE_NOOP("Labels", "Cellular"),
    QT_TRANSLATE_NOOP("Labels", "Ethernet"), QT_TRANSLATE_NOOP("Labels", "Offline"),
    QT_TRANSLATE_NOOP("Labels", "Unknown")};
constexpr std::array<const char *, 5> kKind{
    QT_TRANSLATE_NOOP("Labels", "Text"), QT_TRANSLATE_NOOP("Labels", "Image"),
    QT_TRANSLATE_NOOP("Labels", "File"), QT_TRANSLATE_NOOP("Labels", "Voice"),
    QT_TRANSLATE_NOOP("Labels", "Video")};
constexpr std::array<const char *, 4> kRole{
    QT_TRANSLATE_NOOP("Labels", "Agent"), QT_TRANSLATE_NOOP("Labels", "Team lead"),
    QT_TRANSLATE_NOOP("Labels", "Trainer"), QT_TRANSLATE_NOOP("Labels", "Administrator")};

constexpr std::array<const char *, 8> kAction{
    QT_TRANSLATE_NOOP("Labels", "Retry the send"), QT_TRANSLATE_NOOP("Labels", "Wait, then retry"),
    QT_TRANSLATE_NOOP("Labels", "Reroute through a healthy region"), QT_TRANSLATE_NOOP("Labels", "Reply with guidance"),
    QT_TRANSLATE_NOOP("Labels", "Ask the user to upgrade or restart"),
    QT_TRANSLATE_NOOP("Labels", "Escalate to engineering"), QT_TRANSLATE_NOOP("Labels", "Send to trust and safety"),
    QT_TRANSLATE_NOOP("Labels", "Escalate")};

} // namespace

QString label(RecommendedAction v) { return pick(v, kAction); }
QString label(Cause v) { return pick(v, kCause); }
QString label(TicketStatus v) { return pick(v, kStatus); }
QString label(Platform v) { return pick(v, kPlatform); }
QString label(NetworkType v) { return pick(v, kNetwork); }
QString label(MessageKind v) { return pick(v, kKind); }
QString label(Role v) { return pick(v, kRole); }

namespace {
// The locale's short time format with seconds added after the minutes when it has none ("HH:mm" -> "HH:mm:ss",
// "h:mm AP" -> "h:mm:ss AP").
QString timeFormatWithSeconds(const QLocale &locale)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    if (format.contains(QLatin1Char('s')))
        return format;
    const qsizetype minutes = format.indexOf(QLatin1String("mm"));
    if (minutes < 0)
        return locale.timeFormat(QLocale::LongFormat);
    const QChar separator = minutes > 0 ? format.at(minutes - 1) : QLatin1Char(':');
    format.insert(minutes + 2, QString(separator) + QLatin1String("ss"));
    return format;
}
} // namespace

QString timeText(const QTime &time, const QLocale &locale)
{
    return locale.toString(time, timeFormatWithSeconds(locale));
}

QString dateTimeText(const QDateTime &when, const QLocale &locale)
{
    const QDateTime local = when.toLocalTime();
    return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') + timeText(local.time(), locale);
}

} // namespace relaydesk::models

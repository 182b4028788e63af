#pragma once

#include "core/Diagnosis.h"
#include "core/Enums.h"

#include <QDateTime>
#include <QLocale>
#include <QString>

// Translated, human-readable names for the domain's wire values.
namespace relaydesk::models {

QString label(Cause cause);
QString label(TicketStatus status);
QString label(Platform platform);
QString label(NetworkType network);
QString label(MessageKind kind);
QString label(Role role);
QString label(RecommendedAction action);

// Times as the locale writes them, always with seconds (QLocale's short formats drop them in most locales;
// log lines and timeline events seconds apart must not look simultaneous). Local time.
QString timeText(const QTime &time, const QLocale &locale = QLocale());
QString dateTimeText(const QDateTime &when, const QLocale &locale = QLocale());

} // namespace relaydesk::models

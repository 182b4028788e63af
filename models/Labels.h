#pragma once

#include "core/Diagnosis.h"
#include "core/Enums.h"

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

} // namespace relaydesk::models

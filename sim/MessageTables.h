#pragma once

#include "core/Enums.h"

#include <span>

// What users write and send, and what they say when they report a failure, in Chinese and English.
namespace relaydesk::sim::tables {

std::span<const char *const> textPreviews(bool chinese);
std::span<const char *const> longTextPhrases(bool chinese);
std::span<const char *const> fileNames(bool chinese);
std::span<const char *const> mimeTypes(MessageKind kind);
std::span<const char *const> rejectedMimeTypes();
// What a user types into "describe the problem" for a failure of this cause (they do not know the cause,
// they describe the symptom).
std::span<const char *const> comments(Cause cause, bool chinese);

} // namespace relaydesk::sim::tables

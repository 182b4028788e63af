#pragma once

#include "LineCursor.h"

namespace relaydesk::logparse {

// The pieces of a log timestamp; fields the format does not carry stay -1.
struct LogTime
{
    int year = -1;
    int month = -1;
    int day = -1;
    int hour = -1;
    int minute = -1;
    int second = -1;
    int millis = 0;
    int offsetMinutes = 0;
    bool hasOffset = false;
};

// "HH:MM:SS" followed by a fraction: fractionDigits > 0 demands exactly that many digits after '.',
// 0 accepts an optional fraction of any length (milliseconds are its first three digits).
bool readClock(LineCursor &cursor, LogTime &time, int fractionDigits);
// "YYYY-MM-DD" then one space or 'T' then readClock(…, 0).
bool readIsoDateTime(LineCursor &cursor, LogTime &time);
// "+HHMM", "-HH:MM" or "Z".
bool readUtcOffset(LineCursor &cursor, LogTime &time);
// Milliseconds since the epoch in UTC, or -1 without a full date and offset or when out of range.
qint64 toEpochMs(const LogTime &time);

} // namespace relaydesk::logparse

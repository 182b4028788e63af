#include "LogTime.h"

namespace relaydesk::logparse {

bool readClock(LineCursor &cursor, LogTime &time, int fractionDigits)
{
    const qsizetype start = cursor.pos();
    int h = 0, m = 0, s = 0;
    if (!cursor.fixedDigits(2, h) || !cursor.eat(':') || !cursor.fixedDigits(2, m) || !cursor.eat(':') ||
        !cursor.fixedDigits(2, s)) {
        cursor.setPos(start);
        return false;
    }
    int millis = 0;
    if (cursor.peek() == '.' && isDigit(cursor.peek(1))) {
        cursor.eat('.');
        const qsizetype fracStart = cursor.pos();
        const qsizetype digits = cursor.run(isDigit);
        if (fractionDigits > 0 && digits != fractionDigits) {
            cursor.setPos(start);
            return false;
        }
        const QByteArrayView frac = cursor.line().sliced(fracStart, digits);
        for (qsizetype i = 0; i < 3; ++i)
            millis = millis * 10 + (i < frac.size() ? frac[i] - '0' : 0);
    } else if (fractionDigits > 0) {
        cursor.setPos(start);
        return false;
    }
    time.hour = h;
    time.minute = m;
    time.second = s;
    time.millis = millis;
    return true;
}

bool readIsoDateTime(LineCursor &cursor, LogTime &time)
{
    const qsizetype start = cursor.pos();
    int y = 0, mo = 0, d = 0;
    if (!cursor.fixedDigits(4, y) || !cursor.eat('-') || !cursor.fixedDigits(2, mo) || !cursor.eat('-') ||
        !cursor.fixedDigits(2, d) || !(cursor.eat(' ') || cursor.eat('T')) || !readClock(cursor, time, 0)) {
        cursor.setPos(start);
        return false;
    }
    time.year = y;
    time.month = mo;
    time.day = d;
    return true;
}

bool readUtcOffset(LineCursor &cursor, LogTime &time)
{
    if (cursor.eat('Z')) {
        time.offsetMinutes = 0;
        time.hasOffset = true;
        return true;
    }
    const qsizetype start = cursor.pos();
    const char sign = cursor.peek();
    if (sign != '+' && sign != '-')
        return false;
    cursor.eat(sign);
    int h = 0, m = 0;
    const bool ok = cursor.fixedDigits(2, h) && (cursor.eat(':') || true) && cursor.fixedDigits(2, m);
    if (!ok || h > 23 || m > 59) {
        cursor.setPos(start);
        return false;
    }
    time.offsetMinutes = (sign == '-' ? -1 : 1) * (h * 60 + m);
    time.hasOffset = true;
    return true;
}

qint64 toEpochMs(const LogTime &t)
{
    if (!t.hasOffset || t.year < 1 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31 || t.hour > 23 ||
        t.minute > 59 || t.second > 60)
        return -1;
    // Days from the civil date (Howard Hinnant's algorithm), proleptic Gregorian.
    const int y = t.year - (t.month <= 2 ? 1 : 0);
    const int era = y / 400;
    const int yoe = y - era * 400;
    const int mp = (t.month + 9) % 12;
    const int doy = (153 * mp + 2) / 5 + t.day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const qint64 days = qint64(era) * 146097 + doe - 719468;
    const qint64 seconds =
        days * 86400 + t.hour * 3600 + t.minute * 60 + t.second - qint64(t.offsetMinutes) * 60;
    return seconds * 1000 + t.millis;
}

} // namespace relaydesk::logparse

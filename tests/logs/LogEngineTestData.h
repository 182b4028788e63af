#pragma once
// Inputs and the per-line reference for tst_log_engine.
#include "core/logs/LogSearch.h"

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>

#include <vector>

namespace relaydesk::test {

struct Line
{
    qint64 offset;
    qint64 length;
};

// parseLog's line splitting (offset and length of every line).
std::vector<Line> parseLogLines(const QByteArray &data);
// Random bytes from "ab AB\n\r" (no \r unless withCr).
QByteArray randomBytes(QRandomGenerator &rng, int size, bool withCr);
// Random lines of a few words (foo, Foo, FOO, bar, é...), some ending in \r\n when withCr.
QByteArray randomLog(QRandomGenerator &rng, int lines, bool withCr);
// Loghub Android_2k.log (RELAYDESK_REQUIRE_SHARED_DATA it before use), and the file repeated.
QString loghubAndroidPath();
QByteArray loghubRepeated(int times);
// The reference search: every line on its own (ASCII folding for case-insensitive literals).
QList<qint64> naiveSearch(const QByteArray &data, const LogSearchQuery &q);

} // namespace relaydesk::test

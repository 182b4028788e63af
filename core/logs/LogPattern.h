#pragma once

#include "core/LogLine.h"

#include <QList>
#include <QString>

namespace relaydesk {

// One log template: the lines of a component whose messages are equal once their variable parts are masked.
struct LogPattern
{
    int id = 0;                         // 0-based, in order of first appearance
    QString tag;                        // the component (logcat tag, process, scope) of its lines
    QString text;                       // the masked message, variable parts as "<*>"
    qint64 count = 0;                   // lines grouped into it
    LogLevel level = LogLevel::Unknown; // the worst level seen on its lines
    int firstLine = 0;                  // LogLine::number of its first line
    QList<int> sampleLines;             // LogLine::number of its first few lines (at most maxSamples)

    // "tag: text", or text alone when the lines carry no tag.
    QString displayText() const { return tag.isEmpty() ? text : tag + QStringLiteral(": ") + text; }
};

} // namespace relaydesk

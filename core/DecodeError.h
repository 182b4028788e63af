#pragma once

#include <QString>

namespace relaydesk {

// Why a JSON document was rejected: the dotted path of the offending field ("device.platform",
// "evidence[2].line") and a human-readable reason. An empty path means the document itself.
struct DecodeError
{
    QString path;
    QString message;

    QString toString() const { return path.isEmpty() ? message : path + QStringLiteral(": ") + message; }
};

} // namespace relaydesk

#pragma once

#include <QByteArray>
#include <QString>

namespace relaydesk {

struct GunzipResult
{
    enum class Status { Ok, Invalid, TooLarge };
    Status status = Status::Ok;
    QByteArray data;
    QString message; // why, when not Ok
};

// Inflates a single gzip member, refusing to produce more than maxOutput bytes (gzip bombs stop early,
// after at most maxOutput bytes of work). Trailing bytes after the member are an error.
GunzipResult gunzip(const QByteArray &compressed, qint64 maxOutput);
QByteArray gzip(const QByteArray &data, int level = 6);

} // namespace relaydesk

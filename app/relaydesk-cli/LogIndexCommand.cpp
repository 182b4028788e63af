#include "LogIndexCommand.h"

#include "core/logs/LineIndex.h"
#include "core/logs/MappedLog.h"

#include <QElapsedTimer>
#include <QTextStream>

namespace relaydesk::cli {

using namespace Qt::StringLiterals;

int runLogIndex(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.size() != 1 || args.front().startsWith(u'-')) {
        err << "relaydesk-cli: usage: relaydesk-cli log index FILE\n";
        return 2;
    }
    MappedLog log;
    QString error;
    if (!log.open(args.front(), &error)) {
        err << "relaydesk-cli: " << error << '\n';
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    LineIndex index(log.bytes());
    index.build();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    const qint64 lines = index.linesReady();
    const qint64 bytes = index.memoryBytes();
    out << "file: " << args.front() << '\n'
        << "bytes: " << log.size() << '\n'
        << "lines: " << lines << '\n'
        << "index bytes: " << bytes << '\n'
        << "bytes per line: " << QString::number(lines > 0 ? double(bytes) / double(lines) : 0.0, 'f', 3)
        << '\n'
        << "index ms: " << QString::number(ms, 'f', 1) << '\n';
    return 0;
}

} // namespace relaydesk::cli

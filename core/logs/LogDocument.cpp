#include "LogDocument.h"

#include "LogParser.h"

namespace relaydesk {

LogDocument::~LogDocument()
{
    m_index.reset(); // cancels and joins before the bytes go away
}

bool LogDocument::open(const QString &path, QString *error, LineIndex::Progress progress)
{
    m_index.reset();
    const bool ok = m_log.open(path, error);
    startIndexing(std::move(progress));
    return ok;
}

void LogDocument::openBytes(const QByteArray &bytes, LineIndex::Progress progress)
{
    m_index.reset();
    m_log.setBytes(bytes);
    startIndexing(std::move(progress));
}

void LogDocument::startIndexing(LineIndex::Progress progress)
{
    m_format = detectLogFormat(m_log.bytes());
    m_index = std::make_unique<LineIndex>(m_log.bytes());
    m_index->setProgress(std::move(progress));
    m_index->start();
}

QByteArrayView LogDocument::lineBytes(qint64 n) const
{
    const LineIndex::Range r = m_index->lineRange(n);
    return m_log.bytes().sliced(r.offset, r.length);
}

QString LogDocument::lineText(qint64 n) const
{
    return QString::fromUtf8(lineBytes(n));
}

LogLine LogDocument::parsedLine(qint64 n) const
{
    const LineIndex::Range r = m_index->lineRange(n);
    const QByteArrayView bytes = m_log.bytes().sliced(r.offset, r.length);
    // One line without \n parses as exactly one LogLine (an empty one as none: plain empty text).
    QList<LogLine> parsed = parseLog(bytes, m_format);
    LogLine line = parsed.isEmpty() ? LogLine() : std::move(parsed.front());
    line.number = int(n + 1);
    line.offset = r.offset;
    line.length = r.length;
    return line;
}

} // namespace relaydesk

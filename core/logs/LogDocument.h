#pragma once

#include "LineIndex.h"
#include "MappedLog.h"
#include "core/Enums.h"
#include "core/LogLine.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace relaydesk {

// One open device log for viewing: the mapped bytes, the line index (built on its own thread as soon as the
// log opens) and the log's format (detectLogFormat of the head). Lines are 0-based; a line n is readable as
// soon as n < linesReady(), long before the index is complete, and only the lines asked for are decoded or
// parsed. Owned by one thread (the UI's); the getters are cheap.
class LogDocument final
{
public:
    LogDocument() = default;
    ~LogDocument();
    Q_DISABLE_COPY_MOVE(LogDocument)

    // Maps the file and starts indexing it; progress (optional) is called on the indexing thread.
    // Returns false with error set (naming the file) when it cannot be read; the document is then empty.
    bool open(const QString &path, QString *error = nullptr, LineIndex::Progress progress = {});
    // Same over bytes held in memory (a cached or decoded log).
    void openBytes(const QByteArray &bytes, LineIndex::Progress progress = {});

    QByteArrayView bytes() const { return m_log.bytes(); }
    LogFormat format() const { return m_format; }
    const LineIndex &index() const { return *m_index; }

    qint64 linesReady() const { return m_index->linesReady(); }
    bool isIndexed() const { return m_index->isFinished(); }
    void waitIndexed() { m_index->wait(); }
    void cancelIndexing() { m_index->cancel(); }

    // Line n (< linesReady()) without its terminator: raw bytes, text (invalid UTF-8 as U+FFFD), or parsed
    // by the per-line parsers with the document's format preferred, exactly as parseLog() would parse it
    // (number is n + 1, offset and length as in the file).
    QByteArrayView lineBytes(qint64 n) const;
    QString lineText(qint64 n) const;
    LogLine parsedLine(qint64 n) const;

private:
    void startIndexing(LineIndex::Progress progress);

    MappedLog m_log; // declared before the index: the index reads these bytes until it is destroyed
    std::unique_ptr<LineIndex> m_index = std::make_unique<LineIndex>(QByteArrayView());
    LogFormat m_format = LogFormat::Text;
};

} // namespace relaydesk

#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace relaydesk {

// A compact index of the line starts of a log, built once, optionally on its own thread, readable while it
// grows. Lines split exactly as parseLog() does: \n ends a line, a \r right before it belongs to the
// terminator, a last line without \n still counts, an empty input has no lines. Lines are 0-based here
// (LogLine::number is this + 1).
//
// Storage: blocks of 64 lines, each a 16-byte header (absolute start, base length, bit width) plus the
// other 63 line lengths minus the base, bit-packed at the block's width (up to 64 bits, so a huge line is
// its own escape). Logcat-like lines need about 1.2-1.6 bytes per line. Blocks are grouped into segments of
// 65,536 lines that are published whole, so linesReady() grows in steps of 65,536 until the end.
//
// Threads: start() builds on a std::thread; any thread may call linesReady(), lineRange(n) for
// n < linesReady(), lineAt() and the progress getters meanwhile. cancel() stops the build at the next chunk
// boundary (what is ready stays readable). Lines of the second half become ready only once both halves
// are scanned when two threads index. The data must outlive the index; the destructor cancels and joins.
class LineIndex final
{
public:
    struct Range
    {
        qint64 offset = 0; // first byte of the line
        qint64 length = 0; // bytes without the terminator (\n or \r\n)
    };
    // Called on the building thread after each chunk: bytes scanned so far and the total.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    explicit LineIndex(QByteArrayView data);
    ~LineIndex();
    Q_DISABLE_COPY_MOVE(LineIndex)

    // Bytes scanned between progress reports and cancellation checks (default 4 MiB; tests make it small).
    void setChunkBytes(qint64 bytes) { m_chunkBytes = qMax<qint64>(64, bytes); }
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // 2: a helper thread scans the second half of the data meanwhile (when it is at least 4 chunks);
    // 1: one thread. Default: 2 when the machine has more than one core.
    void setThreads(int threads) { m_threads = threads; }

    void build();  // builds on the calling thread; returns when done or cancelled
    void start();  // builds on a new thread; at most once
    void cancel(); // asks the build to stop; returns at once
    void wait();   // joins the building thread, if any

    bool isFinished() const { return m_finished.load(std::memory_order_acquire); } // complete, not cancelled
    bool isCancelled() const { return m_cancel.load(std::memory_order_acquire); }
    qint64 linesReady() const { return m_linesReady.load(std::memory_order_acquire); }
    qint64 bytesScanned() const { return m_bytesScanned.load(std::memory_order_relaxed); }
    int progressPermille() const;
    QByteArrayView data() const { return m_data; }

    // Line n (< linesReady()): where it starts and its length without terminator. O(64) bit reads at most.
    Range lineRange(qint64 n) const;
    qint64 lineStart(qint64 n) const;
    // The line holding byte offset (clamped to the data), among the ready lines; -1 when none is ready.
    // hint: a line at or before the answer (e.g. the previous answer) makes forward scans cheap.
    qint64 lineAt(qint64 offset, qint64 hint = -1) const;

    // Bytes the index occupies on the heap (headers, packed lengths, segment table) for the ready lines.
    qint64 memoryBytes() const;

private:
    struct BlockHeader
    {
        quint64 start;  // absolute offset of the block's first line
        quint32 bitPos; // byte position of the packed lengths in the segment's bits
        quint8 width;   // bits per packed length (0..56 or 64)
        quint8 base[3]; // little-endian 24-bit base length added to every packed value
    };
    struct Segment
    {
        std::vector<BlockHeader> blocks;
        std::vector<quint8> bits;
    };
    static constexpr int kBlockLines = 64;
    static constexpr int kSegmentBlocks = 1024;
    static constexpr int kSegmentShift = 16; // log2(kBlockLines * kSegmentBlocks)

    void run();
    void addLineStart(quint64 start);
    void flushBlock();
    void publishSegment();
    const BlockHeader &header(qint64 block) const;
    quint64 packedLength(const Segment &segment, const BlockHeader &h, int i) const;

    QByteArrayView m_data;
    qint64 m_chunkBytes = 4 << 20;
    int m_threads = std::thread::hardware_concurrency() > 1 ? 2 : 1;
    Progress m_progress;
    std::vector<std::unique_ptr<Segment>> m_segments; // preallocated; slot k written once, then published
    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_finished{false};
    std::atomic<qint64> m_linesReady{0};
    std::atomic<qint64> m_bytesScanned{0};
    // Build state (building thread only).
    std::unique_ptr<Segment> m_building;
    quint64 m_pending[kBlockLines] = {};
    int m_pendingCount = 0;
    qint64 m_linesBuilt = 0;
    std::size_t m_segmentsBuilt = 0;
};

} // namespace relaydesk

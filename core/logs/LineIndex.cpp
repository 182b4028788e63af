#include "LineIndex.h"

#include <algorithm>
#include <bit>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace relaydesk {

namespace {

constexpr quint64 kMaxBase = 0xFFFFFF;

quint64 load64(const quint8 *p)
{
    quint64 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

void store64(quint8 *p, quint64 v)
{
    std::memcpy(p, &v, sizeof v);
}

// Calls onNewline(position) for every '\n' in [from, to), in order.
template <typename F> void scanNewlines(const char *data, qint64 from, qint64 to, F &&onNewline)
{
    qint64 pos = from;
#ifdef __SSE2__
    const __m128i nl = _mm_set1_epi8('\n');
    for (; pos + 64 <= to; pos += 64) {
        const char *p = data + pos;
        const auto m0 = quint64(quint32(
            _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p)), nl))));
        const auto m1 = quint64(quint32(_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16)), nl))));
        const auto m2 = quint64(quint32(_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 32)), nl))));
        const auto m3 = quint64(quint32(_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 48)), nl))));
        quint64 mask = m0 | (m1 << 16) | (m2 << 32) | (m3 << 48);
        while (mask) {
            onNewline(pos + std::countr_zero(mask));
            mask &= mask - 1;
        }
    }
#endif
    while (pos < to) {
        const void *hit = std::memchr(data + pos, '\n', std::size_t(to - pos));
        if (!hit)
            break;
        const qint64 at = static_cast<const char *>(hit) - data;
        onNewline(at);
        pos = at + 1;
    }
}

} // namespace

LineIndex::LineIndex(QByteArrayView data) : m_data(data)
{
    m_segments.resize(std::size_t((data.size() >> kSegmentShift) + 1));
}

LineIndex::~LineIndex()
{
    cancel();
    wait();
}

void LineIndex::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] { build(); });
}

void LineIndex::cancel()
{
    m_cancel.store(true, std::memory_order_release);
}

void LineIndex::wait()
{
    if (m_thread.joinable() && m_thread.get_id() != std::this_thread::get_id())
        m_thread.join();
}

int LineIndex::progressPermille() const
{
    if (isFinished())
        return 1000;
    const qint64 size = m_data.size();
    return size > 0 ? int(bytesScanned() * 1000 / size) : 0;
}

void LineIndex::build()
{
    if (m_linesBuilt > 0 || isFinished())
        return; // built already
    run();
}

void LineIndex::run()
{
    const char *data = m_data.data();
    const qint64 size = m_data.size();
    if (size > 0)
        addLineStart(0);
    // With two threads a helper scans the second half into a list of newline positions while this thread
    // indexes (and publishes) the first half; the list is appended afterwards, which is cheap.
    const bool split = m_threads > 1 && size >= 4 * m_chunkBytes && size - size / 2 < (qint64(1) << 32);
    const qint64 mid = split ? size / 2 : size;
    std::vector<quint32> tail;
    std::atomic<qint64> tailScanned{0};
    std::thread helper;
    if (split) {
        tail.reserve(std::size_t((size - mid) / 128));
        helper = std::thread([&] {
            for (qint64 pos = mid; pos < size && !isCancelled();) {
                const qint64 end = std::min(size, pos + m_chunkBytes);
                scanNewlines(data, pos, end, [&](qint64 at) { tail.push_back(quint32(at - mid)); });
                pos = end;
                tailScanned.store(end - mid, std::memory_order_relaxed);
            }
        });
    }
    for (qint64 pos = 0; pos < mid;) {
        if (isCancelled())
            break;
        const qint64 end = std::min(mid, pos + m_chunkBytes);
        scanNewlines(data, pos, end, [this, size](qint64 at) {
            if (at + 1 < size)
                addLineStart(quint64(at + 1));
        });
        pos = end;
        const qint64 done = end + tailScanned.load(std::memory_order_relaxed);
        m_bytesScanned.store(done, std::memory_order_relaxed);
        if (m_progress)
            m_progress(done, size);
    }
    if (helper.joinable())
        helper.join();
    if (split && !isCancelled()) {
        for (const quint32 rel : tail) {
            const qint64 at = mid + qint64(rel);
            if (at + 1 < size)
                addLineStart(quint64(at + 1));
        }
        m_bytesScanned.store(size, std::memory_order_relaxed);
        if (m_progress)
            m_progress(size, size);
    }
    flushBlock();
    publishSegment();
    if (!isCancelled())
        m_finished.store(true, std::memory_order_release);
}

void LineIndex::addLineStart(quint64 start)
{
    m_pending[m_pendingCount++] = start;
    if (m_pendingCount == kBlockLines)
        flushBlock();
}

void LineIndex::flushBlock()
{
    if (m_pendingCount == 0)
        return;
    if (!m_building) {
        m_building = std::make_unique<Segment>();
        m_building->blocks.reserve(kSegmentBlocks);
        m_building->bits.reserve(kSegmentBlocks * 96);
    }
    Segment &seg = *m_building;
    const int values = m_pendingCount - 1;
    quint64 lo = ~quint64(0);
    quint64 hi = 0;
    for (int i = 0; i < values; ++i) {
        const quint64 len = m_pending[i + 1] - m_pending[i];
        lo = std::min(lo, len);
        hi = std::max(hi, len);
    }
    const quint64 base = values > 0 ? std::min(lo, kMaxBase) : 0;
    int width = values > 0 ? std::bit_width(hi - base) : 0;
    if (width > 56)
        width = 64;

    // bits always keeps 8 zero bytes past the used part, so 8-byte loads and stores stay inside.
    const std::size_t used = seg.bits.empty() ? 0 : seg.bits.size() - 8;
    const std::size_t bytes = (std::size_t(values) * std::size_t(width) + 7) / 8;
    seg.bits.resize(used + bytes + 8, 0);
    quint8 *out = seg.bits.data() + used;
    for (int i = 0; i < values; ++i) {
        const quint64 v = m_pending[i + 1] - m_pending[i] - base;
        if (width == 64) {
            store64(out + std::size_t(i) * 8, v);
        } else if (width > 0) {
            const std::size_t bit = std::size_t(i) * std::size_t(width);
            quint8 *p = out + bit / 8;
            store64(p, load64(p) | (v << (bit % 8)));
        }
    }
    BlockHeader h{};
    h.start = m_pending[0];
    h.bitPos = quint32(used);
    h.width = quint8(width);
    h.base[0] = quint8(base);
    h.base[1] = quint8(base >> 8);
    h.base[2] = quint8(base >> 16);
    seg.blocks.push_back(h);
    m_linesBuilt += m_pendingCount;
    m_pendingCount = 0;
    if (seg.blocks.size() == kSegmentBlocks)
        publishSegment();
}

void LineIndex::publishSegment()
{
    if (!m_building)
        return;
    m_building->blocks.shrink_to_fit();
    m_building->bits.shrink_to_fit();
    m_segments[m_segmentsBuilt++] = std::move(m_building);
    m_linesReady.store(m_linesBuilt, std::memory_order_release);
}

const LineIndex::BlockHeader &LineIndex::header(qint64 block) const
{
    return m_segments[std::size_t(block >> 10)]->blocks[std::size_t(block & (kSegmentBlocks - 1))];
}

quint64 LineIndex::packedLength(const Segment &segment, const BlockHeader &h, int i) const
{
    const quint64 base = quint64(h.base[0]) | (quint64(h.base[1]) << 8) | (quint64(h.base[2]) << 16);
    if (h.width == 0)
        return base;
    const quint8 *bits = segment.bits.data() + h.bitPos;
    if (h.width == 64)
        return base + load64(bits + std::size_t(i) * 8);
    const std::size_t bit = std::size_t(i) * h.width;
    return base + ((load64(bits + bit / 8) >> (bit % 8)) & ((quint64(1) << h.width) - 1));
}

qint64 LineIndex::lineStart(qint64 n) const
{
    const qint64 block = n >> 6;
    const Segment &seg = *m_segments[std::size_t(block >> 10)];
    const BlockHeader &h = seg.blocks[std::size_t(block & (kSegmentBlocks - 1))];
    quint64 start = h.start;
    const int upto = int(n & (kBlockLines - 1));
    for (int i = 0; i < upto; ++i)
        start += packedLength(seg, h, i);
    return qint64(start);
}

LineIndex::Range LineIndex::lineRange(qint64 n) const
{
    Range r;
    r.offset = lineStart(n);
    const char *data = m_data.data();
    qint64 end = -1; // position of the terminating \n, -1 when the line is the unterminated last one
    if (n + 1 < linesReady()) {
        end = lineStart(n + 1) - 1;
    } else {
        const void *nl = std::memchr(data + r.offset, '\n', std::size_t(m_data.size() - r.offset));
        if (nl)
            end = static_cast<const char *>(nl) - data;
    }
    if (end < 0) {
        r.length = m_data.size() - r.offset;
    } else {
        r.length = end - r.offset;
        if (r.length > 0 && data[end - 1] == '\r')
            --r.length;
    }
    return r;
}

qint64 LineIndex::lineAt(qint64 offset, qint64 hint) const
{
    const qint64 ready = linesReady();
    if (ready == 0)
        return -1;
    offset = std::clamp<qint64>(offset, 0, m_data.size() - 1);
    const qint64 blocks = (ready + kBlockLines - 1) / kBlockLines;
    auto startOf = [this](qint64 b) { return qint64(header(b).start); };
    qint64 lo = 0; // last block known to start at or before offset
    qint64 hi = blocks;
    if (hint >= 0 && hint < ready && startOf(hint >> 6) <= offset) {
        lo = hint >> 6;
        for (int step = 0; step < 4 && lo + 1 < blocks && startOf(lo + 1) <= offset; ++step)
            ++lo;
    }
    if (lo + 1 < blocks && startOf(lo + 1) <= offset) {
        ++lo;
        while (hi - lo > 1) { // invariant: startOf(lo) <= offset, hi == blocks or startOf(hi) > offset
            const qint64 mid = lo + (hi - lo) / 2;
            if (startOf(mid) <= offset)
                lo = mid;
            else
                hi = mid;
        }
    }
    const Segment &seg = *m_segments[std::size_t(lo >> 10)];
    const BlockHeader &h = seg.blocks[std::size_t(lo & (kSegmentBlocks - 1))];
    const int inBlock = int(std::min<qint64>(kBlockLines, ready - lo * kBlockLines));
    qint64 line = lo * kBlockLines;
    quint64 start = h.start;
    for (int i = 0; i + 1 < inBlock; ++i) {
        const quint64 next = start + packedLength(seg, h, i);
        if (next > quint64(offset))
            break;
        start = next;
        ++line;
    }
    return line;
}

qint64 LineIndex::memoryBytes() const
{
    qint64 bytes = qint64(m_segments.capacity() * sizeof(m_segments[0]));
    const qint64 published = (linesReady() + (1 << kSegmentShift) - 1) >> kSegmentShift;
    for (qint64 k = 0; k < published; ++k) {
        const Segment &seg = *m_segments[std::size_t(k)];
        bytes += qint64(sizeof(Segment) + seg.blocks.capacity() * sizeof(BlockHeader) + seg.bits.capacity());
    }
    return bytes;
}

} // namespace relaydesk

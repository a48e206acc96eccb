// SPDX-License-Identifier: MIT
#include "models/source/zippartstream.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <system_error>

namespace sluice {

namespace {

// Below this many inflated bytes the ratio is not checked: small, very regular parts (a sheet
// of empty styled cells) compress far better than 500:1 and are harmless.
constexpr qint64 RatioGrace = qint64(1) << 20;

// Read-ahead: a bounded ring of buffers the inflating thread fills and read() drains. Parts that
// declare no more than one slot inflate on the calling thread: nothing would overlap.
constexpr int ReadAheadSlots = 4;
constexpr qint64 SlotSize = qint64(256) << 10;

QString sizeText(qint64 bytes)
{
    if (bytes >= (qint64(1) << 30) && bytes % (qint64(1) << 30) == 0)
        return QStringLiteral("%1 GiB").arg(bytes >> 30);
    if (bytes >= (qint64(1) << 20) && bytes % (qint64(1) << 20) == 0)
        return QStringLiteral("%1 MiB").arg(bytes >> 20);
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace

ZipPartStream::ZipPartStream(QuaZip &zip, const QString &partName, const ReadLimits &limits,
                             qint64 compressedCap)
    : m_zip(zip)
    , m_partName(partName)
    , m_limits(limits)
    , m_compressedCap(compressedCap)
{}

// Shared between read() and the inflating thread. Slots [tail, tail + count) hold data in order;
// the inflater writes only the slot at head (outside the queue) and read() reads only the slot at
// tail (inside it), so the data itself is touched without the lock.
struct ZipPartStream::ReadAhead
{
    struct Slot
    {
        std::unique_ptr<char[]> data;
        qint64 size = 0;
    };

    std::mutex mutex;
    std::condition_variable canRead;  // a slot was filled, or the inflater finished
    std::condition_variable canWrite; // a slot was freed, or the reader stopped
    std::array<Slot, ReadAheadSlots> slots;
    int count = 0;         // filled slots (guarded)
    bool finished = false; // the inflater is done: end of part or error (guarded)
    qint64 endStatus = 0;  // 0 at the end, -1 on an error; set with finished (guarded)
    bool stopping = false; // the reader wants the inflater gone (guarded)
    int head = 0;          // inflater only
    int tail = 0;          // reader only
    qint64 tailOffset = 0; // reader only: bytes of the tail slot already read
};

ZipPartStream::~ZipPartStream()
{
    stopReadAhead();
}

void ZipPartStream::stopReadAhead()
{
    if (!m_inflater.joinable())
        return;
    {
        const std::lock_guard lock(m_ahead->mutex);
        m_ahead->stopping = true;
    }
    m_ahead->canWrite.notify_one();
    m_inflater.join();
}

bool ZipPartStream::fail(const QString &reason)
{
    m_error = QStringLiteral("part '%1' %2").arg(m_partName, reason);
    if (m_file && m_file->isOpen())
        m_file->close();
    return false;
}

bool ZipPartStream::open()
{
    if (!m_zip.setCurrentFile(m_partName, QuaZip::csSensitive))
        return fail(QStringLiteral("is missing from the package"));
    m_file = std::make_unique<QuaZipFile>(&m_zip);
    if (!m_file->open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot be opened (zip error %1)").arg(m_file->getZipError()));
    m_declaredSize = std::max<qint64>(0, m_file->usize());
    // The physical compressed size can be no more than the archive; a header may claim more.
    m_compressed = std::clamp<qint64>(m_file->csize(), 1, std::max<qint64>(1, m_compressedCap));
    // A declared size of 0 may be unknown (a streamed zip): read ahead then too.
    if (m_declaredSize == 0 || m_declaredSize > SlotSize) {
        m_ahead = std::make_unique<ReadAhead>();
        for (ReadAhead::Slot &slot : m_ahead->slots)
            slot.data = std::make_unique_for_overwrite<char[]>(static_cast<size_t>(SlotSize));
        try {
            m_inflater = std::thread([this] { inflateAhead(); });
        } catch (const std::system_error &) {
            m_ahead.reset(); // no thread to be had: inflate on this one
        }
    }
    return true;
}

// The inflating thread: fills free slots until the end of the part, an error or a stop.
void ZipPartStream::inflateAhead()
{
    ReadAhead &ahead = *m_ahead;
    for (;;) {
        {
            std::unique_lock lock(ahead.mutex);
            ahead.canWrite.wait(
                lock, [&ahead] { return ahead.count < ReadAheadSlots || ahead.stopping; });
            if (ahead.stopping)
                return;
        }
        ReadAhead::Slot &slot = ahead.slots[static_cast<size_t>(ahead.head)];
        const qint64 got = inflate(slot.data.get(), SlotSize);
        {
            const std::lock_guard lock(ahead.mutex);
            if (got <= 0) {
                ahead.finished = true;
                ahead.endStatus = got < 0 ? -1 : 0;
            } else {
                slot.size = got;
                ahead.head = (ahead.head + 1) % ReadAheadSlots;
                ++ahead.count;
            }
        }
        ahead.canRead.notify_one();
        if (got <= 0)
            return;
    }
}

qint64 ZipPartStream::read(char *data, qint64 maxSize)
{
    if (!m_ahead) {
        const qint64 got = inflate(data, maxSize);
        if (got > 0)
            m_delivered += got;
        return got;
    }
    if (maxSize <= 0)
        return 0;
    ReadAhead &ahead = *m_ahead;
    {
        std::unique_lock lock(ahead.mutex);
        ahead.canRead.wait(lock, [&ahead] { return ahead.count > 0 || ahead.finished; });
        if (ahead.count == 0) {
            lock.unlock();
            // Finished, so the inflater has set m_error and is exiting: join before reading it.
            stopReadAhead();
            return ahead.endStatus;
        }
    }
    ReadAhead::Slot &slot = ahead.slots[static_cast<size_t>(ahead.tail)];
    const qint64 got = std::min(maxSize, slot.size - ahead.tailOffset);
    std::memcpy(data, slot.data.get() + ahead.tailOffset, static_cast<size_t>(got));
    ahead.tailOffset += got;
    m_delivered += got;
    if (ahead.tailOffset == slot.size) {
        ahead.tailOffset = 0;
        ahead.tail = (ahead.tail + 1) % ReadAheadSlots;
        {
            const std::lock_guard lock(ahead.mutex);
            --ahead.count;
        }
        ahead.canWrite.notify_one();
    }
    return got;
}

// Inflates the next bytes of the part, enforcing the limits; on the inflating thread when reading
// ahead.
qint64 ZipPartStream::inflate(char *data, qint64 maxSize)
{
    if (!m_file || !m_file->isOpen())
        return m_error.isEmpty() ? 0 : -1;
    const qint64 got = m_file->read(data, maxSize);
    if (got < 0 || m_file->getZipError() != 0) {
        fail(QStringLiteral("is corrupt: it cannot be inflated (zip error %1)")
                 .arg(m_file->getZipError()));
        return -1;
    }
    if (got == 0)
        return finish() ? 0 : -1;
    m_inflated += got;
    if (m_inflated > m_limits.maxInflatedBytes) {
        fail(QStringLiteral("inflates to more than %1, the limit")
                 .arg(sizeText(m_limits.maxInflatedBytes)));
        return -1;
    }
    if (m_inflated > RatioGrace
        && double(m_inflated) > m_limits.maxCompressionRatio * double(m_compressed)) {
        fail(QStringLiteral("looks like a zip bomb: it inflates more than %1 times its size")
                 .arg(m_limits.maxCompressionRatio));
        return -1;
    }
    return got;
}

// At the end, close() checks the CRC: a part whose data does not match its header is corrupt.
bool ZipPartStream::finish()
{
    m_file->close();
    if (m_file->getZipError() != 0)
        return fail(QStringLiteral("is corrupt (CRC or size mismatch, zip error %1)")
                        .arg(m_file->getZipError()));
    return true;
}

} // namespace sluice

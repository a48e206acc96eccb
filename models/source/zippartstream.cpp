// SPDX-License-Identifier: MIT
#include "models/source/zippartstream.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <algorithm>

namespace sluice {

namespace {

// Below this many inflated bytes the ratio is not checked: small, very regular parts (a sheet
// of empty styled cells) compress far better than 500:1 and are harmless.
constexpr qint64 RatioGrace = qint64(1) << 20;

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

ZipPartStream::~ZipPartStream() = default;

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
    return true;
}

qint64 ZipPartStream::read(char *data, qint64 maxSize)
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

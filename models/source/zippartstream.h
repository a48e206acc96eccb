// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/readlimits.h"

#include <QString>

#include <memory>
#include <thread>

class QuaZip;
class QuaZipFile;

namespace sluice {

// Inflates one part (entry) of a zip package a chunk at a time, enforcing the read limits as it
// goes. The sizes in the zip headers are never trusted: a part that inflates past the size cap, or
// past the compression-ratio cap after its first MiB, is refused while it is being inflated.
// A part larger than one read inflates ahead on a second thread into a few fixed buffers (at most
// ReadAheadSlots x SlotSize bytes), so inflating overlaps with parsing; limits, the CRC check and
// every error stay with the inflating thread and reach read() in order, after the bytes before
// them. Destroying the stream stops and joins that thread whatever state it is in.
class ZipPartStream
{
public:
    // zip must be open for reading and outlive the stream; compressedCap bounds the compressed
    // size used for the ratio (the archive's own size, so a header cannot claim more).
    ZipPartStream(QuaZip &zip, const QString &partName, const ReadLimits &limits,
                  qint64 compressedCap);
    ~ZipPartStream();
    ZipPartStream(const ZipPartStream &) = delete;
    ZipPartStream &operator=(const ZipPartStream &) = delete;

    bool open();
    // Up to maxSize bytes: > 0 read, 0 at the end of the part, -1 on an error (errorString()).
    qint64 read(char *data, qint64 maxSize);

    // Bytes handed out by read() so far.
    qint64 inflatedBytes() const { return m_delivered; }
    // What the zip header says the part inflates to: for progress only, 0 when unknown.
    qint64 declaredSize() const { return m_declaredSize; }
    // Why open() or read() failed, naming the part. Valid once read() has returned -1.
    QString errorString() const { return m_error; }

private:
    struct ReadAhead;

    bool fail(const QString &reason);
    bool finish();
    qint64 inflate(char *data, qint64 maxSize);
    void inflateAhead();
    void stopReadAhead();

    QuaZip &m_zip;
    QString m_partName;
    ReadLimits m_limits;
    qint64 m_compressedCap = 0;
    // Owned by the inflating thread while it runs (m_file, m_inflated, m_error).
    std::unique_ptr<QuaZipFile> m_file;
    std::unique_ptr<ReadAhead> m_ahead;
    std::thread m_inflater;
    qint64 m_delivered = 0;
    qint64 m_inflated = 0;
    qint64 m_compressed = 0;
    qint64 m_declaredSize = 0;
    QString m_error;
};

} // namespace sluice

// SPDX-License-Identifier: MIT
#include "models/source/xlsworkbookinfo.h"

#include "models/source/biffrecords.h"

#include <QCoreApplication>
#include <QString>
#include <QtEndian>

#include <functional>
#include <optional>
#include <vector>

namespace sluice {

namespace {

using namespace biff;

constexpr QByteArrayView CompoundSignature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr quint32 EndOfChain = 0xFFFFFFFE;
constexpr qsizetype HeaderSize = 512;
constexpr qsizetype DirEntrySize = 128;
constexpr qsizetype MiniSectorSize = 64;
constexpr quint32 MiniStreamCutoff = 4096;

QString tr(const char *text)
{
    return QCoreApplication::translate("XlsWorkbookInfo", text);
}

// The OLE compound file (MS-CFB) around a BIFF5/8 workbook: just enough to read one stream.
class CompoundFile
{
public:
    explicit CompoundFile(QByteArrayView file)
        : m_file(file)
    {}

    // Reads the header, the FAT and the directory; the reason when the file is damaged.
    std::optional<QString> load();
    // The stream with the first of the names that is there (a workbook saved by Excel 97 for
    // Excel 5 holds both a BIFF8 Workbook and a BIFF5 Book stream), or the reason there is none.
    Result<QByteArray> stream(const QList<QStringView> &names) const;

private:
    using SectorFn = std::function<QByteArrayView(quint32)>;

    QByteArrayView sector(quint32 index) const;
    // Follows a chain from start; size < 0 reads to its end. Bounded by the table's size, so a
    // looping chain ends in an error, not a hang.
    Result<QByteArray> readChain(const std::vector<quint32> &table, quint32 start, qint64 size,
                                 qsizetype sectorSize, const SectorFn &read) const;
    std::optional<QString> loadFat();

    QByteArrayView m_file;
    qsizetype m_sectorSize = 512;
    std::vector<quint32> m_fat;
    QByteArray m_directory;
};

QByteArrayView CompoundFile::sector(quint32 index) const
{
    const qint64 offset = (qint64(index) + 1) * m_sectorSize;
    if (offset + m_sectorSize > m_file.size())
        return {};
    return m_file.sliced(offset, m_sectorSize);
}

Result<QByteArray> CompoundFile::readChain(const std::vector<quint32> &table, quint32 start,
                                           qint64 size, qsizetype sectorSize,
                                           const SectorFn &read) const
{
    QByteArray bytes;
    quint32 current = start;
    for (std::size_t steps = 0; current != EndOfChain; ++steps) {
        if (size >= 0 && bytes.size() >= size)
            break;
        if (current >= table.size() || steps > table.size())
            return Error {tr("the file is damaged: a sector chain is broken or loops")};
        const QByteArrayView data = read(current);
        if (data.size() != sectorSize)
            return Error {tr("the file is truncated: its sectors point past the end of the file")};
        bytes.append(data);
        current = table[current];
    }
    if (size >= 0) {
        if (bytes.size() < size)
            return Error {tr("the file is damaged: a stream is shorter than its directory says")};
        bytes.truncate(static_cast<qsizetype>(size));
    }
    return bytes;
}

std::optional<QString> CompoundFile::loadFat()
{
    const quint32 fatSectors = u32(m_file, 0x2C);
    quint32 difatSector = u32(m_file, 0x44);
    std::vector<quint32> fatIndexes;
    for (qsizetype i = 0; i < 109 && fatIndexes.size() < fatSectors; ++i)
        fatIndexes.push_back(u32(m_file, 0x4C + i * 4));
    const qsizetype perSector = m_sectorSize / 4;
    // More FAT sectors than the file could hold means a hostile header, not a big file.
    if (qint64(fatSectors) * m_sectorSize > m_file.size())
        return tr("the file is truncated: its header lists more sectors than the file holds");
    while (fatIndexes.size() < fatSectors) {
        const QByteArrayView difat = sector(difatSector);
        if (difat.isEmpty())
            return tr("the file is truncated: its sectors point past the end of the file");
        for (qsizetype i = 0; i + 1 < perSector && fatIndexes.size() < fatSectors; ++i)
            fatIndexes.push_back(u32(difat, i * 4));
        difatSector = u32(difat, (perSector - 1) * 4);
    }
    m_fat.reserve(fatIndexes.size() * static_cast<std::size_t>(perSector));
    for (const quint32 index : fatIndexes) {
        const QByteArrayView data = sector(index);
        if (data.isEmpty())
            return tr("the file is truncated: its sectors point past the end of the file");
        for (qsizetype i = 0; i < perSector; ++i)
            m_fat.push_back(u32(data, i * 4));
    }
    // A sector in use that starts past the end: the file was cut off. Said here, before any
    // stream is read, so the user learns the file is truncated rather than damaged.
    constexpr quint32 FreeSector = 0xFFFFFFFF;
    for (std::size_t i = m_fat.size(); i-- > 0;) {
        if (m_fat[i] == FreeSector)
            continue;
        if ((qint64(i) + 1) * m_sectorSize >= m_file.size())
            return tr("the file is truncated: its sectors point past the end of the file");
        break;
    }
    return std::nullopt;
}

std::optional<QString> CompoundFile::load()
{
    if (m_file.size() < HeaderSize || !m_file.startsWith(CompoundSignature))
        return tr("the file is not an Excel 97–2003 workbook (no OLE compound file header)");
    const quint16 shift = u16(m_file, 0x1E);
    if (shift != 9 && shift != 12)
        return tr("the file is damaged: its OLE header has an invalid sector size");
    m_sectorSize = qsizetype(1) << shift;
    if (auto error = loadFat())
        return error;
    auto directory = readChain(m_fat, u32(m_file, 0x30), -1, m_sectorSize,
                               [this](quint32 index) { return sector(index); });
    if (!directory)
        return directory.error().message;
    m_directory = std::move(directory).value();
    if (m_directory.size() < DirEntrySize)
        return tr("the file is damaged: its OLE directory is empty");
    return std::nullopt;
}

Result<QByteArray> CompoundFile::stream(const QList<QStringView> &names) const
{
    const auto sectorFn = [this](quint32 index) {
        return sector(index);
    };
    for (const QStringView wanted : names) {
        for (qsizetype at = 0; at + DirEntrySize <= m_directory.size(); at += DirEntrySize) {
            const QByteArrayView entry = QByteArrayView(m_directory).sliced(at, DirEntrySize);
            const qsizetype nameBytes = std::min<qsizetype>(u16(entry, 0x40), 64);
            const QString name
                = QString::fromUtf16(reinterpret_cast<const char16_t *>(entry.data()),
                                     std::max<qsizetype>(nameBytes / 2 - 1, 0));
            if (entry[0x42] != 2 || name.compare(wanted, Qt::CaseInsensitive) != 0)
                continue;
            const quint32 start = u32(entry, 0x74);
            const quint32 size = u32(entry, 0x78);
            if (size >= MiniStreamCutoff)
                return readChain(m_fat, start, size, m_sectorSize, sectorFn);
            // Small streams live in the mini stream, whose chain starts at the root entry.
            const QByteArrayView root = QByteArrayView(m_directory).first(DirEntrySize);
            const auto mini
                = readChain(m_fat, u32(root, 0x74), u32(root, 0x78), m_sectorSize, sectorFn);
            const auto miniFatBytes
                = readChain(m_fat, u32(m_file, 0x3C), qint64(u32(m_file, 0x40)) * m_sectorSize,
                            m_sectorSize, sectorFn);
            if (!mini || !miniFatBytes)
                return !mini ? mini.error() : miniFatBytes.error();
            std::vector<quint32> miniFat;
            for (qsizetype i = 0; i + 4 <= miniFatBytes->size(); i += 4)
                miniFat.push_back(u32(*miniFatBytes, i));
            const QByteArrayView miniStream(*mini);
            return readChain(miniFat, start, size, MiniSectorSize, [miniStream](quint32 index) {
                const qint64 offset = qint64(index) * MiniSectorSize;
                return offset + MiniSectorSize > miniStream.size()
                    ? QByteArrayView()
                    : miniStream.sliced(offset, MiniSectorSize);
            });
        }
    }
    return Error {
        tr("the file is not an Excel workbook: its OLE container has no Workbook stream")};
}

SheetKind sheetKind(quint8 type)
{
    switch (type) {
    case 0x01:
        return SheetKind::Macrosheet;
    case 0x02:
        return SheetKind::Chartsheet;
    case 0x06:
        return SheetKind::Module;
    default:
        return SheetKind::Worksheet;
    }
}

SheetState sheetState(quint8 flags)
{
    switch (flags & 0x03) {
    case 1:
        return SheetState::Hidden;
    case 2:
        return SheetState::VeryHidden;
    default:
        return SheetState::Visible;
    }
}

// The workbook globals: the records from the first BOF to its EOF.
Result<XlsWorkbookInfo> readGlobals(QByteArrayView stream)
{
    if (stream.size() < 8 || u16(stream, 0) != RecBof)
        return Error {tr("the file is not an Excel workbook: its Workbook stream has no BOF")};
    XlsWorkbookInfo info;
    info.biffVersion = u16(stream, 4) == 0x0600 ? 8 : 5;
    qsizetype at = 4 + u16(stream, 2);
    while (at + 4 <= stream.size()) {
        const quint16 type = u16(stream, at);
        const qsizetype length = u16(stream, at + 2);
        const QByteArrayView data
            = stream.sliced(at + 4).first(std::min(length, stream.size() - at - 4));
        at += 4 + length;
        if (type == RecEof)
            break;
        if (type == RecFilePass) {
            // Everything after FILEPASS is encrypted: nothing more can be read.
            info.encrypted = true;
            break;
        }
        if (type == RecDateMode && data.size() >= 2)
            info.date1904 = u16(data, 0) != 0;
        if (type == RecBoundSheet && data.size() >= 6) {
            SheetInfo sheet;
            sheet.state = sheetState(static_cast<quint8>(data[4]));
            sheet.kind = sheetKind(static_cast<quint8>(data[5]));
            info.sheets.append(sheet);
        }
    }
    return info;
}

// Bare BIFF2–4 files start with their BOF record instead of an OLE header.
int bareBiffVersion(QByteArrayView file)
{
    if (file.size() < 4)
        return 0;
    switch (u16(file, 0)) {
    case 0x0009:
        return 2;
    case 0x0209:
        return 3;
    case 0x0409:
        return 4;
    default:
        return 0;
    }
}

// The one sheet of a bare BIFF2 file: its kind from the BOF record's document type, and
// FILEPASS and DATEMODE from the records before its EOF. Record lengths are BiffWorkbook's to
// check; a record cut off here just ends the scan.
XlsWorkbookInfo readBiff2(QByteArrayView file)
{
    XlsWorkbookInfo info;
    info.biffVersion = 2;
    SheetInfo sheet;
    if (file.size() >= 8 && u16(file, 2) >= 4) {
        const quint16 type = u16(file, 6);
        if (type == 0x0020)
            sheet.kind = SheetKind::Chartsheet;
        else if (type == 0x0040)
            sheet.kind = SheetKind::Macrosheet;
    }
    info.sheets.append(sheet);
    qsizetype at = 4 + u16(file, 2);
    while (at + 4 <= file.size()) {
        const quint16 type = u16(file, at);
        const qsizetype length = u16(file, at + 2);
        if (type == RecEof || at + 4 + length > file.size())
            break;
        if (type == RecFilePass) {
            info.encrypted = true;
            break;
        }
        if (type == RecDateMode && length >= 2)
            info.date1904 = u16(file, at + 4) != 0;
        at += 4 + length;
    }
    info.stream = file.toByteArray();
    return info;
}

} // namespace

Result<XlsWorkbookInfo> XlsWorkbookInfo::read(QByteArrayView file)
{
    if (const int version = bareBiffVersion(file)) {
        if (version == 2)
            return readBiff2(file);
        XlsWorkbookInfo info;
        info.biffVersion = version;
        return info;
    }
    if (file.startsWith("PK\x03\x04"))
        return Error {tr("the file is not a legacy Excel workbook: it is a zip archive (an XLSX "
                         "or ODS file with an .xls name?)")};
    CompoundFile compound(file);
    if (const auto error = compound.load())
        return Error {*error};
    auto stream = compound.stream({u"Workbook", u"Book"});
    if (!stream)
        return stream.error();
    auto info = readGlobals(*stream);
    if (info)
        info.value().stream = std::move(stream).value();
    return info;
}

} // namespace sluice

// SPDX-License-Identifier: MIT
#include "models/source/csvreader.h"

#include "models/source/csvdialectdetector.h"
#include "models/source/textdecoder.h"

#include <QFileInfo>

namespace sluice {

namespace {

// Bytes read and converted at a time: large enough to keep the tokenizer in its fast loop, small
// enough for progress and cancel to answer several times a second.
constexpr qsizetype SliceBytes = qsizetype(4) << 20;

// The text after the first line break: the sep= hint line is not data.
QByteArrayView withoutFirstLine(QByteArrayView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            return text.sliced(i + 1);
        if (text[i] == '\r')
            return text.sliced(i + 1 < text.size() && text[i + 1] == '\n' ? i + 2 : i + 1);
    }
    return {};
}

} // namespace

CsvReader::CsvReader(CsvOptions options)
    : m_options(options)
{}

CsvReader::~CsvReader() = default;

Error CsvReader::fileError(const QString &reason) const
{
    return Error {QStringLiteral("%1: %2").arg(m_fileName, reason)};
}

QByteArrayView CsvReader::text() const
{
    const QByteArrayView all(reinterpret_cast<const char *>(m_map), m_file.size());
    return all.sliced(m_dialect.bomBytes);
}

Result<QList<SheetInfo>> CsvReader::open(const QString &path, const ReadLimits &limits)
{
    m_limits = limits;
    m_fileName = QFileInfo(path).fileName();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return fileError(tr("cannot open it: %1").arg(m_file.errorString()));
    if (m_file.size() == 0)
        return fileError(tr("the file is empty (0 bytes)"));
    m_map = m_file.map(0, m_file.size());
    if (!m_map)
        return fileError(tr("cannot read it: %1").arg(m_file.errorString()));
    const QByteArrayView all(reinterpret_cast<const char *>(m_map), m_file.size());
    const Result<CsvDialect> dialect
        = CsvDialectDetector::detect(all, m_options, QFileInfo(path).suffix().toLower());
    if (!dialect)
        return fileError(dialect.error().message);
    m_dialect = *dialect;
    return QList<SheetInfo> {SheetInfo {QFileInfo(path).completeBaseName()}};
}

Result<ReadEnd> CsvReader::readSheet(int sheetIndex, ReadSink &sink)
{
    if (!m_map)
        return fileError(tr("the file is not open"));
    if (sheetIndex != 0)
        return fileError(tr("a text file has one sheet only"));
    CsvTokenizer tokenizer(m_dialect.delimiter, m_dialect.quote, m_limits, sink);
    TextDecoder decoder(m_dialect.encoding);
    const QByteArrayView all = text();
    const bool convert = m_dialect.encoding != TextEncoding::Utf8;
    bool skipHint = m_dialect.skipLines > 0;
    ReadEnd end = ReadEnd::Finished;
    for (qsizetype offset = 0; offset < all.size() && end == ReadEnd::Finished;
         offset += SliceBytes) {
        const QByteArrayView slice = all.sliced(offset, std::min(SliceBytes, all.size() - offset));
        const QByteArray converted = convert ? decoder.toUtf8(slice) : QByteArray();
        QByteArrayView utf8 = convert ? QByteArrayView(converted) : slice;
        if (skipHint) {
            utf8 = withoutFirstLine(utf8);
            skipHint = false;
        }
        if (const auto error = tokenizer.feed(utf8))
            return fileError(*error);
        const ReadProgress progress {offset + slice.size(), all.size(), tokenizer.recordCount()};
        if (tokenizer.isCancelled() || !sink.progressed(progress))
            end = ReadEnd::Cancelled;
    }
    if (end == ReadEnd::Finished) {
        if (const auto error = tokenizer.finish())
            return fileError(*error);
        if (tokenizer.isCancelled())
            end = ReadEnd::Cancelled;
    }
    m_ragged = tokenizer.raggedRows();
    m_raggedCount = tokenizer.raggedRowCount();
    // Mapped pages count as resident memory; the cells now live in the sink's table.
    m_file.unmap(m_map);
    m_map = nullptr;
    return end;
}

} // namespace sluice

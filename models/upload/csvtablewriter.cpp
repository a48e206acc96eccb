// SPDX-License-Identifier: MIT
#include "models/upload/csvtablewriter.h"

namespace sluice {

namespace {

// Rows gather here before a write: fewer system calls than one per row, and a bounded amount.
constexpr qsizetype FlushThreshold = 256 * 1024;

} // namespace

CsvTableWriter::CsvTableWriter(QString path, Options options)
    : TableWriter(std::move(path), std::move(options))
    , m_file(this->path())
{}

// Without commit() the QSaveFile removes its temporary file: an unfinished table leaves nothing.
CsvTableWriter::~CsvTableWriter() = default;

QString CsvTableWriter::quoteField(const QString &cell)
{
    const bool needsQuotes = cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\r')
        || cell.contains(u'\n');
    if (!needsQuotes)
        return cell;
    QString quoted = cell;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

std::optional<Error> CsvTableWriter::open()
{
    if (!m_file.open(QIODevice::WriteOnly))
        return fileError(m_file.errorString());
    m_buffer.reserve(FlushThreshold + 4096);
    m_buffer.append("\xEF\xBB\xBF");
    return std::nullopt;
}

std::optional<Error> CsvTableWriter::appendRow(const QStringList &cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line.append(u',');
        line.append(quoteField(prepareCell(cells[i])));
    }
    line.append(QLatin1String("\r\n"));
    m_buffer.append(line.toUtf8());
    return m_buffer.size() >= FlushThreshold ? flush() : std::nullopt;
}

std::optional<Error> CsvTableWriter::flush()
{
    if (m_buffer.isEmpty())
        return std::nullopt;
    if (m_file.write(m_buffer) != m_buffer.size())
        return fileError(m_file.errorString());
    m_buffer.resize(0); // keeps the capacity for the next rows
    return std::nullopt;
}

std::optional<Error> CsvTableWriter::commit()
{
    if (std::optional<Error> error = flush())
        return error;
    if (!m_file.commit())
        return fileError(m_file.errorString());
    return std::nullopt;
}

} // namespace sluice

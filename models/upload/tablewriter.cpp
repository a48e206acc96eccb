// SPDX-License-Identifier: MIT
#include "models/upload/tablewriter.h"

#include "models/upload/csvtablewriter.h"
#include "models/upload/formulaguard.h"
#include "models/upload/xlsxtablewriter.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace sluice {

TableWriter::TableWriter(QString path, Options options)
    : m_path(std::move(path))
    , m_options(std::move(options))
{}

TableWriter::~TableWriter() = default;

QStringList TableWriter::supportedExtensions()
{
    return {u"csv"_s, u"xlsx"_s};
}

Result<std::unique_ptr<TableWriter>> TableWriter::create(const QString &path,
                                                         const Options &options)
{
    const QString extension = QFileInfo(path).suffix().toLower();
    std::unique_ptr<TableWriter> writer;
    if (extension == u"csv"_s)
        writer = std::make_unique<CsvTableWriter>(path, options);
    else if (extension == u"xlsx"_s)
        writer = std::make_unique<XlsxTableWriter>(path, options);
    if (!writer) {
        return Error {tr("Cannot write results to %1: the file name must end in .csv or .xlsx.")
                          .arg(QDir::toNativeSeparators(path))};
    }
    if (std::optional<Error> error = writer->open())
        return std::move(*error);
    return writer;
}

std::optional<Error> TableWriter::writeRow(const QStringList &cells)
{
    if (m_failure)
        return m_failure;
    if (m_finished)
        return fileError(tr("the file is already complete"));
    m_failure = appendRow(cells);
    if (!m_failure)
        ++m_rowCount;
    return m_failure;
}

std::optional<Error> TableWriter::finish()
{
    if (m_failure)
        return m_failure;
    if (m_finished)
        return std::nullopt;
    m_failure = commit();
    m_finished = !m_failure;
    return m_failure;
}

QString TableWriter::prepareCell(const QString &cell) const
{
    return m_options.neutraliseFormulas ? neutraliseFormula(cell) : cell;
}

Error TableWriter::fileError(const QString &reason) const
{
    return Error {tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), reason)};
}

} // namespace sluice

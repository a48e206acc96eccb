// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/csvoptions.h"
#include "models/source/csvtokenizer.h"
#include "models/source/spreadsheetreader.h"

#include <QCoreApplication>
#include <QFile>

namespace sluice {

// Reads CSV, TSV and "Unicode text" files: one sheet, every cell text, nothing trimmed or
// converted. The file is memory-mapped while it is read and released afterwards.
class CsvReader : public SpreadsheetReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    explicit CsvReader(CsvOptions options = {});
    ~CsvReader() override;

    Result<QList<SheetInfo>> open(const QString &path, const ReadLimits &limits = {}) override;
    Result<ReadEnd> readSheet(int sheetIndex, ReadSink &sink) override;

    // After open(): what the file turned out to be.
    const CsvDialect &dialect() const { return m_dialect; }
    // After readSheet(): records whose field count differs from the header's.
    const QList<CsvTokenizer::RaggedRow> &raggedRows() const { return m_ragged; }
    qsizetype raggedRowCount() const { return m_raggedCount; }

private:
    Error fileError(const QString &reason) const;
    QByteArrayView text() const;

    CsvOptions m_options;
    ReadLimits m_limits;
    CsvDialect m_dialect;
    QFile m_file;
    QString m_fileName;
    uchar *m_map = nullptr;
    QList<CsvTokenizer::RaggedRow> m_ragged;
    qsizetype m_raggedCount = 0;
};

} // namespace sluice

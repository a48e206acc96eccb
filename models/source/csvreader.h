// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/csvoptions.h"
#include "models/source/csvtokenizer.h"
#include "models/source/spreadsheetreader.h"
#include "models/source/textdecoder.h"

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

    // Files of at least this many bytes (UTF-8 ones) are read on two cores. Tests lower it.
    static constexpr qsizetype DefaultParallelThreshold = qsizetype(16) << 20;
    void setParallelThreshold(qsizetype bytes) { m_parallelThreshold = bytes; }
    // After readSheet(): whether the two halves were read apart and joined.
    bool readInTwoHalves() const { return m_joinedHalves; }

private:
    class BlockCollector;
    struct Feed
    {
        TextDecoder decoder;
        bool skipHint;
    };

    Error fileError(const QString &reason) const;
    QByteArrayView text() const;
    std::optional<Result<ReadEnd>> feedRange(CsvTokenizer &tokenizer, ReadSink &sink, Feed &feed,
                                             qsizetype from, qsizetype to);
    Result<ReadEnd> finishRead(CsvTokenizer &tokenizer);
    Result<ReadEnd> readSequentially(CsvTokenizer &tokenizer, ReadSink &sink);
    Result<ReadEnd> readHalves(CsvTokenizer &tokenizer, ReadSink &sink);

    CsvOptions m_options;
    ReadLimits m_limits;
    CsvDialect m_dialect;
    QFile m_file;
    QString m_fileName;
    uchar *m_map = nullptr;
    qsizetype m_parallelThreshold = DefaultParallelThreshold;
    bool m_joinedHalves = false;
    QList<CsvTokenizer::RaggedRow> m_ragged;
    qsizetype m_raggedCount = 0;
};

} // namespace sluice

// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/source/csvoptions.h"

#include <QByteArrayView>
#include <QCoreApplication>

namespace sluice {

// Works out a delimited text file's encoding, delimiter, line ending and sep= hint from its bytes.
class CsvDialectDetector
{
    Q_DECLARE_TR_FUNCTIONS(CsvDialectDetector)

public:
    // head: the start of the file (64 KiB is plenty); wholeFile: all of it when the caller has it
    // mapped, so "is this UTF-8?" is decided on every byte rather than a sample. extension: the
    // file's suffix in lower case ("tsv" prefers tab).
    static Result<CsvDialect> detect(QByteArrayView wholeFile, const CsvOptions &options,
                                     const QString &extension);

    // Byte offset of the first invalid UTF-8 sequence, or -1 when valid.
    static qsizetype firstInvalidUtf8(QByteArrayView bytes);

private:
    static qsizetype firstInvalidUtf8InOneRun(QByteArrayView bytes);
};

} // namespace sluice

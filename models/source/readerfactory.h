// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/source/csvoptions.h"
#include "models/source/spreadsheetreader.h"

#include <QCoreApplication>

#include <memory>

namespace sluice {

enum class FileFormat { Text, Xlsx, Ods, Xls };

QString fileFormatName(FileFormat format);

// Picks the reader from what the file is, not what it is called: a CSV named .xls or an XLSX
// named .csv is read as what it is. The name only settles what the bytes leave open.
class ReaderFactory
{
    Q_DECLARE_TR_FUNCTIONS(ReaderFactory)

public:
    static Result<FileFormat> sniff(const QString &path);
    static Result<std::unique_ptr<SpreadsheetReader>> create(const QString &path,
                                                             const CsvOptions &csvOptions = {});
};

} // namespace sluice

// SPDX-License-Identifier: MIT
#pragma once

#include "models/upload/tablewriter.h"

#include <QByteArray>
#include <QSaveFile>

#include <memory>

class QuaZip;
class QuaZipFile;

namespace sluice {

// A one-sheet workbook with every cell an inline string, so Excel shows each value exactly as
// written: no date guessed from "3-4", no leading zero lost from "00123", no "1E5" turned into
// 100000. The sheet's XML goes into its ZIP entry while rows arrive; only the current rows are
// held in memory.
class XlsxTableWriter : public TableWriter
{
public:
    XlsxTableWriter(QString path, Options options);
    ~XlsxTableWriter() override;

    // What Excel accepts as a sheet name: at most 31 characters, none of : \ / ? * [ ], no
    // apostrophe at either end, not "History". Offending characters become '_'; an empty result
    // becomes "Results".
    static QString excelSheetName(const QString &wanted);
    // The text of one cell as it is stored: characters XML 1.0 cannot hold become U+FFFD, and
    // text past Excel's cell limit is cut, ending in a marker that says so.
    static QString cellText(const QString &cell);
    // The marker at the end of a cut cell.
    static QString truncationMarker();

protected:
    std::optional<Error> open() override;
    std::optional<Error> appendRow(const QStringList &cells) override;
    std::optional<Error> commit() override;

private:
    std::optional<Error> writePart(const QString &name, const QByteArray &data);
    std::optional<Error> flush();
    Error zipError(int code) const;
    void appendCell(qsizetype column, const QByteArray &rowNumber, bool bold, const QString &cell);

    // Destroyed in reverse order: the entry, the archive, then the file, which discards its
    // temporary file unless commit() ran.
    QSaveFile m_file;
    std::unique_ptr<QuaZip> m_zip;
    std::unique_ptr<QuaZipFile> m_sheet;
    QByteArray m_buffer;
    qint64 m_sheetBytes = 0;
};

} // namespace sluice

// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace sluice {

// How a TableWriter writes its file.
struct TableWriterOptions
{
    // Prefix cells that a spreadsheet would run as a formula with an apostrophe
    // (formulaguard.h). On by default: the cells come from files other people wrote.
    bool neutraliseFormulas = true;
    // XLSX: the worksheet's name, made acceptable to Excel (31 characters, none of :\/?*[]).
    QString sheetName = QStringLiteral("Results");
    // XLSX: the first row is a header: bold, and frozen so it stays in view when scrolling.
    bool headerRow = true;
};

// Writes a results table (header row first, then one row per record) for people who open it in
// Excel: CSV or XLSX, chosen by the file's extension. Rows stream to disk as they come, so a
// million rows cost no more memory than one.
//
// Nothing appears under the final name until finish() succeeds: rows go to a temporary file
// beside it, renamed over it in one step, so a crash or an error never leaves half a file that
// looks complete. Destroying a writer without finish() discards what it wrote.
//
// Errors use the project's convention for an operation without a value: std::nullopt on success,
// otherwise an Error that names the file and the reason. After an error the writer stays failed
// and every later call returns that error.
class TableWriter
{
    Q_DECLARE_TR_FUNCTIONS(TableWriter)

public:
    using Options = TableWriterOptions;

    // Excel's limits for one worksheet and one cell (in UTF-16 code units, as Excel counts).
    static constexpr qint64 MaxXlsxRows = 1048576;
    static constexpr qsizetype MaxXlsxColumns = 16384;
    static constexpr qsizetype MaxXlsxCellLength = 32767;

    virtual ~TableWriter();
    TableWriter(const TableWriter &) = delete;
    TableWriter &operator=(const TableWriter &) = delete;

    // A writer for path by its extension (.csv or .xlsx, any case), with its temporary file open.
    // Fails for another extension or when the folder cannot take the file.
    static Result<std::unique_ptr<TableWriter>> create(const QString &path,
                                                       const Options &options = Options());
    static QStringList supportedExtensions(); // "csv", "xlsx"

    std::optional<Error> writeRow(const QStringList &cells);
    // Completes the file and moves it under its final name.
    std::optional<Error> finish();

    QString path() const { return m_path; }
    const Options &options() const { return m_options; }
    qint64 rowCount() const { return m_rowCount; } // rows written so far

protected:
    TableWriter(QString path, Options options);

    // The cell as it goes into the file: guarded when the option is on.
    QString prepareCell(const QString &cell) const;
    // "Cannot write <path>: <reason>"
    Error fileError(const QString &reason) const;

    virtual std::optional<Error> open() = 0;
    virtual std::optional<Error> appendRow(const QStringList &cells) = 0;
    virtual std::optional<Error> commit() = 0;

private:
    QString m_path;
    Options m_options;
    qint64 m_rowCount = 0;
    std::optional<Error> m_failure; // sticky: a file with a gap must never be committed
    bool m_finished = false;
};

} // namespace sluice

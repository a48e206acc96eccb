// SPDX-License-Identifier: MIT
#pragma once

#include "models/upload/tablewriter.h"

#include <QByteArray>
#include <QSaveFile>

namespace sluice {

// CSV as Excel opens it without an import dialog: UTF-8 with a byte order mark (without one Excel
// reads the bytes as the ANSI code page and mangles accents), comma separated, CRLF line ends,
// RFC 4180 quoting. Cells are written whole: CSV has no cell length limit to respect.
class CsvTableWriter : public TableWriter
{
public:
    CsvTableWriter(QString path, Options options);
    ~CsvTableWriter() override;

    // One cell as RFC 4180 writes it: quoted when it holds a comma, quote, CR or LF; quotes
    // doubled.
    static QString quoteField(const QString &cell);

protected:
    std::optional<Error> open() override;
    std::optional<Error> appendRow(const QStringList &cells) override;
    std::optional<Error> commit() override;

private:
    std::optional<Error> flush();

    QSaveFile m_file;
    QByteArray m_buffer;
};

} // namespace sluice

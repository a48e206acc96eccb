// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/source/cellkind.h"
#include "models/source/numberformat.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace sluice {

// The cells of a BIFF5/8 workbook stream ([MS-XLS]), read record by record: the globals
// (BOUNDSHEET, SST + CONTINUE, XF, FORMAT, DATEMODE, CODEPAGE) once, then one sheet substream at
// a time (LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK, BOOLERR, FORMULA + STRING, DIMENSION).
// Every record length is checked against the stream; nothing is read past its end.
//
// A BIFF2 (Excel 2.x) file is one bare worksheet stream: its FORMAT, CODEPAGE and DATEMODE
// records come before the cells (INTEGER, NUMBER, LABEL, BOOLERR, FORMULA + STRING) in the same
// substream, and it lists one sheet, with an empty name (the file's name is the reader's to give).
class BiffWorkbook
{
public:
    struct Sheet
    {
        QString name;
        quint32 offset = 0; // of the sheet's BOF in the stream
    };
    struct Dimension
    {
        qint64 rows = 0;    // one past the last row, 0 without a DIMENSION record
        qint64 columns = 0; // one past the last column
    };
    // A cell with a value; returns false to stop reading.
    using CellFn
        = std::function<bool(quint32 row, quint16 column, CellKind kind, QByteArrayView text)>;

    // biffVersion 2, 5 or 8. The reason is a sentence without the file name.
    static Result<BiffWorkbook> parse(QByteArray stream, int biffVersion);

    const QList<Sheet> &sheets() const { return m_sheets; }
    bool date1904() const { return m_date1904; }
    // The sheet's DIMENSION record (the first one in its substream).
    Result<Dimension> dimension(int sheet) const;
    // Every cell of the sheet with a value, in file order; the reason and the row (or -1) when
    // the substream is damaged. Stops early (no error) when cell returns false.
    struct Failure
    {
        QString reason;
        qint64 row = -1;
    };
    std::optional<Failure> readCells(int sheet, const CellFn &cell) const;

private:
    // Text in the workbook's code page (BIFF5, and BIFF8 compressed strings) as UTF-8.
    QByteArray decodeBytes(QByteArrayView bytes) const;
    // An XLUnicodeString (BIFF8: cch u16, flags, chars) or a BIFF5 byte string (cch u16 or u8)
    // at data[at]; nullopt when it runs past the end.
    std::optional<QByteArray> unicodeString(QByteArrayView data, qsizetype at,
                                            bool shortLength) const;
    // The text of a date, a number or nothing for a number in the given XF.
    QByteArray numberCell(double value, quint16 xf, CellKind *kind) const;
    // A FORMULA record's stored result, the 8 bytes at data[at]; true when the result is a
    // string, which the STRING record that follows holds.
    bool formulaResult(QByteArrayView data, qsizetype at, quint16 xf, CellKind *kind,
                       QByteArray *text) const;
    // readCells, or with dimension set only the sheet's first DIMENSION record.
    std::optional<Failure> readRecords(int sheet, const CellFn &cell, Dimension *dimension) const;
    std::optional<Failure> readBiff2Records(const CellFn &cell, Dimension *dimension) const;
    enum class Biff2Cell : quint8 {
        NoValue,       // not a cell record, or a cell without a value
        Value,         // kind and text are set
        StringFollows, // a formula whose text result is in the next STRING record
        Truncated,
    };
    Biff2Cell biff2Cell(quint16 type, QByteArrayView data, CellKind *kind, QByteArray *text) const;
    void readSharedGlobal(quint16 type, QByteArrayView data);
    std::optional<QString> parseGlobals();
    std::optional<QString> parseBiff2Globals();
    std::optional<QString> parseSst(const std::vector<QByteArrayView> &segments);

    QByteArray m_stream;
    int m_biff = 8;
    int m_codePage = 1252;
    bool m_date1904 = false;
    QList<Sheet> m_sheets;
    QList<QByteArray> m_strings; // the SST, as UTF-8
    // By XF index; in BIFF2, whose cells name their FORMAT record directly, by FORMAT index.
    std::vector<NumberFormat::Kind> m_xfKinds;
};

} // namespace sluice

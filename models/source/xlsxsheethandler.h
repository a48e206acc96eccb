// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/readlimits.h"
#include "models/source/readsink.h"
#include "models/source/sheetparthandler.h"
#include "models/source/sheettable.h"
#include "models/source/spreadsheetdate.h"

#include <QByteArray>
#include <QList>

namespace sluice {

class SharedStringTable;
class XlsxStyles;

// Turns the SAX events of one worksheet part into typed rows, delivered to a sink a block at a
// time. Rows are placed by their r attribute (or follow the previous row), cells by theirs (or
// follow the previous cell), so leading and skipped rows become empty rows: row i of the output
// is spreadsheet row i + 1. Rows without values at the end are never materialised.
//
// Merged areas (<mergeCells>, after <sheetData>) are collected and handed to the sink after the
// last rows, which clears the cells they cover: by then most blocks have been passed on.
class XlsxSheetHandler : public SheetPartHandler
{
public:
    struct Context
    {
        const SharedStringTable &strings;
        const XlsxStyles &styles;
        SpreadsheetDate::Epoch epoch;
        ReadLimits limits;
        QString where; // "orders.xlsx: sheet 'Orders'", the start of every error
    };

    // Twice what a report merging two cells in every one of Excel's 1,048,576 rows would have:
    // a file with more is refused rather than held (24 bytes an area) and applied.
    static constexpr qsizetype MaxMergedAreas = qsizetype(1) << 21;

    XlsxSheetHandler(ReadSink &sink, const Context &context);

    void startElement(const char *localName, const XmlAttributes &attributes) override;
    void endElement(const char *localName) override;
    void characters(QByteArrayView text) override;

private:
    enum class CellType : quint8 {
        Number,
        SharedString,
        InlineString,
        FormulaString,
        Boolean,
        Error,
        Date
    };

    void startRow(const XmlAttributes &attributes);
    void startCell(const XmlAttributes &attributes);
    void finishCell();
    void finishRow();
    bool cellValue(CellKind *kind, QByteArrayView *text);
    bool numberValue(QByteArrayView value, CellKind *kind, QByteArrayView *text);
    QByteArrayView decoded(QByteArrayView text);
    bool ensureRowStarted();
    // Delivers the rows still held, then the merged areas. False when the sink cancelled (an
    // empty stopReason()) or the merged areas are refused (the reason).
    bool finish() override;
    void addMergedArea(QByteArrayView reference);
    bool deliverMergedAreas();
    qint64 coveredCellCount() const;

    Context m_context;
    ReadSink &m_sink;
    int m_column = 0;
    int m_lastColumn = -1;
    int m_columnCount = 0; // columns that hold a value
    int m_style = 0;
    CellType m_type = CellType::Number;
    QByteArray m_value;
    QByteArray m_inline;
    QByteArray m_scratch; // decoded text of the current cell, when it had escapes
    char m_dateBuffer[SpreadsheetDate::BufferSize] = {};
    QList<CellRange> m_mergedAreas;
    int m_phoneticDepth = 0;
    bool m_inSheetData = false;
    bool m_inMergeCells = false;
    bool m_inCell = false;
    bool m_inValue = false;
    bool m_inInlineText = false;
    bool m_hasInline = false;
    bool m_rowStarted = false;
};

} // namespace sluice

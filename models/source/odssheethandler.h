// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/readlimits.h"
#include "models/source/readsink.h"
#include "models/source/sheetparthandler.h"
#include "models/source/sheettable.h"
#include "models/source/spreadsheetdate.h"

#include <QByteArray>

#include <vector>

namespace sluice {

// Turns the SAX events of an OpenDocument content.xml into the typed rows of one of its tables
// (sheets), delivered to a sink a block at a time. The other tables are skipped, and the parse is
// stopped once the wanted table has ended.
//
// Rows and cells carry repeat counts (table:number-rows-repeated, table:number-columns-repeated).
// Repeats of empty cells and rows only move the position, so the padding LibreOffice writes to
// the end of a row or a sheet (16384 columns, 1048576 rows) is never materialised; a repeated
// value is copied, within the column and row limits. Covered cells (the hidden part of a merged
// area) are empty whatever they store; text in annotations is not the cell's.
class OdsSheetHandler : public SheetPartHandler
{
public:
    struct Context
    {
        int tableIndex; // 0-based among the top-level tables of the document
        ReadLimits limits;
        QString where; // "orders.ods: sheet 'Orders'", the start of every error
    };

    OdsSheetHandler(ReadSink &sink, const Context &context);

    void startElement(const char *localName, const XmlAttributes &attributes) override;
    void endElement(const char *localName) override;
    void characters(QByteArrayView text) override;

private:
    enum class ValueType : quint8 { None, Number, Date, Time, Boolean, String, Error };

    struct PendingCell
    {
        int column;
        CellKind kind;
        qsizetype begin; // in m_rowText
        qsizetype length;
    };

    void startRow(const XmlAttributes &attributes);
    void finishRow();
    void startCell(const XmlAttributes &attributes, bool covered);
    void finishCell();
    bool cellValue(CellKind *kind, QByteArrayView *text);
    bool appendText(QByteArrayView text);
    bool appendRepeated(char c, qint64 count);
    bool emitRow(qint64 row);
    // Delivers the rows still held; false when the sink cancelled.
    bool finish() override;
    // The wanted table was read to its end (the parse was stopped there on purpose).
    bool isDone() const override { return m_tableDone; }

    Context m_context;
    qint64 m_nextRow = 0; // 0-based row after the last one read (repeats included)
    qint64 m_rowRepeat = 1;
    qint64 m_column = 0; // 0-based column of the current cell
    qint64 m_cellRepeat = 1;
    std::vector<PendingCell> m_cells; // the current row's values
    QByteArray m_rowText;
    ValueType m_type = ValueType::None;
    QByteArray m_value; // the value attribute of the current cell
    QByteArray m_text;  // the text of its paragraphs
    QByteArray m_scratch;
    char m_dateBuffer[SpreadsheetDate::BufferSize] = {};
    int m_tablesSeen = 0;
    int m_tableDepth = 0; // nesting of table:table elements, 1 inside a top-level table
    int m_annotationDepth = 0;
    int m_paragraphs = 0; // text:p elements of the current cell so far
    int m_paragraphDepth = 0;
    bool m_inTable = false; // inside the wanted table (top level)
    bool m_inRow = false;
    bool m_inCell = false;
    bool m_covered = false;
    bool m_hasFormula = false;
    bool m_collectText = false;
    bool m_tableDone = false;
};

} // namespace sluice

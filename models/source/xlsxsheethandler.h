// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/blockdelivery.h"
#include "models/source/readlimits.h"
#include "models/source/readsink.h"
#include "models/source/sheettable.h"
#include "models/source/spreadsheetdate.h"
#include "models/source/xmlsaxhandler.h"

#include <QByteArray>

namespace sluice {

class SharedStringTable;
class XlsxStyles;

// Turns the SAX events of one worksheet part into typed rows, delivered to a sink a block at a
// time. Rows are placed by their r attribute (or follow the previous row), cells by theirs (or
// follow the previous cell), so leading and skipped rows become empty rows: row i of the output
// is spreadsheet row i + 1. Rows without values at the end are never materialised.
class XlsxSheetHandler : public XmlSaxHandler
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

    XlsxSheetHandler(ReadSink &sink, const Context &context);

    void startElement(const char *localName, const XmlAttributes &attributes) override;
    void endElement(const char *localName) override;
    void characters(QByteArrayView text) override;

    // After each inflated chunk: reports progress; false when the sink cancelled.
    bool progressed(qint64 inflated, qint64 declared);
    // Delivers the rows still held; false when the sink cancelled.
    bool finish();
    bool isCancelled() const { return m_delivery.isCancelled(); }
    // 1-based row being read, 0 before the first.
    qint64 currentRow() const { return m_row + 1; }

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
    bool deliver();
    void fail(const QString &reason);

    Context m_context;
    BlockDelivery m_delivery;
    SheetTable &m_block; // m_delivery's rows, being filled
    qint64 m_row = -1;   // 0-based current row
    int m_column = 0;
    int m_lastColumn = -1;
    int m_style = 0;
    CellType m_type = CellType::Number;
    QByteArray m_value;
    QByteArray m_inline;
    QByteArray m_scratch; // decoded text of the current cell, when it had escapes
    char m_dateBuffer[SpreadsheetDate::BufferSize] = {};
    int m_phoneticDepth = 0;
    bool m_inSheetData = false;
    bool m_inCell = false;
    bool m_inValue = false;
    bool m_inInlineText = false;
    bool m_hasInline = false;
    bool m_rowStarted = false;
};

} // namespace sluice

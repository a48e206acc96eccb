// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/source/blockdelivery.h"
#include "models/source/readsink.h"
#include "models/source/spreadsheetreader.h"
#include "models/source/xmlsaxhandler.h"

#include <QString>

namespace sluice {

class XlsxPackage;

// What the XLSX and ODS sheet handlers share: rows go to the sink a block at a time (through
// BlockDelivery), progress is reported after each inflated chunk, errors name the file, the
// sheet and the row, and streaming a part ends in one of the reader's results.
class SheetPartHandler : public XmlSaxHandler
{
public:
    // Streams the part through this handler, then finish(): Finished, Cancelled (the sink said
    // stop), or an error naming the file, the sheet and, where known, the row.
    Result<ReadEnd> read(XlsxPackage &package, const QString &part);

protected:
    // where: "orders.xlsx: sheet 'Orders'", the start of every error.
    SheetPartHandler(ReadSink &sink, QString where);

    // Hands the rows read so far to the sink; false (and the parse stopped) when it cancels.
    bool deliver();
    // Appends empty rows up to row (0-based, not included), delivering full blocks: the rows a
    // sheet skips. False when the sink cancels.
    bool padRowsTo(qint64 row);
    // Stops the parse with a reason naming the file, the sheet and the current row if any.
    void fail(const QString &reason);
    // The same without a row: for what concerns the whole sheet.
    void failSheet(const QString &reason);

    // Delivers what is still held once the part has been parsed. False when the sink cancelled
    // (no stopReason()) or on an error (its stopReason()).
    virtual bool finish() = 0;
    // True when the handler stopped the parse on purpose: what it wanted has been read.
    virtual bool isDone() const { return false; }

    BlockDelivery m_delivery;
    SheetTable &m_block; // m_delivery's rows, being filled
    qint64 m_row = -1;   // 0-based row being read
    QString m_where;

private:
    bool progressed(qint64 inflated, qint64 declared);
};

} // namespace sluice

// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/biffrecords.h"
#include "models/source/biffworkbook.h"
#include "models/source/cellkind.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

// BiffWorkbook's private helpers, shared by its files: the record cursor, and the decoding of
// cell values (RK numbers, booleans and errors) and of text.
namespace sluice::biff {

double rkValue(quint32 rk);
// Shortest text that reads back as the same double; integral values without ".0".
QByteArray numberText(double value);
QByteArray errorText(quint8 code);
// A BOOLERR value (or a formula's boolean or error result): a boolean, or with isError an
// error code.
void boolErrCell(quint8 value, bool isError, CellKind *kind, QByteArray *text);
QByteArray utf16Text(QByteArrayView bytes);
QByteArray latin1Text(QByteArrayView bytes);
const char *codePageName(int codePage);
// tr() in BiffWorkbook's translation context, for the files that share its work.
QString tr(const char *text);

// One record: its type and its bytes, checked against the stream.
struct Record
{
    quint16 type = 0;
    QByteArrayView data;
};

class RecordCursor
{
public:
    RecordCursor(QByteArrayView stream, qsizetype at)
        : m_stream(stream)
        , m_at(at)
    {}
    // The next record; false at the end of the stream. Sets damaged when its length runs past
    // the end.
    bool next(Record *record)
    {
        if (m_at + 4 > m_stream.size()) {
            m_damaged = m_at != m_stream.size();
            return false;
        }
        record->type = u16(m_stream, m_at);
        const qsizetype length = u16(m_stream, m_at + 2);
        if (m_at + 4 + length > m_stream.size()) {
            m_damaged = true;
            return false;
        }
        record->data = m_stream.sliced(m_at + 4, length);
        m_at += 4 + length;
        return true;
    }
    // The following record without moving past it.
    bool peek(Record *record) const
    {
        RecordCursor copy = *this;
        return copy.next(record);
    }
    bool damaged() const { return m_damaged; }

private:
    QByteArrayView m_stream;
    qsizetype m_at;
    bool m_damaged = false;
};

// How a sheet's record walk ended when it reached no EOF: a record cut off, or the stream's
// end; nullopt when only the dimension was wanted (the walk may stop early).
std::optional<BiffWorkbook::Failure> sheetEnd(const RecordCursor &cursor, bool dimensionOnly);

} // namespace sluice::biff

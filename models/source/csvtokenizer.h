// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/readlimits.h"
#include "models/source/readsink.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>

#include <optional>

namespace sluice {

// Splits UTF-8 text into records and fields as RFC 4180 does, and as Excel reads what RFC 4180
// leaves open: LF, CRLF and CR all end a record; a quoted field may hold delimiters, quotes
// (doubled) and line breaks, kept exactly; a quote inside an unquoted field is a plain character;
// text after a closing quote joins the field. Bytes arrive in slices of any size (a record may
// span slices); finished rows go to the sink in blocks.
class CsvTokenizer
{
    Q_DECLARE_TR_FUNCTIONS(CsvTokenizer)

public:
    struct RaggedRow
    {
        qsizetype row; // 0-based record number, header included
        int fieldCount;
    };

    // What stopped the read, and on which line of the text (1-based).
    struct Problem
    {
        qint64 line;
        QString what;

        QString message(qint64 firstLine = 1) const;
    };

    CsvTokenizer(char delimiter, char quote, const ReadLimits &limits, ReadSink &sink);

    // The text does not start with the header (it continues a file): compare records with this
    // many fields instead of taking the first record as the header.
    void expectFieldCount(int fields) { m_headerFields = fields; }

    // A problem when a limit is hit; nullopt otherwise.
    std::optional<Problem> feed(QByteArrayView utf8);
    // End of the text: an unterminated quoted field is an error. Delivers the last rows.
    std::optional<Problem> finish();

    // Joining a second tokenizer's rows after this one's: true when the text fed so far ended
    // exactly between two records (not inside a quoted field, not in the middle of a record).
    bool isAtRecordBoundary() const;
    int headerFieldCount() const { return m_headerFields; }
    qint64 line() const { return m_line; }
    // Hands the rows read so far to the sink; blank lines waiting at the end become empty rows
    // when more rows follow (moreRowsFollow), else they are dropped as trailing blank lines.
    void deliverPending(bool moreRowsFollow);
    // Takes over the ragged-row report of a tokenizer that read the text after this one's.
    void appendRaggedRows(const CsvTokenizer &next);
    void addRecords(qsizetype records) { m_records += records; }

    bool isCancelled() const { return m_cancelled; }
    qsizetype recordCount() const { return m_records; }
    // Records whose field count differs from the first record's (at most MaxRaggedReported).
    static constexpr int MaxRaggedReported = 100;
    const QList<RaggedRow> &raggedRows() const { return m_ragged; }
    qsizetype raggedRowCount() const { return m_raggedCount; }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteSeen, AfterCR };

    const char *readUnquoted(const char *p, const char *end);
    const char *readQuoted(const char *p, const char *end);
    const char *afterQuote(const char *p, const char *end);
    void appendToField(const char *begin, const char *end);
    void separator(char c, QByteArrayView field);
    void endField(QByteArrayView field);
    void endRecord();
    void deliverRows();
    void countLines(const char *begin, const char *end);

    char m_delimiter;
    char m_quote;
    ReadLimits m_limits;
    ReadSink &m_sink;
    SheetTable m_rows;
    State m_state = State::FieldStart;
    QByteArray m_field;
    int m_column = 0;
    bool m_fieldQuoted = false;
    bool m_rowStarted = false;
    qsizetype m_pendingBlankLines = 0;
    qsizetype m_records = 0;
    qint64 m_line = 1;
    qint64 m_quoteLine = 0;
    int m_headerFields = -1;
    QList<RaggedRow> m_ragged;
    qsizetype m_raggedCount = 0;
    std::optional<Problem> m_error;
    bool m_cancelled = false;
};

} // namespace sluice

// SPDX-License-Identifier: MIT
#include "models/source/csvtokenizer.h"

#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace sluice {

namespace {

// The next delimiter or line break: sixteen bytes per step where SSE2 is there (every x86-64).
const char *findFieldEnd(const char *p, const char *end, char delimiter)
{
#ifdef __SSE2__
    const __m128i delimiters = _mm_set1_epi8(delimiter);
    const __m128i lineFeeds = _mm_set1_epi8('\n');
    const __m128i carriageReturns = _mm_set1_epi8('\r');
    while (end - p >= 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i hits = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(chunk, delimiters), _mm_cmpeq_epi8(chunk, lineFeeds)),
            _mm_cmpeq_epi8(chunk, carriageReturns));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits));
        if (mask != 0)
            return p + __builtin_ctz(mask);
        p += 16;
    }
#endif
    while (p < end && *p != delimiter && *p != '\n' && *p != '\r')
        ++p;
    return p;
}

} // namespace

CsvTokenizer::CsvTokenizer(char delimiter, char quote, const ReadLimits &limits, ReadSink &sink)
    : m_delimiter(delimiter)
    , m_quote(quote)
    , m_limits(limits)
    , m_sink(sink)
{}

QString CsvTokenizer::Problem::message(qint64 firstLine) const
{
    return tr("line %1: %2").arg(line + firstLine - 1).arg(what);
}

bool CsvTokenizer::isAtRecordBoundary() const
{
    return (m_state == State::FieldStart || m_state == State::AfterCR) && !m_rowStarted
        && m_column == 0 && m_field.isEmpty() && !m_fieldQuoted;
}

void CsvTokenizer::deliverPending(bool moreRowsFollow)
{
    if (moreRowsFollow) {
        m_rows.appendEmptyRows(m_pendingBlankLines);
        m_records += m_pendingBlankLines;
    }
    m_pendingBlankLines = 0;
    deliverRows();
}

void CsvTokenizer::appendRaggedRows(const CsvTokenizer &next)
{
    for (const RaggedRow &ragged : next.m_ragged) {
        if (m_ragged.size() < MaxRaggedReported)
            m_ragged.append({ragged.row + m_records, ragged.fieldCount});
    }
    m_raggedCount += next.m_raggedCount;
}

std::optional<CsvTokenizer::Problem> CsvTokenizer::feed(QByteArrayView utf8)
{
    const char *p = utf8.data();
    const char *end = p + utf8.size();
    while (p < end && !m_error && !m_cancelled) {
        switch (m_state) {
        case State::AfterCR:
            if (*p == '\n')
                ++p;
            m_state = State::FieldStart;
            break;
        case State::FieldStart:
            if (m_quote != 0 && *p == m_quote) {
                m_state = State::Quoted;
                m_fieldQuoted = true;
                m_quoteLine = m_line;
                ++p;
            } else {
                m_state = State::Unquoted;
                p = readUnquoted(p, end);
            }
            break;
        case State::Unquoted:
            p = readUnquoted(p, end);
            break;
        case State::Quoted:
            p = readQuoted(p, end);
            break;
        case State::QuoteSeen:
            p = afterQuote(p, end);
            break;
        }
    }
    return m_error;
}

const char *CsvTokenizer::readUnquoted(const char *p, const char *end)
{
    for (;;) {
        const char *start = p;
        p = findFieldEnd(p, end, m_delimiter);
        if (p == end) {
            appendToField(start, p); // the field goes on in the next slice
            return p;
        }
        // Most fields start and end in one slice: hand them over without copying.
        if (m_field.isEmpty())
            separator(*p, QByteArrayView(start, p - start));
        else {
            appendToField(start, p);
            separator(*p, m_field);
        }
        ++p;
        // An unquoted field follows (the usual case): read it here rather than through feed().
        if (m_state != State::FieldStart || p == end || (m_quote != 0 && *p == m_quote) || m_error
            || m_cancelled)
            return p;
        m_state = State::Unquoted;
    }
}

const char *CsvTokenizer::readQuoted(const char *p, const char *end)
{
    const auto *quote
        = static_cast<const char *>(std::memchr(p, m_quote, static_cast<std::size_t>(end - p)));
    const char *stop = quote ? quote : end;
    countLines(p, stop);
    appendToField(p, stop);
    if (!quote)
        return end;
    m_state = State::QuoteSeen;
    return quote + 1;
}

const char *CsvTokenizer::afterQuote(const char *p, const char *end)
{
    Q_UNUSED(end)
    const char c = *p;
    if (c == m_quote) { // a doubled quote is one quote character
        appendToField(p, p + 1);
        m_state = State::Quoted;
        return p + 1;
    }
    if (c == m_delimiter || c == '\n' || c == '\r') {
        separator(c, m_field);
        return p + 1;
    }
    // Text after the closing quote: Excel keeps it as part of the field.
    m_state = State::Unquoted;
    return p;
}

void CsvTokenizer::appendToField(const char *begin, const char *end)
{
    if (m_field.size() + (end - begin) > m_limits.maxCellBytes) {
        m_error = Problem {m_quoteLine > 0 && m_state == State::Quoted ? m_quoteLine : m_line,
                           tr("a field is longer than %1 bytes; is the quote character right?")
                               .arg(m_limits.maxCellBytes)};
        return;
    }
    m_field.append(begin, end - begin);
}

Q_ALWAYS_INLINE void CsvTokenizer::separator(char c, QByteArrayView field)
{
    if (c == m_delimiter) {
        endField(field);
        m_state = State::FieldStart;
        return;
    }
    const bool blankLine = !m_rowStarted && m_column == 0 && field.isEmpty() && !m_fieldQuoted;
    if (blankLine) {
        ++m_pendingBlankLines; // a row, unless only blank lines follow to the end
    } else {
        endField(field);
        endRecord();
    }
    ++m_line;
    m_state = c == '\r' ? State::AfterCR : State::FieldStart;
}

Q_ALWAYS_INLINE void CsvTokenizer::endField(QByteArrayView field)
{
    if (!m_rowStarted) {
        m_rows.appendEmptyRows(m_pendingBlankLines);
        m_records += m_pendingBlankLines;
        m_pendingBlankLines = 0;
        m_rows.beginRow();
        m_rowStarted = true;
    }
    if (m_column >= m_limits.maxColumns) {
        m_error
            = Problem {m_line, tr("more than %1 fields in one record").arg(m_limits.maxColumns)};
    } else if (!field.isEmpty() && !m_rows.setCell(m_column, CellKind::Text, field)) {
        m_error = Problem {m_line, tr("too much text in one column")};
    }
    ++m_column;
    if (!m_field.isEmpty())
        m_field.clear();
    m_fieldQuoted = false;
}

void CsvTokenizer::endRecord()
{
    m_rows.endRow();
    if (m_headerFields < 0) {
        m_headerFields = m_column;
    } else if (m_column != m_headerFields) {
        if (m_ragged.size() < MaxRaggedReported)
            m_ragged.append({m_records, m_column});
        ++m_raggedCount;
    }
    ++m_records;
    m_column = 0;
    m_rowStarted = false;
    if (m_records > m_limits.maxRows)
        m_error = Problem {m_line, tr("more than %1 records").arg(m_limits.maxRows)};
    if (m_rows.rowCount() >= SheetTable::RowsPerBlock)
        deliverRows();
}

void CsvTokenizer::deliverRows()
{
    if (m_rows.rowCount() == 0)
        return;
    if (!m_sink.rowsRead(m_rows.takeRows()))
        m_cancelled = true;
}

void CsvTokenizer::countLines(const char *begin, const char *end)
{
    for (const char *p = begin; p < end; ++p) {
        if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n')))
            ++m_line;
    }
}

std::optional<CsvTokenizer::Problem> CsvTokenizer::finish()
{
    if (m_error || m_cancelled)
        return m_error;
    switch (m_state) {
    case State::Quoted:
        return Problem {m_quoteLine,
                        tr("a quoted field starts here and is never closed (a %1 is "
                           "missing)")
                            .arg(QLatin1Char(m_quote))};
    case State::Unquoted:
    case State::QuoteSeen:
        endField(m_field);
        endRecord();
        break;
    case State::FieldStart:
        if (m_rowStarted) { // the text ends right after a delimiter: one more, empty, field
            endField({});
            endRecord();
        }
        break;
    case State::AfterCR:
        break;
    }
    if (!m_error && !m_cancelled)
        deliverRows();
    return m_error;
}

} // namespace sluice

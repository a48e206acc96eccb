// SPDX-License-Identifier: MIT
#pragma once

#include "models/upload/payloadwriter.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace sluice {

// Rows ready to send: their records, comma-separated, and where each one ends, so that a batch
// the server finds too big (413) can be halved without normalising its rows again.
struct PlannedBatch
{
    std::vector<qsizetype> rows; // data rows, in request order
    QByteArray records;
    std::vector<qsizetype> recordEnds; // records[recordEnds[i]] is the comma after record i

    qsizetype rowCount() const { return qsizetype(rows.size()); }
    // The two halves, each a complete batch; rowCount() must be at least 2.
    std::pair<PlannedBatch, PlannedBatch> split() const;
};

// Cuts the rows to send into batches of at most maxRows rows and maxBytes of request body,
// normalising and serialising rows only as batches are asked for, so a million rows never sit
// in memory as JSON. A single row bigger than maxBytes goes alone (the server will refuse it).
class BatchPlanner
{
public:
    BatchPlanner(const RowSource &source, const PayloadWriter &writer,
                 std::vector<qsizetype> rowsToSend, int maxRows, qint64 maxBytes);

    std::optional<PlannedBatch> next();
    bool isDone() const { return !m_carry && m_nextIndex >= qsizetype(m_rowsToSend.size()); }
    qsizetype rowsTotal() const { return qsizetype(m_rowsToSend.size()); }
    const std::vector<qsizetype> &rowsToSend() const { return m_rowsToSend; }
    const PayloadWriter &writer() const { return m_writer; }

private:
    const RowSource &m_source;
    const PayloadWriter &m_writer;
    std::vector<qsizetype> m_rowsToSend;
    qsizetype m_nextIndex = 0;
    int m_maxRows;
    qint64 m_maxBytes;
    std::vector<NormalisedCell> m_cells;
    QByteArray m_record;
    std::optional<qsizetype> m_carry; // a row serialised into m_record that did not fit
};

} // namespace sluice

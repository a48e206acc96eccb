// SPDX-License-Identifier: MIT
#include "models/upload/batchplanner.h"

namespace sluice {

std::pair<PlannedBatch, PlannedBatch> PlannedBatch::split() const
{
    const size_t half = rows.size() / 2;
    const qsizetype cut = recordEnds[half - 1];
    PlannedBatch first;
    first.rows.assign(rows.begin(), rows.begin() + qsizetype(half));
    first.records = records.left(cut);
    first.recordEnds.assign(recordEnds.begin(), recordEnds.begin() + qsizetype(half));
    PlannedBatch second;
    second.rows.assign(rows.begin() + qsizetype(half), rows.end());
    second.records = records.mid(cut + 1); // past the comma
    for (size_t i = half; i < recordEnds.size(); ++i)
        second.recordEnds.push_back(recordEnds[i] - cut - 1);
    return {std::move(first), std::move(second)};
}

BatchPlanner::BatchPlanner(const RowSource &source, const PayloadWriter &writer,
                           std::vector<qsizetype> rowsToSend, int maxRows, qint64 maxBytes)
    : m_source(source)
    , m_writer(writer)
    , m_rowsToSend(std::move(rowsToSend))
    , m_maxRows(std::max(1, maxRows))
    , m_maxBytes(maxBytes)
{}

std::optional<PlannedBatch> BatchPlanner::next()
{
    if (isDone())
        return std::nullopt;
    PlannedBatch batch;
    batch.rows.reserve(size_t(m_maxRows));
    batch.records.reserve(qsizetype(std::min<qint64>(m_maxBytes, 4 << 20)));
    const qsizetype envelope = m_writer.envelopeSize();
    while (batch.rowCount() < m_maxRows) {
        qsizetype row = 0;
        if (m_carry) {
            row = *m_carry;
            m_carry.reset();
        } else if (m_nextIndex < qsizetype(m_rowsToSend.size())) {
            row = m_rowsToSend[size_t(m_nextIndex++)];
            m_record.clear();
            m_source.normalise(row, m_cells);
            m_writer.appendRecord(m_record, m_cells);
        } else {
            break;
        }
        const qsizetype separator = batch.records.isEmpty() ? 0 : 1;
        const qint64 bodySize = envelope + batch.records.size() + separator + m_record.size();
        if (bodySize > m_maxBytes && !batch.rows.empty()) {
            m_carry = row; // m_record still holds it
            break;
        }
        if (separator)
            batch.records += ',';
        batch.records += m_record;
        batch.recordEnds.push_back(batch.records.size());
        batch.rows.push_back(row);
    }
    return batch;
}

} // namespace sluice

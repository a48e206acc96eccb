// SPDX-License-Identifier: MIT
#pragma once

#include "models/validation/issueindex.h"
#include "models/validation/rowrules.h"

#include <QCoreApplication>

#include <atomic>
#include <utility>
#include <vector>

namespace sluice {

// Checks every row of the mapped data and keeps the issue index current as cells change.
// validateAll() splits the rows into ranges checked on worker threads (the row rules and each
// row's primary-key hash), then finds duplicate keys over all rows; revalidateRow() re-checks
// what one edit can affect: the row, and the rows that share its old or its new key.
class Validator
{
    Q_DECLARE_TR_FUNCTIONS(Validator)

public:
    explicit Validator(const Resource &resource, ReferenceSets references = {});
    Validator(const Validator &) = delete;
    Validator &operator=(const Validator &) = delete;
    // Takes other's findings (same resource): a re-check on a worker starts from a copy, while
    // the GUI still shows the original's issues.
    void copyFindings(const Validator &other);

    // False when cancel was set (the index then holds what was checked). threads: 0 for one per
    // core.
    bool validateAll(const RowSource &rows, const std::atomic_bool *cancel = nullptr,
                     int threads = 0);
    // After the cells of row changed in rows.
    void revalidateRow(const RowSource &rows, qsizetype row);
    // After the cells of many rows changed (a bulk fix, a replace, an undo): checks them on
    // `threads` threads (0: one per core), then the rows that shared or now share their keys.
    // rows must be ascending and unique. Returns the first and last row whose issues it
    // rewrote (the changed rows and those sharing their keys); {-1, -1} for none.
    std::pair<qsizetype, qsizetype>
    revalidateRows(const RowSource &rows, const std::vector<qsizetype> &changed, int threads = 0);

    const IssueIndex &issues() const { return m_issues; }
    // For the session, which adds the server's answers to the rows it sent.
    IssueIndex &issues() { return m_issues; }
    // Rows checked so far by the running validateAll(), for progress; any thread.
    qsizetype rowsChecked() const { return m_rowsChecked.load(std::memory_order_relaxed); }

private:
    using KeyHash = quint64; // 0: the key is incomplete, so it cannot collide

    void checkRange(const RowSource &rows, qsizetype begin, qsizetype end, IssueIndex &into,
                    const std::atomic_bool *cancel);
    // The row's issues, and its key's hash in key (0 for an excluded row: it is not sent).
    std::vector<CellIssue> rowIssues(const RowSource &rows, qsizetype row,
                                     std::vector<NormalisedCell> &cells,
                                     KeyHash *key = nullptr) const;
    void rebuildKeyIndex();
    // Adds row's current server findings to issues (kept in attribute order).
    void keepServerIssues(qsizetype row, std::vector<CellIssue> &issues) const;
    // Returns the first and last row rechecked, or {-1, -1}.
    std::pair<qsizetype, qsizetype> recheckKeys(const RowSource &rows, std::vector<KeyHash> keys,
                                                const std::vector<qsizetype> &changed);
    KeyHash keyHash(const std::vector<NormalisedCell> &cells) const;
    QString keyText(const std::vector<NormalisedCell> &cells) const;
    std::vector<qsizetype> rowsWithHash(KeyHash hash) const;
    void addDuplicateIssue(const RowSource &rows, qsizetype row,
                           const std::vector<NormalisedCell> &cells,
                           std::vector<CellIssue> &issues) const;
    void findDuplicates(const RowSource &rows);

    const Resource &m_resource;
    RowRules m_rules;
    std::vector<int> m_keyAttributes;
    std::vector<KeyHash> m_keyOfRow;
    std::vector<std::pair<KeyHash, qsizetype>> m_keyIndex; // complete keys, sorted
    IssueIndex m_issues;
    std::atomic<qsizetype> m_rowsChecked {0};
};

} // namespace sluice

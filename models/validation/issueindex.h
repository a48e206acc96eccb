// SPDX-License-Identifier: MIT
#pragma once

#include "models/validation/issue.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPair>

#include <map>
#include <optional>
#include <vector>

namespace sluice {

// Issues that share a cause: one row of the Review page's issue panel, and what one bulk fix acts
// on ("412 rows: status not in the allowed values; 9 distinct values: Shipped, SHIPPED, …").
struct IssueGroup
{
    int attribute = 0;
    IssueCode code = IssueCode::Type;
    Severity severity = Severity::Error;
    QString cause;
    QString message; // one of the issues' messages, as an example
    qsizetype cells = 0;
    qsizetype distinctValueCount = 0;
    QList<QPair<QString, qsizetype>> topValues; // most frequent first, at most TopValues
    QString summary;                            // the sentence above, for the panel and the CLI

    static constexpr int TopValues = 20;
};

// Every issue of the mapped data, by row, with live counts per attribute, per code and per cause.
// Rows are replaced whole, so re-checking one edited row costs that row only.
class IssueIndex
{
    Q_DECLARE_TR_FUNCTIONS(IssueIndex)

public:
    // Replaces the issues of row (an empty list clears it).
    void setRowIssues(qsizetype row, std::vector<CellIssue> issues);
    // Takes over other's rows, which must not overlap this index's (a worker's row range).
    void merge(IssueIndex &&other);

    qsizetype errorCount() const { return m_errors; }
    qsizetype warningCount() const { return m_warnings; }
    qsizetype rowsWithIssues() const { return static_cast<qsizetype>(m_rows.size()); }
    bool rowHasErrors(qsizetype row) const;
    qsizetype count(int attribute, Severity severity) const;
    qsizetype count(IssueCode code) const;

    // The issues of one row, by attribute; null when it has none.
    const std::vector<CellIssue> *issuesOfRow(qsizetype row) const;
    // For F8 / Shift+F8: the next row after (or before) row with an issue.
    std::optional<qsizetype> nextRow(qsizetype row) const;
    std::optional<qsizetype> previousRow(qsizetype row) const;
    // Every issue in row order, then attribute order.
    template<typename Fn>
    void forEach(Fn &&fn) const
    {
        for (const auto &[row, issues] : m_rows) {
            for (const CellIssue &issue : issues)
                fn(issue);
        }
    }

    // Causes, largest first (errors before warnings at equal size). attributeNames label them.
    QList<IssueGroup> groups(const QStringList &attributeNames) const;
    // What a bulk fix of one cause acts on: the data rows with an issue of that cause
    // (ascending), and every distinct value of those issues with its count, most frequent first.
    std::vector<qsizetype> rowsOf(const IssueGroup &group) const;
    QList<QPair<QString, qsizetype>> valuesOf(const IssueGroup &group) const;

    // Bytes held, roughly: the issue texts, the row map and the group tables.
    qsizetype memoryUse() const;

private:
    struct GroupStats
    {
        CellIssue example;
        qsizetype cells = 0;
        QHash<QString, qsizetype> values;
    };

    void count(const CellIssue &issue, int direction);
    static QString groupKey(const CellIssue &issue);
    static QString groupKey(int attribute, IssueCode code, const QString &cause);

    std::map<qsizetype, std::vector<CellIssue>> m_rows;
    QHash<QString, GroupStats> m_groups;
    QHash<int, qsizetype> m_attributeErrors;
    QHash<int, qsizetype> m_attributeWarnings;
    QHash<int, qsizetype> m_codes; // by IssueCode
    qsizetype m_errors = 0;
    qsizetype m_warnings = 0;
};

} // namespace sluice

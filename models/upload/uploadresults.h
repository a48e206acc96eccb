// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/upload/rowoutcomes.h"

#include <QCoreApplication>

#include <optional>

namespace sluice {

class IssueIndex;
class MappedRowSource;
class SheetTable;
struct Resource;
struct SheetLayout;

// The results files of a run, in the user's own columns: the failed rows (to fix and send
// again), and every input row with its outcome, aligned 1:1 with the input so that row n of one
// is row n of the other. CSV or XLSX by the file's extension; cells that a spreadsheet would run
// as formulas are neutralised.
class UploadResults
{
    Q_DECLARE_TR_FUNCTIONS(UploadResults)

public:
    UploadResults(const SheetTable &table, const SheetLayout &layout, const MappedRowSource &rows,
                  const Resource &resource, const RowOutcomes &outcomes,
                  const IssueIndex *localIssues);

    // The header row and every data row that was not accepted, with why.
    std::optional<Error> writeFailedRows(const QString &path) const;
    // The header row and every row under it, data or not (blank and footer rows say so).
    std::optional<Error> writeAllRows(const QString &path) const;

    // "rejected", "not sent: local errors", …
    QString statusText(qsizetype dataRow) const;
    // "ordered_units: DI_E_10002 expected an integer, got 'ten'; …"
    QString errorText(qsizetype dataRow) const;

private:
    QStringList header() const;
    QStringList originalCells(qsizetype tableRow) const;

    const SheetTable &m_table;
    const SheetLayout &m_layout;
    const MappedRowSource &m_rows;
    const Resource &m_resource;
    const RowOutcomes &m_outcomes;
    const IssueIndex *m_localIssues;
};

} // namespace sluice

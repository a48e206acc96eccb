// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/resource.h"
#include "models/validation/issue.h"
#include "models/validation/rowsource.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <vector>

namespace sluice {

// Values other files hold, for foreign keys: "INV.PRODUCTS.product_id" → the product ids of a
// Products file opened in the same session. Only references with a loaded set are checked.
using ReferenceSets = QHash<QString, QSet<QString>>;

// The checks of one row that need no other row: type and format (from normalising), required,
// enum membership with a suggestion, foreign keys against loaded reference sets, and warnings
// where fields of the row disagree. Duplicate keys need every row: Validator finds them.
class RowRules
{
    Q_DECLARE_TR_FUNCTIONS(RowRules)

public:
    RowRules(const Resource &resource, ReferenceSets references = {});

    // Appends the row's issues to out. Thread-safe.
    void check(qsizetype row, const std::vector<NormalisedCell> &cells,
               std::vector<CellIssue> &out) const;

    // The allowed value closest to value: the same but for case, or at most two edits away;
    // empty when none is that close.
    static QString closestAllowed(const QString &value, const QStringList &allowed);
    // What the user can do about an issue of this kind, when nothing more specific is known.
    static QString suggestedFix(IssueCode code, AttributeType type);

private:
    struct Comparison
    {
        int lower;  // attribute index of the value that should not exceed the other
        int higher; // attribute index
        bool dates; // compare as timestamps (else as numbers)
    };

    void checkCell(qsizetype row, int attribute, const NormalisedCell &cell,
                   std::vector<CellIssue> &out) const;
    void checkComparisons(qsizetype row, const std::vector<NormalisedCell> &cells,
                          std::vector<CellIssue> &out) const;
    CellIssue issue(qsizetype row, int attribute, IssueCode code, const NormalisedCell &cell) const;

    const Resource &m_resource;
    ReferenceSets m_references;
    std::vector<Comparison> m_comparisons;
};

} // namespace sluice

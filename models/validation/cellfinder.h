// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QRegularExpression>
#include <QString>

#include <atomic>
#include <compare>
#include <memory>
#include <utility>
#include <vector>

namespace sluice {

class MappedRowSource;
class SheetTable;

// What find and replace looks for, and what it puts in its place.
struct FindQuery
{
    enum class Mode {
        Contains,  // the text anywhere in the cell; every occurrence is replaced
        WholeCell, // the cell is exactly the text (empty: the empty cells); it becomes replacement
        Regex,     // a match anywhere (QRegularExpression); replacement may use \1 … \99
    };

    QString text;
    Mode mode = Mode::Contains;
    bool caseSensitive = false;
    QString replacement;

    // Nothing to look for: no text, except in WholeCell mode, where no text finds empty cells.
    bool isEmpty() const { return text.isEmpty() && mode != Mode::WholeCell; }
    // Why the query cannot be searched for ("Invalid regular expression: …"); empty when it can.
    QString errorString() const;
    bool isValid() const { return errorString().isEmpty(); }
    // The pattern with the case option (Regex mode; the text escaped in the other modes).
    QRegularExpression regularExpression() const;

    bool operator==(const FindQuery &other) const = default;
};

// Where to look. Attributes and rows as in the Review grid (the resource's attributes, data rows).
struct FindScope
{
    // Empty: every attribute that reads a single column (the ones a cell edit can change).
    std::vector<int> attributes;
    // Inclusive ranges of data rows, in any order, overlapping or not; empty: every row.
    std::vector<std::pair<qsizetype, qsizetype>> rowRanges;
};

// A matching cell. Kept to 16 bytes: a find over a 1M-row file may list a million of them.
struct FindMatch
{
    qsizetype row = 0; // data row
    int attribute = 0;

    auto operator<=>(const FindMatch &other) const = default;
};

// The text a matching cell gets: what ImportSession::changeCells takes (row, attribute, text).
struct CellReplacement
{
    qsizetype row = 0;
    int attribute = 0;
    QString text;
};

// Finds the cells of mapped rows whose current text (with the user's edits) matches a FindQuery,
// and says what a replace makes of them. Only attributes reading one column are searched: the
// cells a replace can change.
//
// A finder holds copies of what a search reads (the data rows' table rows, each attribute's
// column and the edited texts of those columns), taken when it is made; afterwards it reads only
// those and the table, which must outlive it. So a search can run on a worker while the grid
// edits cells or the mapping changes; its answer is then as of the finder's making.
//
// Speed (1M rows × 14 columns in well under a second): rows are split over threads; the table's
// UTF-8 is compared in place where that gives the same answer as comparing the text (a literal
// case-sensitive query; a case-insensitive ASCII query on ASCII cells), so most cells cost no
// QString; matches are 16 bytes each.
class CellFinder
{
    Q_DECLARE_TR_FUNCTIONS(CellFinder)

public:
    // attributeCount: the resource's attributes (MappedRowSource does not say how many).
    CellFinder(const MappedRowSource &rows, int attributeCount);
    ~CellFinder();
    CellFinder(const CellFinder &) = delete;
    CellFinder &operator=(const CellFinder &) = delete;

    qsizetype rowCount() const { return qsizetype(m_tableRows.size()); }
    bool isSearchable(int attribute) const;
    std::vector<int> searchableAttributes() const;

    // The matching cells in scope, by row then attribute. Empty for an empty or invalid query,
    // and when cancel was set meanwhile (checked every few thousand rows). threads: at most this
    // many (0: QThread::idealThreadCount()); small searches use one. Safe to call from any thread.
    std::vector<FindMatch> find(const FindQuery &query, const FindScope &scope = {},
                                const std::atomic_bool *cancel = nullptr, int threads = 0) const;

    // Whether one text matches (the rule find() applies to every cell).
    static bool matches(QStringView cellText, const FindQuery &query);
    // What the cell's text becomes: Contains, every occurrence replaced (with the case option);
    // WholeCell, the replacement when it matches; Regex, every match replaced, \1 … captures
    // filled in. A text that does not match is returned as it is.
    static QString replaced(const QString &cellText, const FindQuery &query);
    // The same with query.regularExpression() made once by the caller: a regex compiled per cell
    // would cost more than the replace.
    static QString replaced(const QString &cellText, const FindQuery &query,
                            const QRegularExpression &regex);
    // The new texts of matches, as rows reads them now.
    static std::vector<CellReplacement> replacements(const MappedRowSource &rows,
                                                     const std::vector<FindMatch> &matches,
                                                     const FindQuery &query);

private:
    struct Edit
    {
        qsizetype tableRow;
        QString text;
    };
    using RowRanges = std::vector<std::pair<qsizetype, qsizetype>>;

    RowRanges rowRangesOf(const FindScope &scope) const;
    std::vector<int> attributesOf(const FindScope &scope) const;
    void scanRows(const FindQuery &query, const std::vector<int> &attributes,
                  const RowRanges &ranges, const std::atomic_bool *cancel,
                  std::vector<FindMatch> &out) const;

    const SheetTable &m_table;
    std::vector<qsizetype> m_tableRows;     // per data row
    std::vector<int> m_columns;             // per attribute; -1: not searchable
    std::vector<std::vector<Edit>> m_edits; // per attribute, by table row
};

} // namespace sluice

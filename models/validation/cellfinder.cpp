// SPDX-License-Identifier: MIT
#include "models/validation/cellfinder.h"

#include "models/source/sheetcorrections.h"
#include "models/source/sheettable.h"
#include "models/validation/mappedrowsource.h"

#include <QThread>

#include <algorithm>
#include <iterator>
#include <string_view>
#include <thread>

namespace sluice {

namespace {

// Rows scanned between two looks at the cancel flag, and the unit the matches of all attributes
// are put back in row order in.
constexpr qsizetype ChunkRows = 2048;
// Below this many cells a search is over before a thread would have started.
constexpr qsizetype CellsPerThread = 65536;

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

// Without an early exit: a branch-free OR over a short cell is faster than stopping early.
bool isAscii(QByteArrayView utf8)
{
    unsigned char bits = 0;
    for (const char c : utf8)
        bits |= static_cast<unsigned char>(c);
    return bits < 0x80;
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c;
}

// needle is lower case already.
bool asciiFoldedEqual(QByteArrayView text, QByteArrayView needle, qsizetype at)
{
    for (qsizetype i = 0; i < needle.size(); ++i) {
        if (asciiLower(text[at + i]) != needle[i])
            return false;
    }
    return true;
}

bool asciiFoldedContains(QByteArrayView text, QByteArrayView needle)
{
    // Most cells lack the first letter: only its two cases are looked for before comparing.
    const char lower = needle.front();
    const char upper = lower >= 'a' && lower <= 'z' ? char(lower - ('a' - 'A')) : lower;
    for (qsizetype at = 0; at + needle.size() <= text.size(); ++at) {
        if ((text[at] == lower || text[at] == upper) && asciiFoldedEqual(text, needle, at))
            return true;
    }
    return false;
}

// UTF-8 into out, reusing its buffer: in Regex mode every cell is decoded, and a fresh QString
// per cell would cost more than most matches. ASCII is widened byte by byte.
void assignUtf8(QString &out, QByteArrayView utf8)
{
    out.resize(utf8.size());
    char16_t *target = reinterpret_cast<char16_t *>(out.data());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte >= 0x80) {
            out = QString::fromUtf8(utf8);
            return;
        }
        target[i] = byte;
    }
}

// A query made ready for many cells, one per thread (each with its own compiled regex).
class CellMatcher
{
public:
    explicit CellMatcher(const FindQuery &query)
        : m_mode(query.mode)
        , m_case(query.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive)
        , m_text(query.text)
    {
        if (m_mode == FindQuery::Mode::Regex) {
            m_regex = query.regularExpression();
            m_regex.optimize();
        } else if (query.caseSensitive) {
            // UTF-8 is compared byte for byte exactly as its text is, unless the table held
            // invalid UTF-8 (read as U+FFFD): a query with that character compares text.
            if (!m_text.contains(QChar::ReplacementCharacter))
                m_bytes = Bytes::Exact;
        } else if (isAscii(m_text)) {
            m_bytes = Bytes::AsciiFolded;
        }
        if (m_bytes != Bytes::None) {
            m_needle = m_bytes == Bytes::Exact ? m_text.toUtf8() : m_text.toLatin1().toLower();
        }
    }

    bool matches(QStringView text) const
    {
        switch (m_mode) {
        case FindQuery::Mode::Contains:
            return text.contains(m_text, m_case);
        case FindQuery::Mode::WholeCell:
            return text.compare(m_text, m_case) == 0;
        case FindQuery::Mode::Regex:
            return m_regex.match(text).hasMatch();
        }
        return false;
    }

    bool matchesUtf8(QByteArrayView utf8)
    {
        const bool wholeCell = m_mode == FindQuery::Mode::WholeCell;
        if (m_bytes == Bytes::Exact) {
            return wholeCell ? utf8 == QByteArrayView(m_needle)
                             : std::string_view(utf8.data(), size_t(utf8.size()))
                                   .find(std::string_view(m_needle.data(), size_t(m_needle.size())))
                    != std::string_view::npos;
        }
        // A character outside ASCII takes two bytes or more and folds to one at most: a cell of
        // fewer bytes than the ASCII needle cannot hold it.
        if (m_bytes == Bytes::AsciiFolded && utf8.size() < m_needle.size())
            return false;
        // Outside ASCII, case folding may meet ASCII (the Kelvin sign folds to k): such cells
        // are compared as text.
        if (m_bytes == Bytes::AsciiFolded && isAscii(utf8)) {
            if (wholeCell)
                return utf8.size() == m_needle.size() && asciiFoldedEqual(utf8, m_needle, 0);
            return asciiFoldedContains(utf8, m_needle);
        }
        assignUtf8(m_buffer, utf8);
        return matches(m_buffer);
    }

private:
    enum class Bytes { None, Exact, AsciiFolded };

    FindQuery::Mode m_mode;
    Qt::CaseSensitivity m_case;
    QString m_text;
    QRegularExpression m_regex;
    Bytes m_bytes = Bytes::None;
    QByteArray m_needle;
    QString m_buffer;
};

static_assert(sizeof(FindMatch) == 16, "a million matches must stay small");

} // namespace

QString FindQuery::errorString() const
{
    if (mode != Mode::Regex)
        return {};
    const QRegularExpression regex = regularExpression();
    if (regex.isValid())
        return {};
    return CellFinder::tr("Invalid regular expression: %1 at character %2")
        .arg(regex.errorString())
        .arg(regex.patternErrorOffset() + 1);
}

QRegularExpression FindQuery::regularExpression() const
{
    const auto options = caseSensitive ? QRegularExpression::NoPatternOption
                                       : QRegularExpression::CaseInsensitiveOption;
    switch (mode) {
    case Mode::Contains:
        return QRegularExpression(QRegularExpression::escape(text), options);
    case Mode::WholeCell:
        return QRegularExpression(
            QRegularExpression::anchoredPattern(QRegularExpression::escape(text)), options);
    case Mode::Regex:
        break;
    }
    return QRegularExpression(text, options);
}

CellFinder::CellFinder(const MappedRowSource &rows, int attributeCount)
    : m_table(rows.table())
    , m_tableRows(size_t(rows.rowCount()))
    , m_columns(size_t(std::max(attributeCount, 0)), -1)
    , m_edits(m_columns.size())
{
    for (qsizetype row = 0; row < rows.rowCount(); ++row)
        m_tableRows[size_t(row)] = rows.tableRow(row);
    bool edited = false;
    const SheetCorrections *corrections = rows.corrections();
    for (size_t attribute = 0; attribute < m_columns.size(); ++attribute) {
        m_columns[attribute] = rows.sourceColumn(int(attribute));
        edited = edited || (corrections && corrections->columnHasEdits(m_columns[attribute]));
    }
    if (!edited)
        return;
    // By table row: edits() sorts them so.
    for (const SheetCorrections::CellEdit &edit : corrections->edits()) {
        for (size_t attribute = 0; attribute < m_columns.size(); ++attribute) {
            if (m_columns[attribute] == edit.column)
                m_edits[attribute].push_back({edit.tableRow, edit.text});
        }
    }
}

CellFinder::~CellFinder() = default;

bool CellFinder::isSearchable(int attribute) const
{
    return attribute >= 0 && size_t(attribute) < m_columns.size()
        && m_columns[size_t(attribute)] >= 0;
}

std::vector<int> CellFinder::searchableAttributes() const
{
    std::vector<int> attributes;
    for (int attribute = 0; attribute < int(m_columns.size()); ++attribute) {
        if (isSearchable(attribute))
            attributes.push_back(attribute);
    }
    return attributes;
}

std::vector<int> CellFinder::attributesOf(const FindScope &scope) const
{
    if (scope.attributes.empty())
        return searchableAttributes();
    std::vector<int> attributes;
    std::copy_if(scope.attributes.begin(), scope.attributes.end(), std::back_inserter(attributes),
                 [this](int attribute) { return isSearchable(attribute); });
    std::sort(attributes.begin(), attributes.end());
    attributes.erase(std::unique(attributes.begin(), attributes.end()), attributes.end());
    return attributes;
}

// The scope's rows as sorted, disjoint ranges within the table.
CellFinder::RowRanges CellFinder::rowRangesOf(const FindScope &scope) const
{
    const qsizetype last = rowCount() - 1;
    if (scope.rowRanges.empty())
        return last < 0 ? RowRanges() : RowRanges {{0, last}};
    RowRanges ranges;
    for (auto [first, end] : scope.rowRanges) {
        first = std::max<qsizetype>(first, 0);
        end = std::min(end, last);
        if (first <= end)
            ranges.emplace_back(first, end);
    }
    std::sort(ranges.begin(), ranges.end());
    RowRanges merged;
    for (const auto &range : ranges) {
        if (!merged.empty() && range.first <= merged.back().second + 1)
            merged.back().second = std::max(merged.back().second, range.second);
        else
            merged.push_back(range);
    }
    return merged;
}

std::vector<FindMatch> CellFinder::find(const FindQuery &query, const FindScope &scope,
                                        const std::atomic_bool *cancel, int threads) const
{
    if (query.isEmpty() || !query.isValid())
        return {};
    const std::vector<int> attributes = attributesOf(scope);
    const RowRanges ranges = rowRangesOf(scope);
    qsizetype total = 0;
    for (const auto &[first, last] : ranges)
        total += last - first + 1;
    if (attributes.empty() || total == 0)
        return {};
    threads = threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
    threads = int(
        std::clamp<qsizetype>(total * qsizetype(attributes.size()) / CellsPerThread, 1, threads));
    // Each thread takes a run of rows of the same length, cut out of the ranges in order.
    std::vector<RowRanges> parts;
    parts.resize(size_t(threads));
    const qsizetype perThread = (total + threads - 1) / threads;
    size_t part = 0;
    qsizetype room = perThread;
    for (auto [first, last] : ranges) {
        while (first <= last) {
            const qsizetype end = std::min(last, first + room - 1);
            parts[part].emplace_back(first, end);
            room -= end - first + 1;
            first = end + 1;
            if (room == 0) {
                part = std::min(part + 1, parts.size() - 1);
                room = perThread;
            }
        }
    }
    std::vector<std::vector<FindMatch>> found(parts.size());
    std::vector<std::thread> workers;
    for (size_t i = 1; i < parts.size(); ++i)
        workers.emplace_back([&, i] { scanRows(query, attributes, parts[i], cancel, found[i]); });
    scanRows(query, attributes, parts[0], cancel, found[0]);
    for (std::thread &worker : workers)
        worker.join();
    if (cancel && cancel->load())
        return {};
    std::vector<FindMatch> matches = std::move(found[0]);
    for (size_t i = 1; i < found.size(); ++i)
        matches.insert(matches.end(), found[i].begin(), found[i].end());
    return matches;
}

// A chunk of rows is read column by column (each column's cells lie together in the table), then
// its matches are sorted back into row order.
void CellFinder::scanRows(const FindQuery &query, const std::vector<int> &attributes,
                          const RowRanges &ranges, const std::atomic_bool *cancel,
                          std::vector<FindMatch> &out) const
{
    CellMatcher matcher(query);
    for (const auto &[first, last] : ranges) {
        for (qsizetype from = first; from <= last; from += ChunkRows) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                return;
            const qsizetype end = std::min(last + 1, from + ChunkRows);
            const size_t before = out.size();
            for (const int attribute : attributes) {
                const int column = m_columns[size_t(attribute)];
                const std::vector<Edit> &edits = m_edits[size_t(attribute)];
                auto edit = std::lower_bound(
                    edits.begin(), edits.end(), m_tableRows[size_t(from)],
                    [](const Edit &e, qsizetype row) { return e.tableRow < row; });
                for (qsizetype row = from; row < end; ++row) {
                    const qsizetype tableRow = m_tableRows[size_t(row)];
                    while (edit != edits.end() && edit->tableRow < tableRow)
                        ++edit;
                    const bool hit = edit != edits.end() && edit->tableRow == tableRow
                        ? matcher.matches(edit->text)
                        : matcher.matchesUtf8(m_table.utf8(tableRow, column));
                    if (hit)
                        out.push_back({row, attribute});
                }
            }
            if (attributes.size() > 1)
                std::sort(out.begin() + qsizetype(before), out.end());
        }
    }
}

bool CellFinder::matches(QStringView cellText, const FindQuery &query)
{
    if (query.isEmpty() || !query.isValid())
        return false;
    return CellMatcher(query).matches(cellText);
}

QString CellFinder::replaced(const QString &cellText, const FindQuery &query)
{
    return replaced(cellText, query,
                    query.mode == FindQuery::Mode::Regex ? query.regularExpression()
                                                         : QRegularExpression());
}

QString CellFinder::replaced(const QString &cellText, const FindQuery &query,
                             const QRegularExpression &regex)
{
    if (query.isEmpty())
        return cellText;
    const Qt::CaseSensitivity cs = query.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    switch (query.mode) {
    case FindQuery::Mode::Contains:
        return QString(cellText).replace(query.text, query.replacement, cs);
    case FindQuery::Mode::WholeCell:
        return cellText.compare(query.text, cs) == 0 ? query.replacement : cellText;
    case FindQuery::Mode::Regex:
        break;
    }
    return regex.isValid() ? QString(cellText).replace(regex, query.replacement) : cellText;
}

std::vector<CellReplacement> CellFinder::replacements(const MappedRowSource &rows,
                                                      const std::vector<FindMatch> &matches,
                                                      const FindQuery &query)
{
    const QRegularExpression regex
        = query.mode == FindQuery::Mode::Regex ? query.regularExpression() : QRegularExpression();
    std::vector<CellReplacement> cells;
    cells.reserve(matches.size());
    for (const FindMatch &match : matches) {
        if (match.row < 0 || match.row >= rows.rowCount())
            continue;
        cells.push_back({match.row, match.attribute,
                         replaced(rows.cellText(match.row, match.attribute), query, regex)});
    }
    return cells;
}

} // namespace sluice

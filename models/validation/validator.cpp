// SPDX-License-Identifier: MIT
#include "models/validation/validator.h"

#include <QThread>

#include <algorithm>
#include <iterator>
#include <thread>
#include <utility>

namespace sluice {

namespace {

constexpr qsizetype CancelCheckRows = 1024;

// Sorts (hash, row) pairs given in increasing row order exactly as std::sort would: a stable
// radix sort on the hash keeps equal hashes in row order. It runs alone after the parallel
// checks, where a comparison sort of a million keys was a tenth of the validation's time.
void sortByHash(std::vector<std::pair<quint64, qsizetype>> &entries)
{
    constexpr int DigitBits = 8;
    constexpr size_t Buckets = size_t(1) << DigitBits;
    std::vector<std::pair<quint64, qsizetype>> scratch(entries.size());
    for (int shift = 0; shift < 64; shift += DigitBits) {
        size_t offsets[Buckets] = {};
        for (const auto &entry : entries)
            ++offsets[(entry.first >> shift) & (Buckets - 1)];
        if (std::any_of(std::begin(offsets), std::end(offsets),
                        [&](size_t count) { return count == entries.size(); }))
            continue; // every key has this digit: the pass would not move anything
        size_t total = 0;
        for (size_t &offset : offsets)
            total += std::exchange(offset, total);
        for (const auto &entry : entries)
            scratch[offsets[(entry.first >> shift) & (Buckets - 1)]++] = entry;
        entries.swap(scratch);
    }
}

} // namespace

Validator::Validator(const Resource &resource, ReferenceSets references)
    : m_resource(resource)
    , m_rules(resource, std::move(references))
{
    for (const QString &key : resource.primaryKey) {
        const qsizetype index = resource.attributeIndex(key);
        if (index >= 0)
            m_keyAttributes.push_back(int(index));
    }
}

void Validator::copyFindings(const Validator &other)
{
    Q_ASSERT(&m_resource == &other.m_resource);
    m_keyOfRow = other.m_keyOfRow;
    m_keyIndex = other.m_keyIndex;
    m_issues = other.m_issues;
    m_rowsChecked = other.m_rowsChecked.load();
}

Validator::KeyHash Validator::keyHash(const std::vector<NormalisedCell> &cells) const
{
    if (m_keyAttributes.empty())
        return 0;
    KeyHash hash = 0xcbf29ce484222325ULL;
    for (const int attribute : m_keyAttributes) {
        const NormalisedCell &cell = cells[size_t(attribute)];
        if (cell.value.isNull() || cell.error)
            return 0;
        hash = (hash ^ qHash(cell.value.text(), 0x5bd1e995)) * 0x100000001b3ULL;
    }
    return hash == 0 ? 1 : hash;
}

QString Validator::keyText(const std::vector<NormalisedCell> &cells) const
{
    QStringList parts;
    for (const int attribute : m_keyAttributes)
        parts.append(cells[size_t(attribute)].value.text());
    return parts.join(QStringLiteral(" / "));
}

std::vector<CellIssue> Validator::rowIssues(const RowSource &rows, qsizetype row,
                                            std::vector<NormalisedCell> &cells, KeyHash *key) const
{
    std::vector<CellIssue> issues;
    if (rows.isExcluded(row)) {
        if (key)
            *key = 0;
        return issues;
    }
    rows.normalise(row, cells);
    m_rules.check(row, cells, issues);
    if (key)
        *key = keyHash(cells);
    return issues;
}

void Validator::checkRange(const RowSource &rows, qsizetype begin, qsizetype end, IssueIndex &into,
                           const std::atomic_bool *cancel)
{
    std::vector<NormalisedCell> cells;
    for (qsizetype row = begin; row < end; ++row) {
        if ((row - begin) % CancelCheckRows == 0 && row > begin) {
            m_rowsChecked.fetch_add(CancelCheckRows, std::memory_order_relaxed);
            if (cancel != nullptr && cancel->load(std::memory_order_relaxed))
                return;
        }
        // Rows of other ranges are other elements of m_keyOfRow.
        std::vector<CellIssue> issues = rowIssues(rows, row, cells, &m_keyOfRow[size_t(row)]);
        if (!issues.empty())
            into.setRowIssues(row, std::move(issues));
    }
}

bool Validator::validateAll(const RowSource &rows, const std::atomic_bool *cancel, int threads)
{
    const qsizetype count = rows.rowCount();
    m_issues = IssueIndex();
    m_rowsChecked = 0;
    m_keyOfRow.assign(size_t(count), 0);
    if (threads <= 0)
        threads = std::max(1, QThread::idealThreadCount());
    const qsizetype perThread = (count + threads - 1) / std::max(threads, 1);
    std::vector<IssueIndex> parts(static_cast<size_t>(threads));
    std::vector<std::thread> workers;
    for (int i = 1; i < threads; ++i) {
        const qsizetype begin = std::min(count, i * perThread);
        const qsizetype end = std::min(count, begin + perThread);
        workers.emplace_back(
            [&, begin, end, i] { checkRange(rows, begin, end, parts[size_t(i)], cancel); });
    }
    checkRange(rows, 0, std::min(count, perThread), parts[0], cancel);
    for (std::thread &worker : workers)
        worker.join();
    for (IssueIndex &part : parts)
        m_issues.merge(std::move(part));
    if (cancel != nullptr && cancel->load())
        return false;
    m_rowsChecked = count;
    findDuplicates(rows);
    return true;
}

std::vector<qsizetype> Validator::rowsWithHash(KeyHash hash) const
{
    std::vector<qsizetype> found;
    if (hash == 0)
        return found;
    auto at = std::lower_bound(m_keyIndex.begin(), m_keyIndex.end(), std::pair(hash, qsizetype(0)));
    for (; at != m_keyIndex.end() && at->first == hash; ++at)
        found.push_back(at->second);
    return found;
}

// Adds the duplicate-key issue of row when another row has the same key (hashes equal, then
// the key values compared, so a hash collision is never reported).
void Validator::addDuplicateIssue(const RowSource &rows, qsizetype row,
                                  const std::vector<NormalisedCell> &cells,
                                  std::vector<CellIssue> &issues) const
{
    const KeyHash hash = m_keyOfRow[size_t(row)];
    const std::vector<qsizetype> candidates = rowsWithHash(hash);
    if (candidates.size() < 2)
        return;
    const QString key = keyText(cells);
    std::vector<NormalisedCell> other;
    QStringList sameKeyRows;
    for (const qsizetype candidate : candidates) {
        if (candidate == row)
            continue;
        rows.normalise(candidate, other);
        if (keyText(other) == key)
            sameKeyRows.append(QString::number(rows.sheetRow(candidate)));
    }
    if (sameKeyRows.isEmpty())
        return;
    CellIssue issue;
    issue.row = row;
    issue.attribute = m_keyAttributes.front();
    issue.code = IssueCode::DuplicateKey;
    issue.severity = Severity::Error;
    issue.value = key;
    issue.suggestion = RowRules::suggestedFix(IssueCode::DuplicateKey, AttributeType::String);
    QStringList names;
    for (const int attribute : m_keyAttributes)
        names.append(m_resource.attributes.at(attribute).name);
    issue.cause = tr("shares its primary key (%1) with another row").arg(names.join(u", "));
    constexpr qsizetype Listed = 5;
    issue.message
        = tr("the key %1 = %2 is also on row(s) %3")
              .arg(names.join(u", "), key,
                   sameKeyRows.first(std::min(Listed, sameKeyRows.size())).join(u", ")
                       + (sameKeyRows.size() > Listed ? QStringLiteral(", …") : QString()));
    issues.push_back(std::move(issue));
}

void Validator::rebuildKeyIndex()
{
    m_keyIndex.clear();
    for (size_t row = 0; row < m_keyOfRow.size(); ++row) {
        if (m_keyOfRow[row] != 0)
            m_keyIndex.emplace_back(m_keyOfRow[row], qsizetype(row));
    }
    sortByHash(m_keyIndex); // rows were added in increasing order
}

void Validator::findDuplicates(const RowSource &rows)
{
    rebuildKeyIndex();
    std::vector<NormalisedCell> cells;
    for (size_t i = 0; i + 1 < m_keyIndex.size(); ++i) {
        if (m_keyIndex[i].first != m_keyIndex[i + 1].first)
            continue;
        // A run of equal hashes: re-check each of its rows with the duplicate check included.
        size_t end = i + 1;
        while (end < m_keyIndex.size() && m_keyIndex[end].first == m_keyIndex[i].first)
            ++end;
        for (size_t j = i; j < end; ++j) {
            const qsizetype row = m_keyIndex[j].second;
            std::vector<CellIssue> issues = rowIssues(rows, row, cells);
            addDuplicateIssue(rows, row, cells, issues);
            m_issues.setRowIssues(row, std::move(issues));
        }
        i = end - 1;
    }
}

void Validator::revalidateRow(const RowSource &rows, qsizetype row)
{
    if (row < 0 || size_t(row) >= m_keyOfRow.size())
        return;
    std::vector<NormalisedCell> cells;
    KeyHash newHash = 0;
    rowIssues(rows, row, cells, &newHash);
    const KeyHash oldHash = m_keyOfRow[size_t(row)];
    std::vector<qsizetype> affected = rowsWithHash(oldHash);
    if (newHash != oldHash) {
        if (oldHash != 0) {
            const auto at
                = std::lower_bound(m_keyIndex.begin(), m_keyIndex.end(), std::pair(oldHash, row));
            if (at != m_keyIndex.end() && *at == std::pair(oldHash, row))
                m_keyIndex.erase(at);
        }
        if (newHash != 0) {
            const auto entry = std::pair(newHash, row);
            m_keyIndex.insert(std::lower_bound(m_keyIndex.begin(), m_keyIndex.end(), entry), entry);
        }
        m_keyOfRow[size_t(row)] = newHash;
        const std::vector<qsizetype> sharingNew = rowsWithHash(newHash);
        affected.insert(affected.end(), sharingNew.begin(), sharingNew.end());
    }
    affected.push_back(row);
    std::sort(affected.begin(), affected.end());
    affected.erase(std::unique(affected.begin(), affected.end()), affected.end());
    for (const qsizetype each : affected) {
        std::vector<CellIssue> issues = rowIssues(rows, each, cells);
        addDuplicateIssue(rows, each, cells, issues);
        m_issues.setRowIssues(each, std::move(issues));
    }
}

std::pair<qsizetype, qsizetype>
Validator::revalidateRows(const RowSource &rows, const std::vector<qsizetype> &changed, int threads)
{
    if (changed.empty())
        return {-1, -1};
    const size_t count = changed.size();
    std::vector<std::vector<CellIssue>> found(count);
    std::vector<KeyHash> newKeys(count, 0);
    const auto check = [&](size_t begin, size_t end) {
        std::vector<NormalisedCell> cells;
        for (size_t i = begin; i < end; ++i)
            found[i] = rowIssues(rows, changed[i], cells, &newKeys[i]);
    };
    if (threads <= 0)
        threads = std::max(1, QThread::idealThreadCount());
    // A thread per few rows only: starting one costs more than checking a hundred rows.
    threads = int(std::min<size_t>(size_t(threads), count / 512 + 1));
    const size_t perThread = (count + size_t(threads) - 1) / size_t(threads);
    std::vector<std::thread> workers;
    for (size_t i = 1; i < size_t(threads); ++i) {
        const size_t begin = std::min(count, i * perThread);
        workers.emplace_back(check, begin, std::min(count, begin + perThread));
    }
    check(0, std::min(count, perThread));
    for (std::thread &worker : workers)
        worker.join();

    std::vector<KeyHash> keys; // whose rows may have gained or lost a duplicate
    bool keysMoved = false;
    for (size_t i = 0; i < count; ++i) {
        const qsizetype row = changed[i];
        KeyHash &key = m_keyOfRow[size_t(row)];
        keysMoved = keysMoved || key != newKeys[i];
        if (key != 0)
            keys.push_back(key);
        if (newKeys[i] != 0 && newKeys[i] != key)
            keys.push_back(newKeys[i]);
        key = newKeys[i];
        m_issues.setRowIssues(row, std::move(found[i]));
    }
    // One sort of every key (~30 ms for 1M rows) beats moving thousands of entries one by one.
    if (keysMoved)
        rebuildKeyIndex();
    const auto [first, last] = recheckKeys(rows, std::move(keys), changed);
    return {first < 0 ? changed.front() : std::min(first, changed.front()),
            std::max(last, changed.back())};
}

void Validator::keepServerIssues(qsizetype row, std::vector<CellIssue> &issues) const
{
    const std::vector<CellIssue> *old = m_issues.issuesOfRow(row);
    if (!old)
        return;
    for (const CellIssue &issue : *old) {
        if (issue.isFromServer())
            issues.push_back(issue);
    }
    std::stable_sort(issues.begin(), issues.end(), [](const CellIssue &a, const CellIssue &b) {
        return a.attribute < b.attribute;
    });
}

// Re-checks, duplicate check included, the rows of the given key hashes. A changed row alone
// with its key was just checked and needs nothing more.
std::pair<qsizetype, qsizetype> Validator::recheckKeys(const RowSource &rows,
                                                       std::vector<KeyHash> keys,
                                                       const std::vector<qsizetype> &changed)
{
    qsizetype first = -1;
    qsizetype last = -1;
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::vector<NormalisedCell> cells;
    for (const KeyHash key : keys) {
        const std::vector<qsizetype> sharing = rowsWithHash(key);
        for (const qsizetype row : sharing) {
            if (sharing.size() == 1 && std::binary_search(changed.begin(), changed.end(), row))
                continue;
            std::vector<CellIssue> issues = rowIssues(rows, row, cells);
            addDuplicateIssue(rows, row, cells, issues);
            // A row rechecked only for its key keeps what the server said of it: its cells did
            // not change. (A changed row's server findings go: it is checked afresh.)
            if (!std::binary_search(changed.begin(), changed.end(), row))
                keepServerIssues(row, issues);
            m_issues.setRowIssues(row, std::move(issues));
            first = first < 0 ? row : std::min(first, row);
            last = std::max(last, row);
        }
    }
    return {first, last};
}

} // namespace sluice

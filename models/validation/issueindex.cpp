// SPDX-License-Identifier: MIT
#include "models/validation/issueindex.h"

#include <algorithm>

namespace sluice {

QString issueCodeName(IssueCode code)
{
    switch (code) {
    case IssueCode::Required:
        return QStringLiteral("DI_E_10001");
    case IssueCode::Type:
        return QStringLiteral("DI_E_10002");
    case IssueCode::Format:
        return QStringLiteral("DI_E_10003");
    case IssueCode::Enum:
        return QStringLiteral("DI_E_10004");
    case IssueCode::Null:
        return QStringLiteral("DI_E_10005");
    case IssueCode::DuplicateKey:
        return QStringLiteral("DI_E_10007");
    case IssueCode::Reference:
        return QStringLiteral("DI_E_10009");
    case IssueCode::Length:
        return QStringLiteral("SL_E_LENGTH");
    case IssueCode::Range:
        return QStringLiteral("SL_E_RANGE");
    case IssueCode::Suspicious:
        return QStringLiteral("SL_W_SUSPICIOUS");
    case IssueCode::UnknownColumn:
        return QStringLiteral("DI_E_10006");
    case IssueCode::KeyExists:
        return QStringLiteral("DI_E_10008");
    case IssueCode::Server:
        return QStringLiteral("SL_E_SERVER");
    }
    return {};
}

QString issueCategory(IssueCode code)
{
    switch (code) {
    case IssueCode::Required:
        return QStringLiteral("REQUIRED");
    case IssueCode::Type:
        return QStringLiteral("TYPE");
    case IssueCode::Format:
        return QStringLiteral("FORMAT");
    case IssueCode::Enum:
        return QStringLiteral("ENUM");
    case IssueCode::Null:
        return QStringLiteral("NULL");
    case IssueCode::DuplicateKey:
        return QStringLiteral("DUPLICATE_KEY");
    case IssueCode::Reference:
        return QStringLiteral("REFERENCE");
    case IssueCode::Length:
        return QStringLiteral("LENGTH");
    case IssueCode::Range:
        return QStringLiteral("RANGE");
    case IssueCode::Suspicious:
        return QStringLiteral("SUSPICIOUS");
    case IssueCode::UnknownColumn:
        return QStringLiteral("UNKNOWN_COLUMN");
    case IssueCode::KeyExists:
        return QStringLiteral("KEY_EXISTS");
    case IssueCode::Server:
        return QStringLiteral("SERVER");
    }
    return {};
}

Severity defaultSeverity(IssueCode code)
{
    return code == IssueCode::Suspicious ? Severity::Warning : Severity::Error;
}

QString IssueIndex::groupKey(const CellIssue &issue)
{
    return groupKey(issue.attribute, issue.code, issue.cause);
}

QString IssueIndex::groupKey(int attribute, IssueCode code, const QString &cause)
{
    return QString::number(attribute) + u'|' + QString::number(int(code)) + u'|' + cause;
}

std::vector<qsizetype> IssueIndex::rowsOf(const IssueGroup &group) const
{
    std::vector<qsizetype> rows;
    for (const auto &[row, issues] : m_rows) {
        const bool matches = std::any_of(issues.begin(), issues.end(), [&](const CellIssue &issue) {
            return issue.attribute == group.attribute && issue.code == group.code
                && issue.cause == group.cause;
        });
        if (matches)
            rows.push_back(row);
    }
    return rows;
}

QList<QPair<QString, qsizetype>> IssueIndex::valuesOf(const IssueGroup &group) const
{
    QList<QPair<QString, qsizetype>> values;
    const auto found = m_groups.constFind(groupKey(group.attribute, group.code, group.cause));
    if (found == m_groups.constEnd())
        return values;
    for (auto value = found->values.begin(); value != found->values.end(); ++value)
        values.append({value.key(), value.value()});
    std::sort(values.begin(), values.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return values;
}

void IssueIndex::count(const CellIssue &issue, int direction)
{
    const bool error = issue.severity == Severity::Error;
    (error ? m_errors : m_warnings) += direction;
    (error ? m_attributeErrors : m_attributeWarnings)[issue.attribute] += direction;
    m_codes[int(issue.code)] += direction;
    const QString key = groupKey(issue);
    GroupStats &group = m_groups[key];
    group.cells += direction;
    if (group.cells == 0) {
        m_groups.remove(key);
        return;
    }
    if (direction > 0 && group.cells == 1)
        group.example = issue;
    qsizetype &values = group.values[issue.value];
    values += direction;
    if (values == 0)
        group.values.remove(issue.value);
}

void IssueIndex::setRowIssues(qsizetype row, std::vector<CellIssue> issues)
{
    if (const auto found = m_rows.find(row); found != m_rows.end()) {
        for (const CellIssue &issue : found->second)
            count(issue, -1);
        m_rows.erase(found);
    }
    if (issues.empty())
        return;
    std::stable_sort(issues.begin(), issues.end(), [](const CellIssue &a, const CellIssue &b) {
        return a.attribute < b.attribute;
    });
    for (const CellIssue &issue : issues)
        count(issue, +1);
    m_rows.emplace(row, std::move(issues));
}

void IssueIndex::merge(IssueIndex &&other)
{
    for (auto &[row, issues] : other.m_rows)
        setRowIssues(row, std::move(issues));
    other = IssueIndex();
}

bool IssueIndex::rowHasErrors(qsizetype row) const
{
    const auto *issues = issuesOfRow(row);
    return issues != nullptr
        && std::any_of(issues->begin(), issues->end(),
                       [](const CellIssue &issue) { return issue.severity == Severity::Error; });
}

qsizetype IssueIndex::count(int attribute, Severity severity) const
{
    return (severity == Severity::Error ? m_attributeErrors : m_attributeWarnings).value(attribute);
}

qsizetype IssueIndex::count(IssueCode code) const
{
    return m_codes.value(int(code));
}

const std::vector<CellIssue> *IssueIndex::issuesOfRow(qsizetype row) const
{
    const auto found = m_rows.find(row);
    return found == m_rows.end() ? nullptr : &found->second;
}

std::optional<qsizetype> IssueIndex::nextRow(qsizetype row) const
{
    const auto found = m_rows.upper_bound(row);
    if (found == m_rows.end())
        return std::nullopt;
    return found->first;
}

std::optional<qsizetype> IssueIndex::previousRow(qsizetype row) const
{
    auto found = m_rows.lower_bound(row);
    if (found == m_rows.begin())
        return std::nullopt;
    return std::prev(found)->first;
}

QList<IssueGroup> IssueIndex::groups(const QStringList &attributeNames) const
{
    QList<IssueGroup> groups;
    for (const GroupStats &stats : m_groups) {
        IssueGroup group;
        group.attribute = stats.example.attribute;
        group.code = stats.example.code;
        group.severity = stats.example.severity;
        group.cause = stats.example.cause;
        group.message = stats.example.message;
        group.cells = stats.cells;
        group.distinctValueCount = stats.values.size();
        for (auto value = stats.values.begin(); value != stats.values.end(); ++value)
            group.topValues.append({value.key(), value.value()});
        std::sort(group.topValues.begin(), group.topValues.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        if (group.topValues.size() > IssueGroup::TopValues)
            group.topValues.resize(IssueGroup::TopValues);
        QStringList shown;
        for (const auto &[value, cells] :
             std::as_const(group.topValues).first(std::min<qsizetype>(group.topValues.size(), 5)))
            shown.append(value.isEmpty() ? tr("(empty)") : value);
        const QString attribute = attributeNames.value(group.attribute);
        // Plurals spelled out: without a loaded English translation, tr()'s %n gives "row(s)".
        const QString rows = group.cells == 1 ? tr("1 row") : tr("%1 rows").arg(group.cells);
        const QString values = group.distinctValueCount == 1
            ? tr("1 distinct value")
            : tr("%1 distinct values").arg(group.distinctValueCount);
        const QString more
            = group.distinctValueCount > shown.size() ? QStringLiteral(", …") : QString();
        group.summary = tr("%1: %2 %3; %4: %5")
                            .arg(rows, attribute, group.cause, values,
                                 shown.join(QStringLiteral(", ")) + more);
        groups.append(group);
    }
    std::sort(groups.begin(), groups.end(), [](const IssueGroup &a, const IssueGroup &b) {
        if (a.severity != b.severity)
            return a.severity == Severity::Error;
        if (a.cells != b.cells)
            return a.cells > b.cells;
        return a.attribute != b.attribute ? a.attribute < b.attribute : a.cause < b.cause;
    });
    return groups;
}

qsizetype IssueIndex::memoryUse() const
{
    // Per issue: the struct, its strings' heap blocks; per row: a map node; per group: a hash
    // node and its value table.
    const auto stringBytes = [](const QString &text) {
        return text.isEmpty() ? 0 : 32 + text.size() * 2;
    };
    qsizetype bytes = 0;
    forEach([&](const CellIssue &issue) {
        bytes += qsizetype(sizeof(CellIssue)) + stringBytes(issue.value)
            + stringBytes(issue.message) + stringBytes(issue.suggestion) + stringBytes(issue.cause);
    });
    bytes += static_cast<qsizetype>(m_rows.size()) * 64;
    for (const GroupStats &group : m_groups)
        bytes += 128 + group.values.size() * 64;
    return bytes;
}

} // namespace sluice

// SPDX-License-Identifier: MIT
#include "models/upload/serverissues.h"

#include "models/validation/rowrules.h"

namespace sluice {

namespace {

// The attribute an error names: the server's spelling may differ in case (API.md §3); a key
// error names every key attribute ("order_id,order_line_id"), the first one stands for them.
int attributeOf(const ServerRowError &error, const Resource &resource)
{
    for (const QString &name : error.column.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype index = resource.attributeIndex(name.trimmed());
        if (index >= 0)
            return int(index);
    }
    return 0; // a row-level error (an unknown column, a batch failure) sits on the first cell
}

} // namespace

IssueCode ServerIssues::codeFor(const QString &serverCode)
{
    for (const IssueCode code :
         {IssueCode::Required, IssueCode::Type, IssueCode::Format, IssueCode::Enum, IssueCode::Null,
          IssueCode::UnknownColumn, IssueCode::DuplicateKey, IssueCode::KeyExists,
          IssueCode::Reference}) {
        if (issueCodeName(code) == serverCode)
            return code;
    }
    return IssueCode::Server;
}

std::vector<CellIssue> ServerIssues::forRow(qsizetype row, const QList<ServerRowError> &errors,
                                            const Resource &resource,
                                            const std::vector<NormalisedCell> &cells)
{
    std::vector<CellIssue> issues;
    for (const ServerRowError &error : errors) {
        CellIssue issue;
        issue.row = row;
        issue.attribute = attributeOf(error, resource);
        issue.code = codeFor(error.code);
        issue.severity = Severity::Error;
        if (size_t(issue.attribute) < cells.size())
            issue.value = cells[size_t(issue.attribute)].source;
        issue.message = tr("the server: %1").arg(error.message);
        const AttributeType type = resource.attributes.value(issue.attribute).type;
        issue.suggestion = RowRules::suggestedFix(issue.code, type);
        // One cause per server code (with the attribute, as for local issues): 120 rows the
        // server finds already stored are one group, one bulk fix.
        issue.cause = QStringLiteral("server %1").arg(error.code);
        issues.push_back(std::move(issue));
    }
    std::stable_sort(issues.begin(), issues.end(), [](const CellIssue &a, const CellIssue &b) {
        return a.attribute < b.attribute;
    });
    return issues;
}

} // namespace sluice

// SPDX-License-Identifier: MIT
// The expected output of a corpus workbook (../shared/corpus/<kind>/<file>.expected.json) and its
// comparison with what a SpreadsheetReader produced. Header-only so the XLSX, ODS and XLS
// conformance tests share one reading of the corpus README.
#pragma once

#include "models/source/sheetinfo.h"
#include "models/source/sheettable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>

namespace sluice::test {

struct ExpectedSheet
{
    QString name;
    QString state; // visible, hidden, veryHidden
    QString kind;  // worksheet, chartsheet, macrosheet, module
    QJsonArray rows;
};

// One cell whose expected value is knowingly replaced, with the reason (a reference-reader quirk).
struct CellOverride
{
    QString sheet;
    int row = 0;     // 0-based
    int column = 0;  // 0-based
    QJsonValue cell; // {"t":…, "v":…} or null
    QString reason;
};

class WorkbookExpectation
{
public:
    static std::optional<WorkbookExpectation> load(const QString &path, QString *error)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = path + ": " + file.errorString();
            return std::nullopt;
        }
        QJsonParseError parseError;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            *error = path + ": " + parseError.errorString();
            return std::nullopt;
        }
        WorkbookExpectation expectation;
        expectation.dateSystem = root.value("date_system").toInt(1900);
        expectation.mustFail = root.value("must_fail").toBool(false);
        expectation.expectedError = root.value("expected_error").toString();
        const QJsonArray sheets = root.value("sheets").toArray();
        for (const QJsonValue &value : sheets) {
            const QJsonObject sheet = value.toObject();
            expectation.sheets.append(
                {sheet.value("name").toString(), sheet.value("state").toString("visible"),
                 sheet.value("kind").toString("worksheet"), sheet.value("rows").toArray()});
        }
        return expectation;
    }

    static QString stateName(SheetState state)
    {
        switch (state) {
        case SheetState::Visible:
            return "visible";
        case SheetState::Hidden:
            return "hidden";
        case SheetState::VeryHidden:
            return "veryHidden";
        }
        return {};
    }

    static QString kindName(SheetKind kind)
    {
        switch (kind) {
        case SheetKind::Worksheet:
            return "worksheet";
        case SheetKind::Chartsheet:
            return "chartsheet";
        case SheetKind::Macrosheet:
            return "macrosheet";
        case SheetKind::Module:
            return "module";
        }
        return {};
    }

    // Differences in the sheet list (names, order, states, kinds); empty when they match.
    QStringList compareSheetList(const QList<SheetInfo> &actual) const
    {
        QStringList problems;
        if (actual.size() != sheets.size())
            problems << QString("%1 sheets, expected %2").arg(actual.size()).arg(sheets.size());
        for (qsizetype i = 0; i < std::min(actual.size(), sheets.size()); ++i) {
            const QString got
                = QString("%1/%2/%3")
                      .arg(actual[i].name, stateName(actual[i].state), kindName(actual[i].kind));
            const QString want
                = QString("%1/%2/%3").arg(sheets[i].name, sheets[i].state, sheets[i].kind);
            if (got != want)
                problems << QString("sheet %1 is %2, expected %3").arg(i).arg(got, want);
        }
        return problems;
    }

    // Every cell of the table against the expected rows (trimmed as the README says: the table
    // may be wider or longer only by empty cells). At most maxProblems are listed.
    QStringList compareTable(int sheetIndex, const SheetTable &table,
                             const QList<CellOverride> &overrides = {}, int maxProblems = 10) const
    {
        QStringList problems;
        const ExpectedSheet &sheet = sheets.at(sheetIndex);
        const qsizetype rowCount = std::max<qsizetype>(sheet.rows.size(), table.rowCount());
        for (qsizetype row = 0; row < rowCount && problems.size() < maxProblems; ++row) {
            const QJsonArray cells = sheet.rows.at(row).toArray();
            const int columnCount = std::max(static_cast<int>(cells.size()), table.columnCount());
            for (int column = 0; column < columnCount && problems.size() < maxProblems; ++column) {
                QJsonValue want = cells.at(column);
                for (const CellOverride &replacement : overrides) {
                    if (replacement.sheet == sheet.name && replacement.row == row
                        && replacement.column == column)
                        want = replacement.cell;
                }
                const QString problem = compareCell(want, table, row, column);
                if (!problem.isEmpty())
                    problems << QString("'%1' R%2C%3: %4")
                                    .arg(sheet.name)
                                    .arg(row + 1)
                                    .arg(column + 1)
                                    .arg(problem);
            }
        }
        return problems;
    }

    static QString kindLetter(CellKind kind)
    {
        switch (kind) {
        case CellKind::Empty:
            return "null";
        case CellKind::Text:
            return "s";
        case CellKind::Number:
            return "n";
        case CellKind::Boolean:
            return "b";
        case CellKind::DateTime:
            return "d";
        case CellKind::Error:
            return "e";
        }
        return "?";
    }

    // Empty when the cell matches the expected JSON cell (null or {"t","v"}).
    static QString compareCell(const QJsonValue &want, const SheetTable &table, qsizetype row,
                               int column)
    {
        const CellKind kind = table.kind(row, column);
        const QString text = table.text(row, column);
        const QString got = QString("%1 '%2'").arg(kindLetter(kind), text);
        if (want.isNull() || want.isUndefined())
            return kind == CellKind::Empty ? QString() : "got " + got + ", expected empty";
        const QJsonObject cell = want.toObject();
        const QString type = cell.value("t").toString();
        const QJsonValue value = cell.value("v");
        const QString expected = QString("%1 '%2'").arg(
            type,
            value.isString() ? value.toString()
                             : QString::fromUtf8(
                                   QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
                                   .mid(1)
                                   .chopped(1));
        if (kindLetter(kind) != type)
            return "got " + got + ", expected " + expected;
        bool matches = false;
        if (type == "n") {
            bool ok = false;
            const double number = text.toDouble(&ok);
            const double target = value.toDouble();
            matches = ok && std::abs(number - target) <= 1e-12 * std::max(std::abs(target), 1e-300);
            if (target == 0)
                matches = ok && number == 0;
        } else if (type == "b") {
            matches = text == (value.toBool() ? "true" : "false");
        } else {
            matches = text == value.toString();
        }
        return matches ? QString() : "got " + got + ", expected " + expected;
    }

    int dateSystem = 1900;
    bool mustFail = false;
    QString expectedError;
    QList<ExpectedSheet> sheets;
};

} // namespace sluice::test

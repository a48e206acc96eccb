// SPDX-License-Identifier: MIT
#include "models/source/headerdetector.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace sluice {

namespace {

// A text cell that reads as a number or a date is a value, not a label: CSV cells are all text.
bool looksLikeValue(QByteArrayView text)
{
    qsizetype digits = 0;
    qsizetype others = 0;
    for (const char c : text) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c != ' ' && c != '.' && c != ',' && c != '-' && c != '+' && c != '/' && c != ':'
                 && c != '%' && c != 'e' && c != 'E' && c != 'T' && c != 'Z')
            ++others;
    }
    return digits > 0 && others == 0;
}

bool isValue(const SheetTable &table, qsizetype row, int column)
{
    switch (table.kind(row, column)) {
    case CellKind::Number:
    case CellKind::Boolean:
    case CellKind::DateTime:
        return true;
    case CellKind::Text:
        return looksLikeValue(table.utf8(row, column));
    case CellKind::Empty:
    case CellKind::Error:
        break;
    }
    return false;
}

bool isLabel(const SheetTable &table, qsizetype row, int column)
{
    return table.kind(row, column) == CellKind::Text && !isValue(table, row, column);
}

struct RowProfile
{
    int filled = 0;
    int labels = 0;
    int distinctLabels = 0;
};

RowProfile profile(const SheetTable &table, qsizetype row)
{
    RowProfile result;
    QSet<QString> seen;
    for (int column = 0; column < table.columnCount(); ++column) {
        if (table.isEmpty(row, column))
            continue;
        ++result.filled;
        if (isLabel(table, row, column)) {
            ++result.labels;
            seen.insert(table.text(row, column).trimmed().toLower());
        }
    }
    result.distinctLabels = static_cast<int>(seen.size());
    return result;
}

// Share of the row's label columns that hold values in the rows below it.
double valuesBelow(const SheetTable &table, qsizetype row, qsizetype end)
{
    int labelColumns = 0;
    int withValues = 0;
    const qsizetype last = std::min(end, row + 11);
    for (int column = 0; column < table.columnCount(); ++column) {
        if (!isLabel(table, row, column))
            continue;
        ++labelColumns;
        for (qsizetype below = row + 1; below < last; ++below) {
            if (isValue(table, below, column)) {
                ++withValues;
                break;
            }
        }
    }
    return labelColumns == 0 ? 0.0 : double(withValues) / labelColumns;
}

bool rowIsEmpty(const SheetTable &table, qsizetype row)
{
    for (int column = 0; column < table.columnCount(); ++column) {
        if (!table.isEmpty(row, column))
            return false;
    }
    return true;
}

bool startsWithTotalWord(const QString &text)
{
    static const QRegularExpression totals(
        QStringLiteral("^\\s*(grand\\s+total|sub-?total|totals?|sum|summe|gesamt\\w*|totaal|"
                       "totale|total\\s+g[ée]n[ée]ral|suma)(\\W|$)"),
        QRegularExpression::CaseInsensitiveOption);
    return totals.match(text).hasMatch();
}

QString firstFilledText(const SheetTable &table, qsizetype row)
{
    for (int column = 0; column < table.columnCount(); ++column) {
        if (!table.isEmpty(row, column))
            return table.text(row, column);
    }
    return {};
}

// A footer row names itself ("Total", "Summe") or, with the first column empty where the data
// always fills it, carries sums under the data.
bool isFooterRow(const SheetTable &table, qsizetype row, double firstColumnFill)
{
    if (startsWithTotalWord(firstFilledText(table, row)))
        return true;
    if (!table.isEmpty(row, 0) || firstColumnFill < 0.9)
        return false;
    for (int column = 1; column < table.columnCount(); ++column) {
        if (isValue(table, row, column))
            return true;
    }
    return false;
}

double firstColumnFillRatio(const SheetTable &table, qsizetype first, qsizetype end)
{
    const qsizetype sampleEnd = std::min(end, first + 1000);
    qsizetype filled = 0;
    for (qsizetype row = first; row < sampleEnd; ++row)
        filled += table.isEmpty(row, 0) ? 0 : 1;
    return sampleEnd > first ? double(filled) / double(sampleEnd - first) : 0.0;
}

} // namespace

QString HeaderDetector::columnLetters(int column)
{
    QString letters;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        letters.prepend(QChar(u'A' + (n - 1) % 26));
    return letters;
}

QStringList HeaderDetector::repairedNames(const QStringList &labels)
{
    QStringList names;
    QSet<QString> used;
    for (int column = 0; column < labels.size(); ++column) {
        QString name = labels[column].simplified();
        if (name.isEmpty())
            name = tr("Column %1").arg(columnLetters(column));
        QString unique = name;
        for (int copy = 2; used.contains(unique.toLower()); ++copy)
            unique = QStringLiteral("%1 (%2)").arg(name).arg(copy);
        used.insert(unique.toLower());
        names.append(unique);
    }
    return names;
}

SheetLayout HeaderDetector::detect(const SheetTable &table,
                                   std::optional<qsizetype> headerRowOverride)
{
    SheetLayout layout;
    layout.columnCount = table.columnCount();
    qsizetype end = table.rowCount();
    while (end > 0 && rowIsEmpty(table, end - 1))
        --end;

    const qsizetype examined = std::min<qsizetype>(end, RowsExamined);
    int widest = 1;
    for (qsizetype row = 0; row < examined; ++row)
        widest = std::max(widest, profile(table, row).filled);

    if (headerRowOverride) {
        layout.headerRow
            = std::clamp<qsizetype>(*headerRowOverride, 0, std::max<qsizetype>(end - 1, 0));
        layout.reason = tr("row %1, as chosen").arg(layout.headerRow + 1);
    } else {
        double bestScore = -1;
        for (qsizetype row = 0; row < examined; ++row) {
            const RowProfile p = profile(table, row);
            if (p.labels == 0)
                continue;
            const double score = double(p.filled) / widest * double(p.labels) / p.filled
                    * double(p.distinctLabels) / p.labels
                + 0.3 * valuesBelow(table, row, end);
            if (score > bestScore + 1e-9) {
                bestScore = score;
                layout.headerRow = row;
            }
        }
        const RowProfile chosen = profile(table, layout.headerRow);
        layout.reason = chosen.labels == 0 ? tr("no row holds text labels; row 1 is taken, choose "
                                                "another if it is data")
            : layout.headerRow == 0
            ? tr("row 1 holds %1 labels").arg(chosen.labels)
            : tr("row %1 holds %2 labels; the rows above it look like a title")
                  .arg(layout.headerRow + 1)
                  .arg(chosen.labels);
    }
    layout.firstDataRow = layout.headerRow + 1;

    const double fill = firstColumnFillRatio(table, layout.firstDataRow, end);
    qsizetype dataEnd = end;
    for (qsizetype row = end - 1; row >= layout.firstDataRow && row >= end - FooterRowsExamined;
         --row) {
        if (!rowIsEmpty(table, row) && !isFooterRow(table, row, fill))
            break;
        if (!rowIsEmpty(table, row))
            layout.footerRows.prepend(row);
        dataEnd = row;
    }
    // Empty rows between the data and a footer belong to neither.
    while (dataEnd > layout.firstDataRow && rowIsEmpty(table, dataEnd - 1))
        --dataEnd;
    layout.dataEndRow = std::max(dataEnd, layout.firstDataRow);

    QStringList labels;
    for (int column = 0; column < layout.columnCount; ++column)
        labels.append(table.text(layout.headerRow, column));
    layout.columnNames = repairedNames(labels);
    return layout;
}

} // namespace sluice

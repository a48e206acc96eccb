// SPDX-License-Identifier: MIT
#include "models/source/columnprofile.h"

#include <QRegularExpression>

#include <array>

namespace sluice {

namespace {

enum Shape {
    TextShape,
    NumberText,
    DateText,
    NumberCell,
    DateCell,
    BooleanCell,
    ErrorCell,
    Shapes
};

Shape shapeOf(const SheetTable &table, qsizetype row, int column)
{
    static const QRegularExpression number(
        QStringLiteral("^\\s*[-+]?[\\d.,' ]*\\d[\\d.,' ]*%?\\s*$"));
    static const QRegularExpression date(
        QStringLiteral("^\\s*(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/"
                       ".]\\d{2,4})([ T]\\d{1,2}:\\d{2}.*)?$"));
    switch (table.kind(row, column)) {
    case CellKind::Number:
        return NumberCell;
    case CellKind::DateTime:
        return DateCell;
    case CellKind::Boolean:
        return BooleanCell;
    case CellKind::Error:
        return ErrorCell;
    case CellKind::Text:
    case CellKind::Empty:
        break;
    }
    const QString text = table.text(row, column);
    if (date.match(text).hasMatch())
        return DateText;
    return number.match(text).hasMatch() ? NumberText : TextShape;
}

QString shapeName(int shape)
{
    switch (shape) {
    case TextShape:
        return ColumnProfiler::tr("text");
    case NumberText:
        return ColumnProfiler::tr("number as text");
    case DateText:
        return ColumnProfiler::tr("date as text");
    case NumberCell:
        return ColumnProfiler::tr("number");
    case DateCell:
        return ColumnProfiler::tr("date/time");
    case BooleanCell:
        return ColumnProfiler::tr("boolean");
    case ErrorCell:
        return ColumnProfiler::tr("error");
    }
    return {};
}

} // namespace

QList<ColumnProfile> ColumnProfiler::profile(const SheetTable &table, const SheetLayout &layout,
                                             int sampleRows, int sampleValues)
{
    QList<ColumnProfile> profiles;
    const qsizetype end = std::min(layout.dataEndRow, layout.firstDataRow + sampleRows);
    for (int column = 0; column < layout.columnCount; ++column) {
        ColumnProfile profile;
        profile.name = layout.columnNames.value(column);
        std::array<int, Shapes> counts {};
        for (qsizetype row = layout.firstDataRow; row < end; ++row) {
            ++profile.sampled;
            if (table.isEmpty(row, column))
                continue;
            ++profile.filled;
            ++counts[static_cast<std::size_t>(shapeOf(table, row, column))];
            const QString value = table.text(row, column);
            if (profile.samples.size() < sampleValues && !profile.samples.contains(value))
                profile.samples.append(value);
        }
        const auto most = std::max_element(counts.begin(), counts.end());
        const int dominant = static_cast<int>(most - counts.begin());
        if (profile.filled == 0)
            profile.kind = tr("empty");
        else if (*most * 10 >= profile.filled * 9)
            profile.kind = shapeName(dominant);
        else
            profile.kind
                = tr("mixed (%1% %2)").arg(*most * 100 / profile.filled).arg(shapeName(dominant));
        profiles.append(profile);
    }
    return profiles;
}

} // namespace sluice

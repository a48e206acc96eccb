// SPDX-License-Identifier: MIT
#include "models/itemmodels/changesmodel.h"

#include "models/source/headerdetector.h"

#include <QFont>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>
#include <numeric>

namespace sluice {

namespace {

// RFC 4180: a field with a separator, a quote or a line break is quoted, its quotes doubled.
QByteArray csvField(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r'))
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

QByteArray csvLine(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        line += csvField(fields.at(i));
    }
    return line + "\r\n";
}

} // namespace

ChangesModel::ChangesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString ChangesModel::excludedText()
{
    return tr("Row excluded from the upload");
}

void ChangesModel::reset(const MappedRowSource *rows, const Resource *resource,
                         const SheetCorrections *corrections, const QStringList &columnNames)
{
    beginResetModel();
    m_entries.clear();
    m_table = rows ? &rows->table() : nullptr;
    m_columnNames = columnNames;
    m_columnAttributes.clear();
    m_columnAttribute.clear();
    if (rows && resource) {
        // Which attributes read each column: asked once per attribute, not per entry.
        for (int attribute = 0; attribute < resource->attributes.size(); ++attribute) {
            const int column = rows->sourceColumn(attribute);
            if (column < 0)
                continue;
            if (m_columnAttribute.size() <= size_t(column)) {
                m_columnAttribute.resize(size_t(column) + 1, -1);
                m_columnAttributes.resize(size_t(column) + 1);
            }
            QString &names = m_columnAttributes[size_t(column)];
            names += (names.isEmpty() ? QString() : QStringLiteral(", "))
                + resource->attributes.at(attribute).name;
            if (m_columnAttribute[size_t(column)] < 0)
                m_columnAttribute[size_t(column)] = attribute;
        }
    }
    if (corrections) {
        std::vector<SheetCorrections::CellEdit> edits = corrections->edits();
        m_entries.reserve(edits.size() + size_t(corrections->excludedCount()));
        for (SheetCorrections::CellEdit &edit : edits) {
            const qsizetype dataRow = rows ? rows->dataRow(edit.tableRow) : -1;
            m_entries.push_back(
                {edit.tableRow, dataRow, edit.column, std::move(edit.text), edit.when});
        }
        m_editCount = qsizetype(m_entries.size());
        for (const qsizetype tableRow : corrections->excludedRows())
            m_entries.push_back({tableRow, rows ? rows->dataRow(tableRow) : -1, -1, {}, {}});
    } else {
        m_editCount = 0;
    }
    if (m_sortColumn >= 0) {
        const std::vector<size_t> order = sortedOrder();
        std::vector<Entry> sorted;
        sorted.reserve(m_entries.size());
        for (const size_t at : order)
            sorted.push_back(std::move(m_entries[at]));
        m_entries = std::move(sorted);
    }
    endResetModel();
}

void ChangesModel::clear()
{
    reset(nullptr, nullptr, nullptr);
}

QString ChangesModel::columnName(int column) const
{
    if (column < 0)
        return {};
    if (column < m_columnNames.size())
        return m_columnNames.at(column);
    return tr("Column %1").arg(HeaderDetector::columnLetters(column));
}

QString ChangesModel::attributeNames(int column) const
{
    return column >= 0 && size_t(column) < m_columnAttributes.size()
        ? m_columnAttributes[size_t(column)]
        : QString();
}

QString ChangesModel::oldText(const Entry &entry) const
{
    if (!m_table || entry.column < 0 || entry.column >= m_table->columnCount()
        || entry.tableRow >= m_table->rowCount())
        return {};
    return m_table->text(entry.tableRow, entry.column);
}

std::vector<ChangesModel::ExportRow> ChangesModel::exportRows() const
{
    std::vector<ExportRow> rows;
    rows.reserve(m_entries.size());
    for (const Entry &entry : m_entries) {
        if (entry.column < 0) {
            rows.push_back({entry.tableRow + 1, {}, {}, {}, excludedText(), {}});
            continue;
        }
        rows.push_back({entry.tableRow + 1, columnName(entry.column), attributeNames(entry.column),
                        oldText(entry), entry.text, entry.when});
    }
    return rows;
}

std::optional<QString> ChangesModel::writeCsv(const QString &path,
                                              const std::vector<ExportRow> &rows)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    // The byte order mark tells Excel the file is UTF-8; without it accents come out garbled.
    QByteArray text = "\xEF\xBB\xBF"
        + csvLine({tr("Row"), tr("Column"), tr("Attribute"), tr("Old value"), tr("New value"),
                   tr("When")});
    for (const ExportRow &row : rows) {
        text += csvLine({QString::number(row.sheetRow), row.column, row.attributes, row.oldText,
                         row.newText,
                         row.when.isValid() ? row.when.toUTC().toString(Qt::ISODate) : QString()});
        // Written in pieces: 100k changes need not sit in memory twice.
        if (text.size() > (1 << 16)) {
            if (file.write(text) != text.size())
                return file.errorString();
            text.clear();
        }
    }
    if (file.write(text) != text.size() || !file.commit())
        return file.errorString();
    return std::nullopt;
}

int ChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangesModel::displayText(const Entry &entry, int column) const
{
    const bool excluded = entry.column < 0;
    switch (Column(column)) {
    case RowColumn:
        // Digits as the spreadsheet shows them, without a thousands separator.
        return QString::number(entry.tableRow + 1);
    case ColumnColumn:
        return columnName(entry.column);
    case AttributeColumn:
        return attributeNames(entry.column);
    case OldValueColumn: {
        if (excluded)
            return {};
        const QString text = oldText(entry);
        return text.isEmpty() ? tr("(empty)") : text;
    }
    case NewValueColumn:
        if (excluded)
            return excludedText();
        return entry.text.isEmpty() ? tr("(empty)") : entry.text;
    case WhenColumn:
        return excluded ? QString()
                        : QLocale().toString(entry.when.toLocalTime(), QLocale::ShortFormat);
    case ColumnCount:
        break;
    }
    return {};
}

QString ChangesModel::toolTip(const Entry &entry) const
{
    if (entry.column < 0)
        return tr("Row %1 is left out of the upload.").arg(entry.tableRow + 1);
    const QString attributes = attributeNames(entry.column);
    return tr("Row %1, column %2 (%3): %4\nIn the file: \"%5\"\nNow: \"%6\"\nChanged %7")
        .arg(QString::number(entry.tableRow + 1), HeaderDetector::columnLetters(entry.column),
             columnName(entry.column),
             attributes.isEmpty() ? tr("no attribute reads this column now") : attributes,
             oldText(entry), entry.text,
             QLocale().toString(entry.when.toLocalTime(), QLocale::LongFormat));
}

QVariant ChangesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries[size_t(index.row())];
    const bool excluded = entry.column < 0;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(entry, index.column());
    case Qt::ToolTipRole:
        return toolTip(entry);
    case Qt::FontRole: {
        // "(empty)" and the exclusion are said, not values: set apart without colour.
        const bool said = (index.column() == NewValueColumn && (excluded || entry.text.isEmpty()))
            || (index.column() == OldValueColumn && !excluded && oldText(entry).isEmpty());
        if (!said)
            return {};
        QFont font;
        font.setItalic(true);
        return font;
    }
    case Qt::TextAlignmentRole:
        return index.column() == RowColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                           : QVariant();
    case KindRole:
        return int(excluded ? ExcludedRow : EditedCell);
    case DataRowRole:
        return qlonglong(entry.dataRow);
    case AttributeRole:
        return excluded || size_t(entry.column) >= m_columnAttribute.size()
            ? -1
            : m_columnAttribute[size_t(entry.column)];
    case TableRowRole:
        return qlonglong(entry.tableRow);
    case TableColumnRole:
        return entry.column;
    case WhenRole:
        return entry.when;
    default:
        return {};
    }
}

QVariant ChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case RowColumn:
        return tr("Row");
    case ColumnColumn:
        return tr("Column");
    case AttributeColumn:
        return tr("Attribute");
    case OldValueColumn:
        return tr("Old value");
    case NewValueColumn:
        return tr("New value");
    case WhenColumn:
        return tr("When");
    case ColumnCount:
        break;
    }
    return {};
}

void ChangesModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column >= 0 && column < ColumnCount ? column : -1;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const std::vector<size_t> sortedAt = sortedOrder();
    std::vector<int> newRow(m_entries.size());
    std::vector<Entry> sorted;
    sorted.reserve(m_entries.size());
    for (const size_t at : sortedAt) {
        newRow[at] = int(sorted.size());
        sorted.push_back(std::move(m_entries[at]));
    }
    m_entries = std::move(sorted);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before)
        after.append(this->index(newRow[size_t(index.row())], index.column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

std::vector<size_t> ChangesModel::sortedOrder() const
{
    std::vector<size_t> order(m_entries.size());
    std::iota(order.begin(), order.end(), size_t(0));
    // The file's texts, read once rather than twice per comparison.
    std::vector<QString> oldTexts;
    if (m_sortColumn == OldValueColumn) {
        oldTexts.reserve(m_entries.size());
        for (const Entry &entry : m_entries)
            oldTexts.push_back(oldText(entry));
    }
    const auto primary = [this, &oldTexts](size_t a, size_t b) -> int {
        const Entry &x = m_entries[a];
        const Entry &y = m_entries[b];
        switch (m_sortColumn) {
        case RowColumn:
            return x.tableRow < y.tableRow ? -1 : (x.tableRow > y.tableRow ? 1 : 0);
        case ColumnColumn:
            return x.column - y.column;
        case AttributeColumn:
            return attributeNames(x.column).compare(attributeNames(y.column), Qt::CaseInsensitive);
        case OldValueColumn:
            return oldTexts[a].compare(oldTexts[b], Qt::CaseInsensitive);
        case NewValueColumn:
            return (x.column < 0 ? excludedText() : x.text)
                .compare(y.column < 0 ? excludedText() : y.text, Qt::CaseInsensitive);
        case WhenColumn: {
            const qint64 p = x.when.isValid() ? x.when.toMSecsSinceEpoch() : -1;
            const qint64 q = y.when.isValid() ? y.when.toMSecsSinceEpoch() : -1;
            return p < q ? -1 : (p > q ? 1 : 0);
        }
        default:
            return 0;
        }
    };
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    // Ties, and no sort column, keep the order reset() built (edits, then excluded rows).
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const int compared = primary(a, b);
        if (compared != 0)
            return descending ? compared > 0 : compared < 0;
        const Entry &x = m_entries[a];
        const Entry &y = m_entries[b];
        const bool xExcluded = x.column < 0;
        const bool yExcluded = y.column < 0;
        if (xExcluded != yExcluded)
            return yExcluded;
        return x.tableRow != y.tableRow ? x.tableRow < y.tableRow : x.column < y.column;
    });
    return order;
}

} // namespace sluice

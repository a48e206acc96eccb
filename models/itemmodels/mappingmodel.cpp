// SPDX-License-Identifier: MIT
#include "models/itemmodels/mappingmodel.h"

namespace sluice {

MappingModel::MappingModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MappingModel::reset(const Resource *resource, const Mapping &mapping,
                         const QStringList &columns, const RowSource *rows)
{
    beginResetModel();
    m_resource = resource;
    m_mapping = mapping;
    m_columns = columns;
    m_rows = rows;
    m_samples.clear();
    if (m_resource) {
        for (int attribute = 0; attribute < m_resource->attributes.size(); ++attribute)
            m_samples.append(samples(attribute));
    }
    endResetModel();
}

int MappingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_resource ? 0 : int(m_resource->attributes.size());
}

int MappingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MappingModel::sourceText(const AttributeMapping &mapping) const
{
    switch (mapping.source) {
    case AttributeMapping::Source::Unmapped:
        return QString();
    case AttributeMapping::Source::Column:
        return mapping.columns.value(0);
    case AttributeMapping::Source::Joined:
        return mapping.columns.join(QStringLiteral(" + "));
    case AttributeMapping::Source::Constant:
        return tr("always \"%1\"").arg(mapping.constant);
    }
    return {};
}

// The first few values the attribute will carry, after the transforms: what the user checks a
// mapping against ("2025-01-31 00:00:00", not the file's "31/01/2025").
QString MappingModel::samples(int attribute) const
{
    if (!m_rows || !m_mapping.attributes.value(attribute).isMapped())
        return {};
    QStringList values;
    std::vector<NormalisedCell> cells;
    for (qsizetype row = 0; row < std::min<qsizetype>(SampleRows, m_rows->rowCount()); ++row) {
        m_rows->normalise(row, cells);
        const NormalisedCell &cell = cells.at(size_t(attribute));
        values.append(cell.error                ? tr("⚠ %1").arg(cell.source)
                          : cell.value.isNull() ? tr("(empty)")
                                                : cell.value.text());
    }
    return values.join(QStringLiteral(" · "));
}

QString MappingModel::transformText(const Transforms &transforms)
{
    QStringList parts;
    if (transforms.letterCase != Transforms::Case::Keep)
        parts.append(tr("case"));
    if (!transforms.valueMap.isEmpty())
        parts.append(tr("%1 values mapped").arg(transforms.valueMap.size()));
    if (!transforms.datePattern.isEmpty())
        parts.append(tr("dates as %1").arg(transforms.datePattern));
    else if (transforms.dayOrder == DayOrder::DayMonthYear)
        parts.append(tr("day first"));
    else if (transforms.dayOrder == DayOrder::MonthDayYear)
        parts.append(tr("month first"));
    if (transforms.stripCurrency)
        parts.append(tr("currency removed"));
    if (transforms.percent)
        parts.append(tr("percent"));
    if (!transforms.timeZone.isEmpty())
        parts.append(tr("from %1 to UTC").arg(transforms.timeZone));
    return parts.join(QStringLiteral(", "));
}

QVariant MappingModel::displayData(int row, int column) const
{
    const Attribute &attribute = m_resource->attributes.at(row);
    const AttributeMapping mapping = m_mapping.attributes.value(row);
    switch (Column(column)) {
    case AttributeColumn:
        return attribute.name;
    case TypeColumn:
        return attributeTypeName(attribute.type);
    case RequiredColumn:
        // Words, not colour alone: "required?" where the catalogue does not say.
        return !attribute.required ? tr("required?")
            : *attribute.required  ? tr("required")
                                   : tr("optional");
    case SourceColumn:
        if (mapping.isMapped())
            return sourceText(mapping);
        return attribute.required.value_or(false) ? tr("— not mapped (required)")
                                                  : tr("— not mapped");
    case SampleColumn:
        return m_samples.value(row);
    case TransformColumn:
        return transformText(mapping.transforms);
    case ConfidenceColumn:
        return mapping.isMapped() ? tr("%1 %").arg(qRound(mapping.confidence * 100)) : QString();
    case ReasonColumn:
        return mapping.reason;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MappingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const AttributeMapping mapping = m_mapping.attributes.value(row);
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::EditRole:
        // The Source column's edit value is what setData takes: a column, or empty for none.
        if (index.column() == SourceColumn && mapping.source == AttributeMapping::Source::Column)
            return mapping.columns.value(0);
        if (index.column() == SourceColumn && !mapping.isMapped())
            return QString();
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        return index.column() == ReasonColumn || index.column() == ConfidenceColumn
            ? mapping.reason
            : m_resource->attributes.at(row).description;
    case ConfidenceRole:
        return mapping.confidence;
    case NeedsAttentionRole:
        return m_resource->attributes.at(row).required.value_or(false) && !mapping.isMapped();
    case ChoicesRole:
        return index.column() == SourceColumn ? QVariant(m_columns) : QVariant();
    default:
        return {};
    }
}

QVariant MappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case AttributeColumn:
        return tr("Attribute");
    case TypeColumn:
        return tr("Type");
    case RequiredColumn:
        return tr("Required");
    case SourceColumn:
        return tr("Source column");
    case SampleColumn:
        return tr("Sample values (as sent)");
    case TransformColumn:
        return tr("Transforms");
    case ConfidenceColumn:
        return tr("Confidence");
    case ReasonColumn:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags MappingModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == SourceColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool MappingModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != SourceColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString column = value.toString();
    if (!column.isEmpty() && !m_columns.contains(column))
        return false;
    AttributeMapping &mapping = m_mapping.attributes[index.row()];
    mapping.source
        = column.isEmpty() ? AttributeMapping::Source::Unmapped : AttributeMapping::Source::Column;
    mapping.columns = column.isEmpty() ? QStringList() : QStringList {column};
    mapping.confidence = column.isEmpty() ? 0 : 1;
    mapping.reason = tr("chosen by you");
    // The samples are those of the old rows until the owner resets the model with new ones.
    m_samples[index.row()].clear();
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    Q_EMIT mappingEdited(m_mapping);
    return true;
}

} // namespace sluice

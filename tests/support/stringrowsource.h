// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/resource.h"
#include "models/validation/rowsource.h"
#include "models/validation/valueparser.h"

#include <QList>
#include <QStringList>

namespace sluice::test {

// Rows given as one text per attribute, parsed with the attribute's type and no transforms:
// enough to test the rules without a spreadsheet. Rows may be changed between checks.
class StringRowSource : public RowSource
{
public:
    StringRowSource(const Resource &resource, QList<QStringList> rows)
        : m_resource(resource)
        , m_rows(std::move(rows))
    {}

    qsizetype rowCount() const override { return m_rows.size(); }
    void normalise(qsizetype row, std::vector<NormalisedCell> &cells) const override
    {
        cells.clear();
        const QStringList &texts = m_rows.at(row);
        for (qsizetype i = 0; i < m_resource.attributes.size(); ++i) {
            NormalisedCell cell;
            cell.source = texts.value(i);
            auto value = m_parser.parse(m_resource.attributes.at(i).type, cell.source);
            if (value)
                cell.value = *value;
            else
                cell.error = value.error();
            cells.push_back(std::move(cell));
        }
    }
    // Header on sheet row 1: data row 0 is sheet row 2.
    qsizetype sheetRow(qsizetype row) const override { return row + 2; }

    void setCell(qsizetype row, const QString &attribute, const QString &text)
    {
        m_rows[row][m_resource.attributeIndex(attribute)] = text;
    }

private:
    const Resource &m_resource;
    QList<QStringList> m_rows;
    ValueParser m_parser;
};

} // namespace sluice::test

// SPDX-License-Identifier: MIT
#include "models/source/xlsxworkbook.h"

#include "models/source/xlsxpackage.h"

#include <QHash>

namespace sluice {

namespace {

// Relationship types end alike in transitional (schemas.openxmlformats.org) and Strict
// (purl.oclc.org) OOXML, so the last path segment is what is compared.
QString typeName(const QString &type)
{
    return type.mid(type.lastIndexOf(u'/') + 1);
}

bool isTrue(QByteArrayView value)
{
    return value == QByteArrayView("1") || value == QByteArrayView("true")
        || value == QByteArrayView("on");
}

SheetState sheetState(QByteArrayView state)
{
    if (state == QByteArrayView("hidden"))
        return SheetState::Hidden;
    if (state == QByteArrayView("veryHidden"))
        return SheetState::VeryHidden;
    return SheetState::Visible;
}

class WorkbookHandler : public XmlSaxHandler
{
public:
    struct Entry
    {
        QString name;
        SheetState state;
        QString relationshipId;
    };

    // Only workbook/workbookPr and workbook/sheets/sheet count: extensions (extLst) have
    // elements of the same local names, such as x15:workbookPr.
    void startElement(const char *localName, const XmlAttributes &attributes) override
    {
        ++m_depth;
        if (m_rootName.isEmpty())
            m_rootName = QString::fromUtf8(localName);
        if (m_depth == 2 && isName(localName, "workbookPr")) {
            m_date1904 = isTrue(attributes.value("date1904"));
        } else if (m_depth == 3 && isName(localName, "sheet")) {
            m_entries.append({QString::fromUtf8(attributes.text("name")),
                              sheetState(attributes.value("state")),
                              QString::fromUtf8(attributes.text("id"))});
        }
    }
    void endElement(const char *) override { --m_depth; }

    int m_depth = 0;
    QString m_rootName;
    bool m_date1904 = false;
    QList<Entry> m_entries;
};

} // namespace

QString XlsxWorkbook::findWorkbookPart(XlsxPackage &package, QString *error) const
{
    const QList<PackageRelationship> rootRelationships = package.relationships({}, error);
    if (!error->isEmpty())
        return {};
    for (const PackageRelationship &relationship : rootRelationships) {
        if (typeName(relationship.type) == u"officeDocument" && !relationship.external)
            return relationship.target;
    }
    return QStringLiteral("xl/workbook.xml");
}

QString XlsxWorkbook::load(XlsxPackage &package)
{
    QString error;
    const QString workbookPart = findWorkbookPart(package, &error);
    if (!error.isEmpty())
        return error;
    if (!package.contains(workbookPart))
        return QStringLiteral("is not an Excel workbook: it has no workbook part (%1)")
            .arg(workbookPart);
    WorkbookHandler handler;
    if (error = package.parsePart(workbookPart, handler); !error.isEmpty())
        return error;
    if (handler.m_rootName != u"workbook")
        return QStringLiteral("is not an Excel workbook: its main part '%1' holds a '%2', not a "
                              "workbook")
            .arg(workbookPart, handler.m_rootName);
    const QList<PackageRelationship> relationships = package.relationships(workbookPart, &error);
    if (!error.isEmpty())
        return error;
    QHash<QString, PackageRelationship> byId;
    for (const PackageRelationship &relationship : relationships) {
        byId.insert(relationship.id, relationship);
        const QString type = typeName(relationship.type);
        if (type == u"sharedStrings")
            m_sharedStringsPart = relationship.target;
        else if (type == u"styles")
            m_stylesPart = relationship.target;
    }
    m_date1904 = handler.m_date1904;
    for (const WorkbookHandler::Entry &entry : std::as_const(handler.m_entries)) {
        Sheet sheet;
        sheet.info.name = entry.name;
        sheet.info.state = entry.state;
        const auto found = byId.constFind(entry.relationshipId);
        if (found != byId.cend()) {
            sheet.part = found->target;
            const QString type = typeName(found->type);
            if (type == u"chartsheet")
                sheet.info.kind = SheetKind::Chartsheet;
            else if (type == u"xlMacrosheet" || type == u"xlIntlMacrosheet")
                sheet.info.kind = SheetKind::Macrosheet;
        }
        m_sheets.append(sheet);
    }
    return {};
}

} // namespace sluice

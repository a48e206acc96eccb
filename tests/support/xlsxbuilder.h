// SPDX-License-Identifier: MIT
#pragma once

// Writes small .xlsx packages for tests: one feature at a time, or a file a user would have.
#include <QByteArray>
#include <QList>
#include <QString>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <utility>

namespace sluice::test {

using Parts = QList<std::pair<QString, QByteArray>>;

inline const QByteArray Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline const QByteArray RelNs
    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline const QByteArray RelType
    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

inline QByteArray rootRels(const QByteArray &workbookTarget = "xl/workbook.xml")
{
    return "<?xml version=\"1.0\"?><Relationships "
           "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" Type=\""
        + RelType + "officeDocument\" Target=\"" + workbookTarget + "\"/></Relationships>";
}

inline QByteArray sheetXml(const QByteArray &sheetData, const QByteArray &ns = Main)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + ns + "\"><sheetData>"
        + sheetData + "</sheetData></worksheet>";
}

// A one-sheet workbook: sheet data, optional shared strings and styles parts.
inline Parts workbook(const QByteArray &sheetData, const QByteArray &sharedStrings = {},
                      const QByteArray &styles = {}, bool date1904 = false)
{
    QByteArray rels = "<?xml version=\"1.0\"?><Relationships "
                      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                      "<Relationship Id=\"rId1\" Type=\""
        + RelType + "worksheet\" Target=\"worksheets/sheet1.xml\"/>";
    Parts parts = {{"_rels/.rels", rootRels()}};
    if (!sharedStrings.isEmpty()) {
        rels += "<Relationship Id=\"rId2\" Type=\"" + RelType
            + "sharedStrings\" Target=\"sharedStrings.xml\"/>";
        parts.append(
            {"xl/sharedStrings.xml", "<sst xmlns=\"" + Main + "\">" + sharedStrings + "</sst>"});
    }
    if (!styles.isEmpty()) {
        rels += "<Relationship Id=\"rId3\" Type=\"" + RelType + "styles\" Target=\"styles.xml\"/>";
        parts.append(
            {"xl/styles.xml", "<styleSheet xmlns=\"" + Main + "\">" + styles + "</styleSheet>"});
    }
    rels += "</Relationships>";
    parts.append({"xl/_rels/workbook.xml.rels", rels});
    parts.append({"xl/workbook.xml",
                  "<workbook xmlns=\"" + Main + "\" xmlns:r=\"" + RelNs + "\"><workbookPr"
                      + (date1904 ? " date1904=\"1\"" : "")
                      + "/><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                        "</workbook>"});
    parts.append({"xl/worksheets/sheet1.xml", sheetXml(sheetData)});
    return parts;
}

// The workbook with a <mergeCells> list after the sheet's cells, where Excel writes it.
inline Parts withMergedCells(Parts parts, const QList<QByteArray> &refs)
{
    QByteArray list = "<mergeCells count=\"" + QByteArray::number(refs.size()) + "\">";
    for (const QByteArray &ref : refs)
        list += "<mergeCell ref=\"" + ref + "\"/>";
    list += "</mergeCells>";
    for (auto &[name, data] : parts) {
        if (name == QStringLiteral("xl/worksheets/sheet1.xml"))
            data.replace("</sheetData>", "</sheetData>" + list);
    }
    return parts;
}

inline bool writeZip(const QString &path, const Parts &parts)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return false;
    for (const auto &[name, data] : parts) {
        QuaZipFile file(&zip);
        if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(name))
            || file.write(data) != data.size())
            return false;
        file.close();
    }
    zip.close();
    return zip.getZipError() == 0;
}

} // namespace sluice::test

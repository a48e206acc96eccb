// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/readlimits.h"
#include "models/source/xmlsaxhandler.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

class QuaZip;

namespace sluice {

// One relationship of a part (OPC .rels): its type and its target as a part name in the zip.
struct PackageRelationship
{
    QString id;
    QString type;
    QString target; // resolved against the source part: "xl/worksheets/sheet1.xml"
    bool external = false;
};

// An OOXML package (a zip of XML parts) opened for reading: finds parts by name however the
// zip spells them, follows relationships, and streams a part through a SAX handler within the
// read limits. Refuses what is not a zip with a reason a person understands (an empty file, an
// encrypted workbook, a legacy .xls).
class XlsxPackage
{
public:
    // Called after each inflated chunk with the bytes inflated so far and the declared size;
    // return false to stop (cancel).
    using ChunkCallback = std::function<bool(qint64 inflated, qint64 declared)>;

    XlsxPackage();
    ~XlsxPackage();
    XlsxPackage(const XlsxPackage &) = delete;
    XlsxPackage &operator=(const XlsxPackage &) = delete;

    // Empty on success, else the reason (without the file name).
    QString open(const QString &path, const ReadLimits &limits);

    // The zip entry for a part name, matched case-insensitively; empty when there is none.
    QString entryName(const QString &partName) const;
    bool contains(const QString &partName) const { return !entryName(partName).isEmpty(); }

    // Empty on success, else the reason, naming the part (and the XML line where known).
    QString parsePart(const QString &partName, XmlSaxHandler &handler,
                      const ChunkCallback &afterChunk = {});
    // The relationships of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"); an empty
    // list when it has none.
    QList<PackageRelationship> relationships(const QString &partName, QString *error);

    static QString resolveTarget(const QString &sourcePart, const QString &target);

private:
    QString checkSignature(const QString &path) const;

    std::unique_ptr<QuaZip> m_zip;
    QHash<QString, QString> m_entries; // lower-case part name → zip entry name
    ReadLimits m_limits;
    qint64 m_archiveSize = 0;
};

} // namespace sluice

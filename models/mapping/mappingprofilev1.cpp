// SPDX-License-Identifier: MIT
// Reading version 1 of the mapping profile file and migrating it to the current model.
#include "models/mapping/mappingprofilereader_p.h"

#include <QJsonValue>

#include <utility>

using namespace Qt::StringLiterals;

namespace sluice::profilejson {

namespace {

// Version 1 had one day order for the whole file, in words.
constexpr Spelling<DayOrder> V1DayOrderNames[] = {{DayOrder::Unspecified, u"auto"},
                                                  {DayOrder::DayMonthYear, u"day-first"},
                                                  {DayOrder::MonthDayYear, u"month-first"},
                                                  {DayOrder::YearMonthDay, u"year-first"}};

} // namespace

// Version 1 (Sluice 0.x): a flat map of attribute → header, constants beside it, one day order
// for the whole file, the sheet as a name or a 1-based position, no transforms or value maps.
MappingProfile ProfileReader::readV1(const QJsonObject &root)
{
    dropUnknown(root,
                {u"schemaVersion", u"name", u"savedAt", u"solution", u"resource", u"operation",
                 u"sheet", u"headerRow", u"encoding", u"delimiter", u"dayOrder", u"columns",
                 u"constants", u"ignored", u"headers"});
    MappingProfile profile;
    profile.name = text(root, u"name"_s, true);
    profile.created = profile.modified = time(root, u"savedAt"_s);
    profile.solutionId = text(root, u"solution"_s);
    profile.mapping.resourceId = text(root, u"resource"_s, true);
    profile.operation = choice(root, u"operation"_s, OperationNames, {OperationType::Upsert});
    readV1Sheet(root, profile.reader);
    profile.reader.headerRow = number(root, u"headerRow"_s, 1);
    if (root.contains(u"encoding"_s))
        profile.reader.encoding = choice(root, u"encoding"_s, EncodingNames, {});
    profile.reader.delimiter = character(root, u"delimiter"_s, false);

    Transforms transforms; // v1 had only the file's day order; it now belongs to each attribute
    transforms.dayOrder = choice(root, u"dayOrder"_s, V1DayOrderNames, {DayOrder::Unspecified});
    readV1Sources(root, u"columns"_s, AttributeMapping::Source::Column, transforms, profile);
    readV1Sources(root, u"constants"_s, AttributeMapping::Source::Constant, transforms, profile);
    profile.mapping.ignoredColumns = texts(root, u"ignored"_s);

    // Without the saved header row, the columns the profile names are the best signature left.
    QStringList headers = texts(root, u"headers"_s);
    if (headers.isEmpty()) {
        for (const AttributeMapping &attribute : std::as_const(profile.mapping.attributes))
            headers += attribute.columns;
        headers += profile.mapping.ignoredColumns;
    }
    profile.signature = HeaderSignature::fromHeaders(headers);
    return profile;
}

void ProfileReader::readV1Sheet(const QJsonObject &root, ProfileReaderOptions &reader)
{
    const QJsonValue sheet = root.value(u"sheet"_s);
    if (sheet.isString()) {
        reader.sheetName = sheet.toString();
    } else if (sheet.isDouble()) {
        reader.sheetIndex = number(root, u"sheet"_s, 1).value() - 1;
    } else if (!sheet.isUndefined() && !sheet.isNull()) {
        fail(u"sheet"_s, MappingProfile::tr("must be a sheet name or a position from 1"));
    }
}

void ProfileReader::readV1Sources(const QJsonObject &root, const QString &key,
                                  AttributeMapping::Source source, const Transforms &transforms,
                                  MappingProfile &profile)
{
    const QJsonObject map = child(root, key);
    const Step step(m_path, key);
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (!it.value().isString())
            fail(it.key(), MappingProfile::tr("must be a string"));
        if (profile.mapping.find(it.key()))
            fail(it.key(), MappingProfile::tr("'%1' is mapped twice").arg(it.key()));
        AttributeMapping attribute;
        attribute.attribute = it.key();
        attribute.source = source;
        if (source == AttributeMapping::Source::Column)
            attribute.columns = QStringList {it.value().toString()};
        else
            attribute.constant = it.value().toString();
        attribute.transforms = transforms;
        profile.mapping.attributes.append(attribute);
    }
}

} // namespace sluice::profilejson

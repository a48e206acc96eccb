// SPDX-License-Identifier: MIT
// MappingProfile's JSON: the writer (always the current schema version) and the reader, kept apart
// from the value type so each file stays readable. Version 1 is read in mappingprofilev1.cpp.
#include "models/common/logging.h"
#include "models/mapping/mappingprofilereader_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace sluice {

namespace profilejson {

namespace {

template<typename E, std::size_t N>
QString spell(const Spelling<E> (&table)[N], E value)
{
    for (const Spelling<E> &entry : table) {
        if (entry.value == value)
            return entry.name.toString();
    }
    return {};
}

QString charText(QChar c)
{
    return c.isNull() ? QString() : QString(c);
}

QString utcText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject writeTransforms(const Transforms &t)
{
    QJsonObject valueMap;
    for (auto it = t.valueMap.cbegin(); it != t.valueMap.cend(); ++it)
        valueMap.insert(it.key(), it.value());
    // Every field is written, defaults too: the file then means the same after a default changes.
    return {{u"trim"_s, t.trim},
            {u"case"_s, spell(CaseNames, t.letterCase)},
            {u"valueMap"_s, valueMap},
            {u"dayOrder"_s, spell(DayOrderNames, t.dayOrder)},
            {u"datePattern"_s, t.datePattern},
            {u"decimalSeparator"_s, charText(t.number.decimalSeparator)},
            {u"groupSeparator"_s, charText(t.number.groupSeparator)},
            {u"stripCurrency"_s, t.stripCurrency},
            {u"percent"_s, t.percent},
            {u"timeZone"_s, t.timeZone},
            {u"timestampForm"_s, spell(TimestampNames, t.timestampForm)}};
}

QJsonObject writeAttribute(const AttributeMapping &a)
{
    return {{u"attribute"_s, a.attribute},
            {u"source"_s, spell(SourceNames, a.source)},
            {u"columns"_s, QJsonArray::fromStringList(a.columns)},
            {u"separator"_s, a.separator},
            {u"constant"_s, a.constant},
            {u"default"_s, a.defaultValue},
            {u"transforms"_s, writeTransforms(a.transforms)}};
}

QJsonObject writeReaderOptions(const ProfileReaderOptions &r)
{
    QJsonObject object; // unset options stay out of the file: they are detected again
    if (!r.sheetName.isEmpty())
        object.insert(u"sheetName"_s, r.sheetName);
    if (r.sheetIndex)
        object.insert(u"sheetIndex"_s, *r.sheetIndex);
    if (r.headerRow)
        object.insert(u"headerRow"_s, *r.headerRow);
    if (r.encoding)
        object.insert(u"encoding"_s, spell(EncodingNames, *r.encoding));
    if (r.delimiter)
        object.insert(u"delimiter"_s, charText(*r.delimiter));
    if (r.quote)
        object.insert(u"quote"_s, charText(*r.quote));
    return object;
}

QJsonObject writeProfile(const MappingProfile &p)
{
    QJsonArray attributes;
    for (const AttributeMapping &attribute : p.mapping.attributes)
        attributes.append(writeAttribute(attribute));
    const QJsonObject mapping {
        {u"attributes"_s, attributes},
        {u"ignoredColumns"_s, QJsonArray::fromStringList(p.mapping.ignoredColumns)}};
    const QJsonObject target {{u"solution"_s, p.solutionId},
                              {u"resource"_s, p.mapping.resourceId},
                              {u"operation"_s, spell(OperationNames, p.operation)}};
    return {{u"schemaVersion"_s, MappingProfile::SchemaVersion},
            {u"name"_s, p.name},
            {u"created"_s, utcText(p.created)},
            {u"modified"_s, utcText(p.modified)},
            {u"reader"_s, writeReaderOptions(p.reader)},
            {u"target"_s, target},
            {u"mapping"_s, mapping},
            {u"headerSignature"_s,
             QJsonObject {{u"names"_s, QJsonArray::fromStringList(p.signature.names)}}}};
}

QString lineAndColumn(const QByteArray &json, qsizetype offset)
{
    const QByteArray before = json.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return MappingProfile::tr("line %1, column %2").arg(line).arg(column);
}

} // namespace

void ProfileReader::fail(const QString &key, const QString &problem) const
{
    QStringList steps = m_path;
    if (!key.isEmpty())
        steps.append(key);
    // Array indices attach to their name: "attributes[3]", not "attributes.[3]".
    const QString where = steps.join(u'.').replace(u".["_s, u"["_s);
    throw FormatError {where.isEmpty() ? u"%1: %2"_s.arg(m_sourceName, problem)
                                       : u"%1: %2: %3"_s.arg(m_sourceName, where, problem)};
}

void ProfileReader::dropUnknown(const QJsonObject &object,
                                std::initializer_list<QStringView> known) const
{
    // Fields this version does not know (a newer minor addition, or something pasted in by
    // hand such as a token) are not kept, so saving the profile again removes them. Only the
    // name is logged: the value might be a secret.
    for (const QString &key : object.keys()) {
        if (std::find(known.begin(), known.end(), key) == known.end())
            qCInfo(lcProfiles) << m_sourceName << "ignores the unknown field" << key;
    }
}

QString ProfileReader::text(const QJsonObject &o, const QString &key, bool required) const
{
    const QJsonValue value = o.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(key, MappingProfile::tr("missing"));
        return {};
    }
    if (!value.isString())
        fail(key, MappingProfile::tr("must be a string"));
    if (required && value.toString().trimmed().isEmpty())
        fail(key, MappingProfile::tr("must not be empty"));
    return value.toString();
}

bool ProfileReader::flag(const QJsonObject &o, const QString &key, bool fallback) const
{
    const QJsonValue value = o.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isBool())
        fail(key, MappingProfile::tr("must be true or false"));
    return value.toBool();
}

std::optional<int> ProfileReader::number(const QJsonObject &o, const QString &key,
                                         int minimum) const
{
    const QJsonValue value = o.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != std::floor(number) || number < minimum || number > 1e6)
        fail(key, MappingProfile::tr("must be a whole number from %1").arg(minimum));
    return static_cast<int>(number);
}

std::optional<QChar> ProfileReader::character(const QJsonObject &o, const QString &key,
                                              bool allowNone) const
{
    if (!o.contains(key) || o.value(key).isNull())
        return std::nullopt;
    const QString value = text(o, key);
    if (value.size() > 1 || (value.isEmpty() && !allowNone))
        fail(key, MappingProfile::tr("must be a single character, not '%1'").arg(value));
    return value.isEmpty() ? QChar() : value.front();
}

QStringList ProfileReader::texts(const QJsonObject &o, const QString &key) const
{
    const QJsonValue value = o.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray())
        fail(key, MappingProfile::tr("must be a list of strings"));
    const QJsonArray array = value.toArray();
    QStringList list;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString())
            fail(u"%1[%2]"_s.arg(key).arg(i), MappingProfile::tr("must be a string"));
        list.append(array.at(i).toString());
    }
    return list;
}

QJsonObject ProfileReader::child(const QJsonObject &o, const QString &key, bool required) const
{
    const QJsonValue value = o.value(key);
    if (!required && (value.isUndefined() || value.isNull()))
        return {};
    if (value.isUndefined())
        fail(key, MappingProfile::tr("missing"));
    if (!value.isObject())
        fail(key, MappingProfile::tr("must be a JSON object"));
    return value.toObject();
}

QDateTime ProfileReader::time(const QJsonObject &o, const QString &key) const
{
    const QString value = text(o, key);
    if (value.isEmpty())
        return {};
    const QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid())
        fail(key, MappingProfile::tr("'%1' is not an ISO-8601 date and time").arg(value));
    return time.toUTC();
}

MappingProfile ProfileReader::read(const QJsonObject &root)
{
    const QJsonValue version = root.value(u"schemaVersion"_s);
    if (version.isUndefined())
        fail(u"schemaVersion"_s, MappingProfile::tr("missing: this is not a Sluice profile"));
    const double number = version.toDouble(-1);
    if (!version.isDouble() || number != std::floor(number))
        fail(u"schemaVersion"_s, MappingProfile::tr("must be a whole number"));
    if (number > MappingProfile::SchemaVersion) {
        fail(u"schemaVersion"_s,
             MappingProfile::tr("version %1 was written by a newer Sluice; this one reads "
                                "versions 1 to %2")
                 .arg(number)
                 .arg(MappingProfile::SchemaVersion));
    }
    if (number == 1)
        return readV1(root);
    if (number == 2)
        return readV2(root);
    fail(u"schemaVersion"_s, MappingProfile::tr("unknown version %1").arg(number));
}

MappingProfile ProfileReader::readV2(const QJsonObject &root)
{
    dropUnknown(root,
                {u"schemaVersion", u"name", u"created", u"modified", u"reader", u"target",
                 u"mapping", u"headerSignature"});
    MappingProfile profile;
    profile.name = text(root, u"name"_s, true);
    profile.created = time(root, u"created"_s);
    profile.modified = time(root, u"modified"_s);
    {
        const Step step(m_path, u"reader"_s);
        profile.reader = readReaderOptions(child(root, u"reader"_s));
    }
    const QJsonObject target = child(root, u"target"_s, true);
    {
        const Step step(m_path, u"target"_s);
        dropUnknown(target, {u"solution", u"resource", u"operation"});
        profile.solutionId = text(target, u"solution"_s);
        profile.mapping.resourceId = text(target, u"resource"_s, true);
        profile.operation = choice(target, u"operation"_s, OperationNames, {});
    }
    const QJsonObject mapping = child(root, u"mapping"_s, true);
    {
        const Step step(m_path, u"mapping"_s);
        readMapping(mapping, profile.mapping);
    }
    const QJsonObject signature = child(root, u"headerSignature"_s);
    const Step step(m_path, u"headerSignature"_s);
    dropUnknown(signature, {u"names"});
    // Normalised again: a hand-edited name must still compare like a computed one.
    profile.signature = HeaderSignature::fromHeaders(texts(signature, u"names"_s));
    return profile;
}

void ProfileReader::readMapping(const QJsonObject &o, Mapping &mapping)
{
    dropUnknown(o, {u"attributes", u"ignoredColumns"});
    const QJsonValue attributes = o.value(u"attributes"_s);
    if (!attributes.isArray())
        fail(u"attributes"_s, MappingProfile::tr("must be a list"));
    const QJsonArray array = attributes.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const Step step(m_path, u"attributes[%1]"_s.arg(i));
        if (!array.at(i).isObject())
            fail({}, MappingProfile::tr("must be a JSON object"));
        const AttributeMapping attribute = readAttribute(array.at(i).toObject());
        if (mapping.find(attribute.attribute))
            fail(u"attribute"_s,
                 MappingProfile::tr("'%1' is mapped twice").arg(attribute.attribute));
        mapping.attributes.append(attribute);
    }
    mapping.ignoredColumns = texts(o, u"ignoredColumns"_s);
}

AttributeMapping ProfileReader::readAttribute(const QJsonObject &o)
{
    dropUnknown(o,
                {u"attribute", u"source", u"columns", u"separator", u"constant", u"default",
                 u"transforms"});
    AttributeMapping a;
    a.attribute = text(o, u"attribute"_s, true);
    a.source = choice(o, u"source"_s, SourceNames, {});
    a.columns = texts(o, u"columns"_s);
    if (a.source == AttributeMapping::Source::Column && a.columns.size() != 1)
        fail(u"columns"_s, MappingProfile::tr("a column mapping reads exactly one column"));
    if (a.source == AttributeMapping::Source::Joined && a.columns.isEmpty())
        fail(u"columns"_s, MappingProfile::tr("a joined mapping needs its columns"));
    if (o.contains(u"separator"_s))
        a.separator = text(o, u"separator"_s);
    a.constant = text(o, u"constant"_s);
    a.defaultValue = text(o, u"default"_s);
    const Step step(m_path, u"transforms"_s);
    a.transforms = readTransforms(child(o, u"transforms"_s));
    return a;
}

Transforms ProfileReader::readTransforms(const QJsonObject &o)
{
    dropUnknown(o,
                {u"trim", u"case", u"valueMap", u"dayOrder", u"datePattern", u"decimalSeparator",
                 u"groupSeparator", u"stripCurrency", u"percent", u"timeZone", u"timestampForm"});
    Transforms t;
    t.trim = flag(o, u"trim"_s, t.trim);
    t.letterCase = choice(o, u"case"_s, CaseNames, {t.letterCase});
    t.valueMap = readValueMap(o);
    t.dayOrder = choice(o, u"dayOrder"_s, DayOrderNames, {t.dayOrder});
    t.datePattern = text(o, u"datePattern"_s);
    t.number.decimalSeparator
        = character(o, u"decimalSeparator"_s, false).value_or(t.number.decimalSeparator);
    t.number.groupSeparator
        = character(o, u"groupSeparator"_s, true).value_or(t.number.groupSeparator);
    if (t.number.decimalSeparator == t.number.groupSeparator)
        fail(u"groupSeparator"_s, MappingProfile::tr("must differ from the decimal separator"));
    t.stripCurrency = flag(o, u"stripCurrency"_s, t.stripCurrency);
    t.percent = flag(o, u"percent"_s, t.percent);
    t.timeZone = text(o, u"timeZone"_s);
    t.timestampForm = choice(o, u"timestampForm"_s, TimestampNames, {t.timestampForm});
    return t;
}

QHash<QString, QString> ProfileReader::readValueMap(const QJsonObject &o)
{
    const QJsonObject map = child(o, u"valueMap"_s);
    QHash<QString, QString> result;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (!it.value().isString())
            fail(u"valueMap['%1']"_s.arg(it.key()), MappingProfile::tr("must be a string"));
        result.insert(it.key(), it.value().toString());
    }
    return result;
}

ProfileReaderOptions ProfileReader::readReaderOptions(const QJsonObject &o)
{
    dropUnknown(o,
                {u"sheetName", u"sheetIndex", u"headerRow", u"encoding", u"delimiter", u"quote"});
    ProfileReaderOptions r;
    r.sheetName = text(o, u"sheetName"_s);
    r.sheetIndex = number(o, u"sheetIndex"_s, 0);
    r.headerRow = number(o, u"headerRow"_s, 1);
    if (o.contains(u"encoding"_s))
        r.encoding = choice(o, u"encoding"_s, EncodingNames, {});
    r.delimiter = character(o, u"delimiter"_s, false);
    r.quote = character(o, u"quote"_s, true);
    return r;
}

} // namespace profilejson

QByteArray MappingProfile::toJson() const
{
    return QJsonDocument(profilejson::writeProfile(*this)).toJson(QJsonDocument::Indented);
}

Result<MappingProfile> MappingProfile::fromJson(const QByteArray &json, const QString &sourceName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error {tr("%1: not valid JSON at %2: %3")
                          .arg(sourceName, profilejson::lineAndColumn(json, parseError.offset),
                               parseError.errorString())};
    }
    if (!document.isObject())
        return Error {tr("%1: a profile must be a JSON object").arg(sourceName)};
    try {
        return profilejson::ProfileReader(sourceName).read(document.object());
    } catch (const profilejson::FormatError &error) {
        return Error {error.message};
    }
}

} // namespace sluice

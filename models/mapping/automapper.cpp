// SPDX-License-Identifier: MIT
#include "models/mapping/automapper.h"

#include "models/mapping/headernormaliser.h"
#include "models/mapping/synonyms.h"
#include "models/mapping/valueevidence.h"

#include <algorithm>
#include <cmath>

namespace sluice {

namespace {

// Strengths of the header rules, strongest first. The gaps leave room for value evidence
// (at most +0.15) without letting a weaker rule overtake a stronger one for long.
constexpr double ExactScore = 1.0;
constexpr double NormalisedScore = 0.95;
constexpr double ExpandedScore = 0.9;
constexpr double SynonymScore = 0.85;
constexpr double EntityScore = 0.8;
constexpr double PartialSynonymBase = 0.6;
constexpr double SimilarityScale = 0.8;

// Two decimals are all a person reads, and rounding keeps sums like 0.85 + 0.1 stable.
double rounded(double value)
{
    return std::round(std::clamp(value, 0.0, 1.0) * 100.0) / 100.0;
}

QString percent(double confidence)
{
    return QString::number(confidence, 'f', 2);
}

double weight(const QString &stem)
{
    return Synonyms::isGeneric(stem) ? 0.5 : 1.0;
}

double weightOf(const QStringList &stems)
{
    double total = 0;
    for (const QString &stem : stems)
        total += weight(stem);
    return total;
}

// "'ship' and 'date'", "'a', 'b' and 'c'"
QString quotedList(const QStringList &words)
{
    QStringList quoted;
    for (const QString &word : words)
        quoted.append(u'\'' + word + u'\'');
    if (quoted.size() < 2)
        return quoted.join(QString());
    const QString last = quoted.takeLast();
    return Automapper::tr("%1 and %2").arg(quoted.join(QStringLiteral(", ")), last);
}

QStringList withoutEntity(const QStringList &stems, const QString &entity)
{
    if (stems.size() > 1 && stems.front() == entity)
        return stems.mid(1);
    return stems;
}

// A saved mapping names columns of last month's file: the exact name first, then the same name
// in another case or spacing.
qsizetype findColumn(const QList<SourceColumn> &columns, const QString &name)
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name == name)
            return i;
    }
    const QStringList words = HeaderNormaliser::words(name);
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (!words.isEmpty() && HeaderNormaliser::words(columns.at(i).name) == words)
            return i;
    }
    return -1;
}

const QStringList &valuesOf(const SourceColumn &column)
{
    return column.values.isEmpty() ? column.profile.samples : column.values;
}

} // namespace

struct Automapper::Pair
{
    qsizetype attribute;
    qsizetype column;
    double confidence;
    QString reason;
};

Automapper::Automapper(const Resource &resource)
    : m_resource(resource)
{
    const QStringList noun = HeaderNormaliser::stems(resource.objectName);
    m_entity = noun.isEmpty() ? QString() : noun.back();
}

void Automapper::setSavedMapping(const Mapping &saved)
{
    m_saved = saved;
}

std::optional<Automapper::Candidate> Automapper::headerMatch(const Attribute &attribute,
                                                             const QString &header) const
{
    const QString &name = attribute.name;
    if (header == name)
        return Candidate {ExactScore, tr("header '%1' is exactly '%2'").arg(header, name)};
    const QStringList words = HeaderNormaliser::words(header);
    if (!words.isEmpty() && words == HeaderNormaliser::words(name))
        return Candidate {NormalisedScore,
                          tr("header '%1' matches '%2' after normalising").arg(header, name)};
    const QStringList stems = HeaderNormaliser::stems(header);
    const QStringList attributeStems = HeaderNormaliser::stems(name);
    if (!stems.isEmpty() && stems == attributeStems)
        return Candidate {
            ExpandedScore,
            tr("header '%1' matches '%2' once abbreviations and word endings are normalised")
                .arg(header, name)};
    if (Synonyms::match(name, header).size() > 0)
        return Candidate {SynonymScore, tr("header '%1' is a synonym of %2").arg(header, name)};
    const QStringList shortHeader = withoutEntity(stems, m_entity);
    const QStringList shortAttribute = withoutEntity(attributeStems, m_entity);
    if (!stems.isEmpty() && shortHeader == shortAttribute
        && (shortHeader.size() < stems.size() || shortAttribute.size() < attributeStems.size()))
        return Candidate {
            EntityScore,
            tr("header '%1' matches '%2' within %3").arg(header, name, m_resource.displayName)};
    const std::optional<Candidate> partial = partialSynonym(attribute, header);
    const std::optional<Candidate> shared = similarity(attribute, header);
    if (partial && (!shared || partial->confidence >= shared->confidence))
        return partial;
    return shared;
}

std::optional<Automapper::Candidate> Automapper::partialSynonym(const Attribute &attribute,
                                                                const QString &header) const
{
    const QString phrase = Synonyms::partOf(attribute.name, header);
    if (phrase.isEmpty())
        return std::nullopt;
    const QStringList stems = HeaderNormaliser::stems(header);
    const double share = static_cast<double>(HeaderNormaliser::stems(phrase).size())
        / static_cast<double>(std::max<qsizetype>(1, stems.size()));
    double confidence = PartialSynonymBase + 0.2 * share;
    if (Synonyms::headsConflict(stems, HeaderNormaliser::stems(attribute.name)))
        confidence /= 2;
    return Candidate {
        confidence,
        tr("header '%1' contains '%2', a synonym of %3").arg(header, phrase, attribute.name)};
}

std::optional<Automapper::Candidate> Automapper::similarity(const Attribute &attribute,
                                                            const QString &header) const
{
    const QStringList stems = HeaderNormaliser::stems(header);
    const QStringList words = HeaderNormaliser::canonical(attribute.name);
    QStringList attributeStems;
    QStringList sharedWords;
    QStringList sharedStems;
    for (const QString &word : words) {
        const QString stem = HeaderNormaliser::stem(word);
        if (stem == u"at") // created_at, updated_at: the suffix says "timestamp", nothing more
            continue;
        attributeStems.append(stem);
        if (stems.contains(stem) && !sharedStems.contains(stem)) {
            sharedStems.append(stem);
            sharedWords.append(word);
        }
    }
    if (sharedStems.isEmpty())
        return std::nullopt;
    const double dice = 2 * weightOf(sharedStems) / (weightOf(stems) + weightOf(attributeStems));
    double confidence = SimilarityScale * dice;
    if (Synonyms::headsConflict(stems, attributeStems))
        confidence /= 2;
    return Candidate {
        confidence,
        tr("header '%1' shares %2 with '%3'").arg(header, quotedList(sharedWords), attribute.name)};
}

std::optional<Automapper::Candidate> Automapper::score(const Attribute &attribute,
                                                       const SourceColumn &column) const
{
    const QStringList &values = valuesOf(column);
    return scoreWithShape(attribute, column, values, ValueShape::of(values));
}

std::optional<Automapper::Candidate> Automapper::scoreWithShape(const Attribute &attribute,
                                                                const SourceColumn &column,
                                                                const QStringList &values,
                                                                const ValueShape &shape) const
{
    const std::optional<Candidate> header = headerMatch(attribute, column.name.trimmed());
    if (!header) {
        // Without a header match only an enum's allowed values are specific enough to go on.
        const std::optional<Evidence> members
            = ValueEvidence::enumAlone(attribute, column.name, values, shape);
        if (!members)
            return std::nullopt;
        return Candidate {members->adjustment, members->reason};
    }
    const Evidence evidence = ValueEvidence::judge(attribute, shape, values);
    Candidate result {rounded(header->confidence + evidence.adjustment), header->reason};
    if (!evidence.reason.isEmpty())
        result.reason = tr("%1; %2").arg(header->reason, evidence.reason);
    return result;
}

QList<Automapper::Pair> Automapper::candidates(const QList<SourceColumn> &columns,
                                               const QList<bool> &usable,
                                               const Mapping &mapping) const
{
    QList<ValueShape> shapes;
    for (const SourceColumn &column : columns)
        shapes.append(ValueShape::of(valuesOf(column)));
    QList<Pair> pairs;
    for (qsizetype a = 0; a < m_resource.attributes.size(); ++a) {
        if (mapping.attributes.at(a).isMapped())
            continue;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            if (!usable.at(c))
                continue;
            const std::optional<Candidate> candidate = scoreWithShape(
                m_resource.attributes.at(a), columns.at(c), valuesOf(columns.at(c)), shapes.at(c));
            if (candidate && candidate->confidence > 0)
                pairs.append({a, c, candidate->confidence, candidate->reason});
        }
    }
    // Strongest first; ties go by the resource's attribute order and the column's name, never
    // by the column's position, so reordering a file's columns cannot change the proposal.
    std::sort(pairs.begin(), pairs.end(), [&columns](const Pair &x, const Pair &y) {
        if (x.confidence != y.confidence)
            return x.confidence > y.confidence;
        if (x.attribute != y.attribute)
            return x.attribute < y.attribute;
        const int byName = columns.at(x.column).name.compare(columns.at(y.column).name);
        return byName != 0 ? byName < 0 : x.column < y.column;
    });
    return pairs;
}

void Automapper::applySaved(const QList<SourceColumn> &columns, Mapping &mapping, QList<bool> &used,
                            QList<bool> &usable) const
{
    if (!m_saved)
        return;
    for (const QString &ignored : m_saved->ignoredColumns) {
        const qsizetype c = findColumn(columns, ignored);
        if (c >= 0 && usable.at(c)) {
            usable[c] = false;
            mapping.ignoredColumns.append(columns.at(c).name);
        }
    }
    for (const AttributeMapping &saved : m_saved->attributes) {
        const qsizetype a = m_resource.attributeIndex(saved.attribute);
        if (a < 0 || saved.source == AttributeMapping::Source::Unmapped)
            continue;
        QStringList found;
        QList<qsizetype> indexes;
        for (const QString &name : saved.columns) {
            const qsizetype c = findColumn(columns, name);
            if (c >= 0 && usable.at(c)) {
                found.append(columns.at(c).name);
                indexes.append(c);
            }
        }
        if (found.size() != saved.columns.size())
            continue; // a column the saved mapping needs is gone: map this attribute afresh
        AttributeMapping &target = mapping.attributes[a];
        target = saved;
        target.attribute = m_resource.attributes.at(a).name;
        target.columns = found;
        target.confidence = ExactScore;
        if (saved.source == AttributeMapping::Source::Constant)
            target.reason
                = tr("the saved mapping sets %1 to '%2'").arg(target.attribute, saved.constant);
        else
            target.reason = tr("column %1 fed %2 in the saved mapping")
                                .arg(quotedList(found), target.attribute);
        for (const qsizetype c : indexes)
            used[c] = true;
    }
}

QString Automapper::unmappedReason(const Attribute &attribute, const QList<Pair> &pairs,
                                   const QList<SourceColumn> &columns, const Mapping &mapping) const
{
    const qsizetype a = m_resource.attributeIndex(attribute.name);
    const auto best = std::find_if(pairs.begin(), pairs.end(),
                                   [a](const Pair &pair) { return pair.attribute == a; });
    if (best == pairs.end())
        return tr("no column's header or values resemble %1").arg(attribute.name);
    const QString &column = columns.at(best->column).name;
    if (best->confidence >= m_threshold) {
        QString owner;
        for (const AttributeMapping &other : mapping.attributes) {
            if (other.isMapped() && other.columns.contains(column))
                owner = other.attribute;
        }
        return tr("the best candidate, column '%1' (%2), went to %3 instead")
            .arg(column, percent(best->confidence), owner);
    }
    return tr("no column fits well enough; the best candidate was '%1' at %2: %3")
        .arg(column, percent(best->confidence), best->reason);
}

AutomapResult Automapper::propose(const QList<SourceColumn> &columns) const
{
    AutomapResult result;
    Mapping &mapping = result.mapping;
    mapping.resourceId = m_resource.id;
    for (const Attribute &attribute : m_resource.attributes) {
        AttributeMapping entry;
        entry.attribute = attribute.name;
        mapping.attributes.append(entry);
    }
    QList<bool> used(columns.size(), false);
    QList<bool> usable(columns.size(), true);
    applySaved(columns, mapping, used, usable);

    const QList<Pair> pairs = candidates(columns, usable, mapping);
    for (const Pair &pair : pairs) {
        AttributeMapping &target = mapping.attributes[pair.attribute];
        if (pair.confidence < m_threshold)
            break;
        if (target.isMapped() || used.at(pair.column))
            continue;
        target.source = AttributeMapping::Source::Column;
        target.columns = {columns.at(pair.column).name};
        target.confidence = pair.confidence;
        target.reason = pair.reason;
        used[pair.column] = true;
    }
    for (qsizetype a = 0; a < m_resource.attributes.size(); ++a) {
        AttributeMapping &target = mapping.attributes[a];
        const Attribute &attribute = m_resource.attributes.at(a);
        if (target.isMapped())
            continue;
        target.reason = unmappedReason(attribute, pairs, columns, mapping);
        if (attribute.isRequired())
            result.unmappedRequired.append(attribute.name);
    }
    for (qsizetype c = 0; c < columns.size(); ++c) {
        if (!used.at(c) && usable.at(c))
            result.unusedColumns.append(columns.at(c).name);
    }
    return result;
}

} // namespace sluice

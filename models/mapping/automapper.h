// SPDX-License-Identifier: MIT
#pragma once

#include "models/mapping/mapping.h"
#include "models/schema/resource.h"
#include "models/source/columnprofile.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sluice {

struct ValueShape;

// One column of the source file as the automapper sees it.
struct SourceColumn
{
    QString name;          // the repaired header: unique within the file
    ColumnProfile profile; // kind and a few samples
    // More sample values (up to a few hundred, empty cells allowed) for stronger value
    // evidence; empty: profile.samples are used.
    QStringList values;
};

// The proposal and what it leaves open.
struct AutomapResult
{
    Mapping mapping;              // one AttributeMapping per attribute, in the resource's order
    QStringList unmappedRequired; // required attributes with no source, in the resource's order
    QStringList unusedColumns;    // columns feeding nothing and not ignored, in the file's order
};

// Proposes a source column for each attribute of a resource, and says why. Header evidence comes
// first (exact, normalised, abbreviations expanded, synonyms, the resource's own noun left out,
// shared words), the values then raise or lower it (dates for dates, numbers for numbers,
// members of an enum), and a saved mapping's choices beat all of them. Columns are matched by
// name and values only, never by position, and each column feeds at most one attribute: the
// strongest pairs are taken first, so a loser falls back to its next best column or stays
// unmapped. Below the threshold an attribute stays unmapped and its reason names the best weak
// candidate, because a silent wrong mapping is worse than a gap the user fills.
class Automapper
{
    Q_DECLARE_TR_FUNCTIONS(Automapper)

public:
    static constexpr double DefaultThreshold = 0.5;

    explicit Automapper(const Resource &resource);

    // Columns named in this mapping are looked for first; its transforms and ignored columns are
    // kept. Attributes of other resources are skipped.
    void setSavedMapping(const Mapping &saved);
    void setThreshold(double threshold) { m_threshold = threshold; }
    double threshold() const { return m_threshold; }

    AutomapResult propose(const QList<SourceColumn> &columns) const;

    // The pair's confidence and reason before any conflict is resolved; nullopt when the header
    // and values say nothing at all. Public so that a UI can explain an alternative.
    struct Candidate
    {
        double confidence = 0;
        QString reason;
    };
    std::optional<Candidate> score(const Attribute &attribute, const SourceColumn &column) const;

private:
    struct Pair;
    QList<Pair> candidates(const QList<SourceColumn> &columns, const QList<bool> &usable,
                           const Mapping &mapping) const;
    std::optional<Candidate> scoreWithShape(const Attribute &attribute, const SourceColumn &column,
                                            const QStringList &values,
                                            const ValueShape &shape) const;
    std::optional<Candidate> headerMatch(const Attribute &attribute, const QString &header) const;
    std::optional<Candidate> similarity(const Attribute &attribute, const QString &header) const;
    std::optional<Candidate> partialSynonym(const Attribute &attribute,
                                            const QString &header) const;
    std::optional<Candidate> enumOnly(const Attribute &attribute, const SourceColumn &column,
                                      const QStringList &values, const ValueShape &shape) const;
    void applySaved(const QList<SourceColumn> &columns, Mapping &mapping, QList<bool> &used,
                    QList<bool> &usable) const;
    QString unmappedReason(const Attribute &attribute, const QList<Pair> &pairs,
                           const QList<SourceColumn> &columns, const Mapping &mapping) const;

    Resource m_resource;
    std::optional<Mapping> m_saved;
    double m_threshold = DefaultThreshold;
    QString m_entity; // stem of the resource's noun: "location" for INV.LOCATIONS
};

} // namespace sluice

// SPDX-License-Identifier: MIT
#pragma once

#include "models/mapping/mapping.h"
#include "models/schema/attribute.h"
#include "models/validation/cellvaluebuilder.h"
#include "models/validation/issueindex.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace sluice {

// The fixes the Review page offers for one issue group (one cause), as pure functions: which
// fixes fit a group, the mapping each one makes, what it would do to the group's values, and the
// name of its undo step. A fix other than excluding rows is a new mapping for the session
// (ImportSession::changeMapping), so it applies to every row, now and in next month's file once
// the mapping is saved in a profile, and re-checks only the rows whose values change.
//
// Values are the issues' source texts (IssueIndex::valuesOf()): as the file writes them, before
// trim and case. A value map is keyed by the text after trim and case (the transforms' order), so
// withValueMap() turns each value into its key first.
class BulkFix
{
    Q_DECLARE_TR_FUNCTIONS(BulkFix)

public:
    enum class Kind {
        MapValues,     // each distinct bad value to an allowed one (Transforms::valueMap)
        ReformatDates, // a day order or an explicit pattern (Transforms::dayOrder, datePattern)
        Trim,          // spaces around values (Transforms::trim)
        ChangeCase,    // Transforms::letterCase
        FillEmpty,     // a value for empty cells (AttributeMapping::defaultValue)
        ExcludeRows,   // the group's rows are left out of the upload
    };

    // What the user chose in the fix's editor: the fields of its kind are read, the rest ignored.
    struct Choice
    {
        Kind kind = Kind::ExcludeRows;
        QHash<QString, QString> valueMap; // MapValues: source text → target; empty target: skip
        DayOrder dayOrder = DayOrder::Unspecified; // ReformatDates
        QString datePattern;                       // ReformatDates; wins over the day order
        Transforms::Case letterCase = Transforms::Case::Lower; // ChangeCase
        QString fillValue;                                     // FillEmpty
    };

    // A value that would still be refused after the fix.
    struct Invalid
    {
        QString value;
        qsizetype cells = 0;
        QString reason;
    };

    // The effect of a fix on the group's values, computed over its distinct values (no row scan).
    struct Preview
    {
        qsizetype cells = 0;         // the group's cells
        qsizetype fixedCells = 0;    // valid after the fix
        qsizetype values = 0;        // distinct values
        qsizetype fixedValues = 0;   // distinct values valid after the fix
        QList<Invalid> stillInvalid; // most frequent first

        // "✓ Fixes 412 of 412 cells (9 values)"; "Fixes 409 of 412 cells (8 of 9 values).
        // ✖ Still invalid: 'Shpd' (3 cells)".
        QString text() const;
    };

    // The fixes that fit group (of attribute), most fitting first; ExcludeRows is always last.
    // current: the attribute's mapping now (null: a column with the default transforms), which
    // decides whether trimming would help and whether a default value can apply.
    static QList<Kind> offeredFor(const IssueGroup &group, const Attribute &attribute,
                                  const AttributeMapping *current = nullptr);
    // "Map values to allowed ones", "Read the dates in another order", …
    static QString kindName(Kind kind);

    // The mapping with one attribute's transforms changed; mapping itself when it lacks the
    // attribute. Pure: the session applies the result as one undo step.
    static Mapping withValueMap(const Mapping &mapping, const QString &attribute,
                                const QHash<QString, QString> &valueMap);
    static Mapping withDateFormat(const Mapping &mapping, const QString &attribute,
                                  DayOrder dayOrder, const QString &pattern);
    static Mapping withTrim(const Mapping &mapping, const QString &attribute, bool trim = true);
    static Mapping withCase(const Mapping &mapping, const QString &attribute,
                            Transforms::Case letterCase);
    static Mapping withDefault(const Mapping &mapping, const QString &attribute,
                               const QString &value);
    // The fix of choice (not ExcludeRows, which leaves the mapping as it is).
    static Mapping withChoice(const Mapping &mapping, const QString &attribute,
                              const Choice &choice);
    // The same on one attribute's mapping: source texts become keys under its trim and case;
    // an empty target, or one equal to its key, is left out; the rest join the existing map.
    static AttributeMapping withValueMap(AttributeMapping mapping,
                                         const QHash<QString, QString> &valueMap);
    static AttributeMapping withChoice(AttributeMapping mapping, const Choice &choice);

    // The text the value map looks up for a source text: after trim and case.
    static QString valueMapKey(const Transforms &transforms, const QString &text);

    // The effect of proposed on values (the group's distinct values with their cells).
    static Preview preview(const AttributeMapping &proposed, const Attribute &attribute,
                           const QList<QPair<QString, qsizetype>> &values);
    // Why text would still be refused by the local checks under builder (type, format, enum,
    // required, not null); nullopt when it would be valid. References are not checked here.
    static std::optional<QString> remainingProblem(const CellValueBuilder &builder,
                                                   const Attribute &attribute, const QString &text);

    // An allowed value for a bad one: the enum value equal but for case and spaces, one or two
    // edits away, or the only one that starts with it ("pend" → "pending"); empty when none fits.
    static QString suggestTarget(const QString &bad, const Attribute &attribute);
    // The day order (or case) that makes most of values valid, for the editor's first choice.
    static DayOrder suggestDayOrder(const AttributeMapping &current, const Attribute &attribute,
                                    const QList<QPair<QString, qsizetype>> &values);
    static Transforms::Case suggestCase(const AttributeMapping &current, const Attribute &attribute,
                                        const QList<QPair<QString, qsizetype>> &values);

    // The undo step's name: "Map 9 values of quote_status", "Read order_date as
    // day/month/year", …
    static QString description(const QString &attribute, const Choice &choice);
    // "day/month/year", "month/day/year", "year/month/day", "unambiguous dates only".
    static QString dayOrderName(DayOrder order);
};

} // namespace sluice

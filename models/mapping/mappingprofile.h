// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/mapping/mapping.h"
#include "models/schema/attributetype.h"
#include "models/source/csvoptions.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace sluice {

// A fingerprint of a file's header row that survives reordering, case, spacing and punctuation
// changes, so a profile can be recognised on next month's file even when a column moved, was
// renamed or was added. Part of a profile, and computed from any file's headers to compare.
struct HeaderSignature
{
    QStringList names; // normalised, sorted, unique

    static HeaderSignature fromHeaders(const QStringList &headers);
    // "Order No." → "order no"; "OrderDate" and "order_date" → "order date".
    static QString normalise(const QString &header);

    bool isEmpty() const { return names.isEmpty(); }
    // A short stable hash of the names: equal for files whose headers differ only in order or
    // spelling noise, for a quick "exactly this layout" check.
    QString fingerprint() const;
    // Weighted Jaccard similarity (0 to 1) between this (a profile's) signature and a file's.
    // Names in `mappedColumns` (the columns the profile's mapping reads) weigh more than the
    // rest: losing the order id column matters, losing a comment column hardly does.
    double similarity(const HeaderSignature &file, const QStringList &mappedColumns) const;

    friend bool operator==(const HeaderSignature &, const HeaderSignature &) = default;
};

// How the file was read when the profile was saved. Every part is optional: unset parts are
// detected again (or left to the reader's default) when the profile is applied.
struct ProfileReaderOptions
{
    QString sheetName;             // wins over sheetIndex when the workbook still has it
    std::optional<int> sheetIndex; // 0-based
    std::optional<int> headerRow;  // 1-based, as the spreadsheet shows it
    std::optional<TextEncoding> encoding;
    std::optional<QChar> delimiter; // CSV only
    std::optional<QChar> quote;     // CSV only; QChar(): quotes are plain text

    friend bool operator==(const ProfileReaderOptions &, const ProfileReaderOptions &) = default;
};

// A saved mapping an analyst re-applies to next month's file. Holds no credentials: only what
// describes the file and the target, so a profile can be mailed to a colleague safely.
struct MappingProfile
{
    Q_DECLARE_TR_FUNCTIONS(MappingProfile)

public:
    static constexpr int SchemaVersion = 2;

    QString name;       // what the user sees; also how the store finds the profile
    QDateTime created;  // UTC
    QDateTime modified; // UTC
    ProfileReaderOptions reader;
    QString solutionId; // "INV"
    OperationType operation = OperationType::Upsert;
    // The resource is mapping.resourceId. Confidence and reason of each attribute mapping are not
    // saved: they describe one automapper run, and applying the profile states its own reason.
    Mapping mapping;
    HeaderSignature signature;

    QString resourceId() const { return mapping.resourceId; }
    // Normalised names of the columns the mapping reads (for the signature's weights).
    QStringList mappedColumns() const;
    // How much `headers` look like the file this profile was made for (0 to 1).
    double similarity(const QStringList &headers) const;

    // Always writes the current schema version.
    QByteArray toJson() const;
    // Reads the current and every older version (migrating them); refuses newer versions and
    // malformed files with "<sourceName>: <json path>: <problem>". Unknown fields are dropped.
    static Result<MappingProfile> fromJson(const QByteArray &json, const QString &sourceName);
    static Result<MappingProfile> load(const QString &path);

    friend bool operator==(const MappingProfile &, const MappingProfile &) = default;
};

} // namespace sluice

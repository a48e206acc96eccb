// SPDX-License-Identifier: MIT
#pragma once

#include "models/mapping/valueformats.h"
#include "models/upload/uploadsettings.h"

#include <QCoreApplication>
#include <QString>

class QSettings;

namespace sluice {

// The user's settings (the Settings dialog): how uploads are cut and paced, the ingest path
// template, how timestamps are written, the language and the catalogue in use. Kept with
// QSettings; a value out of range read back from disk falls back to its default.
struct Preferences
{
    Q_DECLARE_TR_FUNCTIONS(Preferences)

public:
    // What the API and Qt allow; the dialog offers exactly these ranges.
    static constexpr int MinBatchRows = 1;
    static constexpr int MaxBatchRows = 500; // the API's limit per request
    static constexpr qint64 MinBatchBytes = 1000;
    static constexpr qint64 MaxBatchBytes = 1000 * 1000 - 1; // the body must stay under 1 MB
    static constexpr int MinConcurrency = 1;
    static constexpr int MaxConcurrency = 6;           // Qt opens at most 6 connections per host
    static constexpr double MaxRequestsPerSecond = 50; // the API's rate limit; 0: unpaced
    static constexpr int MinTransferTimeoutMs = 5 * 1000;
    static constexpr int MaxTransferTimeoutMs = 600 * 1000;

    UploadSettings upload;
    QString pathTemplate; // empty: Endpoint::defaultPathTemplate()
    // How new mappings write timestamps: the API's "2025-01-08 09:00:00" or ISO 8601
    // "2025-01-08T09:00:00Z" (models/mapping/valueformats.h); a profile keeps its own.
    TimestampForm timestampForm = TimestampForm::Api;
    QString language;      // "" = the system's, else "en", "de"
    QString cataloguePath; // empty: the built-in catalogue

    static Preferences load(const QSettings &settings);
    void save(QSettings &settings) const;

    // The template an upload uses: the chosen one or the default.
    QString effectivePathTemplate() const;
    // Why a path template cannot be used ("must contain {table}"); empty when it can.
    static QString pathTemplateProblem(const QString &pathTemplate);
    static QStringList languages(); // "", "en", "de"

    friend bool operator==(const Preferences &, const Preferences &) = default;
};

} // namespace sluice

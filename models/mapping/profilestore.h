// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/mapping/mappingprofile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sluice {

// The user's saved profiles: one JSON file each in a directory. Profiles are found by name
// (compared without regard to case, as people read them); file names are derived from the names
// but never trusted to be them, so a profile can be renamed without touching others.
class ProfileStore
{
    Q_DECLARE_TR_FUNCTIONS(ProfileStore)

public:
    // Above this a profile is suggested for a file (see HeaderSignature::similarity): a renamed
    // or added column keeps a profile well above it, a different export falls far below.
    static constexpr double DefaultSuggestThreshold = 0.5;

    struct Entry
    {
        QString name;
        QString resourceId;
        QDateTime modified; // UTC
        QString fileName;   // inside directory()
    };
    struct Suggestion
    {
        QString name;
        QString resourceId;
        double score = 0; // 0 to 1
    };

    // `directory` is created on the first save; tests pass a temporary one.
    explicit ProfileStore(QString directory = defaultDirectory());
    static QString defaultDirectory(); // <AppDataLocation>/profiles

    QString directory() const { return m_directory; }

    // Every readable profile, by name. Unreadable files are skipped with a warning in the
    // sluice.profiles log rather than hiding the others.
    QList<Entry> list() const;
    bool contains(const QString &name) const;
    Result<MappingProfile> load(const QString &name) const;
    // Saves atomically (a crash leaves the old file whole) and replaces a profile of the same
    // name. Sets `modified` to now and `created` when unset. Returns the file's path.
    Result<QString> save(MappingProfile profile);
    // Refuses a name another profile already has. Returns the new file's path.
    Result<QString> rename(const QString &from, const QString &to);
    std::optional<Error> remove(const QString &name);
    // The profiles whose header signature is close to `headers`, best first.
    QList<Suggestion> suggest(const QStringList &headers,
                              double threshold = DefaultSuggestThreshold) const;

    // A safe file name for a profile name: no directories, no characters or names Windows
    // reserves, no leading dot; "profile" when nothing usable is left. Without ".json".
    static QString baseFileName(const QString &profileName);

private:
    struct Stored
    {
        QString fileName;
        MappingProfile profile;
    };
    QList<Stored> readAll() const;
    std::optional<Stored> find(const QString &name) const;
    QString freeFileName(const QString &profileName, const QString &ownFileName) const;
    Result<QString> write(const MappingProfile &profile, const QString &fileName) const;

    QString m_directory;
};

} // namespace sluice

// SPDX-License-Identifier: MIT
#include "models/mapping/profilestore.h"

#include "models/common/logging.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sluice {

namespace {

const QString Extension = u".json"_s;
constexpr qsizetype MaxBaseLength = 64; // well inside every file system's limit, with a suffix

bool sameName(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

// Device names Windows refuses as file names, with any extension ("con.json" too).
bool isReservedOnWindows(const QString &base)
{
    static const QStringList reserved {u"con"_s, u"prn"_s, u"aux"_s, u"nul"_s};
    const QString lower = base.toLower();
    if (reserved.contains(lower))
        return true;
    return lower.size() == 4 && (lower.startsWith(u"com"_s) || lower.startsWith(u"lpt"_s))
        && lower.at(3).isDigit();
}

} // namespace

ProfileStore::ProfileStore(QString directory)
    : m_directory(std::move(directory))
{}

QString ProfileStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/profiles"_s;
}

QString ProfileStore::baseFileName(const QString &profileName)
{
    // Only ASCII letters, digits, '-' and '_' survive, so the result is the same on every file
    // system and can never name a directory ("../x", "a/b", "C:") or a hidden file.
    const QString decomposed = profileName.normalized(QString::NormalizationForm_KD);
    QString base;
    for (const QChar c : decomposed) {
        const bool safe = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
            || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
        if (safe)
            base.append(c.toLower());
        else if (c.category() != QChar::Mark_NonSpacing && !base.endsWith(u'-'))
            base.append(u'-');
    }
    while (base.startsWith(u'-'))
        base.remove(0, 1);
    base.truncate(MaxBaseLength);
    while (base.endsWith(u'-'))
        base.chop(1);
    if (base.isEmpty())
        return u"profile"_s;
    return isReservedOnWindows(base) ? base + u"-profile"_s : base;
}

QList<ProfileStore::Stored> ProfileStore::readAll() const
{
    QList<Stored> stored;
    const QDir dir(m_directory);
    const QStringList files = dir.entryList({u"*"_s + Extension}, QDir::Files, QDir::Name);
    for (const QString &fileName : files) {
        Result<MappingProfile> profile = MappingProfile::load(dir.filePath(fileName));
        if (!profile) {
            qCWarning(lcProfiles).noquote() << profile.error().message;
            continue;
        }
        stored.append({fileName, std::move(profile).value()});
    }
    return stored;
}

std::optional<ProfileStore::Stored> ProfileStore::find(const QString &name) const
{
    for (Stored &stored : readAll()) {
        if (sameName(stored.profile.name, name))
            return std::move(stored);
    }
    return std::nullopt;
}

QList<ProfileStore::Entry> ProfileStore::list() const
{
    QList<Entry> entries;
    for (const Stored &stored : readAll()) {
        entries.append({stored.profile.name, stored.profile.resourceId(), stored.profile.modified,
                        stored.fileName});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return entries;
}

bool ProfileStore::contains(const QString &name) const
{
    return find(name).has_value();
}

Result<MappingProfile> ProfileStore::load(const QString &name) const
{
    std::optional<Stored> stored = find(name);
    if (!stored)
        return Error {tr("There is no profile named '%1'.").arg(name)};
    return std::move(stored->profile);
}

QString ProfileStore::freeFileName(const QString &profileName, const QString &ownFileName) const
{
    // Two names can share a base ("Orders (SAP)" and "orders sap"): number the later one.
    const QString base = baseFileName(profileName);
    const QDir dir(m_directory);
    for (int n = 1;; ++n) {
        const QString candidate = (n == 1 ? base : u"%1-%2"_s.arg(base).arg(n)) + Extension;
        if (candidate == ownFileName || !dir.exists(candidate))
            return candidate;
    }
}

Result<QString> ProfileStore::write(const MappingProfile &profile, const QString &fileName) const
{
    if (!QDir().mkpath(m_directory))
        return Error {tr("Cannot create the profile folder %1.").arg(m_directory)};
    const QString path = QDir(m_directory).filePath(fileName);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(profile.toJson()) < 0 || !file.commit()) {
        return Error {tr("Cannot save the profile '%1' to %2: %3")
                          .arg(profile.name, path, file.errorString())};
    }
    qCInfo(lcProfiles) << "saved profile" << profile.name << "to" << path;
    return path;
}

Result<QString> ProfileStore::save(MappingProfile profile)
{
    profile.name = profile.name.trimmed();
    if (profile.name.isEmpty())
        return Error {tr("A profile needs a name.")};
    const std::optional<Stored> existing = find(profile.name);
    profile.modified = QDateTime::currentDateTimeUtc();
    if (!profile.created.isValid())
        profile.created = existing ? existing->profile.created : profile.modified;
    // Replacing a profile keeps its file, so a rename of the display name's case does not move it.
    return write(profile, existing ? existing->fileName : freeFileName(profile.name, {}));
}

Result<QString> ProfileStore::rename(const QString &from, const QString &to)
{
    const QString newName = to.trimmed();
    if (newName.isEmpty())
        return Error {tr("A profile needs a name.")};
    std::optional<Stored> stored = find(from);
    if (!stored)
        return Error {tr("There is no profile named '%1'.").arg(from)};
    const std::optional<Stored> clash = find(newName);
    if (clash && clash->fileName != stored->fileName)
        return Error {tr("A profile named '%1' already exists.").arg(clash->profile.name)};

    stored->profile.name = newName;
    stored->profile.modified = QDateTime::currentDateTimeUtc();
    const QString fileName = freeFileName(newName, stored->fileName);
    // The new file is complete before the old one goes: a failure loses nothing.
    Result<QString> written = write(stored->profile, fileName);
    if (written && fileName != stored->fileName)
        QFile::remove(QDir(m_directory).filePath(stored->fileName));
    return written;
}

std::optional<Error> ProfileStore::remove(const QString &name)
{
    const std::optional<Stored> stored = find(name);
    if (!stored)
        return Error {tr("There is no profile named '%1'.").arg(name)};
    QFile file(QDir(m_directory).filePath(stored->fileName));
    if (!file.remove())
        return Error {tr("Cannot delete the profile '%1': %2").arg(name, file.errorString())};
    qCInfo(lcProfiles) << "deleted profile" << name;
    return std::nullopt;
}

QList<ProfileStore::Suggestion> ProfileStore::suggest(const QStringList &headers,
                                                      double threshold) const
{
    QList<Suggestion> suggestions;
    for (const Stored &stored : readAll()) {
        const double score = stored.profile.similarity(headers);
        if (score >= threshold)
            suggestions.append({stored.profile.name, stored.profile.resourceId(), score});
    }
    std::stable_sort(suggestions.begin(), suggestions.end(),
                     [](const Suggestion &a, const Suggestion &b) { return a.score > b.score; });
    return suggestions;
}

} // namespace sluice

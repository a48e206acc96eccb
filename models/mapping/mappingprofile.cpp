// SPDX-License-Identifier: MIT
#include "models/mapping/mappingprofile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace sluice {

namespace {

// A mapped column counts this many times an unmapped one: a file missing a column the mapping
// reads is much less likely to be "the same file" than one missing a comment column.
constexpr double MappedWeight = 3.0;

} // namespace

QString HeaderSignature::normalise(const QString &header)
{
    // Compatibility decomposition splits "é" into "e" + accent and folds full-width forms, so
    // "Année" and "Annee" agree; camel-case humps become word breaks ("OrderDate").
    const QString decomposed = header.normalized(QString::NormalizationForm_KD);
    QString result;
    result.reserve(decomposed.size());
    bool breakPending = false;
    QChar previous;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (!c.isLetterOrNumber()) {
            breakPending = true;
            previous = c;
            continue;
        }
        if (previous.isLower() && c.isUpper())
            breakPending = true;
        if (breakPending && !result.isEmpty())
            result.append(u' ');
        breakPending = false;
        result.append(c.toLower());
        previous = c;
    }
    return result;
}

HeaderSignature HeaderSignature::fromHeaders(const QStringList &headers)
{
    QSet<QString> unique;
    for (const QString &header : headers) {
        const QString name = normalise(header);
        if (!name.isEmpty()) // blank headers say nothing about the file
            unique.insert(name);
    }
    HeaderSignature signature;
    signature.names = QStringList(unique.begin(), unique.end());
    signature.names.sort();
    return signature;
}

QString HeaderSignature::fingerprint() const
{
    const QByteArray joined = names.join(u'\n').toUtf8();
    return QString::fromLatin1(
        QCryptographicHash::hash(joined, QCryptographicHash::Sha256).toHex().left(16));
}

double HeaderSignature::similarity(const HeaderSignature &file,
                                   const QStringList &mappedColumns) const
{
    const QSet<QString> mine(names.begin(), names.end());
    const QSet<QString> theirs(file.names.begin(), file.names.end());
    const QSet<QString> mapped(mappedColumns.begin(), mappedColumns.end());
    const auto weight = [&mapped](const QString &name) {
        return mapped.contains(name) ? MappedWeight : 1.0;
    };
    double shared = 0;
    double all = 0;
    for (const QString &name : mine) {
        all += weight(name);
        if (theirs.contains(name))
            shared += weight(name);
    }
    for (const QString &name : theirs) {
        if (!mine.contains(name))
            all += weight(name);
    }
    return all > 0 ? shared / all : 0.0;
}

QStringList MappingProfile::mappedColumns() const
{
    QStringList columns;
    for (const AttributeMapping &attribute : mapping.attributes) {
        if (attribute.source != AttributeMapping::Source::Column
            && attribute.source != AttributeMapping::Source::Joined)
            continue;
        for (const QString &column : attribute.columns)
            columns.append(HeaderSignature::normalise(column));
    }
    columns.removeDuplicates();
    return columns;
}

double MappingProfile::similarity(const QStringList &headers) const
{
    return signature.similarity(HeaderSignature::fromHeaders(headers), mappedColumns());
}

Result<MappingProfile> MappingProfile::load(const QString &path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly))
        return Error {tr("%1: cannot open the profile: %2").arg(name, file.errorString())};
    return fromJson(file.readAll(), name);
}

} // namespace sluice

// SPDX-License-Identifier: MIT
// Private to the mapping profile JSON reader: the enum spellings and the ProfileReader shared by
// mappingprofilejson.cpp (the writer and the current version) and mappingprofilev1.cpp (version 1).
#pragma once

#include "models/mapping/mappingprofile.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstddef>
#include <initializer_list>
#include <optional>

namespace sluice::profilejson {

// Enum values as the file spells them: lower-case words, except the day orders that analysts
// know by their letters.
template<typename E>
struct Spelling
{
    E value;
    QStringView name;
};

inline constexpr Spelling<Transforms::Case> CaseNames[] = {{Transforms::Case::Keep, u"keep"},
                                                           {Transforms::Case::Upper, u"upper"},
                                                           {Transforms::Case::Lower, u"lower"},
                                                           {Transforms::Case::Title, u"title"}};
inline constexpr Spelling<DayOrder> DayOrderNames[] = {{DayOrder::Unspecified, u"unspecified"},
                                                       {DayOrder::DayMonthYear, u"DMY"},
                                                       {DayOrder::MonthDayYear, u"MDY"},
                                                       {DayOrder::YearMonthDay, u"YMD"}};
inline constexpr Spelling<TimestampForm> TimestampNames[]
    = {{TimestampForm::Api, u"api"}, {TimestampForm::Iso8601, u"iso8601"}};
inline constexpr Spelling<AttributeMapping::Source> SourceNames[]
    = {{AttributeMapping::Source::Unmapped, u"unmapped"},
       {AttributeMapping::Source::Column, u"column"},
       {AttributeMapping::Source::Joined, u"joined"},
       {AttributeMapping::Source::Constant, u"constant"}};
inline constexpr Spelling<OperationType> OperationNames[]
    = {{OperationType::Upsert, u"UPSERT"}, {OperationType::Append, u"APPEND"}};
inline constexpr Spelling<TextEncoding> EncodingNames[] = {{TextEncoding::Auto, u"auto"},
                                                           {TextEncoding::Utf8, u"utf-8"},
                                                           {TextEncoding::Utf16LE, u"utf-16-le"},
                                                           {TextEncoding::Utf16BE, u"utf-16-be"},
                                                           {TextEncoding::Windows1252, u"cp1252"}};

// Thrown inside the reader only, so each field check is one line rather than an error return
// threaded through every level; fromJson() turns it into a Result.
struct FormatError
{
    QString message;
};

// Reads one profile, keeping the JSON path of where it is so every problem names its place:
// "orders.json: mapping.attributes[3].transforms.dayOrder: unknown value 'DMYY'".
class ProfileReader
{
public:
    explicit ProfileReader(QString sourceName)
        : m_sourceName(std::move(sourceName))
    {}

    MappingProfile read(const QJsonObject &root);

private:
    // Enters an object or array element for as long as it lives.
    class Step
    {
    public:
        Step(QStringList &path, QString step)
            : m_path(path)
        {
            m_path.append(std::move(step));
        }
        ~Step() { m_path.removeLast(); }
        Step(const Step &) = delete;
        Step &operator=(const Step &) = delete;

    private:
        QStringList &m_path;
    };

    [[noreturn]] void fail(const QString &key, const QString &problem) const;
    void dropUnknown(const QJsonObject &object, std::initializer_list<QStringView> known) const;
    QString text(const QJsonObject &o, const QString &key, bool required = false) const;
    bool flag(const QJsonObject &o, const QString &key, bool fallback) const;
    std::optional<int> number(const QJsonObject &o, const QString &key, int minimum) const;
    std::optional<QChar> character(const QJsonObject &o, const QString &key, bool allowNone) const;
    QStringList texts(const QJsonObject &o, const QString &key) const;
    QJsonObject child(const QJsonObject &o, const QString &key, bool required = false) const;
    QDateTime time(const QJsonObject &o, const QString &key) const;
    template<typename E, std::size_t N>
    E choice(const QJsonObject &o, const QString &key, const Spelling<E> (&table)[N],
             std::optional<E> fallback) const;

    MappingProfile readV2(const QJsonObject &root);
    MappingProfile readV1(const QJsonObject &root);
    void readV1Sheet(const QJsonObject &root, ProfileReaderOptions &reader);
    void readV1Sources(const QJsonObject &root, const QString &key, AttributeMapping::Source source,
                       const Transforms &transforms, MappingProfile &profile);
    ProfileReaderOptions readReaderOptions(const QJsonObject &o);
    void readMapping(const QJsonObject &o, Mapping &mapping);
    AttributeMapping readAttribute(const QJsonObject &o);
    Transforms readTransforms(const QJsonObject &o);
    QHash<QString, QString> readValueMap(const QJsonObject &o);

    QString m_sourceName;
    QStringList m_path;
};

template<typename E, std::size_t N>
E ProfileReader::choice(const QJsonObject &o, const QString &key, const Spelling<E> (&table)[N],
                        std::optional<E> fallback) const
{
    const QString value = text(o, key, !fallback);
    if (value.isEmpty() && fallback)
        return *fallback;
    QStringList names;
    for (const Spelling<E> &entry : table) {
        if (entry.name == value)
            return entry.value;
        names.append(entry.name.toString());
    }
    fail(key,
         MappingProfile::tr("unknown value '%1' (expected %2)")
             .arg(value, names.join(QStringLiteral(", "))));
}

} // namespace sluice::profilejson

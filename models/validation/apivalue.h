// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace sluice {

// One cell turned into the exact value the API wants (API.md §4). Numbers keep their decimal
// text, never a double, so a numeric(38,37) or a 19-digit integer reaches the server unrounded.
class ApiValue
{
public:
    enum class Kind { Null, String, Number, Boolean, Json };

    ApiValue() = default;
    static ApiValue null() { return {}; }
    static ApiValue string(QString text) { return ApiValue(Kind::String, std::move(text)); }
    // digits: a JSON number in canonical form, e.g. "-12.5", "1500", "1.5e+300"
    static ApiValue number(QString digits) { return ApiValue(Kind::Number, std::move(digits)); }
    static ApiValue boolean(bool value)
    {
        return ApiValue(Kind::Boolean, value ? QStringLiteral("true") : QStringLiteral("false"));
    }
    // compactJson: valid JSON text, compact (no insignificant white space)
    static ApiValue json(QString compactJson)
    {
        return ApiValue(Kind::Json, std::move(compactJson));
    }

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    // String: the value itself; Number: its digits; Boolean: "true"/"false"; Json: compact
    // JSON text; Null: empty.
    const QString &text() const { return m_text; }

    // The JSON fragment to put in a request body: "\"ORD-1\"", "12.5", "true", "null", …
    QByteArray toJson() const;

    friend bool operator==(const ApiValue &, const ApiValue &) = default;

private:
    ApiValue(Kind kind, QString text)
        : m_kind(kind)
        , m_text(std::move(text))
    {}

    Kind m_kind = Kind::Null;
    QString m_text;
};

} // namespace sluice

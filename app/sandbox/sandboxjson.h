// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace sluice {

struct SandboxJsonMember;

// A JSON value exactly as received. The sandbox keeps the text of every value so that it checks,
// stores and echoes numbers digit for digit: a 19- or 25-digit id never passes through a double
// (QJsonDocument would keep 64-bit integers but round longer ones and turn 1.50 into 1.5).
struct SandboxJsonValue
{
    enum class Kind { Null, Boolean, Number, String, Array, Object };

    Kind kind = Kind::Null;
    QByteArrayView text;  // the value's bytes inside the parsed document (which must outlive it)
    bool boolean = false; // Kind::Boolean
    bool escaped = false; // Kind::String: the text holds escapes

    // Kind::Object and Kind::Array, filled only down to the depth the reader was asked to keep.
    std::vector<SandboxJsonMember> members;
    std::vector<SandboxJsonValue> elements;

    bool isNull() const { return kind == Kind::Null; }
    // Kind::String: the bytes between the quotes, escapes and all.
    QByteArrayView inner() const { return text.sliced(1, text.size() - 2); }
    // Kind::String: the decoded text. Strings are decoded only on demand: most values are only
    // checked and stored, and their UTF-8 without escapes is their text already.
    QString toString() const;
    // Kind::String: the decoded text in UTF-8; without escapes, the bytes in place (no copy).
    QByteArray utf8() const;
    // The last member named key (UTF-8), as JSON parsers resolve duplicates; or nullptr.
    const SandboxJsonValue *member(QByteArrayView key) const;
};

struct SandboxJsonMember
{
    QByteArrayView key; // between the quotes, escapes and all
    bool keyEscaped = false;
    SandboxJsonValue value;

    QString name() const; // the decoded key
};

// A strict JSON reader (RFC 8259) that keeps each value's text.
class SandboxJsonReader
{
public:
    // Containers at a depth below keepDepth keep their members/elements (the root is depth 0);
    // deeper ones are checked and spanned only. The error names the offset of the problem.
    static Result<SandboxJsonValue> read(QByteArrayView document, int keepDepth);

    // text as a JSON string literal, quotes included, in UTF-8.
    static QByteArray quote(QStringView text);
};

} // namespace sluice

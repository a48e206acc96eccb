// SPDX-License-Identifier: MIT
#include "models/validation/apivalue.h"

namespace sluice {

namespace {

char hexDigit(int value)
{
    return "0123456789abcdef"[value & 0xF];
}

// RFC 8259 §7 on the UTF-8 bytes: multi-byte sequences never contain a byte below 0x80, so
// escaping byte by byte is exact. Runs that need no escape are copied whole: this runs once per
// cell of every uploaded row.
QByteArray quotedJsonString(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;
        out.append(utf8.constData() + runStart, i - runStart);
        runStart = i + 1;
        switch (byte) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += hexDigit(byte >> 4);
            out += hexDigit(byte);
            break;
        }
    }
    out.append(utf8.constData() + runStart, utf8.size() - runStart);
    out += '"';
    return out;
}

} // namespace

QByteArray ApiValue::toJson() const
{
    switch (m_kind) {
    case Kind::Null:
        break;
    case Kind::String:
        return quotedJsonString(m_text);
    case Kind::Number:
    case Kind::Boolean:
    case Kind::Json:
        return m_text.toUtf8();
    }
    return QByteArrayLiteral("null");
}

} // namespace sluice

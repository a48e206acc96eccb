// SPDX-License-Identifier: MIT
#include "models/source/textdecoder.h"

#include <array>

namespace sluice {

namespace {

// Windows-1252 bytes 0x80–0x9F; the five unassigned ones keep their C1 code points, as Windows
// does.
constexpr std::array<char16_t, 32> Windows1252High {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void appendUtf8(QByteArray &out, char16_t unit)
{
    if (unit < 0x80) {
        out += static_cast<char>(unit);
    } else if (unit < 0x800) {
        out += static_cast<char>(0xC0 | (unit >> 6));
        out += static_cast<char>(0x80 | (unit & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (unit >> 12));
        out += static_cast<char>(0x80 | ((unit >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (unit & 0x3F));
    }
}

QStringConverter::Encoding utf16Of(TextEncoding encoding)
{
    return encoding == TextEncoding::Utf16BE ? QStringConverter::Utf16BE
                                             : QStringConverter::Utf16LE;
}

} // namespace

TextDecoder::TextDecoder(TextEncoding encoding)
    : m_encoding(encoding)
    , m_utf16(utf16Of(encoding))
{}

QByteArray TextDecoder::toUtf8(QByteArrayView bytes)
{
    switch (m_encoding) {
    case TextEncoding::Utf16LE:
    case TextEncoding::Utf16BE:
        return QString(m_utf16.decode(bytes)).toUtf8();
    case TextEncoding::Windows1252: {
        QByteArray out;
        out.reserve(bytes.size() + bytes.size() / 8);
        for (const char byte : bytes) {
            const auto value = static_cast<unsigned char>(byte);
            if (value < 0x80)
                out += byte;
            else if (value < 0xA0)
                appendUtf8(out, Windows1252High[value - 0x80]);
            else
                appendUtf8(out, value);
        }
        return out;
    }
    case TextEncoding::Auto:
    case TextEncoding::Utf8:
        break;
    }
    return bytes.toByteArray();
}

} // namespace sluice

// SPDX-License-Identifier: MIT
#pragma once

// XmlScanner's internals, shared by its two source files: the byte classes and the scanning
// helpers of the hot path (inline, so they stay in the token readers).

#include <QByteArrayView>
#include <QString>

#include <array>
#include <bit>
#include <string_view>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace sluice::xmlscanner {

// One tag, comment, CDATA section or processing instruction longer than this is refused rather
// than buffered: a cell holds at most 32,767 characters.
constexpr qsizetype MaxTokenBytes = 4 << 20;
// "&" followed by no ';' within this many bytes is not a reference.
constexpr qsizetype MaxReferenceBytes = 16;

enum CharClass : unsigned char {
    NameStart = 1,
    NameChar = 2,
    Space = 4,
    ValueSpecial = 8, // ends the fast path through an attribute value
};

constexpr std::array<unsigned char, 256> makeClasses()
{
    std::array<unsigned char, 256> classes {};
    for (size_t c = 0; c < 256; ++c) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        // Bytes of multi-byte UTF-8 characters: the input is valid UTF-8, and XML allows
        // nearly every non-ASCII character in names.
        if (letter || c == '_' || c == ':' || c >= 0x80)
            classes[c] |= NameStart | NameChar;
        if ((c >= '0' && c <= '9') || c == '-' || c == '.')
            classes[c] |= NameChar;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            classes[c] |= Space;
        if (c == '"' || c == '\'' || c == '<' || c == '&' || c == '\t' || c == '\n' || c == '\r')
            classes[c] |= ValueSpecial;
    }
    return classes;
}

constexpr std::array<unsigned char, 256> Classes = makeClasses();

inline bool is(char c, CharClass charClass)
{
    return (Classes[static_cast<unsigned char>(c)] & charClass) != 0;
}

inline const char *skipSpace(const char *p, const char *end)
{
    while (p < end && is(*p, Space))
        ++p;
    return p;
}

inline const char *skipName(const char *p, const char *end)
{
    while (p < end && is(*p, NameChar))
        ++p;
    return p;
}

// The next byte of text that needs attention: '<', '&' or a carriage return.
inline const char *findTextStop(const char *p, const char *end)
{
#ifdef __SSE2__
    const __m128i less = _mm_set1_epi8('<');
    const __m128i ampersand = _mm_set1_epi8('&');
    const __m128i carriageReturn = _mm_set1_epi8('\r');
    while (end - p >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i hits = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, less), _mm_cmpeq_epi8(bytes, ampersand)),
            _mm_cmpeq_epi8(bytes, carriageReturn));
        const int mask = _mm_movemask_epi8(hits);
        if (mask != 0)
            return p + std::countr_zero(static_cast<unsigned>(mask));
        p += 16;
    }
#endif
    while (p < end && *p != '<' && *p != '&' && *p != '\r')
        ++p;
    return p;
}

inline bool isNamespaceDeclaration(QByteArrayView name)
{
    return name.size() >= 5 && name[0] == 'x' && std::memcmp(name.data(), "xmlns", 5) == 0
        && (name.size() == 5 || name[5] == ':');
}

// Cheaper than a memcmp call for the one- to ten-letter names of a sheet.
inline bool sameBytes(QByteArrayView a, std::string_view b)
{
    if (static_cast<size_t>(a.size()) != b.size())
        return false;
    for (size_t i = 0; i < b.size(); ++i) {
        if (a[static_cast<qsizetype>(i)] != b[i])
            return false;
    }
    return true;
}

// "'name'" for messages, cut at 64 bytes.
QString quoted(QByteArrayView text);

} // namespace sluice::xmlscanner

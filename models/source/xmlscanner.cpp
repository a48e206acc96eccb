// SPDX-License-Identifier: MIT
#include "models/source/xmlscanner.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace sluice {

namespace {

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

bool is(char c, CharClass charClass)
{
    return (Classes[static_cast<unsigned char>(c)] & charClass) != 0;
}

const char *skipSpace(const char *p, const char *end)
{
    while (p < end && is(*p, Space))
        ++p;
    return p;
}

const char *skipName(const char *p, const char *end)
{
    while (p < end && is(*p, NameChar))
        ++p;
    return p;
}

// The next byte of text that needs attention: '<', '&' or a carriage return.
const char *findTextStop(const char *p, const char *end)
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

qint64 countLineEnds(const char *begin, const char *end)
{
    return std::count(begin, end, '\n');
}

bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// The character of a reference's body ("amp", "#38", "#x26"); 0 when it is none.
char32_t referencedChar(QByteArrayView body)
{
    if (body == QByteArrayView("lt"))
        return '<';
    if (body == QByteArrayView("gt"))
        return '>';
    if (body == QByteArrayView("amp"))
        return '&';
    if (body == QByteArrayView("quot"))
        return '"';
    if (body == QByteArrayView("apos"))
        return '\'';
    if (body.size() < 2 || body[0] != '#')
        return 0;
    const bool hex = body[1] == 'x';
    const QByteArrayView digits = body.sliced(hex ? 2 : 1);
    if (digits.isEmpty())
        return 0;
    char32_t value = 0;
    for (const char c : digits) {
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            return 0;
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
        if (value > 0x10FFFF)
            return 0;
    }
    return isXmlChar(value) ? value : 0;
}

bool isNamespaceDeclaration(QByteArrayView name)
{
    return name.size() >= 5 && name[0] == 'x' && std::memcmp(name.data(), "xmlns", 5) == 0
        && (name.size() == 5 || name[5] == ':');
}

// Cheaper than a memcmp call for the one- to ten-letter names of a sheet.
bool sameBytes(QByteArrayView a, std::string_view b)
{
    if (static_cast<size_t>(a.size()) != b.size())
        return false;
    for (size_t i = 0; i < b.size(); ++i) {
        if (a[static_cast<qsizetype>(i)] != b[i])
            return false;
    }
    return true;
}

QString quoted(QByteArrayView text)
{
    return QStringLiteral("'%1'").arg(
        QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 64))));
}

} // namespace

const XmlNameTable::Name *XmlNameTable::findOrAdd(QByteArrayView qualified, size_t slot)
{
    const auto size = static_cast<size_t>(qualified.size());
    const std::string_view key(qualified.data(), size);
    auto found = m_names.find(key);
    if (found == m_names.end()) {
        if (m_names.size() >= MaxNames)
            return nullptr;
        auto name = std::make_unique<Name>(Name {std::string(key), nullptr});
        const size_t colon = name->qualified.rfind(':');
        name->local = name->qualified.c_str() + (colon == std::string::npos ? 0 : colon + 1);
        found = m_names.emplace(std::string_view(name->qualified), std::move(name)).first;
    }
    m_recent[slot] = found->second.get();
    return found->second.get();
}

XmlScanner::XmlScanner(XmlSaxHandler &handler)
    : m_handler(handler)
{
    m_tagBytes.reserve(256);
    m_text.reserve(256);
}

bool XmlScanner::canRead(QByteArrayView head)
{
    if (head.startsWith("\xFE\xFF") || head.startsWith("\xFF\xFE"))
        return false;
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.sliced(3);
    if (head.size() >= 2 && (head[0] == '\0' || head[1] == '\0'))
        return false; // UTF-16 or UTF-32 without a byte-order mark
    if (!head.startsWith("<?xml"))
        return true;
    const qsizetype close = head.indexOf("?>");
    if (close < 0)
        return false;
    const QByteArray declaration = head.first(close).toByteArray();
    const qsizetype at = declaration.indexOf("encoding");
    if (at < 0)
        return true;
    const qsizetype open = declaration.indexOf('=', at);
    if (open < 0)
        return false;
    const QByteArray value = declaration.mid(open + 1).trimmed();
    if (value.isEmpty() || (value[0] != '"' && value[0] != '\''))
        return false;
    const qsizetype end = value.indexOf(value[0], 1);
    const QByteArray encoding = value.mid(1, end - 1).toLower();
    return encoding == "utf-8" || encoding == "utf8" || encoding == "us-ascii"
        || encoding == "ascii";
}

bool XmlScanner::feed(const char *data, qsizetype size)
{
    if (m_failed)
        return false;
    if (size <= 0)
        return true;
    qint64 lineEnds = 0;
    if (!validate(data, size, &lineEnds))
        return false;
    const bool scanned = scanChunk(data, size);
    m_linesBefore += lineEnds;
    return scanned;
}

bool XmlScanner::finish()
{
    if (m_failed)
        return false;
    m_bufferBegin = nullptr;
    if (m_utf8Need > 0)
        return fail(nullptr, QStringLiteral("the document ends inside a UTF-8 character"));
    if (!m_carry.empty()) {
        m_bufferBegin = m_carry.data();
        m_bufferCarried = static_cast<qsizetype>(m_carry.size());
        const Scan result = scan(m_carry.data(), m_carry.data() + m_carry.size(), true);
        if (result.failed)
            return false;
        m_carry.clear();
        m_bufferBegin = nullptr;
    }
    if (!m_seenRoot)
        return fail(nullptr, QStringLiteral("the document has no root element"));
    if (!m_open.empty())
        return fail(nullptr,
                    QStringLiteral("the document ends before element %1 is closed")
                        .arg(quoted(m_open.back()->qualified)));
    return true;
}

// Checks that the chunk is UTF-8 made of XML characters and counts its line ends, sixteen
// bytes per step while they are plain ASCII text; a character may span chunks.
bool XmlScanner::validate(const char *data, qsizetype size, qint64 *lineEnds)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data);
    qint64 lines = 0;
    qsizetype i = 0;
#ifdef __SSE2__
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i tab = _mm_set1_epi8('\t');
    const __m128i carriageReturn = _mm_set1_epi8('\r');
#endif
    while (i < size) {
#ifdef __SSE2__
        if (m_utf8Need == 0 && size - i >= 16) {
            const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i *>(bytes + i));
            const __m128i newlines = _mm_cmpeq_epi8(block, newline);
            const __m128i allowed = _mm_or_si128(
                newlines,
                _mm_or_si128(_mm_cmpeq_epi8(block, tab), _mm_cmpeq_epi8(block, carriageReturn)));
            // Signed: bytes from 0x80 up count as below 0x20 too, so they leave the fast path.
            const __m128i unusual = _mm_andnot_si128(allowed, _mm_cmplt_epi8(block, space));
            if (_mm_movemask_epi8(unusual) == 0) {
                // Sheets are mostly one long line: count only where there are line ends.
                const int lineEndMask = _mm_movemask_epi8(newlines);
                if (lineEndMask != 0)
                    lines += std::popcount(static_cast<unsigned>(lineEndMask));
                i += 16;
                continue;
            }
        }
#endif
        const unsigned char byte = bytes[i];
        if (m_utf8Need > 0) {
            if (byte < m_utf8Low || byte > m_utf8High)
                break;
            --m_utf8Need;
            m_utf8Low = 0x80;
            m_utf8High = 0xBF;
        } else if (byte < 0x80) {
            if (byte == '\n') {
                ++lines;
            } else if (byte < 0x20 && byte != '\t' && byte != '\r') {
                m_linesBefore += lines;
                return fail(nullptr,
                            QStringLiteral("the character 0x%1 is not allowed in XML")
                                .arg(byte, 2, 16, QLatin1Char('0')));
            }
        } else if (byte >= 0xC2 && byte <= 0xDF) {
            m_utf8Need = 1;
        } else if (byte >= 0xE0 && byte <= 0xEF) {
            m_utf8Need = 2;
            m_utf8Low = byte == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
            m_utf8High = byte == 0xED ? 0x9F : 0xBF; // no surrogates
        } else if (byte >= 0xF0 && byte <= 0xF4) {
            m_utf8Need = 3;
            m_utf8Low = byte == 0xF0 ? 0x90 : 0x80;
            m_utf8High = byte == 0xF4 ? 0x8F : 0xBF; // nothing past U+10FFFF
        } else {
            break;
        }
        ++i;
    }
    if (i < size) {
        m_linesBefore += lines;
        return fail(nullptr,
                    QStringLiteral("the text is not valid UTF-8 (byte 0x%1)")
                        .arg(bytes[i], 2, 16, QLatin1Char('0')));
    }
    *lineEnds = lines;
    return true;
}

// Scans a chunk; a token cut by the chunk's end waits in m_carry. To finish it, the carry takes
// bytes from the next chunk (a few KiB, doubling while the token is still unfinished) rather
// than the whole chunk, so the bytes copied stay few.
bool XmlScanner::scanChunk(const char *data, qsizetype size)
{
    qsizetype taken = 0; // bytes of this chunk appended to the carry
    qsizetype start = 0; // where scanning the chunk itself begins
    while (!m_carry.empty()) {
        if (taken == size)
            return true;
        const qsizetype carrySize = static_cast<qsizetype>(m_carry.size());
        const qsizetype add = std::min(size - taken, std::max<qsizetype>(4096, carrySize));
        m_carry.append(data + taken, static_cast<size_t>(add));
        taken += add;
        m_bufferBegin = m_carry.data();
        m_bufferCarried = static_cast<qsizetype>(m_carry.size()) - taken;
        const Scan result = scan(m_carry.data(), m_carry.data() + m_carry.size(), false);
        if (result.failed)
            return false;
        const qsizetype consumed = result.stop - m_carry.data();
        if (consumed >= m_bufferCarried) {
            start = consumed - m_bufferCarried;
            m_carry.clear();
            break;
        }
        m_carry.erase(0, static_cast<size_t>(consumed));
        if (static_cast<qsizetype>(m_carry.size()) > MaxTokenBytes)
            return fail(m_carry.data(),
                        QStringLiteral("one tag is longer than %1 MiB").arg(MaxTokenBytes >> 20));
    }
    if (start >= size)
        return true;
    m_bufferBegin = data;
    m_bufferCarried = 0;
    const Scan result = scan(data + start, data + size, false);
    if (result.failed)
        return false;
    m_carry.assign(result.stop, static_cast<size_t>(data + size - result.stop));
    return true;
}

// Reads tokens up to the end of the buffer. Each token reader returns where it ended, the
// position it was given when the token needs more bytes, or null after an error.
XmlScanner::Scan XmlScanner::scan(const char *begin, const char *end, bool final)
{
    const char *p = begin;
    while (p < end) {
        const char *next = *p == '<' ? markup(p, end) : text(p, end, final);
        if (next == nullptr)
            return {nullptr, true};
        if (next == p) {
            if (!final)
                return {p, false};
            fail(p, QStringLiteral("the document ends inside a tag"));
            return {nullptr, true};
        }
        p = next;
    }
    return {p, false};
}

const char *XmlScanner::text(const char *p, const char *end, bool final)
{
    if (m_open.empty()) {
        // Outside the root only spaces may stand (and a byte-order mark at the very start).
        if (m_atStart && *p == '\xEF') {
            if (end - p < 3 && !final)
                return p;
            if (QByteArrayView(p, end - p).startsWith("\xEF\xBB\xBF"))
                return p + 3;
        }
        const char *stop = skipSpace(p, end);
        if (stop < end && *stop != '<') {
            return failWith(stop, Problem::TextOutsideRoot);
        }
        m_atStart = false;
        return stop;
    }
    const char *stop = findTextStop(p, end);
    if (stop < end && *stop != '<')
        return decodedText(p, end, final);
    if (stop > p) {
        m_handler.characters(QByteArrayView(p, stop - p));
        if (!checkHandler())
            return nullptr;
    }
    return stop;
}

// Text with references or carriage returns, decoded into m_text. A reference or a carriage
// return cut by the buffer's end waits for the next chunk (a CR may be the first half of CRLF).
const char *XmlScanner::decodedText(const char *p, const char *end, bool final)
{
    m_text.clear();
    const char *q = p;
    while (q < end && *q != '<') {
        const char *stop = findTextStop(q, end);
        m_text.append(q, static_cast<size_t>(stop - q));
        q = stop;
        if (q == end || *q == '<')
            break;
        if (*q == '\r') {
            if (q + 1 == end && !final)
                break;
            m_text += '\n';
            q += q + 1 < end && q[1] == '\n' ? 2 : 1;
            continue;
        }
        const int decoded = decodeReference(q, end, m_text);
        if (decoded < 0)
            return nullptr;
        if (decoded == 0) {
            if (final) {
                fail(q, QStringLiteral("the document ends inside a reference"));
                return nullptr;
            }
            break;
        }
    }
    if (!m_text.empty()) {
        m_handler.characters(QByteArrayView(m_text.data(), static_cast<qsizetype>(m_text.size())));
        if (!checkHandler())
            return nullptr;
    }
    return q;
}

// Decodes the reference at p ('&') onto out and moves p past it: 1 done, 0 cut by the buffer's
// end, -1 an error.
int XmlScanner::decodeReference(const char *&p, const char *end, std::string &out)
{
    const char *limit = std::min(end, p + MaxReferenceBytes);
    const char *semicolon = p + 1;
    while (semicolon < limit && (is(*semicolon, NameChar) || *semicolon == '#'))
        ++semicolon;
    if (semicolon == end)
        return 0;
    if (semicolon == limit || *semicolon != ';') {
        fail(p, QStringLiteral("'&' does not start a reference (write &amp; for an ampersand)"));
        return -1;
    }
    const QByteArrayView body(p + 1, semicolon - p - 1);
    const char32_t c = referencedChar(body);
    if (c == 0) {
        fail(p,
             QStringLiteral("the reference &%1; is not defined (no DTD is read, so only &lt; "
                            "&gt; &amp; &quot; &apos; and character references are)")
                 .arg(QString::fromUtf8(body)));
        return -1;
    }
    appendUtf8(out, c);
    p = semicolon + 1;
    return 1;
}

const char *XmlScanner::markup(const char *p, const char *end)
{
    if (end - p < 2)
        return p;
    switch (p[1]) {
    case '/':
        return endTag(p, end);
    case '!':
        return declaration(p, end);
    case '?':
        return processingInstruction(p, end);
    default:
        return startTag(p, end);
    }
}

const char *XmlScanner::startTag(const char *p, const char *end)
{
    const char *nameBegin = p + 1;
    if (!is(*nameBegin, NameStart)) {
        return failWith(p, Problem::NoName);
    }
    const char *q = skipName(nameBegin, end);
    if (q == end)
        return p;
    m_tagName = name(nameBegin, q);
    if (m_tagName == nullptr)
        return nullptr;
    m_tagBytes.clear();
    m_attributes.clear();
    for (;;) {
        const char *next = skipSpace(q, end);
        if (next == end)
            return p;
        if (*next == '>')
            return emitStart(false) ? next + 1 : nullptr;
        if (*next == '/') {
            if (next + 1 == end)
                return p;
            if (next[1] != '>') {
                return failWith(next, Problem::SlashWithoutClose, m_tagName->qualified);
            }
            return emitStart(true) ? next + 2 : nullptr;
        }
        if (next == q) {
            return failWith(next, Problem::UnexpectedInTag, m_tagName->qualified);
        }
        q = attribute(next, end);
        if (q == nullptr)
            return nullptr;
        if (q == next)
            return p;
    }
}

const XmlNameTable::Name *XmlScanner::name(const char *begin, const char *end)
{
    const XmlNameTable::Name *entry = m_names.find(QByteArrayView(begin, end - begin));
    if (entry == nullptr)
        failWith(begin, Problem::TooManyNames);
    return entry;
}

const char *XmlScanner::attribute(const char *p, const char *end)
{
    if (!is(*p, NameStart)) {
        return failWith(p, Problem::UnexpectedInTag, m_tagName->qualified);
    }
    const char *nameEnd = skipName(p, end);
    const QByteArrayView name(p, nameEnd - p);
    const char *q = skipSpace(nameEnd, end);
    if (q == end)
        return p;
    if (*q != '=') {
        return failWith(q, Problem::NoValue, name);
    }
    q = skipSpace(q + 1, end);
    if (q == end)
        return p;
    const char quote = *q;
    if (quote != '"' && quote != '\'') {
        return failWith(q, Problem::Unquoted, name);
    }
    const char *valueBegin = q + 1;
    const char *v = valueBegin;
    while (v < end && !is(*v, ValueSpecial))
        ++v;
    if (v == end)
        return p;
    PendingAttribute attribute {nullptr, {}, 0, 0};
    if (*v == quote) {
        attribute.rawValue = QByteArrayView(valueBegin, v - valueBegin);
    } else {
        v = decodeValue(valueBegin, end, quote);
        if (v == nullptr || v == valueBegin)
            return v == nullptr ? nullptr : p;
        attribute.valueOffset = m_tagBytes.size();
        attribute.valueSize = m_text.size();
        m_tagBytes += m_text;
    }
    // Namespace declarations are not attributes to the handlers (as with libxml2's SAX2).
    if (!isNamespaceDeclaration(name)) {
        attribute.name = this->name(p, nameEnd);
        if (attribute.name == nullptr)
            return nullptr;
        m_attributes.push_back(attribute);
    }
    return v + 1;
}

// An attribute value with references or white space to normalise, decoded into m_text; returns
// the position of the closing quote, valueBegin when the buffer ends first, or null.
const char *XmlScanner::decodeValue(const char *valueBegin, const char *end, char quote)
{
    m_text.clear();
    const char *v = valueBegin;
    while (v < end && *v != quote) {
        const char c = *v;
        if (c == '<') {
            return failWith(v, Problem::LessInValue);
        }
        if (c == '&') {
            const int decoded = decodeReference(v, end, m_text);
            if (decoded <= 0)
                return decoded < 0 ? nullptr : valueBegin;
            continue;
        }
        if (c == '\r' && v + 1 < end && v[1] == '\n')
            ++v; // CRLF is one line end, so one space
        m_text += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
        ++v;
    }
    return v == end ? valueBegin : v;
}

bool XmlScanner::emitStart(bool empty)
{
    if (m_open.empty() && m_seenRoot)
        return failWith(nullptr, Problem::AfterRoot, m_tagName->qualified) != nullptr;
    const size_t count = m_attributes.size();
    for (size_t i = 1; i < count; ++i) {
        for (size_t j = 0; j < i; ++j) {
            if (m_attributes[i].name == m_attributes[j].name)
                return failWith(nullptr, Problem::DuplicateAttribute,
                                m_attributes[i].name->qualified, m_tagName->qualified)
                    != nullptr;
        }
    }
    if (m_attributePointers.size() < 5 * count)
        m_attributePointers.resize(5 * count); // never shrunk: no work for the next tag
    const auto *bytes = reinterpret_cast<const unsigned char *>(m_tagBytes.data());
    for (size_t i = 0; i < count; ++i) {
        const PendingAttribute &attribute = m_attributes[i];
        const unsigned char **slot = m_attributePointers.data() + 5 * i;
        slot[0] = reinterpret_cast<const unsigned char *>(attribute.name->local);
        slot[1] = nullptr;
        slot[2] = nullptr;
        if (attribute.rawValue.data() != nullptr) {
            slot[3] = reinterpret_cast<const unsigned char *>(attribute.rawValue.data());
            slot[4] = slot[3] + attribute.rawValue.size();
        } else {
            slot[3] = bytes + attribute.valueOffset;
            slot[4] = slot[3] + attribute.valueSize;
        }
    }
    m_seenRoot = true;
    m_atStart = false;
    const char *localName = m_tagName->local;
    m_handler.startElement(
        localName,
        XmlAttributes(m_attributePointers.data(), static_cast<int>(count), XmlAttributes::Decoded));
    if (!checkHandler())
        return false;
    if (empty) {
        m_handler.endElement(localName);
        return checkHandler();
    }
    m_open.push_back(m_tagName);
    return true;
}

const char *XmlScanner::endTag(const char *p, const char *end)
{
    const char *nameBegin = p + 2;
    const char *q = skipName(nameBegin, end);
    const char *close = skipSpace(q, end);
    if (close == end)
        return p;
    const QByteArrayView name(nameBegin, q - nameBegin);
    if (name.isEmpty() || *close != '>') {
        return failWith(p, Problem::MalformedEndTag);
    }
    if (m_open.empty()) {
        return failWith(p, Problem::EndWithoutStart, name);
    }
    const XmlNameTable::Name *open = m_open.back();
    if (!sameBytes(name, open->qualified)) {
        return failWith(p, Problem::EndMismatch, name, open->qualified);
    }
    m_open.pop_back();
    m_handler.endElement(open->local);
    return checkHandler() ? close + 1 : nullptr;
}

// "<!": a comment, a CDATA section or a document type declaration (refused).
const char *XmlScanner::declaration(const char *p, const char *end)
{
    const QByteArrayView rest(p, end - p);
    // Which of the three it is may only show after a few more bytes.
    const auto opens = [rest](QByteArrayView literal) {
        return literal.startsWith(rest.first(std::min(rest.size(), literal.size())));
    };
    const QByteArrayView comment("<!--");
    const QByteArrayView cdata("<![CDATA[");
    const QByteArrayView doctype("<!DOCTYPE");
    if (opens(comment)) {
        const char *close = rest.size() < comment.size() ? nullptr : find(p + 4, end, "-->");
        return close == nullptr ? p : close + 3;
    }
    if (opens(cdata)) {
        const char *close = rest.size() < cdata.size() ? nullptr : find(p + 9, end, "]]>");
        if (close == nullptr)
            return p;
        if (m_open.empty()) {
            fail(p, QStringLiteral("there is a CDATA section outside the root element"));
            return nullptr;
        }
        const char *contentBegin = p + cdata.size();
        if (close > contentBegin) {
            m_handler.characters(QByteArrayView(contentBegin, close - contentBegin));
            if (!checkHandler())
                return nullptr;
        }
        return close + 3;
    }
    if (opens(doctype)) {
        if (rest.size() < doctype.size())
            return p;
        m_failed = true;
        m_error = QStringLiteral("has a DTD (document type declaration), which is refused: it "
                                 "could expand entities or read other files");
        m_errorLine = lineAt(p);
        return nullptr;
    }
    fail(p, QStringLiteral("'<!' does not start a comment or a CDATA section"));
    return nullptr;
}

// "<?": the XML declaration at the very start, or a processing instruction (skipped).
const char *XmlScanner::processingInstruction(const char *p, const char *end)
{
    const char *close = find(p + 2, end, "?>");
    if (close == nullptr)
        return p;
    const QByteArrayView target(p + 2, skipName(p + 2, close) - (p + 2));
    if (target.compare(QByteArrayView("xml"), Qt::CaseInsensitive) == 0 && !m_atStart) {
        fail(p, QStringLiteral("the XML declaration is not at the start of the document"));
        return nullptr;
    }
    m_atStart = false;
    return close + 2;
}

const char *XmlScanner::find(const char *p, const char *end, QByteArrayView what)
{
    const QByteArrayView haystack(p, end - p);
    const qsizetype at = haystack.indexOf(what);
    return at < 0 ? nullptr : p + at;
}

int XmlScanner::lineAt(const char *at) const
{
    qint64 line = m_linesBefore + 1;
    if (at != nullptr && m_bufferBegin != nullptr) {
        line += countLineEnds(m_bufferBegin, at);
        line -= countLineEnds(m_bufferBegin, m_bufferBegin + m_bufferCarried);
    }
    return static_cast<int>(std::min<qint64>(line, std::numeric_limits<int>::max()));
}

// Out of the way of the hot paths: building a message there would cost every tag a stack frame.
const char *XmlScanner::failWith(const char *at, Problem problem, QByteArrayView first,
                                 QByteArrayView second)
{
    switch (problem) {
    case Problem::TextOutsideRoot:
        fail(at, QStringLiteral("there is text outside the root element"));
        break;
    case Problem::NoName:
        fail(at, QStringLiteral("'<' is not followed by a name"));
        break;
    case Problem::SlashWithoutClose:
        fail(at, QStringLiteral("'/' in tag %1 is not followed by '>'").arg(quoted(first)));
        break;
    case Problem::UnexpectedInTag:
        fail(at, QStringLiteral("unexpected character in tag %1").arg(quoted(first)));
        break;
    case Problem::TooManyNames:
        fail(at,
             QStringLiteral("the document has more than %1 distinct names")
                 .arg(XmlNameTable::MaxNames));
        break;
    case Problem::NoValue:
        fail(at, QStringLiteral("attribute %1 has no value").arg(quoted(first)));
        break;
    case Problem::Unquoted:
        fail(at, QStringLiteral("the value of attribute %1 is not in quotes").arg(quoted(first)));
        break;
    case Problem::LessInValue:
        fail(at, QStringLiteral("'<' inside the value of an attribute"));
        break;
    case Problem::AfterRoot:
        fail(at, QStringLiteral("element %1 follows the root element").arg(quoted(first)));
        break;
    case Problem::DuplicateAttribute:
        fail(at,
             QStringLiteral("attribute %1 appears twice in tag %2")
                 .arg(quoted(first), quoted(second)));
        break;
    case Problem::MalformedEndTag:
        fail(at, QStringLiteral("an end tag is malformed"));
        break;
    case Problem::EndWithoutStart:
        fail(at, QStringLiteral("end tag %1 has no start tag").arg(quoted(first)));
        break;
    case Problem::EndMismatch:
        fail(at,
             QStringLiteral("end tag %1 does not match start tag %2")
                 .arg(quoted(first), quoted(second)));
        break;
    }
    return nullptr;
}

bool XmlScanner::fail(const char *at, const QString &reason)
{
    if (m_failed)
        return false;
    m_failed = true;
    m_errorLine = lineAt(at);
    m_error = QStringLiteral("is not well-formed XML, line %1: %2").arg(m_errorLine).arg(reason);
    return false;
}

} // namespace sluice

// SPDX-License-Identifier: MIT
// XmlScanner's input checking and its cold paths: the UTF-8 and XML-character check of every
// chunk, references, the name table's slow path, and error messages with their line.
#include "models/source/xmlscanner.h"
#include "models/source/xmlscanner_p.h"

#include <algorithm>
#include <bit>
#include <limits>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace sluice {

using namespace xmlscanner;

namespace {

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

} // namespace

QString xmlscanner::quoted(QByteArrayView text)
{
    return QStringLiteral("'%1'").arg(
        QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 64))));
}

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

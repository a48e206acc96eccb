// SPDX-License-Identifier: MIT
#include "models/source/xmlscanner.h"

#include "models/source/xmlscanner_p.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace sluice {

using namespace xmlscanner;

XmlScanner::XmlScanner(XmlSaxHandler &handler)
    : m_handler(handler)
{
    m_tagBytes.reserve(256);
    m_text.reserve(256);
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

} // namespace sluice

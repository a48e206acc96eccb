// SPDX-License-Identifier: MIT
#include "models/upload/payloadwriter.h"

namespace sluice {

namespace {

char hexDigit(unsigned value)
{
    return "0123456789abcdef"[value & 0xF];
}

void appendEscapedAscii(QByteArray &out, char16_t c)
{
    switch (c) {
    case u'"':
        out += "\\\"";
        return;
    case u'\\':
        out += "\\\\";
        return;
    case u'\n':
        out += "\\n";
        return;
    case u'\r':
        out += "\\r";
        return;
    case u'\t':
        out += "\\t";
        return;
    case u'\b':
        out += "\\b";
        return;
    case u'\f':
        out += "\\f";
        return;
    default:
        out += "\\u00";
        out += hexDigit(unsigned(c) >> 4);
        out += hexDigit(c);
    }
}

// One UTF-16 code point (or a lone surrogate, written as U+FFFD) as UTF-8. Returns how many
// UTF-16 units it used.
qsizetype appendUtf8(QByteArray &out, const char16_t *p, const char16_t *end)
{
    char32_t code = *p;
    qsizetype used = 1;
    if (QChar::isHighSurrogate(code) && p + 1 < end && QChar::isLowSurrogate(p[1])) {
        code = QChar::surrogateToUcs4(char16_t(code), p[1]);
        used = 2;
    } else if (QChar::isSurrogate(code)) {
        code = 0xFFFD;
    }
    char bytes[4];
    int n = 0;
    if (code < 0x800) {
        bytes[n++] = char(0xC0 | (code >> 6));
    } else if (code < 0x10000) {
        bytes[n++] = char(0xE0 | (code >> 12));
        bytes[n++] = char(0x80 | ((code >> 6) & 0x3F));
    } else {
        bytes[n++] = char(0xF0 | (code >> 18));
        bytes[n++] = char(0x80 | ((code >> 12) & 0x3F));
        bytes[n++] = char(0x80 | ((code >> 6) & 0x3F));
    }
    bytes[n++] = char(0x80 | (code & 0x3F));
    out.append(bytes, n);
    return used;
}

void appendLatin1(QByteArray &out, QStringView text)
{
    const qsizetype start = out.size();
    out.resize(start + text.size());
    char *dst = out.data() + start;
    for (const QChar c : text)
        *dst++ = char(c.unicode());
}

} // namespace

PayloadWriter::PayloadWriter(const Resource &resource, const QString &solutionName,
                             OperationType operation, bool dryRun)
{
    for (const Attribute &attribute : resource.attributes) {
        QByteArray key;
        appendString(key, attribute.name);
        key += ':';
        m_keys.push_back(std::move(key));
    }
    m_head = "{\"solutionName\":";
    appendString(m_head, solutionName);
    m_head += ",\"operationType\":";
    appendString(m_head, operationTypeName(operation));
    m_head += dryRun ? ",\"dryRun\":true,\"data\":[" : ",\"dryRun\":false,\"data\":[";
}

void PayloadWriter::appendString(QByteArray &out, QStringView text)
{
    out.reserve(out.size() + text.size() + 2);
    out += '"';
    const auto *p = reinterpret_cast<const char16_t *>(text.utf16());
    const char16_t *end = p + text.size();
    while (p < end) {
        // Plain ASCII runs are the common case: copy them in one go.
        const char16_t *run = p;
        while (p < end && *p >= 0x20 && *p < 0x80 && *p != u'"' && *p != u'\\')
            ++p;
        if (p > run)
            appendLatin1(out, QStringView(run, p - run));
        if (p == end)
            break;
        if (*p < 0x80)
            appendEscapedAscii(out, *p++);
        else
            p += appendUtf8(out, p, end);
    }
    out += '"';
}

void PayloadWriter::appendRecord(QByteArray &out, const std::vector<NormalisedCell> &cells) const
{
    out += '{';
    const qsizetype count = std::min(qsizetype(m_keys.size()), qsizetype(cells.size()));
    bool first = true;
    for (qsizetype i = 0; i < count; ++i) {
        const NormalisedCell &cell = cells[size_t(i)];
        if (!cell.mapped)
            continue;
        if (!first)
            out += ',';
        first = false;
        out += m_keys[size_t(i)];
        if (cell.error || cell.value.isNull()) {
            out += "null";
            continue;
        }
        switch (cell.value.kind()) {
        case ApiValue::Kind::String:
            appendString(out, cell.value.text());
            break;
        case ApiValue::Kind::Json:
            // Compact JSON text may hold any character inside its strings.
            out += cell.value.text().toUtf8();
            break;
        default: // numbers and booleans are ASCII
            appendLatin1(out, cell.value.text());
            break;
        }
    }
    out += '}';
}

QByteArray PayloadWriter::body(QByteArrayView records) const
{
    QByteArray body;
    body.reserve(envelopeSize() + records.size());
    body += m_head;
    body += records;
    body += "]}";
    return body;
}

} // namespace sluice

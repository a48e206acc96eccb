// SPDX-License-Identifier: MIT
#include "models/source/sharedstringtable.h"

#include "models/source/xlsxpackage.h"

namespace sluice {

namespace {

// The code unit of an escape _xHHHH_ at pos, or -1.
int escapeAt(QByteArrayView text, qsizetype pos)
{
    if (pos + 7 > text.size() || text[pos] != '_' || text[pos + 1] != 'x' || text[pos + 6] != '_')
        return -1;
    int value = 0;
    for (qsizetype i = pos + 2; i < pos + 6; ++i) {
        const char c = text[i];
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

class SharedStringsHandler : public XmlSaxHandler
{
public:
    SharedStringsHandler(SharedStringTable &table, qint64 maxStringBytes)
        : m_table(table)
        , m_maxStringBytes(maxStringBytes)
    {}

    void startElement(const char *localName, const XmlAttributes &) override
    {
        if (isName(localName, "si")) {
            m_inItem = true;
            m_current.clear();
        } else if (isName(localName, "rPh")) {
            ++m_phoneticDepth; // furigana: not part of the cell's text
        } else if (isName(localName, "t")) {
            m_inText = m_inItem && m_phoneticDepth == 0;
        }
    }

    void endElement(const char *localName) override
    {
        if (isName(localName, "t")) {
            m_inText = false;
        } else if (isName(localName, "rPh")) {
            --m_phoneticDepth;
        } else if (isName(localName, "si")) {
            m_inItem = false;
            if (SharedStringTable::mayHaveEscapes(m_current))
                m_table.append(SharedStringTable::decodeEscapes(m_current));
            else
                m_table.append(m_current);
        }
    }

    void characters(QByteArrayView text) override
    {
        if (!m_inText)
            return;
        if (m_current.size() + text.size() > m_maxStringBytes) {
            stop(QStringLiteral("shared string %1 is longer than the limit of %2 bytes")
                     .arg(m_table.size())
                     .arg(m_maxStringBytes));
            return;
        }
        m_current.append(text);
    }

private:
    SharedStringTable &m_table;
    qint64 m_maxStringBytes;
    QByteArray m_current;
    int m_phoneticDepth = 0;
    bool m_inItem = false;
    bool m_inText = false;
};

} // namespace

QString SharedStringTable::load(XlsxPackage &package, const QString &partName,
                                qint64 maxStringBytes)
{
    SharedStringsHandler handler(*this, maxStringBytes);
    const QString error = package.parsePart(partName, handler);
    m_text.squeeze();
    return error;
}

void SharedStringTable::append(QByteArrayView text)
{
    m_text.append(text);
    m_ends.push_back(m_text.size());
}

QByteArray SharedStringTable::decodeEscapes(QByteArrayView text)
{
    QByteArray decoded;
    decoded.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        const int unit = escapeAt(text, i);
        if (unit < 0) {
            decoded.append(text[i++]);
            continue;
        }
        i += 7;
        char32_t codePoint = static_cast<char32_t>(unit);
        const int low = QChar::isHighSurrogate(codePoint) ? escapeAt(text, i) : -1;
        if (low >= 0 && QChar::isLowSurrogate(static_cast<char32_t>(low))) {
            codePoint
                = QChar::surrogateToUcs4(static_cast<char16_t>(unit), static_cast<char16_t>(low));
            i += 7;
        } else if (QChar::isSurrogate(codePoint)) {
            codePoint = QChar::ReplacementCharacter;
        }
        decoded.append(QStringView(QChar::fromUcs4(codePoint)).toUtf8());
    }
    return decoded;
}

} // namespace sluice

// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstring>

namespace sluice {

// The attributes of one start tag, as libxml2's SAX2 hands them over: five pointers per attribute
// (local name, prefix, URI, value begin, value end). Values are UTF-8 with entities decoded.
class XmlAttributes
{
public:
    // How '&' appears in the values: as libxml2 leaves it, or decoded (XmlScanner).
    enum Ampersands { AsLibxml2Reference, Decoded };

    XmlAttributes(const unsigned char **attributes, int count,
                  Ampersands ampersands = AsLibxml2Reference)
        : m_attributes(attributes)
        , m_count(count)
        , m_ampersandsDecoded(ampersands == Decoded)
    {}

    // The attribute's text with '&' restored: without entity substitution (refused for safety)
    // libxml2 hands '&amp;' over as "&#38;", and since every '&' in a value comes from such a
    // reference, each "&#38;" stands for one '&'.
    QByteArray text(const char *localName) const
    {
        QByteArray text = value(localName).toByteArray();
        if (!m_ampersandsDecoded && text.contains('&'))
            text.replace("&#38;", "&");
        return text;
    }

    // The raw value of the attribute with this local name (any namespace); null when absent.
    // Fine for values that cannot hold '&' (references, numbers, enumerations); else use text().
    QByteArrayView value(const char *localName) const
    {
        for (int i = 0; i < m_count; ++i) {
            const unsigned char **attribute = m_attributes + 5 * i;
            if (std::strcmp(reinterpret_cast<const char *>(attribute[0]), localName) == 0) {
                const char *begin = reinterpret_cast<const char *>(attribute[3]);
                const char *end = reinterpret_cast<const char *>(attribute[4]);
                return QByteArrayView(begin, end - begin);
            }
        }
        return {};
    }

    // By position, for a handler that looks at every attribute in one pass.
    int count() const { return m_count; }
    const char *localName(int index) const
    {
        return reinterpret_cast<const char *>(m_attributes[5 * index]);
    }
    QByteArrayView valueAt(int index) const
    {
        const char *begin = reinterpret_cast<const char *>(m_attributes[5 * index + 3]);
        const char *end = reinterpret_cast<const char *>(m_attributes[5 * index + 4]);
        return QByteArrayView(begin, end - begin);
    }

private:
    const unsigned char **m_attributes;
    int m_count;
    bool m_ampersandsDecoded;
};

// Receives the events of one XML part. Element names are local names: the namespace (transitional
// or Strict OOXML, any prefix) is not looked at. A handler stops the parse with stop().
class XmlSaxHandler
{
public:
    virtual ~XmlSaxHandler() = default;

    virtual void startElement(const char *localName, const XmlAttributes &attributes) = 0;
    virtual void endElement(const char *localName) = 0;
    // Text and CDATA, possibly in several pieces.
    virtual void characters(QByteArrayView text) { Q_UNUSED(text) }

    bool isStopped() const { return m_stopped; }
    // Why the handler stopped; empty for a cancel.
    QString stopReason() const { return m_stopReason; }

protected:
    void stop(const QString &reason = {})
    {
        m_stopped = true;
        m_stopReason = reason;
    }

private:
    bool m_stopped = false;
    QString m_stopReason;
};

inline bool isName(const char *localName, const char *name)
{
    return std::strcmp(localName, name) == 0;
}

} // namespace sluice

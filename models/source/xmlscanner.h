// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/xmlsaxhandler.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <string>
#include <vector>

namespace sluice {

// A small, strict XML parser for the parts of a spreadsheet package, fed chunk by chunk like
// XmlPushParser and delivering the same events. It exists for speed: a 1M-row sheet is 505 MB
// of XML, and libxml2 spent 2.2 of the 4 s such a sheet took to read (most of it in generic
// machinery: dictionaries, input buffers, per-character decoding). This parser reads UTF-8 only
// (canRead() says when the part is something else, e.g. UTF-16, and XmlPushParser takes it).
//
// It is a well-formedness checker, not a validator, and as strict as the spreadsheet parts need:
// every byte is valid UTF-8 and an XML character; names, attributes (quoted, unique, no '<'),
// references (the five predefined entities and character references of legal characters)
// and the nesting of tags are checked; one root element. A DTD is refused outright (no entity
// is ever declared, expanded or fetched), as are unknown entities. Attribute values and text
// are handed over decoded and with line ends normalised as XML requires. Namespaces are not
// resolved: the handlers look at local names only, so prefixes are stripped and xmlns
// declarations are not passed on as attributes.
class XmlScanner
{
public:
    explicit XmlScanner(XmlSaxHandler &handler);

    // True when the part starts in a way this parser reads: UTF-8 (or no) byte-order mark and
    // no encoding declaration other than UTF-8 or ASCII. head: the first bytes of the part.
    static bool canRead(QByteArrayView head);

    // False when the document is not well-formed, has a DTD, or the handler stopped.
    bool feed(const char *data, qsizetype size);
    bool finish();

    // Why feed() or finish() failed: the handler's reason, or the XML error with its line.
    QString errorString() const { return m_error; }
    int lineNumber() const { return m_errorLine; }

private:
    // Where scanning a buffer ended: at a token it needs more bytes to finish, or an error.
    struct Scan
    {
        const char *stop = nullptr;
        bool failed = false;
    };

    bool validate(const char *data, qsizetype size, qint64 *lineEnds);
    bool scanChunk(const char *data, qsizetype size);
    Scan scan(const char *begin, const char *end, bool final);

    const char *text(const char *p, const char *end, bool final);
    const char *decodedText(const char *p, const char *end, bool final);
    int decodeReference(const char *&p, const char *end, std::string &out);
    const char *markup(const char *p, const char *end);
    const char *startTag(const char *p, const char *end);
    size_t appendLocalName(QByteArrayView qualifiedName);
    const char *attribute(const char *p, const char *end);
    const char *decodeValue(const char *valueBegin, const char *end, char quote);
    bool emitStart(bool empty);
    const char *endTag(const char *p, const char *end);
    const char *declaration(const char *p, const char *end);
    const char *processingInstruction(const char *p, const char *end);
    static const char *find(const char *p, const char *end, QByteArrayView what);
    // False (and failed) once the handler has stopped the parse.
    bool checkHandler()
    {
        if (!m_handler.isStopped())
            return true;
        m_failed = true;
        m_error = m_handler.stopReason();
        return false;
    }

    int lineAt(const char *at) const;
    bool fail(const char *at, const QString &reason);

    XmlSaxHandler &m_handler;

    // Parse state.
    std::vector<qsizetype> m_openEnds; // end offset of each open element's name in m_openNames
    std::string m_openNames;           // qualified names of the open elements, back to back
    bool m_seenRoot = false;
    bool m_atStart = true; // nothing read yet but a byte-order mark: where the declaration goes
    bool m_failed = false;
    std::string m_carry; // an unfinished token from the end of the previous chunk

    // The tag being read. Local names (NUL-terminated, as the handlers want them) and decoded
    // values live in m_tagBytes, by offset since it may grow while the tag is read; at the end
    // they become the libxml2-shaped pointer array that XmlAttributes reads.
    struct PendingAttribute
    {
        QByteArrayView qualifiedName; // in the input, for the duplicate check
        size_t localName;             // offset in m_tagBytes
        QByteArrayView rawValue;      // in the input, when it needed no decoding
        size_t valueOffset;           // else its offset and size in m_tagBytes
        size_t valueSize;
    };
    QByteArrayView m_tagName; // qualified, in the input
    std::string m_tagBytes;
    std::vector<PendingAttribute> m_attributes;
    std::vector<const unsigned char *> m_attributePointers;
    std::string m_text; // decoded text or attribute value

    // Input checking across chunks.
    int m_utf8Need = 0; // continuation bytes still expected
    unsigned char m_utf8Low = 0x80;
    unsigned char m_utf8High = 0xBF;
    qint64 m_linesBefore = 0; // line ends before the chunk being scanned
    // The buffer being scanned, and how many of its first bytes came from earlier chunks (the
    // carry): for the line number of an error.
    const char *m_bufferBegin = nullptr;
    qsizetype m_bufferCarried = 0;

    QString m_error;
    int m_errorLine = 0;
};

} // namespace sluice

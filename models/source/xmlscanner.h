// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/xmlsaxhandler.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sluice {

// The names of one document, each stored once with its local part (after any prefix), so the
// parser hands out stable NUL-terminated names without copying them for every tag. A sheet has
// a dozen distinct names and 10^7 tags: a small cache of recent names answers nearly every look-up.
class XmlNameTable
{
public:
    struct Name
    {
        std::string qualified;
        const char *local; // points into qualified
    };

    // Past this many distinct names a document is refused: no spreadsheet part has a thousand.
    static constexpr size_t MaxNames = 65536;

    // The entry for a qualified name; null when the table is full. Inline: it runs for every
    // tag and attribute.
    const Name *find(QByteArrayView qualified)
    {
        const auto size = static_cast<size_t>(qualified.size());
        const auto byte = [qualified](qsizetype i) {
            return static_cast<unsigned char>(qualified[i]);
        };
        // One-letter names ("c", "r", "s", "t", "v": most of a sheet) by their letter; others
        // by a multiplicative hash of the length and three letters.
        size_t slot = byte(0);
        if (size > 1) {
            const uint32_t mix = static_cast<uint32_t>(size) << 24 ^ uint32_t { byte(0) } << 16
                ^ uint32_t { byte(qualified.size() / 2) } << 8 ^ byte(qualified.size() - 1);
            slot = 256 + ((mix * 2654435761u) >> (32 - RecentBits));
        }
        const Name *recent = m_recent[slot];
        if (recent == nullptr || recent->qualified.size() != size)
            return findOrAdd(qualified, slot);
        // A loop, not memcmp: names are a few letters, and a call costs more than comparing them.
        for (size_t i = 0; i < size; ++i) {
            if (recent->qualified[i] != qualified[static_cast<qsizetype>(i)])
                return findOrAdd(qualified, slot);
        }
        return recent;
    }

private:
    const Name *findOrAdd(QByteArrayView qualified, size_t slot);

    static constexpr int RecentBits = 8;
    std::array<const Name *, 256 + (size_t {1} << RecentBits)> m_recent {};
    std::unordered_map<std::string_view, std::unique_ptr<Name>> m_names; // keys view qualified
};

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
    const XmlNameTable::Name *name(const char *begin, const char *end);
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

    // The errors of the hot paths, which must not build a message inline.
    enum class Problem {
        TextOutsideRoot,
        NoName,
        SlashWithoutClose,
        UnexpectedInTag,
        TooManyNames,
        NoValue,
        Unquoted,
        LessInValue,
        AfterRoot,
        DuplicateAttribute,
        MalformedEndTag,
        EndWithoutStart,
        EndMismatch,
    };

    int lineAt(const char *at) const;
    // Both record the first error with its line and return false or null.
    bool fail(const char *at, const QString &reason);
    [[gnu::cold, gnu::noinline]] const char *failWith(const char *at, Problem problem,
                                                      QByteArrayView first = {},
                                                      QByteArrayView second = {});

    XmlSaxHandler &m_handler;

    // Parse state.
    XmlNameTable m_names;
    std::vector<const XmlNameTable::Name *> m_open; // the open elements, innermost last
    bool m_seenRoot = false;
    bool m_atStart = true; // nothing read yet but a byte-order mark: where the declaration goes
    bool m_failed = false;
    std::string m_carry; // an unfinished token from the end of the previous chunk

    // The tag being read. Decoded values live in m_tagBytes, by offset since it may grow while
    // the tag is read; at the end the attributes become the libxml2-shaped pointer array that
    // XmlAttributes reads.
    struct PendingAttribute
    {
        const XmlNameTable::Name *name;
        QByteArrayView rawValue; // in the input, when it needed no decoding
        size_t valueOffset;      // else its offset and size in m_tagBytes
        size_t valueSize;
    };
    const XmlNameTable::Name *m_tagName = nullptr;
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

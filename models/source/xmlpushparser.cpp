// SPDX-License-Identifier: MIT
#include "models/source/xmlpushparser.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <mutex>

namespace sluice {

namespace {

XmlPushParser &parserOf(void *context)
{
    auto *xmlContext = static_cast<xmlParserCtxtPtr>(context);
    return *static_cast<XmlPushParser *>(xmlContext->_private);
}

const char *chars(const xmlChar *text)
{
    return reinterpret_cast<const char *>(text);
}

void onStartElement(void *context, const xmlChar *localName, const xmlChar *, const xmlChar *, int,
                    const xmlChar **, int attributeCount, int, const xmlChar **attributes)
{
    XmlPushParser &parser = parserOf(context);
    parser.handler().startElement(chars(localName), XmlAttributes(attributes, attributeCount));
    parser.stopIfHandlerStopped();
}

void onEndElement(void *context, const xmlChar *localName, const xmlChar *, const xmlChar *)
{
    XmlPushParser &parser = parserOf(context);
    parser.handler().endElement(chars(localName));
    parser.stopIfHandlerStopped();
}

void onCharacters(void *context, const xmlChar *text, int length)
{
    XmlPushParser &parser = parserOf(context);
    parser.handler().characters(QByteArrayView(chars(text), length));
    parser.stopIfHandlerStopped();
}

// A DTD is how billion-laughs and external-entity (XXE) attacks start; no spreadsheet part
// needs one, so its mere presence ends the parse.
void onInternalSubset(void *context, const xmlChar *, const xmlChar *, const xmlChar *)
{
    parserOf(context).refuseDtd();
}

void onEntityDecl(void *context, const xmlChar *, int, const xmlChar *, const xmlChar *, xmlChar *)
{
    parserOf(context).refuseDtd();
}

// Never resolve an entity the document did not get from XML itself.
xmlEntityPtr onGetEntity(void *, const xmlChar *)
{
    return nullptr;
}

void onStructuredError(void *userData, xmlErrorPtr error)
{
    if (error == nullptr || error->level < XML_ERR_ERROR)
        return;
    auto *xmlContext = static_cast<xmlParserCtxtPtr>(error->ctxt);
    if (xmlContext == nullptr || xmlContext->_private == nullptr)
        return;
    Q_UNUSED(userData)
    const QString message = QString::fromUtf8(error->message).trimmed();
    static_cast<XmlPushParser *>(xmlContext->_private)->recordError(message, error->line);
}

xmlSAXHandler makeSaxHandler()
{
    xmlSAXHandler sax {};
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = onStartElement;
    sax.endElementNs = onEndElement;
    sax.characters = onCharacters;
    sax.ignorableWhitespace = onCharacters;
    sax.cdataBlock = onCharacters;
    sax.internalSubset = onInternalSubset;
    sax.externalSubset = onInternalSubset;
    sax.entityDecl = onEntityDecl;
    sax.getEntity = onGetEntity;
    sax.getParameterEntity = onGetEntity;
    sax.serror = onStructuredError;
    return sax;
}

} // namespace

XmlPushParser::XmlPushParser(XmlSaxHandler &handler)
    : m_handler(handler)
{
    static std::once_flag initialised;
    std::call_once(initialised, [] { xmlInitParser(); });
    static xmlSAXHandler sax = makeSaxHandler();
    m_context = xmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, nullptr);
    if (m_context == nullptr) {
        m_failed = true;
        m_error = QStringLiteral("the XML parser could not be created");
        return;
    }
    m_context->_private = this;
    // No NOENT (entity substitution), no DTDLOAD/DTDATTR, no network. NOERROR: errors reach
    // onStructuredError only, never stderr.
    xmlCtxtUseOptions(
        m_context, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    m_context->replaceEntities = 0;
}

XmlPushParser::~XmlPushParser()
{
    if (m_context != nullptr)
        xmlFreeParserCtxt(m_context);
}

bool XmlPushParser::check(int code)
{
    if (m_handler.isStopped()) {
        m_failed = true;
        if (m_error.isEmpty())
            m_error = m_handler.stopReason();
    }
    if (code != 0 && !m_failed) {
        m_failed = true;
        if (m_error.isEmpty())
            m_error = QStringLiteral("is not well-formed XML (line %1)").arg(lineNumber());
    }
    return !m_failed;
}

bool XmlPushParser::feed(const char *data, qsizetype size)
{
    if (m_failed)
        return false;
    // Chunks are small (64 KiB); libxml2 takes an int.
    return check(xmlParseChunk(m_context, data, static_cast<int>(size), 0));
}

bool XmlPushParser::finish()
{
    if (m_failed)
        return false;
    return check(xmlParseChunk(m_context, nullptr, 0, 1));
}

QString XmlPushParser::errorString() const
{
    return m_error;
}

int XmlPushParser::lineNumber() const
{
    return m_context != nullptr ? xmlSAX2GetLineNumber(m_context) : 0;
}

void XmlPushParser::refuseDtd()
{
    if (!m_failed) {
        m_failed = true;
        m_error = QStringLiteral("has a DTD (document type declaration), which is refused: it "
                                 "could expand entities or read other files");
    }
    xmlStopParser(m_context);
}

void XmlPushParser::recordError(const QString &message, int line)
{
    if (!m_failed) {
        m_failed = true;
        m_error = QStringLiteral("is not well-formed XML, line %1: %2").arg(line).arg(message);
    }
}

void XmlPushParser::stopIfHandlerStopped()
{
    if (m_handler.isStopped())
        xmlStopParser(m_context);
}

} // namespace sluice

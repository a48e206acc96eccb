// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/xmlsaxhandler.h"

#include <QString>

struct _xmlParserCtxt;

namespace sluice {

// libxml2's SAX2 push parser, fed chunk by chunk, so a part is never held whole in memory. It is
// set up for hostile input: any DTD (internal subset or entity declaration) is refused, nothing
// is loaded from the network or the file system, and entities are never substituted.
class XmlPushParser
{
public:
    explicit XmlPushParser(XmlSaxHandler &handler);
    ~XmlPushParser();
    XmlPushParser(const XmlPushParser &) = delete;
    XmlPushParser &operator=(const XmlPushParser &) = delete;

    // False when the document is not well-formed, has a DTD, or the handler stopped.
    bool feed(const char *data, qsizetype size);
    bool finish();

    // Why feed() or finish() failed: the handler's reason, or the XML error with its line.
    QString errorString() const;
    int lineNumber() const;

    // Called from the C callbacks.
    void refuseDtd();
    void recordError(const QString &message, int line);
    XmlSaxHandler &handler() { return m_handler; }
    void stopIfHandlerStopped();

private:
    bool check(int code);

    XmlSaxHandler &m_handler;
    _xmlParserCtxt *m_context = nullptr;
    QString m_error;
    bool m_failed = false;
};

} // namespace sluice

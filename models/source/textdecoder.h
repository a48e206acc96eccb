// SPDX-License-Identifier: MIT
#pragma once

#include "models/source/csvoptions.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringDecoder>

namespace sluice {

// Turns text in a file's encoding into UTF-8, slice by slice (a character may span two slices).
// Windows-1252 has its own table: Qt's codec for it depends on ICU, and a euro sign (0x80) read as
// ISO-8859-1 would silently become a control character.
class TextDecoder
{
public:
    explicit TextDecoder(TextEncoding encoding);

    QByteArray toUtf8(QByteArrayView bytes);

private:
    TextEncoding m_encoding;
    QStringDecoder m_utf16;
};

} // namespace sluice

// SPDX-License-Identifier: MIT
#include "models/source/csvoptions.h"

namespace sluice {

QString textEncodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Auto:
        return QStringLiteral("auto");
    case TextEncoding::Utf8:
        return QStringLiteral("utf-8");
    case TextEncoding::Utf16LE:
        return QStringLiteral("utf-16-le");
    case TextEncoding::Utf16BE:
        return QStringLiteral("utf-16-be");
    case TextEncoding::Windows1252:
        return QStringLiteral("cp1252");
    }
    return {};
}

QString lineTerminatorName(LineTerminator terminator)
{
    switch (terminator) {
    case LineTerminator::None:
        return QStringLiteral("none");
    case LineTerminator::LF:
        return QStringLiteral("LF");
    case LineTerminator::CRLF:
        return QStringLiteral("CRLF");
    case LineTerminator::CR:
        return QStringLiteral("CR");
    }
    return {};
}

} // namespace sluice

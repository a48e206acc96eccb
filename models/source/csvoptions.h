// SPDX-License-Identifier: MIT
#pragma once

#include <QChar>
#include <QString>

namespace sluice {

enum class TextEncoding { Auto, Utf8, Utf16LE, Utf16BE, Windows1252 };
enum class LineTerminator { None, LF, CRLF, CR };

// "utf-8", "utf-16-le", "cp1252", … as the corpus spells them; "auto" for Auto.
QString textEncodingName(TextEncoding encoding);
QString lineTerminatorName(LineTerminator terminator);

// How to read a delimited text file. A value type, so the GUI can show a live preview of the
// first rows under the options being chosen. Unset parts are detected.
struct CsvOptions
{
    TextEncoding encoding = TextEncoding::Auto;
    QChar delimiter;           // QChar() detects: , ; tab |
    QChar quote = u'"';        // QChar() reads quotes as plain text
    bool honourSepHint = true; // Excel's first line "sep=;" sets the delimiter and is skipped

    friend bool operator==(const CsvOptions &, const CsvOptions &) = default;
};

// What a CSV file turned out to be, after detection and the user's choices.
struct CsvDialect
{
    TextEncoding encoding = TextEncoding::Utf8; // never Auto
    bool bom = false;
    char delimiter = ',';
    char quote = '"'; // 0: none
    LineTerminator lineTerminator = LineTerminator::None;
    int skipLines = 0; // leading lines that are not data (the sep= hint)
    int bomBytes = 0;

    friend bool operator==(const CsvDialect &, const CsvDialect &) = default;
};

} // namespace sluice

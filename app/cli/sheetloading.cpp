// SPDX-License-Identifier: MIT
#include "app/cli/sheetloading.h"

#include "models/source/csvoptions.h"
#include "models/source/readerfactory.h"
#include "models/source/readsink.h"

namespace sluice::cli {

namespace {

struct UsageError
{
    QString message;
};

Result<CsvOptions, UsageError> csvOptionsFrom(const QCommandLineParser &parser,
                                              const SheetOptions &options)
{
    CsvOptions csv;
    if (parser.isSet(options.encoding)) {
        const QString name = parser.value(options.encoding).toLower();
        if (name == u"utf-8" || name == u"utf8")
            csv.encoding = TextEncoding::Utf8;
        else if (name == u"utf-16-le" || name == u"utf-16le" || name == u"utf-16")
            csv.encoding = TextEncoding::Utf16LE;
        else if (name == u"utf-16-be" || name == u"utf-16be")
            csv.encoding = TextEncoding::Utf16BE;
        else if (name == u"cp1252" || name == u"windows-1252")
            csv.encoding = TextEncoding::Windows1252;
        else
            return UsageError {QStringLiteral("unknown encoding '%1'").arg(name)};
    }
    if (parser.isSet(options.delimiter)) {
        const QString value = parser.value(options.delimiter);
        if (value == u"tab" || value == u"\\t")
            csv.delimiter = u'\t';
        else if (value.size() == 1 && value[0].unicode() < 0x80)
            csv.delimiter = value[0];
        else
            return UsageError {QStringLiteral("the delimiter is one ASCII character or 'tab'")};
    }
    return csv;
}

// The sheet the user named, or the first visible worksheet.
Result<int, UsageError> chooseSheet(const QList<SheetInfo> &sheets, const QString &wanted)
{
    if (wanted.isEmpty()) {
        for (int i = 0; i < sheets.size(); ++i) {
            if (sheets[i].kind == SheetKind::Worksheet && sheets[i].state == SheetState::Visible)
                return i;
        }
        return 0;
    }
    bool isNumber = false;
    const int number = wanted.toInt(&isNumber);
    if (isNumber && number >= 1 && number <= sheets.size())
        return number - 1;
    for (int i = 0; i < sheets.size(); ++i) {
        if (sheets[i].name == wanted)
            return i;
    }
    return UsageError {QStringLiteral("no sheet '%1'").arg(wanted)};
}

} // namespace

Result<LoadedSheet, LoadFailure> loadSheet(const QString &path, const QCommandLineParser &parser,
                                           const SheetOptions &options, bool readSheet)
{
    const auto csvOptions = csvOptionsFrom(parser, options);
    if (!csvOptions)
        return LoadFailure {2, csvOptions.error().message};
    std::optional<qsizetype> headerRow;
    if (parser.isSet(options.headerRow)) {
        bool ok = false;
        const qsizetype row = parser.value(options.headerRow).toLongLong(&ok);
        if (!ok || row < 1)
            return LoadFailure {2, QStringLiteral("--header-row takes a row number from 1")};
        headerRow = row - 1;
    }
    auto reader = ReaderFactory::create(path, *csvOptions);
    if (!reader)
        return LoadFailure {1, reader.error().message};
    LoadedSheet loaded;
    loaded.reader = std::move(reader).value();
    auto sheets = loaded.reader->open(path);
    if (!sheets)
        return LoadFailure {1, sheets.error().message};
    loaded.sheets = *sheets;
    if (!readSheet)
        return loaded;
    const auto sheet = chooseSheet(loaded.sheets, parser.value(options.sheet));
    if (!sheet)
        return LoadFailure {2, sheet.error().message};
    loaded.sheetIndex = *sheet;
    CollectingSink sink;
    const auto end = loaded.reader->readSheet(*sheet, sink);
    if (!end)
        return LoadFailure {1, end.error().message};
    loaded.table = std::move(sink.table());
    loaded.layout = HeaderDetector::detect(loaded.table, headerRow);
    return loaded;
}

} // namespace sluice::cli

// SPDX-License-Identifier: MIT
#include "models/source/csvdialectdetector.h"

#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <thread>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace sluice {

namespace {

constexpr qsizetype SampleBytes = 64 * 1024;
constexpr int SampleRecords = 100;

struct Bom
{
    TextEncoding encoding;
    int bytes;
};

Bom readBom(QByteArrayView bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return {TextEncoding::Utf8, 3};
    if (bytes.startsWith("\xFF\xFE"))
        return {TextEncoding::Utf16LE, 2};
    if (bytes.startsWith("\xFE\xFF"))
        return {TextEncoding::Utf16BE, 2};
    return {TextEncoding::Auto, 0};
}

// UTF-16 without a byte-order mark: most text is ASCII, so every other byte is NUL.
TextEncoding guessUtf16(QByteArrayView head)
{
    const qsizetype pairs = std::min<qsizetype>(head.size(), 4096) / 2;
    if (pairs < 2)
        return TextEncoding::Auto;
    qsizetype evenNuls = 0;
    qsizetype oddNuls = 0;
    for (qsizetype i = 0; i < pairs; ++i) {
        evenNuls += head[2 * i] == '\0';
        oddNuls += head[2 * i + 1] == '\0';
    }
    if (oddNuls * 10 >= pairs * 4 && evenNuls * 10 < pairs)
        return TextEncoding::Utf16LE;
    if (evenNuls * 10 >= pairs * 4 && oddNuls * 10 < pairs)
        return TextEncoding::Utf16BE;
    return TextEncoding::Auto;
}

// The start of the text as UTF-8 (or an ASCII-compatible 8-bit encoding), for sniffing.
QByteArray sampleOf(QByteArrayView bytes, TextEncoding encoding, int bomBytes)
{
    const QByteArrayView head
        = bytes.sliced(bomBytes).first(std::min<qsizetype>(SampleBytes, bytes.size() - bomBytes));
    if (encoding != TextEncoding::Utf16LE && encoding != TextEncoding::Utf16BE)
        return head.toByteArray();
    QStringDecoder decoder(encoding == TextEncoding::Utf16LE ? QStringConverter::Utf16LE
                                                             : QStringConverter::Utf16BE);
    const QString text = decoder.decode(head);
    return text.toUtf8();
}

qsizetype lineOfOffset(QByteArrayView bytes, qsizetype offset)
{
    qsizetype line = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes[i] == '\n'
            || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n')))
            ++line;
    }
    return line;
}

// Field counts of the first records, reading quotes as RFC 4180 does.
std::vector<int> fieldCounts(QByteArrayView sample, char delimiter, char quote)
{
    std::vector<int> counts;
    int fields = 1;
    bool inQuotes = false;
    bool lineHasContent = false;
    for (qsizetype i = 0; i < sample.size() && counts.size() < SampleRecords; ++i) {
        const char c = sample[i];
        if (quote != 0 && c == quote) {
            inQuotes = !inQuotes;
        } else if (!inQuotes && c == delimiter) {
            ++fields;
        } else if (!inQuotes && (c == '\n' || c == '\r')) {
            if (lineHasContent || fields > 1)
                counts.push_back(fields);
            if (c == '\r' && i + 1 < sample.size() && sample[i + 1] == '\n')
                ++i;
            fields = 1;
            lineHasContent = false;
            continue;
        }
        lineHasContent = true;
    }
    if (lineHasContent && counts.size() < SampleRecords && !inQuotes)
        counts.push_back(fields);
    return counts;
}

struct DelimiterScore
{
    qsizetype consistent = 0; // records with the most common field count
    int fields = 1;           // that most common field count
};

DelimiterScore score(const std::vector<int> &counts)
{
    std::map<int, qsizetype> frequency;
    for (int count : counts)
        ++frequency[count];
    DelimiterScore best;
    for (const auto &[fields, times] : frequency) {
        if (fields > 1
            && (times > best.consistent || (times == best.consistent && fields > best.fields)))
            best = {times, fields};
    }
    return best;
}

char sniffDelimiter(QByteArrayView sample, char quote, const QString &extension)
{
    const bool tabFirst = extension == u"tsv" || extension == u"tab" || extension == u"txt";
    const std::array<char, 4> candidates = tabFirst ? std::array<char, 4> {'\t', ',', ';', '|'}
                                                    : std::array<char, 4> {',', ';', '\t', '|'};
    char chosen = candidates.front();
    DelimiterScore best;
    for (char candidate : candidates) {
        const DelimiterScore current = score(fieldCounts(sample, candidate, quote));
        if (current.consistent > best.consistent
            || (current.consistent == best.consistent && current.fields > best.fields)) {
            best = current;
            chosen = candidate;
        }
    }
    return chosen;
}

LineTerminator firstLineTerminator(QByteArrayView sample, char quote)
{
    bool inQuotes = false;
    for (qsizetype i = 0; i < sample.size(); ++i) {
        const char c = sample[i];
        if (quote != 0 && c == quote)
            inQuotes = !inQuotes;
        else if (!inQuotes && c == '\n')
            return LineTerminator::LF;
        else if (!inQuotes && c == '\r')
            return i + 1 < sample.size() && sample[i + 1] == '\n' ? LineTerminator::CRLF
                                                                  : LineTerminator::CR;
    }
    return LineTerminator::None;
}

// Excel's delimiter hint: a first line "sep=;" (any one character).
bool readSepHint(QByteArrayView sample, char &delimiter)
{
    if (sample.size() < 5 || sample.first(4).compare("sep=", Qt::CaseInsensitive) != 0)
        return false;
    const bool lineEnds = sample.size() == 5 || sample[5] == '\n' || sample[5] == '\r';
    if (!lineEnds || static_cast<unsigned char>(sample[4]) >= 0x80)
        return false;
    delimiter = sample[4];
    return true;
}

} // namespace

qsizetype CsvDialectDetector::firstInvalidUtf8(QByteArrayView bytes)
{
    // Large files are checked on both cores: the second half from a character boundary.
    constexpr qsizetype ParallelFrom = qsizetype(16) << 20;
    if (bytes.size() < ParallelFrom || std::thread::hardware_concurrency() < 2)
        return firstInvalidUtf8InOneRun(bytes);
    qsizetype split = bytes.size() / 2;
    for (int back = 0; back < 3 && (static_cast<unsigned char>(bytes[split]) & 0xC0) == 0x80;
         ++back)
        --split;
    qsizetype secondInvalid = -1;
    std::thread second([&] { secondInvalid = firstInvalidUtf8InOneRun(bytes.sliced(split)); });
    const qsizetype firstInvalid = firstInvalidUtf8InOneRun(bytes.first(split));
    second.join();
    if (firstInvalid >= 0)
        return firstInvalid;
    return secondInvalid >= 0 ? split + secondInvalid : -1;
}

qsizetype CsvDialectDetector::firstInvalidUtf8InOneRun(QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        // ASCII runs are most of any file: test 64 bytes at a time where SSE2 is there (every
        // x86-64), else eight.
#ifdef __SSE2__
        if (i + 64 <= size) {
            const auto *block = reinterpret_cast<const __m128i *>(data + i);
            const __m128i any = _mm_or_si128(
                _mm_or_si128(_mm_loadu_si128(block), _mm_loadu_si128(block + 1)),
                _mm_or_si128(_mm_loadu_si128(block + 2), _mm_loadu_si128(block + 3)));
            if (_mm_movemask_epi8(any) == 0) {
                i += 64;
                continue;
            }
        }
#endif
        if (i + 8 <= size) {
            quint64 chunk;
            std::memcpy(&chunk, data + i, 8);
            if ((chunk & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        // Overlong forms and surrogates are invalid too: check the decoded value's range.
        int length = 0;
        unsigned int minimum = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            minimum = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            minimum = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            minimum = 0x10000;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        unsigned int codePoint = lead & (0x7Fu >> length);
        for (int k = 1; k < length; ++k) {
            if ((data[i + k] & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (data[i + k] & 0x3Fu);
        }
        if (codePoint < minimum || codePoint > 0x10FFFF
            || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

Result<CsvDialect> CsvDialectDetector::detect(QByteArrayView wholeFile, const CsvOptions &options,
                                              const QString &extension)
{
    if (wholeFile.isEmpty())
        return Error {tr("the file is empty (0 bytes)")};
    CsvDialect dialect;
    const Bom bom = readBom(wholeFile);
    dialect.bom = bom.bytes > 0;
    dialect.bomBytes = bom.bytes;
    TextEncoding encoding
        = options.encoding != TextEncoding::Auto ? options.encoding : bom.encoding;
    if (encoding == TextEncoding::Auto)
        encoding = guessUtf16(wholeFile);
    const QByteArrayView text = wholeFile.sliced(bom.bytes);
    const bool eightBit = encoding != TextEncoding::Utf16LE && encoding != TextEncoding::Utf16BE;
    if (eightBit && text.first(std::min<qsizetype>(SampleBytes, text.size())).contains('\0'))
        return Error {tr("it contains NUL bytes, so it is not a text file (is it a spreadsheet or "
                         "an image with a .csv name?)")};
    if (encoding == TextEncoding::Auto || encoding == TextEncoding::Utf8) {
        const qsizetype invalid = firstInvalidUtf8(text);
        if (invalid >= 0
            && (bom.encoding == TextEncoding::Utf8 || options.encoding == TextEncoding::Utf8)) {
            return Error {
                tr("line %1: invalid UTF-8 (byte 0x%2), although the file is declared "
                   "UTF-8; choose another encoding")
                    .arg(lineOfOffset(text, invalid))
                    .arg(static_cast<unsigned char>(text[invalid]), 2, 16, QLatin1Char('0'))};
        }
        encoding = invalid >= 0 ? TextEncoding::Windows1252 : TextEncoding::Utf8;
    }
    dialect.encoding = encoding;
    dialect.quote = options.quote.isNull() ? '\0' : static_cast<char>(options.quote.toLatin1());

    QByteArray sample = sampleOf(wholeFile, encoding, bom.bytes);
    char hinted = 0;
    if (options.honourSepHint && readSepHint(sample, hinted)) {
        dialect.skipLines = 1;
        qsizetype next = 5;
        if (next < sample.size() && sample[next] == '\r')
            ++next;
        if (next < sample.size() && sample[next] == '\n')
            ++next;
        sample = sample.sliced(next);
    }
    if (!options.delimiter.isNull())
        dialect.delimiter = static_cast<char>(options.delimiter.toLatin1());
    else if (hinted != 0)
        dialect.delimiter = hinted;
    else
        dialect.delimiter = sniffDelimiter(sample, dialect.quote, extension);
    dialect.lineTerminator = firstLineTerminator(sample, dialect.quote);
    return dialect;
}

} // namespace sluice

// SPDX-License-Identifier: MIT
#include "models/source/csvreader.h"

#include "models/source/csvdialectdetector.h"
#include "models/source/textdecoder.h"

#include <QFileInfo>

#include <atomic>
#include <cstring>
#include <thread>

#if __has_include(<sys/mman.h>)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace sluice {

namespace {

// Bytes read and converted at a time: large enough to keep the tokenizer in its fast loop, small
// enough for progress and cancel to answer several times a second.
constexpr qsizetype SliceBytes = qsizetype(4) << 20;

// The text after the first line break: the sep= hint line is not data.
QByteArrayView withoutFirstLine(QByteArrayView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            return text.sliced(i + 1);
        if (text[i] == '\r')
            return text.sliced(i + 1 < text.size() && text[i + 1] == '\n' ? i + 2 : i + 1);
    }
    return {};
}

// Gives back the mapped pages of text already read, so the unmapping at the end has little left
// to do and both cores share the work. A later read of the same bytes maps them again.
void releaseRead(QByteArrayView read)
{
#if defined(MADV_DONTNEED)
    static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto start = reinterpret_cast<std::uintptr_t>(read.data());
    const std::uintptr_t begin = (start + page - 1) & ~(page - 1);
    const std::uintptr_t end = (start + static_cast<std::uintptr_t>(read.size())) & ~(page - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_DONTNEED);
#else
    Q_UNUSED(read)
#endif
}

} // namespace

// Keeps the second half's blocks until the first half is done; stops when told to.
class CsvReader::BlockCollector : public ReadSink
{
public:
    explicit BlockCollector(const std::atomic_bool &stop)
        : m_stop(stop)
    {}
    bool rowsRead(SheetTable &&rows) override
    {
        blocks.push_back(std::move(rows));
        return !m_stop;
    }
    bool progressed(const ReadProgress &) override { return !m_stop; }

    std::vector<SheetTable> blocks;

private:
    const std::atomic_bool &m_stop;
};

CsvReader::CsvReader(CsvOptions options)
    : m_options(options)
{}

CsvReader::~CsvReader() = default;

Error CsvReader::fileError(const QString &reason) const
{
    return Error {QStringLiteral("%1: %2").arg(m_fileName, reason)};
}

QByteArrayView CsvReader::text() const
{
    const QByteArrayView all(reinterpret_cast<const char *>(m_map), m_file.size());
    return all.sliced(m_dialect.bomBytes);
}

Result<QList<SheetInfo>> CsvReader::open(const QString &path, const ReadLimits &limits)
{
    m_limits = limits;
    m_fileName = QFileInfo(path).fileName();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return fileError(tr("cannot open it: %1").arg(m_file.errorString()));
    if (m_file.size() == 0)
        return fileError(tr("the file is empty (0 bytes)"));
    m_map = m_file.map(0, m_file.size());
    if (!m_map)
        return fileError(tr("cannot read it: %1").arg(m_file.errorString()));
    const QByteArrayView all(reinterpret_cast<const char *>(m_map), m_file.size());
    const Result<CsvDialect> dialect
        = CsvDialectDetector::detect(all, m_options, QFileInfo(path).suffix().toLower());
    if (!dialect)
        return fileError(dialect.error().message);
    m_dialect = *dialect;
    return QList<SheetInfo> {SheetInfo {QFileInfo(path).completeBaseName()}};
}

Result<ReadEnd> CsvReader::readSheet(int sheetIndex, ReadSink &sink)
{
    if (!m_map)
        return fileError(tr("the file is not open"));
    if (sheetIndex != 0)
        return fileError(tr("a text file has one sheet only"));
    CsvTokenizer tokenizer(m_dialect.delimiter, m_dialect.quote, m_limits, sink);
    m_joinedHalves = false;
    const bool twoHalves = m_dialect.encoding == TextEncoding::Utf8
        && text().size() >= m_parallelThreshold && std::thread::hardware_concurrency() > 1;
    const Result<ReadEnd> end
        = twoHalves ? readHalves(tokenizer, sink) : readSequentially(tokenizer, sink);
    m_ragged = tokenizer.raggedRows();
    m_raggedCount = tokenizer.raggedRowCount();
    // Mapped pages count as resident memory; the cells now live in the sink's table.
    m_file.unmap(m_map);
    m_map = nullptr;
    return end;
}

std::optional<Result<ReadEnd>> CsvReader::feedRange(CsvTokenizer &tokenizer, ReadSink &sink,
                                                    Feed &feed, qsizetype from, qsizetype to)
{
    const QByteArrayView all = text();
    const bool convert = m_dialect.encoding != TextEncoding::Utf8;
    for (qsizetype offset = from; offset < to; offset += SliceBytes) {
        const QByteArrayView slice = all.sliced(offset, std::min(SliceBytes, to - offset));
        const QByteArray converted = convert ? feed.decoder.toUtf8(slice) : QByteArray();
        QByteArrayView utf8 = convert ? QByteArrayView(converted) : slice;
        if (feed.skipHint) {
            utf8 = withoutFirstLine(utf8);
            feed.skipHint = false;
        }
        if (const auto problem = tokenizer.feed(utf8))
            return Result<ReadEnd>(fileError(problem->message()));
        releaseRead(slice); // the tokenizer keeps no view into it: split fields are copied
        const ReadProgress progress {offset + slice.size(), all.size(), tokenizer.recordCount()};
        if (tokenizer.isCancelled() || !sink.progressed(progress))
            return Result<ReadEnd>(ReadEnd::Cancelled);
    }
    return std::nullopt;
}

Result<ReadEnd> CsvReader::finishRead(CsvTokenizer &tokenizer)
{
    if (const auto problem = tokenizer.finish())
        return fileError(problem->message());
    return tokenizer.isCancelled() ? ReadEnd::Cancelled : ReadEnd::Finished;
}

Result<ReadEnd> CsvReader::readSequentially(CsvTokenizer &tokenizer, ReadSink &sink)
{
    Feed feed {TextDecoder(m_dialect.encoding), m_dialect.skipLines > 0};
    if (auto stop = feedRange(tokenizer, sink, feed, 0, text().size()))
        return *std::move(stop);
    return finishRead(tokenizer);
}

// Both cores read: the second half of the file, from the first line break after its middle, on
// a worker thread. That guess at a record boundary is checked once the first half is read: a line
// break inside a quoted field makes the first half end mid-record, and then the worker's rows are
// dropped and reading simply goes on. Results are identical either way; only the time differs.
Result<ReadEnd> CsvReader::readHalves(CsvTokenizer &tokenizer, ReadSink &sink)
{
    const QByteArrayView all = text();
    // The first slice is read before the worker starts, so the rest is what is halved.
    const qsizetype middleFrom
        = all.size() / 2 > SliceBytes ? SliceBytes + (all.size() - SliceBytes) / 2 : all.size() / 2;
    const auto *middle = static_cast<const char *>(std::memchr(
        all.data() + middleFrom, '\n', static_cast<std::size_t>(all.size() - middleFrom)));
    const qsizetype split = middle ? middle - all.data() + 1 : all.size();
    const qsizetype firstSlice = std::min(SliceBytes, split);
    Feed feed {TextDecoder(m_dialect.encoding), m_dialect.skipLines > 0};
    // The first slice tells the header's width, which the second half's ragged check needs.
    if (auto stop = feedRange(tokenizer, sink, feed, 0, firstSlice))
        return *std::move(stop);
    if (split >= all.size() || tokenizer.headerFieldCount() < 0) {
        if (auto stop = feedRange(tokenizer, sink, feed, firstSlice, all.size()))
            return *std::move(stop);
        return finishRead(tokenizer);
    }

    std::atomic_bool stopSecond {false};
    BlockCollector collected(stopSecond);
    CsvTokenizer second(m_dialect.delimiter, m_dialect.quote, m_limits, collected);
    second.expectFieldCount(tokenizer.headerFieldCount());
    std::optional<CsvTokenizer::Problem> secondProblem;
    std::thread worker([&] {
        for (qsizetype offset = split; offset < all.size() && !stopSecond; offset += SliceBytes) {
            const QByteArrayView slice
                = all.sliced(offset, std::min(SliceBytes, all.size() - offset));
            secondProblem = second.feed(slice);
            if (secondProblem)
                return;
            releaseRead(slice);
        }
        if (!stopSecond)
            secondProblem = second.finish();
    });
    auto stop = feedRange(tokenizer, sink, feed, firstSlice, split);
    const bool joinable = !stop && tokenizer.isAtRecordBoundary();
    if (!joinable)
        stopSecond = true;
    worker.join();
    if (stop)
        return *std::move(stop);
    if (!joinable) { // the guess was inside a quoted field: read on, one core
        if (auto more = feedRange(tokenizer, sink, feed, split, all.size()))
            return *std::move(more);
        return finishRead(tokenizer);
    }
    if (secondProblem)
        return fileError(secondProblem->message(tokenizer.line()));
    m_joinedHalves = true;
    tokenizer.deliverPending(second.recordCount() > 0);
    tokenizer.appendRaggedRows(second);
    for (SheetTable &block : collected.blocks) {
        if (tokenizer.isCancelled() || !sink.rowsRead(std::move(block)))
            return ReadEnd::Cancelled;
    }
    tokenizer.addRecords(second.recordCount());
    if (tokenizer.recordCount() > m_limits.maxRows)
        return fileError(tr("more than %1 records").arg(m_limits.maxRows));
    sink.progressed({all.size(), all.size(), tokenizer.recordCount()});
    return ReadEnd::Finished;
}

} // namespace sluice

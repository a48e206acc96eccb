// SPDX-License-Identifier: MIT
// Loads spreadsheet files the way the app does and prints wall time, rows/s and peak resident
// memory: bench_readers FILE... (see BENCHMARKS.md). Not part of the default test run.
#include "models/source/readerfactory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <memory>
#include <sys/resource.h>

using namespace sluice;

namespace {

// Resident now, from /proc: what the loaded table really costs once the file is released.
qint64 residentMegabytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * 4096 / (1024 * 1024) : -1;
}

qint64 peakResidentMegabytes()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList files = app.arguments().mid(1);
    if (files.isEmpty()) {
        QTextStream(stderr) << "usage: bench_readers FILE...\n";
        return 2;
    }
    out << "file\tbytes\trows\tcolumns\tseconds\trows/s\tpeak RSS MB\tRSS after MB\ttable "
           "MB\tfree seconds\n";
    for (const QString &path : files) {
        QElapsedTimer timer;
        timer.start();
        auto created = ReaderFactory::create(path);
        if (!created) {
            QTextStream(stderr) << created.error().message << "\n";
            return 1;
        }
        std::unique_ptr<SpreadsheetReader> reader = std::move(created).value();
        auto sink = std::make_unique<CollectingSink>();
        const auto sheets = reader->open(path);
        const auto end = sheets ? reader->readSheet(0, *sink) : Result<ReadEnd>(sheets.error());
        const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        if (!end) {
            QTextStream(stderr) << end.error().message << "\n";
            return 1;
        }
        const SheetTable &table = sink->table();
        out << QFileInfo(path).fileName() << '\t' << QFileInfo(path).size() << '\t'
            << table.rowCount() << '\t' << table.columnCount() << '\t'
            << QString::number(seconds, 'f', 3) << '\t'
            << qint64(static_cast<double>(table.rowCount()) / seconds) << '\t'
            << peakResidentMegabytes() << '\t' << residentMegabytes() << '\t'
            << table.memoryUse() / (1024 * 1024) << '\t';
        // Freeing the table is part of a whole-process time but not of reading: shown apart.
        QElapsedTimer freeTimer;
        freeTimer.start();
        sink.reset();
        reader.reset();
        out << QString::number(static_cast<double>(freeTimer.nsecsElapsed()) / 1e9, 'f', 3) << '\n';
    }
    return 0;
}

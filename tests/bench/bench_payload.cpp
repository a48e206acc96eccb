// SPDX-License-Identifier: MIT
// Building request bodies (issue 5): bench_payload FILE [RUNS]. Reads a generated orders file,
// maps it onto INV.CUSTOMER_ORDERS, then times two things per run:
//  - serialise: records written from rows already normalised (PayloadWriter alone; the rows are
//    normalised once up front, 10,000 distinct rows cycled over the file's row count);
//  - plan: what the uploader really does per batch, normalising each row and writing its record
//    into 500-row, <1 MB batches, over every row of the file, on one thread.
// One tab-separated line per run: rows, seconds and rows/s for each, and the bytes produced.
#include "models/mapping/mappingproposer.h"
#include "models/schema/catalogue.h"
#include "models/source/readerfactory.h"
#include "models/source/readsink.h"
#include "models/upload/batchplanner.h"
#include "models/validation/mappedrowsource.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <numeric>

using namespace sluice;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_payload FILE [RUNS]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const auto catalogue = Catalogue::load(Catalogue::builtInPath());
    const Resource &resource = *catalogue->resource(u"INV.CUSTOMER_ORDERS");
    auto reader = ReaderFactory::create(path, {});
    CollectingSink sink;
    if (!reader || !reader.value()->open(path) || !reader.value()->readSheet(0, sink)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    const SheetLayout layout = HeaderDetector::detect(sink.table());
    const MappingProposal proposal = MappingProposer::propose(resource, sink.table(), layout);
    const MappedRowSource rows(sink.table(), layout, resource, proposal.automap.mapping);
    const PayloadWriter writer(resource, QStringLiteral("INV_OOTB"), OperationType::Upsert, false);

    constexpr qsizetype Distinct = 10000;
    std::vector<std::vector<NormalisedCell>> normalised(
        size_t(std::min(Distinct, rows.rowCount())));
    for (size_t i = 0; i < normalised.size(); ++i)
        rows.normalise(qsizetype(i), normalised[i]);

    std::printf("rows\tserialise s\tserialise rows/s\tplan s\tplan rows/s\tbytes\n");
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        QByteArray batch;
        qint64 bytes = 0;
        for (qsizetype row = 0; row < rows.rowCount(); ++row) {
            if (row % 500 == 0) {
                bytes += batch.size();
                batch.clear();
            }
            writer.appendRecord(batch, normalised[size_t(row % qsizetype(normalised.size()))]);
            batch += ',';
        }
        bytes += batch.size();
        const double serialise = double(timer.nsecsElapsed()) / 1e9;

        std::vector<qsizetype> all(static_cast<size_t>(rows.rowCount()));
        std::iota(all.begin(), all.end(), 0);
        timer.restart();
        BatchPlanner planner(rows, writer, std::move(all), 500, 999999);
        qint64 planned = 0;
        while (auto next = planner.next())
            planned += next->records.size();
        const double plan = double(timer.nsecsElapsed()) / 1e9;
        std::printf("%lld\t%.3f\t%.0f\t%.3f\t%.0f\t%lld\n", static_cast<long long>(rows.rowCount()),
                    serialise, double(rows.rowCount()) / serialise, plan,
                    double(rows.rowCount()) / plan, static_cast<long long>(planned));
        Q_UNUSED(bytes);
    }
    return 0;
}

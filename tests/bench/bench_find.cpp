// SPDX-License-Identifier: MIT
// Find over a generated orders file (issue 7: "a find over 1M rows shows its count in under
// 1 s"): bench_find FILE [RUNS]. Reads the file, maps it onto INV.CUSTOMER_ORDERS as the
// automapper proposes, then times CellFinder over every row and every attribute: making the
// finder (what the dialog does on the GUI thread before a search) and the search itself, for a
// case-insensitive and a case-sensitive literal, a whole-cell and a regular expression query;
// and the whole way to the count the dialog shows (finder, search, preview model), without the
// dialog's 150 ms typing pause. One tab-separated line per query: median and slowest ms over the
// runs, and the match count.
#include "models/itemmodels/findmatchmodel.h"
#include "models/schema/catalogue.h"
#include "models/validation/cellfinder.h"
#include "tests/bench/mappedorders.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sluice;

namespace {

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

FindQuery query(const char *text, FindQuery::Mode mode, bool caseSensitive)
{
    FindQuery query;
    query.text = QString::fromUtf8(text);
    query.mode = mode;
    query.caseSensitive = caseSensitive;
    return query;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_find FILE [RUNS]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const auto catalogue = Catalogue::load(Catalogue::builtInPath());
    const Resource &resource = *catalogue->resource(u"INV.CUSTOMER_ORDERS");
    const std::unique_ptr<bench::MappedOrders> orders = bench::readMappedOrders(path, resource);
    if (!orders)
        return 1;
    const MappedRowSource &rows = *orders->rows;
    const int attributes = int(resource.attributes.size());

    std::vector<double> making;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const CellFinder finder(rows, attributes);
        making.push_back(milliseconds(timer));
    }
    const CellFinder finder(rows, attributes);
    std::printf("file\trows\tcolumns\tthreads\tquery\tmedian ms\tmax ms\tmatches\n");
    const auto line = [&](const char *name, double median, double max, qsizetype matches) {
        std::printf("%s\t%lld\t%zu\t%d\t%s\t%.1f\t%.1f\t%lld\n", qPrintable(path.section(u'/', -1)),
                    static_cast<long long>(rows.rowCount()), finder.searchableAttributes().size(),
                    QThread::idealThreadCount(), name, median, max,
                    static_cast<long long>(matches));
    };
    line("make finder", median(making), *std::max_element(making.begin(), making.end()), 0);

    const std::vector<std::pair<const char *, FindQuery>> queries = {
        {"contains 'shipped' (any case)", query("shipped", FindQuery::Mode::Contains, false)},
        {"contains 'SHIPPED' (case)", query("SHIPPED", FindQuery::Mode::Contains, true)},
        {"contains 'dc-w00' (any case)", query("dc-w00", FindQuery::Mode::Contains, false)},
        {"whole cell 'shipped' (any case)", query("shipped", FindQuery::Mode::WholeCell, false)},
        {"regex '^PRD-9\\d+$'", query("^PRD-9\\d+$", FindQuery::Mode::Regex, true)},
    };
    for (const auto &[name, findQuery] : queries) {
        std::vector<double> times;
        qsizetype matches = 0;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            matches = qsizetype(finder.find(findQuery).size());
            times.push_back(milliseconds(timer));
        }
        line(name, median(times), *std::max_element(times.begin(), times.end()), matches);
    }
    // What the dialog does once the typing pause ends: make the finder (GUI thread), search
    // (worker), hand the matches to the preview model and count its columns (GUI thread).
    QStringList names;
    for (const Attribute &attribute : resource.attributes)
        names.append(attribute.name);
    FindMatchModel model;
    std::vector<double> shown;
    for (int run = 0; run < runs; ++run) {
        model.clear();
        QElapsedTimer timer;
        timer.start();
        const CellFinder fresh(rows, attributes);
        const FindQuery shipped = queries.front().second;
        model.reset(&rows, names, shipped, fresh.find(shipped));
        shown.push_back(milliseconds(timer));
    }
    line("count shown: 'shipped' (any case)", median(shown),
         *std::max_element(shown.begin(), shown.end()), model.rowCount());
    return 0;
}

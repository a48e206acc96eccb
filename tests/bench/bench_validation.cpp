// SPDX-License-Identifier: MIT
// Validating and normalising a generated orders file (issue 4): bench_validation FILE [RUNS].
// Reads the file, maps it onto INV.CUSTOMER_ORDERS as the automapper proposes, then times
// validateAll (every row normalised and checked on all cores, duplicate keys over all rows), a
// re-check after a one-cell edit, and reports the issue counts per code and the issue index's
// memory. Rows/s and the per-code counts go to stdout as one tab-separated line per run.
#include "models/schema/catalogue.h"
#include "models/validation/validator.h"
#include "tests/bench/mappedorders.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sluice;

namespace {

qint64 residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() / 1024;
    }
    return 0;
}

// The mapped rows with one cell changed, as an edit in the grid would change it.
class EditedRows : public RowSource
{
public:
    EditedRows(const RowSource &rows, qsizetype row, int attribute, QString text)
        : m_rows(rows)
        , m_row(row)
        , m_attribute(attribute)
        , m_text(std::move(text))
    {}
    qsizetype rowCount() const override { return m_rows.rowCount(); }
    qsizetype sheetRow(qsizetype row) const override { return m_rows.sheetRow(row); }
    void normalise(qsizetype row, std::vector<NormalisedCell> &cells) const override
    {
        m_rows.normalise(row, cells);
        if (row == m_row) {
            cells[size_t(m_attribute)].value = ApiValue::string(m_text);
            cells[size_t(m_attribute)].source = m_text;
        }
    }

private:
    const RowSource &m_rows;
    qsizetype m_row;
    int m_attribute;
    QString m_text;
};

double seconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_validation FILE [RUNS]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const auto catalogue = Catalogue::load(Catalogue::builtInPath());
    const Resource &resource = *catalogue->resource(u"INV.CUSTOMER_ORDERS");
    const std::unique_ptr<bench::MappedOrders> orders = bench::readMappedOrders(path, resource);
    if (!orders)
        return 1;
    const MappedRowSource &rows = *orders->rows;
    std::printf("file\trows\tvalidate s\trows/s\trecheck ms\terrors\twarnings\tindex MB\t"
                "RSS before MB\tRSS after MB\tper code\n");
    for (int run = 0; run < runs; ++run) {
        const qint64 before = residentMegabytes();
        Validator validator(resource);
        QElapsedTimer timer;
        timer.start();
        validator.validateAll(rows);
        const double validate = seconds(timer);
        const qint64 after = residentMegabytes();

        // A one-cell edit: row 1000's order_id becomes row 2000's, so the re-check must find
        // the new duplicate; then back.
        std::vector<NormalisedCell> cells;
        rows.normalise(2000, cells);
        const EditedRows edited(rows, 1000, 0, cells[0].value.text());
        timer.restart();
        validator.revalidateRow(edited, 1000);
        const double recheck = seconds(timer) * 1000;
        validator.revalidateRow(rows, 1000);

        const IssueIndex &issues = validator.issues();
        QStringList perCode;
        for (const IssueCode code :
             {IssueCode::Required, IssueCode::Type, IssueCode::Format, IssueCode::Enum,
              IssueCode::DuplicateKey, IssueCode::Range, IssueCode::Suspicious}) {
            if (issues.count(code) > 0)
                perCode.append(issueCategory(code) + u'=' + QString::number(issues.count(code)));
        }
        std::printf("%s\t%lld\t%.3f\t%.0f\t%.2f\t%lld\t%lld\t%.1f\t%lld\t%lld\t%s\n",
                    qPrintable(path.section(u'/', -1)), static_cast<long long>(rows.rowCount()),
                    validate, double(rows.rowCount()) / validate, recheck,
                    static_cast<long long>(issues.errorCount()),
                    static_cast<long long>(issues.warningCount()), double(issues.memoryUse()) / 1e6,
                    static_cast<long long>(before), static_cast<long long>(after),
                    qPrintable(perCode.join(u' ')));
    }
    return 0;
}

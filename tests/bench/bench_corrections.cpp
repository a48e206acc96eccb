// SPDX-License-Identifier: MIT
// Bulk fixes and their undo on a generated orders file (issue 7: "undo of a bulk fix on 1M rows
// takes under 1 s"): bench_corrections FILE [RUNS] [FIX]. Opens the file in an ImportSession, maps
// it onto INV.CUSTOMER_ORDERS as the automapper proposes and checks it, then times each fix as the
// app runs it: from ImportSession::changeMapping (or QUndoStack::undo/redo) to the end of the
// re-check (validated(), or at once when the session re-checked on the GUI thread). Prints one
// tab-separated line per fix: rows whose value it changes, errors before and after, and the
// median milliseconds of the fix, its undo and its redo over RUNS, and of an undo once a cell was
// edited since (the findings kept for the mapping before no longer hold: a real re-check). FIX
// (a part of a fix's name) runs only the fixes it names, for a profile of one.
#include "models/session/importsession.h"
#include "models/validation/mappedrowsource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace sluice;

namespace {

// Runs the event loop until sender emits signal or timeoutMs pass; false on the timeout.
template<typename Signal>
bool waitFor(const ImportSession &sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool arrived = false;
    const QMetaObject::Connection connection = QObject::connect(&sender, signal, &loop, [&] {
        arrived = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(connection);
    return arrived;
}

// Milliseconds from the call of step to the end of the re-check it starts; -1 when it failed.
double timed(ImportSession &session, const std::function<bool()> &step)
{
    QElapsedTimer timer;
    timer.start();
    if (!step())
        return -1;
    if (session.isValidating() && !waitFor(session, &ImportSession::validated, 600000))
        return -1;
    return double(timer.nsecsElapsed()) / 1e6;
}

qsizetype errorCount(const ImportSession &session)
{
    const IssueIndex *issues = session.issues();
    return issues ? issues->errorCount() : -1;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Data rows whose value of attribute the mapping changes (what the session re-checks).
qsizetype rowsChanged(const ImportSession &session, const Mapping &mapping, int attribute)
{
    const MappedRowSource *rows = session.rows();
    const Resource *resource = session.resource();
    if (!rows || !resource)
        return -1;
    const MappedRowSource &now = *rows;
    const MappedRowSource after(now, *resource, mapping);
    qsizetype changed = 0;
    NormalisedCell before;
    NormalisedCell fixed;
    for (qsizetype row = 0; row < now.rowCount(); ++row) {
        now.normaliseAttribute(row, attribute, before);
        after.normaliseAttribute(row, attribute, fixed);
        const bool same = before.error.has_value() == fixed.error.has_value()
            && before.source == fixed.source
            && (before.error ? before.error->reason == fixed.error->reason
                             : before.value == fixed.value);
        if (!same)
            ++changed;
    }
    return changed;
}

struct Fix
{
    const char *name;
    QString attribute;
    std::function<void(AttributeMapping &, const ImportSession &)> change;
};

// A fix for every bad ordered_units text the check found: each one mapped to "1", as the bulk
// fix dialog's value map would.
void mapBadUnits(AttributeMapping &mapping, const ImportSession &session)
{
    const IssueIndex *issues = session.issues();
    const Resource *resource = session.resource();
    if (!issues || !resource)
        return;
    QStringList names;
    for (const Attribute &attribute : resource->attributes)
        names.append(attribute.name);
    const qsizetype units = names.indexOf(QStringLiteral("ordered_units"));
    for (const IssueGroup &group : issues->groups(names)) {
        if (group.attribute != units || group.code != IssueCode::Type)
            continue;
        for (const auto &[value, count] : issues->valuesOf(group))
            mapping.transforms.valueMap.insert(value, QStringLiteral("1"));
    }
}

std::vector<Fix> fixes()
{
    return {
        {"value map of bad ordered_units", QStringLiteral("ordered_units"), mapBadUnits},
        {"day first on order_date", QStringLiteral("order_date"),
         [](AttributeMapping &mapping, const ImportSession &) {
             mapping.transforms.dayOrder = DayOrder::DayMonthYear;
         }},
        {"value map SHIPPED on status", QStringLiteral("status"),
         [](AttributeMapping &mapping, const ImportSession &) {
             mapping.transforms.valueMap.insert(QStringLiteral("SHIPPED"),
                                                QStringLiteral("shipped"));
         }},
        {"lower case status (every row)", QStringLiteral("status"),
         [](AttributeMapping &mapping, const ImportSession &) {
             mapping.transforms.letterCase = Transforms::Case::Lower;
         }},
        {"lower case order_id (every key)", QStringLiteral("order_id"),
         [](AttributeMapping &mapping, const ImportSession &) {
             mapping.transforms.letterCase = Transforms::Case::Lower;
         }},
    };
}

// Reads, maps and checks the file as the first three steps do; false when a step fails.
bool openAndCheck(ImportSession &session, const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    session.openFile(path);
    if (!waitFor(session, &ImportSession::loaded, 600000)
        || !session.setResource(QStringLiteral("INV.CUSTOMER_ORDERS")) || !session.rows())
        return false;
    const double readSeconds = double(timer.restart()) / 1000;
    session.validate();
    if (!waitFor(session, &ImportSession::validated, 600000) || !session.issues())
        return false;
    std::printf("%lld rows: read %.1f s, checked %.1f s, %lld errors\n",
                static_cast<long long>(session.rows()->rowCount()), readSeconds,
                double(timer.elapsed()) / 1000, static_cast<long long>(errorCount(session)));
    return true;
}

// Applies fix, undoes and redoes it, and undoes it again, runs times; prints the medians. False
// when a step fails or the last undo does not bring back the issues there were.
bool runFix(ImportSession &session, const Fix &fix, int runs)
{
    const Mapping original = session.mapping();
    Mapping fixed = original;
    AttributeMapping *attribute = fixed.find(fix.attribute);
    const Resource *resource = session.resource();
    const int index = resource ? int(resource->attributeIndex(fix.attribute)) : -1;
    if (!attribute || index < 0)
        return false;
    fix.change(*attribute, session);
    const qsizetype changed = rowsChanged(session, fixed, index);
    const qsizetype errorsBefore = errorCount(session);
    qsizetype errorsAfter = -1;
    std::vector<double> doing;
    std::vector<double> undoing;
    std::vector<double> redoing;
    std::vector<double> coldUndoing;
    QUndoStack &stack = *session.undoStack();
    const auto undo = [&stack] {
        stack.undo();
        return true;
    };
    // A cell typed and taken back: the findings kept for other mappings no longer hold, so the
    // next fix or undo is checked as if it were the first.
    const auto forgetKeptFindings = [&session, &stack] {
        const int status = int(session.resource()->attributeIndex(QStringLiteral("status")));
        if (session.editCell(0, status, QStringLiteral("x")))
            stack.undo();
    };
    for (int run = 0; run < runs; ++run) {
        forgetKeptFindings();
        doing.push_back(timed(
            session, [&] { return session.changeMapping(fixed, QString::fromLatin1(fix.name)); }));
        errorsAfter = errorCount(session);
        undoing.push_back(timed(session, undo));
        redoing.push_back(timed(session, [&stack] {
            stack.redo();
            return true;
        }));
        forgetKeptFindings();
        coldUndoing.push_back(timed(session, undo));
        if (session.mapping() != original || errorCount(session) != errorsBefore
            || *std::min_element(doing.begin(), doing.end()) < 0)
            return false;
    }
    std::printf("%s\t%lld\t%lld\t%lld\t%.0f\t%.0f\t%.0f\t%.0f\n", fix.name,
                static_cast<long long>(changed), static_cast<long long>(errorsBefore),
                static_cast<long long>(errorsAfter), median(doing), median(undoing),
                median(redoing), median(coldUndoing));
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_corrections FILE [RUNS] [FIX]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "%s is missing: python3 /work/shared/bench/gen_orders.py makes it\n",
                     argv[1]);
        return 1;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const QString only = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QString();
    auto catalogue = Catalogue::load(Catalogue::builtInPath());
    if (!catalogue) {
        std::fprintf(stderr, "the built-in catalogue does not load\n");
        return 1;
    }
    QNetworkAccessManager network;
    ImportSession session(std::make_shared<const Catalogue>(std::move(catalogue).value()), network);
    if (!openAndCheck(session, path)) {
        std::fprintf(stderr, "cannot read, map or check %s\n", argv[1]);
        return 1;
    }
    std::printf("fix\trows changed\terrors before\terrors after\tfix ms\tundo ms\tredo ms"
                "\tundo after an edit ms\n");
    for (const Fix &fix : fixes()) {
        if (!QString::fromLatin1(fix.name).contains(only))
            continue;
        if (!runFix(session, fix, runs)) {
            std::fprintf(stderr, "%s: a step failed, or its undo left other issues\n", fix.name);
            return 1;
        }
    }
    return 0;
}

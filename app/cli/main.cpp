// SPDX-License-Identifier: MIT
// sluice-cli: the headless front end. Exit codes: 0 done, 1 failed, 2 wrong usage.
#include "app/cli/clioutput.h"
#include "app/cli/inspectcommand.h"
#include "app/cli/uploadcommand.h"
#include "app/cli/validatecommand.h"
#include "models/common/version.h"
#include "models/schema/catalogue.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

using namespace sluice;

namespace {

constexpr int ExitFailed = 1;
constexpr int ExitUsage = 2;

struct Options
{
    QCommandLineOption json {QStringLiteral("json"), QStringLiteral("Print JSON instead of text.")};
    QCommandLineOption solution {QStringLiteral("solution"),
                                 QStringLiteral("Only resources of solution S (INV, QP, MP, RR)."),
                                 QStringLiteral("S")};
    QCommandLineOption catalogue {QStringLiteral("catalogue"),
                                  QStringLiteral("Read the resource catalogue from FILE instead of "
                                                 "the built-in one."),
                                  QStringLiteral("FILE")};
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int usageError(const QString &message)
{
    err() << "sluice-cli: " << message << "\nTry 'sluice-cli --help'.\n";
    return ExitUsage;
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument document
        = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out() << document.toJson(QJsonDocument::Indented);
}

int listResources(const Catalogue &catalogue, const QCommandLineParser &parser,
                  const Options &options)
{
    QList<const Resource *> resources;
    if (parser.isSet(options.solution)) {
        const QString solutionId = parser.value(options.solution);
        if (!catalogue.solution(solutionId)) {
            QStringList known;
            for (const Solution &solution : catalogue.solutions())
                known.append(solution.id);
            err() << "sluice-cli: no solution '" << solutionId
                  << "' (known: " << known.join(QStringLiteral(", ")) << ")\n";
            return ExitFailed;
        }
        resources = catalogue.resourcesOf(solutionId);
    } else {
        for (const Resource &resource : catalogue.resources())
            resources.append(&resource);
    }
    if (parser.isSet(options.json)) {
        QJsonArray array;
        for (const Resource *resource : resources)
            array.append(cli::resourceSummaryJson(catalogue, *resource));
        printJson(array);
    } else {
        out() << cli::resourceListText(catalogue, resources);
    }
    return 0;
}

int describeResource(const Catalogue &catalogue, const QString &id, bool json)
{
    const Resource *resource = catalogue.resource(id);
    if (!resource) {
        err() << "sluice-cli: no resource '" << id << "' in " << catalogue.sourceName();
        const QStringList close = cli::closestResourceIds(catalogue, id);
        if (!close.isEmpty())
            err() << "; did you mean " << close.join(QStringLiteral(", ")) << '?';
        err() << "\n";
        return ExitFailed;
    }
    if (json)
        printJson(cli::resourceDetailJson(catalogue, *resource));
    else
        out() << cli::resourceDetailText(catalogue, *resource);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sluice-cli"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(ApplicationVersion));

    Options options;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sluice command line: loads spreadsheets into the Data Ingestion API (v2).\n\n"
        "Commands:\n"
        "  resources [--solution S] [--json]   List the resources of the catalogue.\n"
        "  describe RESOURCE_ID [--json]       Show one resource's attributes,\n"
        "                                      e.g. describe INV.CUSTOMER_ORDERS\n"
        "  inspect FILE [--sheet S] [--header-row N] [--encoding E] [--delimiter D]\n"
        "               [--json] [--dump]      Show what Sluice reads in a spreadsheet.\n"
        "  map FILE --resource ID [--solution S] [--json]\n"
        "                                      Propose a mapping, with confidences and reasons.\n"
        "  validate FILE --resource ID [--solution S] [--profile P] [--sheet S]\n"
        "               [--header-row N] [--report out.json] [--emit-records out.jsonl]\n"
        "                                      Check every row; exit 0 clean, 1 errors found,\n"
        "                                      2 wrong usage or unreadable input.\n"
        "  upload FILE (--profile P | --resource ID --solution S) --url URL [--token-env VAR]\n"
        "               [--operation UPSERT|APPEND] [--dry-run] [--batch-rows N]\n"
        "               [--concurrency N] [--journal FILE] [--resume FILE] [--resend-uncertain]\n"
        "               [--report out.json] [--failed-rows out.csv|out.xlsx] [--results FILE]\n"
        "                                      Send the rows without errors; exit 0 all\n"
        "                                      accepted, 1 some rejected, held back or not\n"
        "                                      sent, 2 wrong usage or unreadable input,\n"
        "                                      3 token refused, 4 gave up on the network."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({options.json, options.solution, options.catalogue});
    const cli::InspectOptions inspectOptions;
    parser.addOptions(inspectOptions.all());
    const cli::ValidateOptions validateOptions;
    parser.addOptions(validateOptions.all());
    const cli::UploadOptions uploadOptions;
    parser.addOptions(uploadOptions.all());
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("resources | describe | inspect | map | validate | upload"));
    parser.process(app);

    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty())
        return usageError(QStringLiteral("no command given"));
    const QString command = arguments.first();
    if (command == u"inspect") {
        if (arguments.size() != 2)
            return usageError(QStringLiteral("'inspect' takes one FILE"));
        return cli::runInspect(arguments.at(1), parser, inspectOptions, parser.isSet(options.json),
                               out(), err());
    }
    const bool mapping = command == u"map" || command == u"validate" || command == u"upload";
    if (!mapping && command != u"resources" && command != u"describe")
        return usageError(QStringLiteral("unknown command '%1'").arg(command));
    if (mapping && arguments.size() != 2)
        return usageError(QStringLiteral("'%1' takes one FILE").arg(command));
    if (command == u"resources" && arguments.size() != 1)
        return usageError(QStringLiteral("'resources' takes no arguments"));
    if (command == u"describe" && arguments.size() != 2)
        return usageError(QStringLiteral("'describe' takes one RESOURCE_ID"));
    if (!mapping && parser.isSet(validateOptions.resource))
        return usageError(QStringLiteral("--resource goes with 'map', 'validate' and 'upload'"));
    if (command == u"describe" && parser.isSet(options.solution))
        return usageError(QStringLiteral("--solution goes with 'resources'"));

    const QString path = parser.isSet(options.catalogue) ? parser.value(options.catalogue)
                                                         : Catalogue::builtInPath();
    const Result<Catalogue> catalogue = Catalogue::load(path);
    if (!catalogue) {
        err() << "sluice-cli: " << catalogue.error().message << "\n";
        return mapping ? ExitUsage : ExitFailed;
    }
    if (mapping) {
        const cli::MapRequest request {arguments.at(1), *catalogue, parser.value(options.solution),
                                       parser.isSet(options.json)};
        if (command == u"upload")
            return cli::runUpload(request, parser, inspectOptions.sheetOptions, validateOptions,
                                  uploadOptions, out(), err());
        if (command == u"map")
            return cli::runMap(request, parser, inspectOptions.sheetOptions, validateOptions, out(),
                               err());
        return cli::runValidate(request, parser, inspectOptions.sheetOptions, validateOptions,
                                out(), err());
    }
    if (command == u"resources")
        return listResources(*catalogue, parser, options);
    return describeResource(*catalogue, arguments.at(1), parser.isSet(options.json));
}

// SPDX-License-Identifier: MIT
// Parse throughput of the two XML parsers on one file (e.g. a sheet part unzipped to disk):
// bench_xml FILE [RUNS]. The file is read into memory first and fed in 64 KiB chunks, as the
// readers do, to a handler that only counts elements, so the figure is the parser's own.
#include "models/source/xmlpushparser.h"
#include "models/source/xmlscanner.h"

#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sluice;

namespace {

class CountingHandler : public XmlSaxHandler
{
public:
    void startElement(const char *, const XmlAttributes &attributes) override
    {
        ++elements;
        values += attributes.count();
    }
    void endElement(const char *) override {}
    void characters(QByteArrayView text) override { textBytes += text.size(); }

    qint64 elements = 0;
    qint64 values = 0;
    qint64 textBytes = 0;
};

template<typename Parser>
double secondsToParse(const QByteArray &xml, qint64 *elements)
{
    constexpr qsizetype Chunk = 64 * 1024;
    CountingHandler handler;
    Parser parser(handler);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype at = 0; at < xml.size(); at += Chunk) {
        if (!parser.feed(xml.constData() + at, std::min(Chunk, xml.size() - at)))
            break;
    }
    if (!parser.finish())
        std::fprintf(stderr, "error: %s\n", qPrintable(parser.errorString()));
    *elements = handler.elements;
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

template<typename Parser>
void report(const char *name, const QByteArray &xml, int runs)
{
    std::vector<double> seconds;
    qint64 elements = 0;
    for (int i = 0; i < runs; ++i)
        seconds.push_back(secondsToParse<Parser>(xml, &elements));
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    std::printf("%s\t%lld elements\tmedian %.3f s [%.3f-%.3f]\t%.0f MB/s\n", name,
                static_cast<long long>(elements), median, seconds.front(), seconds.back(),
                static_cast<double>(xml.size()) / 1e6 / median);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_xml FILE [RUNS]\n");
        return 2;
    }
    QFile file(QString::fromLocal8Bit(argv[1]));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    const QByteArray xml = file.readAll();
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    std::printf("%s: %.1f MB\n", argv[1], static_cast<double>(xml.size()) / 1e6);
    report<XmlPushParser>("libxml2 SAX2", xml, runs);
    report<XmlScanner>("XmlScanner", xml, runs);
    return 0;
}

// SPDX-License-Identifier: MIT
// XmlScanner against libxml2 (XmlPushParser) on every XML part of the corpus, fed whole and in
// small pieces, plus the malformed and hostile inputs it must refuse.
#include "models/source/xmlpushparser.h"
#include "models/source/xmlscanner.h"
#include "tests/support/corpus.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QTest>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

using namespace sluice;

namespace {

// Writes every event as a line; adjacent text pieces are joined, since parsers may split text
// differently.
class RecordingHandler : public XmlSaxHandler
{
public:
    explicit RecordingHandler(int stopAfterElements = -1)
        : m_stopAfter(stopAfterElements)
    {}

    void startElement(const char *localName, const XmlAttributes &attributes) override
    {
        flushText();
        QByteArray line = "<" + QByteArray(localName);
        for (int i = 0; i < attributes.count(); ++i) {
            const char *name = attributes.localName(i);
            line += " " + QByteArray(name) + "=[" + attributes.text(name) + "]";
        }
        m_events.append(line);
        if (--m_stopAfter == 0)
            stop(QStringLiteral("stopped by the handler"));
    }
    void endElement(const char *localName) override
    {
        flushText();
        m_events.append("</" + QByteArray(localName));
    }
    void characters(QByteArrayView text) override { m_text += text.toByteArray(); }

    QByteArrayList events()
    {
        flushText();
        return m_events;
    }

private:
    void flushText()
    {
        if (!m_text.isEmpty())
            m_events.append("text[" + m_text + "]");
        m_text.clear();
    }

    QByteArrayList m_events;
    QByteArray m_text;
    int m_stopAfter;
};

struct Outcome
{
    bool ok = false;
    QString error;
    QByteArrayList events;
};

// Feeds xml in pieces of the given sizes (cycled); 0 means all at once.
template<typename Parser>
Outcome parse(const QByteArray &xml, const QList<int> &pieces = {0}, int stopAfter = -1)
{
    RecordingHandler handler(stopAfter);
    Parser parser(handler);
    Outcome outcome;
    outcome.ok = true;
    qsizetype at = 0;
    int piece = 0;
    while (outcome.ok && at < xml.size()) {
        const int size = pieces[piece++ % pieces.size()];
        const qsizetype length
            = size == 0 ? xml.size() - at : std::min<qsizetype>(size, xml.size() - at);
        outcome.ok = parser.feed(xml.constData() + at, length);
        at += length;
    }
    if (outcome.ok)
        outcome.ok = parser.finish();
    outcome.error = parser.errorString();
    outcome.events = handler.events();
    return outcome;
}

Outcome scan(const QByteArray &xml, const QList<int> &pieces = {0})
{
    return parse<XmlScanner>(xml, pieces);
}

QList<QPair<QString, QByteArray>> xmlPartsOfCorpus()
{
    QList<QPair<QString, QByteArray>> parts;
    for (const QString &folder : {QStringLiteral("xlsx"), QStringLiteral("ods")}) {
        QDirIterator files(test::corpusDir() + u'/' + folder,
                           {QStringLiteral("*.xlsx"), QStringLiteral("*.ods")}, QDir::Files);
        while (files.hasNext()) {
            const QString path = files.next();
            QuaZip zip(path);
            if (!zip.open(QuaZip::mdUnzip))
                continue;
            for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
                const QString name = zip.getCurrentFileName();
                if (!name.endsWith(QLatin1String(".xml")) && !name.endsWith(QLatin1String(".rels")))
                    continue;
                QuaZipFile file(&zip);
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray bytes = file.readAll();
                if (XmlScanner::canRead(bytes.first(std::min<qsizetype>(bytes.size(), 65536))))
                    parts.append({QFileInfo(path).fileName() + u':' + name, bytes});
            }
        }
    }
    return parts;
}

} // namespace

class TestXmlScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithLibxml2OnEveryCorpusPart()
    {
        const auto parts = xmlPartsOfCorpus();
        QVERIFY2(parts.size() > 400, qPrintable(QString::number(parts.size())));
        QRandomGenerator random(20261122);
        for (const auto &[name, xml] : parts) {
            const Outcome reference = parse<XmlPushParser>(xml);
            const Outcome whole = scan(xml);
            if (!reference.ok) { // an encrypted part: both refuse it
                QVERIFY2(!whole.ok, qPrintable(name));
                continue;
            }
            QVERIFY2(whole.ok, qPrintable(name + u' ' + whole.error));
            QCOMPARE(whole.events, reference.events);
            // Pieces of 1 to 40 bytes cut every token somewhere.
            QList<int> pieces;
            for (int i = 0; i < 64; ++i)
                pieces.append(random.bounded(1, 41));
            const Outcome cut = scan(xml, pieces);
            QVERIFY2(cut.ok, qPrintable(name + u' ' + cut.error));
            QCOMPARE(cut.events, reference.events);
        }
    }

    // Damaged parts (bytes changed, cut short) end in a result, never a crash or a hang; the
    // ASan build runs this too.
    void survivesDamagedParts()
    {
        const auto parts = xmlPartsOfCorpus();
        QRandomGenerator random(7);
        int refused = 0;
        for (int round = 0; round < 400; ++round) {
            QByteArray xml = parts.at(random.bounded(parts.size())).second;
            xml.truncate(std::min<qsizetype>(xml.size(), 200000));
            const int changes = random.bounded(1, 8);
            for (int i = 0; i < changes && !xml.isEmpty(); ++i) {
                const qsizetype at = random.bounded(xml.size());
                static constexpr char Tricky[] = "<>&;\"'/=!?[]-\r\n\x00\xC3\xFF#x";
                xml[at] = Tricky[random.bounded(int(sizeof(Tricky)) - 1)];
            }
            if (random.bounded(3) == 0)
                xml.truncate(random.bounded(xml.size() + 1));
            QList<int> pieces {random.bounded(1, 300), random.bounded(1, 70000)};
            const Outcome outcome = scan(xml, pieces);
            if (!outcome.ok) {
                ++refused;
                QVERIFY(!outcome.error.isEmpty());
            }
        }
        QVERIFY2(refused > 300, qPrintable(QString::number(refused)));
    }

    void decodesReferencesAndLineEnds_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QByteArrayList>("events");
        QTest::newRow("predefined entities in text")
            << QByteArray("<a>&lt;&gt;&amp;&quot;&apos;</a>")
            << QByteArrayList {"<a", "text[<>&\"']", "</a"};
        QTest::newRow("character references")
            << QByteArray("<a>&#65;&#x42;&#x20AC;&#128512;</a>")
            << QByteArrayList {"<a", "text[AB\xE2\x82\xAC\xF0\x9F\x98\x80]", "</a"};
        QTest::newRow("CRLF and CR in text are LF")
            << QByteArray("<a>1\r\n2\r3\n</a>") << QByteArrayList {"<a", "text[1\n2\n3\n]", "</a"};
        QTest::newRow("a referenced CR stays")
            << QByteArray("<a>1&#13;2</a>") << QByteArrayList {"<a", "text[1\r2]", "</a"};
        QTest::newRow("attribute values are decoded and white space normalised")
            << QByteArray("<a v=\"x&amp;y\" w='1\r\n2\t3' q=\"it's\" n=\"&#10;\"/>")
            << QByteArrayList {"<a v=[x&y] w=[1 2 3] q=[it's] n=[\n]", "</a"};
        QTest::newRow("a literal &#38; in a value stays")
            << QByteArray("<a v=\"&amp;#38;\"/>") << QByteArrayList {"<a v=[&#38;]", "</a"};
        QTest::newRow("prefixes stripped, namespace declarations not passed")
            << QByteArray("<x:a xmlns:x=\"urn:x\" xmlns=\"urn:y\" r:id=\"7\"><x:b/></x:a>")
            << QByteArrayList {"<a id=[7]", "<b", "</b", "</a"};
        QTest::newRow("CDATA is text") << QByteArray("<a><![CDATA[<b>&amp;]]></a>")
                                       << QByteArrayList {"<a", "text[<b>&amp;]", "</a"};
        QTest::newRow("declaration, byte-order mark, comments and instructions")
            << QByteArray("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- c -->"
                          "<a><?pi x?><!-- <b> --></a>\n")
            << QByteArrayList {"<a", "</a"};
        QTest::newRow("spaces inside tags")
            << QByteArray("<a  v = \"1\"\n></a >") << QByteArrayList {"<a v=[1]", "</a"};
    }

    void decodesReferencesAndLineEnds()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QByteArrayList, events);
        for (const QList<int> &pieces : {QList<int> {0}, QList<int> {1}, QList<int> {2, 3}}) {
            const Outcome outcome = scan(xml, pieces);
            QVERIFY2(outcome.ok, qPrintable(outcome.error));
            QCOMPARE(outcome.events, events);
        }
    }

    void refusesMalformedXml_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("reason");
        QTest::newRow("mismatched end tag")
            << QByteArray("<a><b></a></b>") << "end tag 'a' does not match start tag 'b'";
        QTest::newRow("unclosed element")
            << QByteArray("<a><b></b>") << "ends before element 'a' is closed";
        QTest::newRow("end tag without start")
            << QByteArray("<a></a></b>") << "end tag 'b' has no start tag";
        QTest::newRow("two roots") << QByteArray("<a/><b/>") << "'b' follows the root element";
        QTest::newRow("text outside the root")
            << QByteArray("<a/>x") << "text outside the root element";
        QTest::newRow("empty document") << QByteArray("  \n") << "no root element";
        QTest::newRow("unknown entity")
            << QByteArray("<a>&nbsp;</a>") << "the reference &nbsp; is not defined";
        QTest::newRow("bare ampersand")
            << QByteArray("<a>fish & chips</a>") << "'&' does not start a reference";
        QTest::newRow("reference to a NUL")
            << QByteArray("<a>&#0;</a>") << "the reference &#0; is not defined";
        QTest::newRow("reference past Unicode")
            << QByteArray("<a>&#x110000;</a>") << "the reference &#x110000; is not defined";
        QTest::newRow("'<' in an attribute")
            << QByteArray("<a v=\"<\"/>") << "'<' inside the value of an attribute";
        QTest::newRow("unquoted attribute")
            << QByteArray("<a v=1/>") << "attribute 'v' is not in quotes";
        QTest::newRow("attribute without value")
            << QByteArray("<a v/>") << "attribute 'v' has no value";
        QTest::newRow("duplicate attribute")
            << QByteArray("<a v=\"1\" v=\"2\"/>") << "attribute 'v' appears twice";
        QTest::newRow("attributes not separated")
            << QByteArray("<a v=\"1\"w=\"2\"/>") << "unexpected character in tag 'a'";
        QTest::newRow("no name after '<'")
            << QByteArray("<a>< b/></a>") << "'<' is not followed by a name";
        QTest::newRow("invalid UTF-8") << QByteArray("<a>\xC3\x28</a>") << "not valid UTF-8";
        QTest::newRow("overlong UTF-8") << QByteArray("<a>\xC0\xAF</a>") << "not valid UTF-8";
        QTest::newRow("UTF-8 surrogate") << QByteArray("<a>\xED\xA0\x80</a>") << "not valid UTF-8";
        QTest::newRow("control character")
            << QByteArray("<a>\x01</a>") << "the character 0x01 is not allowed";
        QTest::newRow("NUL bytes")
            << QByteArray("<a>\0\0</a>", 10) << "the character 0x00 is not allowed";
        QTest::newRow("cut inside a UTF-8 character")
            << QByteArray("<a>x\xE2\x82") << "inside a UTF-8 character";
        QTest::newRow("cut inside a tag")
            << QByteArray("<a><b v=\"1") << "the document ends inside a tag";
        QTest::newRow("cut inside a reference")
            << QByteArray("<a>x&am") << "ends inside a reference";
        QTest::newRow("CDATA outside the root")
            << QByteArray("<![CDATA[x]]><a/>") << "CDATA section outside the root";
        QTest::newRow("declaration not at the start")
            << QByteArray(" <?xml version=\"1.0\"?><a/>") << "not at the start";
        QTest::newRow("unknown '<!'")
            << QByteArray("<a><!ELEMENT a></a>") << "does not start a comment or a CDATA section";
        QTest::newRow("billion laughs DTD")
            << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                          "<!ENTITY lol2 \"&lol;&lol;\">]><a>&lol2;</a>")
            << "has a DTD";
        QTest::newRow("external entity")
            << QByteArray("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><a>&x;</a>")
            << "has a DTD";
    }

    void refusesMalformedXml()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, reason);
        for (const QList<int> &pieces : {QList<int> {0}, QList<int> {1}, QList<int> {3, 5}}) {
            const Outcome outcome = scan(xml, pieces);
            QVERIFY2(!outcome.ok, qPrintable(outcome.events.join(' ')));
            QVERIFY2(outcome.error.contains(reason), qPrintable(outcome.error));
        }
        // libxml2 refuses each of them too.
        QVERIFY(!parse<XmlPushParser>(xml).ok);
    }

    void namesTheLineOfAnError()
    {
        const QByteArray xml("<a>\r\n<b>\n</b>\n<c></d>\n</a>");
        for (const QList<int> &pieces : {QList<int> {0}, QList<int> {1}, QList<int> {4}}) {
            RecordingHandler handler;
            XmlScanner scanner(handler);
            bool ok = true;
            for (qsizetype at = 0; ok && at < xml.size(); at += pieces.first()) {
                const qsizetype size = pieces.first() == 0 ? xml.size() : pieces.first();
                ok = scanner.feed(xml.constData() + at, std::min(size, xml.size() - at));
                if (pieces.first() == 0)
                    break;
            }
            QVERIFY(!ok);
            QCOMPARE(scanner.lineNumber(), 4);
            QVERIFY2(scanner.errorString().startsWith(u"is not well-formed XML, line 4: "),
                     qPrintable(scanner.errorString()));
        }
    }

    void stopsWhenTheHandlerStops()
    {
        const Outcome outcome = parse<XmlScanner>("<a><b/><c/><d/></a>", {0}, 2);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error, QStringLiteral("stopped by the handler"));
        QCOMPARE(outcome.events, (QByteArrayList {"<a", "<b"}));
    }

    void refusesAnOverlongTag()
    {
        QByteArray xml = "<a v=\"" + QByteArray(5 << 20, 'x');
        const Outcome outcome = scan(xml, {65536});
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.contains(u"one tag is longer than 4 MiB"),
                 qPrintable(outcome.error));
    }

    void readsOnlyUtf8()
    {
        QVERIFY(XmlScanner::canRead("<a/>"));
        QVERIFY(XmlScanner::canRead("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>"));
        QVERIFY(XmlScanner::canRead("<?xml version='1.0' encoding='us-ascii' standalone='yes'?>"));
        QVERIFY(XmlScanner::canRead("<?xml version=\"1.0\"?><a/>"));
        QVERIFY(!XmlScanner::canRead("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>"));
        QVERIFY(!XmlScanner::canRead("\xFF\xFE<\0?\0"));
        QVERIFY(!XmlScanner::canRead(QByteArray("<\0?\0x\0", 6)));
        QVERIFY(!XmlScanner::canRead("<?xml version=\"1.0\" encoding=\"UTF-8\""));
    }
};

QTEST_GUILESS_MAIN(TestXmlScanner)
#include "tst_xmlscanner.moc"

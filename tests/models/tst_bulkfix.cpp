// SPDX-License-Identifier: MIT
// Bulk fixes by cause (issue 7): which fixes fit an issue group, the mapping each one makes, the
// preview of its effect over the group's distinct values, the suggested targets, and each fix
// applied through the session as one undo step that undo takes back and redo applies again.
#include "models/session/bulkfix.h"
#include "models/session/importsession.h"
#include "tests/support/catalogues.h"
#include "tests/support/checkedsession.h"
#include "tests/support/nonnull.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace sluice;
using namespace sluice::test;

Q_DECLARE_METATYPE(QList<BulkFix::Kind>)

namespace {

using Values = QList<QPair<QString, qsizetype>>;

// Six quotes with bad statuses: "Won" (twice), "LOST " (a space after), "pend", "Shpd"; "won"
// and "lost " are allowed as they are (trim is on).
const QByteArray Quotes = "quote_id,product_id,original_quote_id,quote_status,price_list_id,"
                          "quoted_at,region_id\n"
                          "Q-1,P-1,O-1,Won,PL-1,2025-01-10 09:00:00,R-1\n"
                          "Q-2,P-1,O-1,Won,PL-1,2025-01-10 09:00:00,R-1\n"
                          "Q-3,P-1,O-1,LOST ,PL-1,2025-01-10 09:00:00,R-1\n"
                          "Q-4,P-1,O-1,pend,PL-1,2025-01-10 09:00:00,R-1\n"
                          "Q-5,P-1,O-1,won,PL-1,2025-01-10 09:00:00,R-1\n"
                          "Q-6,P-1,O-1,Shpd,PL-1,2025-01-10 09:00:00,R-1\n"
                          "Q-7,P-1,O-1,lost ,PL-1,2025-01-10 09:00:00,R-1\n";

// Orders whose order_date is written day first, all ambiguous (so nothing tells the order),
// one in another form, one empty; one line without ordered_units.
const QByteArray Orders = "order_id,order_line_id,order_date,requested_ship_date,"
                          "expected_ship_date,product_id,location_id,ordered_units,"
                          "ordered_value,updated_at\n"
                          "O-1,1,05/02/2025 10:00,2025-06-01,2025-06-01,P-1,L-1,5,10.5,"
                          "2025-06-01 00:00:00\n"
                          "O-2,1,05/02/2025 10:00,2025-06-01,2025-06-01,P-1,L-1,,10.5,"
                          "2025-06-01 00:00:00\n"
                          "O-3,1,03/04/2025 08:30,2025-06-01,2025-06-01,P-1,L-1,5,10.5,"
                          "2025-06-01 00:00:00\n"
                          "O-4,1,03.04.2025 08:30,2025-06-01,2025-06-01,P-1,L-1,5,10.5,"
                          "2025-06-01 00:00:00\n"
                          "O-5,1,,2025-06-01,2025-06-01,P-1,L-1,5,10.5,2025-06-01 00:00:00\n";

IssueGroup groupOf(IssueCode code, int attribute, const Values &values)
{
    IssueGroup group;
    group.code = code;
    group.attribute = attribute;
    group.topValues = values;
    for (const auto &[value, cells] : values)
        group.cells += cells;
    group.distinctValueCount = values.size();
    return group;
}

} // namespace

class TestBulkFix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void offeredForEachCause_data();
    void offeredForEachCause();
    void trimIsOfferedOnlyWhereItIsOff();
    void fillIsNotOfferedForAnUnmappedAttribute();
    void valueMapMergesUnderTrimAndCase();
    void otherFixesChangeTheirTransform();
    void previewCountsCellsAndValues();
    void previewOfDatesAndDefaults();
    void suggestions_data();
    void suggestions();
    void suggestedDayOrderAndCase();
    void descriptionsNameTheFix();
    void mapValuesInTheSession();
    void changeCaseInTheSession();
    void trimInTheSession();
    void reformatDatesInTheSession();
    void fillEmptyInTheSession();
    void excludeRowsInTheSession();

private:
    const Attribute &attribute(const char *resource, const char *name) const
    {
        const Resource *found = m_catalogue->resource(QString::fromLatin1(resource));
        if (!found)
            qFatal("no resource %s", resource);
        return found->attributes.at(found->attributeIndex(QString::fromLatin1(name)));
    }
    int attributeIndex(const ImportSession &session, const char *name) const
    {
        return int(session.resource()->attributeIndex(QString::fromLatin1(name)));
    }
    QStringList attributeNames(const ImportSession &session) const
    {
        QStringList names;
        for (const Attribute &attribute : session.resource()->attributes)
            names << attribute.name;
        return names;
    }
    // The session's group of attribute with code; a test ends when there is none.
    IssueGroup sessionGroup(const ImportSession &session, const char *name, IssueCode code) const
    {
        for (const IssueGroup &group : test::findingsOf(session).groups(attributeNames(session))) {
            if (group.attribute == attributeIndex(session, name) && group.code == code)
                return group;
        }
        qFatal("no %s group of code %d", name, int(code));
    }
    bool open(ImportSession &session, const QByteArray &csv, const char *resource)
    {
        return openCheckedCsv(session, m_dir.filePath(QString::fromLatin1(resource) + ".csv"), csv,
                              QString::fromLatin1(resource));
    }
    qsizetype errors(const ImportSession &session, const char *name) const
    {
        return test::findingsOf(session).count(attributeIndex(session, name), Severity::Error);
    }

    std::shared_ptr<const Catalogue> m_catalogue;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
};

void TestBulkFix::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_catalogue = builtInCatalogue();
    QVERIFY(m_dir.isValid());
}

void TestBulkFix::offeredForEachCause_data()
{
    using K = BulkFix::Kind;
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<IssueCode>("code");
    QTest::addColumn<Values>("values");
    QTest::addColumn<QList<BulkFix::Kind>>("offered");
    const QString quotes = QStringLiteral("QP.QUOTE_LINE");
    const QString orders = QStringLiteral("INV.CUSTOMER_ORDERS");
    QTest::newRow("enum, case helps")
        << quotes << "quote_status" << IssueCode::Enum << Values {{"Won", 2}, {"Shpd", 1}}
        << QList<K> {K::MapValues, K::ChangeCase, K::ExcludeRows};
    QTest::newRow("enum, case does not help")
        << quotes << "quote_status" << IssueCode::Enum << Values {{"Shpd", 1}, {"pend", 4}}
        << QList<K> {K::MapValues, K::ExcludeRows};
    QTest::newRow("date format") << orders << "order_date" << IssueCode::Format
                                 << Values {{"05/02/2025", 3}}
                                 << QList<K> {K::ReformatDates, K::MapValues, K::ExcludeRows};
    QTest::newRow("date type") << orders << "order_date" << IssueCode::Type << Values {{"soon", 1}}
                               << QList<K> {K::ReformatDates, K::MapValues, K::ExcludeRows};
    QTest::newRow("integer type") << orders << "ordered_units" << IssueCode::Type
                                  << Values {{"ten", 1}} << QList<K> {K::MapValues, K::ExcludeRows};
    QTest::newRow("reference") << orders << "product_id" << IssueCode::Reference
                               << Values {{"P-9", 1}} << QList<K> {K::MapValues, K::ExcludeRows};
    QTest::newRow("required") << orders << "ordered_units" << IssueCode::Required
                              << Values {{"", 3}} << QList<K> {K::FillEmpty, K::ExcludeRows};
    QTest::newRow("null") << quotes << "quote_id" << IssueCode::Null << Values {{"", 1}}
                          << QList<K> {K::FillEmpty, K::ExcludeRows};
    QTest::newRow("duplicate key") << orders << "order_id" << IssueCode::DuplicateKey
                                   << Values {{"O-1", 2}} << QList<K> {K::ExcludeRows};
    QTest::newRow("warning") << orders << "order_date" << IssueCode::Suspicious
                             << Values {{"2025-07-01", 1}} << QList<K> {K::ExcludeRows};
}

void TestBulkFix::offeredForEachCause()
{
    QFETCH(QString, resource);
    QFETCH(QString, attribute);
    QFETCH(IssueCode, code);
    QFETCH(Values, values);
    QFETCH(QList<BulkFix::Kind>, offered);
    const Attribute &definition = this->attribute(qPrintable(resource), qPrintable(attribute));
    QCOMPARE(BulkFix::offeredFor(groupOf(code, 0, values), definition), offered);
}

void TestBulkFix::trimIsOfferedOnlyWhereItIsOff()
{
    const Attribute &status = attribute("QP.QUOTE_LINE", "quote_status");
    const IssueGroup group = groupOf(IssueCode::Enum, 3, {{QStringLiteral("lost "), 1}});
    AttributeMapping mapping;
    mapping.source = AttributeMapping::Source::Column;
    QVERIFY(!BulkFix::offeredFor(group, status, &mapping).contains(BulkFix::Kind::Trim));
    mapping.transforms.trim = false;
    QVERIFY(BulkFix::offeredFor(group, status, &mapping).contains(BulkFix::Kind::Trim));
    // Nothing to trim: not offered even when trim is off.
    const IssueGroup unspaced = groupOf(IssueCode::Enum, 3, {{QStringLiteral("Shpd"), 1}});
    QVERIFY(!BulkFix::offeredFor(unspaced, status, &mapping).contains(BulkFix::Kind::Trim));
}

void TestBulkFix::fillIsNotOfferedForAnUnmappedAttribute()
{
    const Attribute &units = attribute("INV.CUSTOMER_ORDERS", "ordered_units");
    const IssueGroup group = groupOf(IssueCode::Required, 7, {{QString(), 4}});
    AttributeMapping unmapped;
    QCOMPARE(BulkFix::offeredFor(group, units, &unmapped),
             QList<BulkFix::Kind> {BulkFix::Kind::ExcludeRows});
    AttributeMapping column;
    column.source = AttributeMapping::Source::Column;
    QVERIFY(BulkFix::offeredFor(group, units, &column).contains(BulkFix::Kind::FillEmpty));
}

void TestBulkFix::valueMapMergesUnderTrimAndCase()
{
    Mapping mapping;
    mapping.resourceId = QStringLiteral("QP.QUOTE_LINE");
    AttributeMapping status;
    status.attribute = QStringLiteral("quote_status");
    status.source = AttributeMapping::Source::Column;
    status.columns = QStringList {QStringLiteral("Status")};
    status.transforms.valueMap.insert(QStringLiteral("Open"), QStringLiteral("pending"));
    AttributeMapping other;
    other.attribute = QStringLiteral("quote_id");
    mapping.attributes = {other, status};

    const Mapping changed
        = BulkFix::withValueMap(mapping, QStringLiteral("quote_status"),
                                {{QStringLiteral("LOST "), QStringLiteral("lost")},
                                 {QStringLiteral("Won"), QStringLiteral("won")},
                                 {QStringLiteral("Shpd"), QString()}});
    const QHash<QString, QString> expected {{QStringLiteral("Open"), QStringLiteral("pending")},
                                            {QStringLiteral("LOST"), QStringLiteral("lost")},
                                            {QStringLiteral("Won"), QStringLiteral("won")}};
    QCOMPARE(test::attributeOf(changed, u"quote_status").transforms.valueMap, expected);
    QCOMPARE(changed.attributes.at(0), other);
    QCOMPARE(test::attributeOf(mapping, u"quote_status").transforms.valueMap.size(),
             1); // a copy changed

    // Under a case transform the key is the text after it.
    Mapping lower
        = BulkFix::withCase(mapping, QStringLiteral("quote_status"), Transforms::Case::Lower);
    lower = BulkFix::withValueMap(lower, QStringLiteral("quote_status"),
                                  {{QStringLiteral("Pend"), QStringLiteral("pending")}});
    QCOMPARE(
        test::attributeOf(lower, u"quote_status").transforms.valueMap.value(QStringLiteral("pend")),
        QStringLiteral("pending"));
    // An attribute the mapping lacks: nothing changes.
    QCOMPARE(BulkFix::withValueMap(mapping, QStringLiteral("nope"),
                                   {{QStringLiteral("a"), QStringLiteral("b")}}),
             mapping);
}

void TestBulkFix::otherFixesChangeTheirTransform()
{
    Mapping mapping;
    mapping.resourceId = QStringLiteral("INV.CUSTOMER_ORDERS");
    AttributeMapping date;
    date.attribute = QStringLiteral("order_date");
    date.source = AttributeMapping::Source::Column;
    mapping.attributes = {date};
    const auto find = [](const Mapping &changed) {
        return *changed.find(u"order_date");
    };

    AttributeMapping dates = find(BulkFix::withDateFormat(mapping, QStringLiteral("order_date"),
                                                          DayOrder::DayMonthYear, QString()));
    QCOMPARE(dates.transforms.dayOrder, DayOrder::DayMonthYear);
    QVERIFY(dates.transforms.datePattern.isEmpty());
    dates
        = find(BulkFix::withDateFormat(mapping, QStringLiteral("order_date"), DayOrder::Unspecified,
                                       QStringLiteral(" dd.MM.yyyy HH:mm ")));
    QCOMPARE(dates.transforms.datePattern, QStringLiteral("dd.MM.yyyy HH:mm"));

    QVERIFY(!find(BulkFix::withTrim(mapping, QStringLiteral("order_date"), false)).transforms.trim);
    QCOMPARE(find(BulkFix::withCase(mapping, QStringLiteral("order_date"), Transforms::Case::Title))
                 .transforms.letterCase,
             Transforms::Case::Title);
    const AttributeMapping filled = find(BulkFix::withDefault(
        mapping, QStringLiteral("order_date"), QStringLiteral("2025-01-01 00:00:00")));
    QCOMPARE(filled.defaultValue, QStringLiteral("2025-01-01 00:00:00"));
    QCOMPARE(filled.transforms, date.transforms);
}

void TestBulkFix::previewCountsCellsAndValues()
{
    const Attribute &status = attribute("QP.QUOTE_LINE", "quote_status");
    const Values values {{"Won", 2}, {"LOST ", 1}, {"Shpd", 1}, {"pend", 1}};
    AttributeMapping current;
    current.attribute = status.name;
    current.source = AttributeMapping::Source::Column;

    BulkFix::Preview nothing = BulkFix::preview(current, status, values);
    QCOMPARE(nothing.cells, 5);
    QCOMPARE(nothing.fixedCells, 0);
    QCOMPARE(nothing.stillInvalid.size(), 4);
    QCOMPARE(nothing.stillInvalid.front().value, QStringLiteral("Won")); // most cells first

    QHash<QString, QString> map;
    for (const auto &[value, cells] : values)
        map.insert(value, BulkFix::suggestTarget(value, status));
    const BulkFix::Preview mapped
        = BulkFix::preview(BulkFix::withValueMap(current, map), status, values);
    QCOMPARE(mapped.fixedCells, 4);
    QCOMPARE(mapped.fixedValues, 3);
    QCOMPARE(mapped.values, 4);
    QCOMPARE(mapped.stillInvalid.size(), 1);
    QCOMPARE(mapped.stillInvalid.front().value, QStringLiteral("Shpd"));
    QVERIFY2(mapped.text().contains(QStringLiteral("Fixes 4 of 5 cells (3 of 4 values)")),
             qPrintable(mapped.text()));
    QVERIFY2(mapped.text().contains(QStringLiteral("Still invalid: 'Shpd' (1 cell)")),
             qPrintable(mapped.text()));

    map.insert(QStringLiteral("Shpd"), QStringLiteral("archived"));
    const BulkFix::Preview all
        = BulkFix::preview(BulkFix::withValueMap(current, map), status, values);
    QCOMPARE(all.fixedCells, 5);
    QCOMPARE(all.text(), QStringLiteral("✓ Fixes 5 of 5 cells (4 values)"));

    // A case change fixes what differs only in case.
    AttributeMapping lower = current;
    lower.transforms.letterCase = Transforms::Case::Lower;
    QCOMPARE(BulkFix::preview(lower, status, values).fixedCells, 3);
}

void TestBulkFix::previewOfDatesAndDefaults()
{
    const Attribute &date = attribute("INV.CUSTOMER_ORDERS", "order_date");
    const Values dates {{"05/02/2025 10:00", 2}, {"03/04/2025 08:30", 1}, {"03.04.2025 08:30", 1}};
    AttributeMapping current;
    current.source = AttributeMapping::Source::Column;
    QCOMPARE(BulkFix::preview(current, date, dates).fixedCells, 0);
    AttributeMapping dayFirst = current;
    dayFirst.transforms.dayOrder = DayOrder::DayMonthYear;
    QCOMPARE(BulkFix::preview(dayFirst, date, dates).fixedCells, 4);
    AttributeMapping pattern = current;
    pattern.transforms.datePattern = QStringLiteral("dd.MM.yyyy HH:mm");
    const BulkFix::Preview patterned = BulkFix::preview(pattern, date, dates);
    QCOMPARE(patterned.fixedCells, 1);
    QCOMPARE(patterned.stillInvalid.size(), 2);

    const Attribute &units = attribute("INV.CUSTOMER_ORDERS", "ordered_units");
    const Values empty {{QString(), 3}};
    QCOMPARE(BulkFix::preview(current, units, empty).fixedCells, 0);
    AttributeMapping filled = current;
    filled.defaultValue = QStringLiteral("0");
    QCOMPARE(BulkFix::preview(filled, units, empty).fixedCells, 3);
    filled.defaultValue = QStringLiteral("none");
    const BulkFix::Preview wrong = BulkFix::preview(filled, units, empty);
    QCOMPARE(wrong.fixedCells, 0);
    QVERIFY2(wrong.text().contains(QStringLiteral("(empty) (3 cells)")), qPrintable(wrong.text()));
}

void TestBulkFix::suggestions_data()
{
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("suggested");
    QTest::newRow("case") << "Won"
                          << "won";
    QTest::newRow("case and space") << "LOST "
                                    << "lost";
    QTest::newRow("one edit") << "wonn"
                              << "won";
    QTest::newRow("two edits") << "pendng"
                               << "pending";
    QTest::newRow("abbreviation") << "pend"
                                  << "pending";
    QTest::newRow("abbreviation in capitals") << "ARCH"
                                              << "archived";
    QTest::newRow("suffix") << "won (signed)"
                            << "won";
    QTest::newRow("nothing close") << "Shpd"
                                   << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestBulkFix::suggestions()
{
    QFETCH(QString, bad);
    QFETCH(QString, suggested);
    QCOMPARE(BulkFix::suggestTarget(bad, attribute("QP.QUOTE_LINE", "quote_status")), suggested);
    // No allowed values, no guess.
    QCOMPARE(BulkFix::suggestTarget(bad, attribute("QP.QUOTE_LINE", "quote_id")), QString());
}

void TestBulkFix::suggestedDayOrderAndCase()
{
    const Attribute &date = attribute("INV.CUSTOMER_ORDERS", "order_date");
    AttributeMapping current;
    current.source = AttributeMapping::Source::Column;
    QCOMPARE(BulkFix::suggestDayOrder(current, date, {{"05/02/2025", 1}, {"13/02/2025", 1}}),
             DayOrder::DayMonthYear);
    QCOMPARE(BulkFix::suggestDayOrder(current, date, {{"05/02/2025", 1}, {"02/13/2025", 2}}),
             DayOrder::MonthDayYear);
    Attribute upper = attribute("QP.QUOTE_LINE", "quote_status");
    upper.enumValues = QStringList {QStringLiteral("WON"), QStringLiteral("LOST")};
    QCOMPARE(BulkFix::suggestCase(current, upper, {{"won", 3}, {"Lost", 1}}),
             Transforms::Case::Upper);
    QCOMPARE(
        BulkFix::suggestCase(current, attribute("QP.QUOTE_LINE", "quote_status"), {{"Won", 3}}),
        Transforms::Case::Lower);
}

void TestBulkFix::descriptionsNameTheFix()
{
    BulkFix::Choice choice;
    choice.kind = BulkFix::Kind::MapValues;
    choice.valueMap = {{QStringLiteral("Won"), QStringLiteral("won")},
                       {QStringLiteral("pend"), QStringLiteral("pending")},
                       {QStringLiteral("Shpd"), QString()}};
    QCOMPARE(BulkFix::description(QStringLiteral("quote_status"), choice),
             QStringLiteral("Map 2 values of quote_status"));
    choice.valueMap = {{QStringLiteral("Won"), QStringLiteral("won")}};
    QCOMPARE(BulkFix::description(QStringLiteral("quote_status"), choice),
             QStringLiteral("Map 'Won' to 'won' in quote_status"));
    choice.kind = BulkFix::Kind::ReformatDates;
    choice.dayOrder = DayOrder::DayMonthYear;
    QCOMPARE(BulkFix::description(QStringLiteral("order_date"), choice),
             QStringLiteral("Read order_date as day/month/year"));
    choice.datePattern = QStringLiteral("dd.MM.yyyy HH:mm");
    QCOMPARE(BulkFix::description(QStringLiteral("order_date"), choice),
             QStringLiteral("Read order_date as dd.MM.yyyy HH:mm"));
    choice.kind = BulkFix::Kind::ChangeCase;
    choice.letterCase = Transforms::Case::Lower;
    QCOMPARE(BulkFix::description(QStringLiteral("quote_status"), choice),
             QStringLiteral("Write quote_status in lower case"));
    choice.kind = BulkFix::Kind::FillEmpty;
    choice.fillValue = QStringLiteral("0");
    QCOMPARE(BulkFix::description(QStringLiteral("ordered_units"), choice),
             QStringLiteral("Fill empty ordered_units cells with '0'"));
    choice.kind = BulkFix::Kind::Trim;
    QCOMPARE(BulkFix::description(QStringLiteral("quote_status"), choice),
             QStringLiteral("Trim spaces around quote_status"));
}

void TestBulkFix::mapValuesInTheSession()
{
    ImportSession session(m_catalogue, m_network);
    QVERIFY(open(session, Quotes, "QP.QUOTE_LINE"));
    QCOMPARE(errors(session, "quote_status"), 5);
    const qsizetype allErrors = test::findingsOf(session).errorCount();
    const IssueGroup group = sessionGroup(session, "quote_status", IssueCode::Enum);
    const Attribute &status = session.resource()->attributes.at(group.attribute);
    QHash<QString, QString> map;
    for (const auto &[value, cells] : test::findingsOf(session).valuesOf(group))
        map.insert(value, BulkFix::suggestTarget(value, status));
    BulkFix::Choice choice;
    choice.kind = BulkFix::Kind::MapValues;
    choice.valueMap = map;
    const QString description = BulkFix::description(status.name, choice);
    QCOMPARE(description, QStringLiteral("Map 3 values of quote_status"));

    QVERIFY(session.changeMapping(BulkFix::withValueMap(session.mapping(), status.name, map),
                                  description));
    QVERIFY(waitForChecks(session));
    QCOMPARE(errors(session, "quote_status"), 1); // Shpd
    QCOMPARE(test::findingsOf(session).errorCount(), allErrors - 4);
    QCOMPARE(session.undoStack()->count(), 1);
    QCOMPARE(session.undoStack()->undoText(), description);

    session.undoStack()->undo();
    QVERIFY(waitForChecks(session));
    QCOMPARE(errors(session, "quote_status"), 5);
    QCOMPARE(test::findingsOf(session).errorCount(), allErrors);
    session.undoStack()->redo();
    QVERIFY(waitForChecks(session));
    QCOMPARE(errors(session, "quote_status"), 1);
}

void TestBulkFix::changeCaseInTheSession()
{
    ImportSession session(m_catalogue, m_network);
    QVERIFY(open(session, Quotes, "QP.QUOTE_LINE"));
    const IssueGroup group = sessionGroup(session, "quote_status", IssueCode::Enum);
    const Attribute &status = session.resource()->attributes.at(group.attribute);
    const AttributeMapping *current = session.mapping().find(status.name);
    if (!current)
        QFAIL("quote_status is not mapped");
    QVERIFY(BulkFix::offeredFor(group, status, current).contains(BulkFix::Kind::ChangeCase));
    QVERIFY(session.changeMapping(
        BulkFix::withCase(session.mapping(), status.name, Transforms::Case::Lower),
        QStringLiteral("Lower case")));
    QVERIFY(waitForChecks(session));
    QCOMPARE(errors(session, "quote_status"), 2); // pend, Shpd
    session.undoStack()->undo();
    QVERIFY(waitForChecks(session));
    QCOMPARE(errors(session, "quote_status"), 5);
}

void TestBulkFix::trimInTheSession()
{
    ImportSession session(m_catalogue, m_network);
    QVERIFY(open(session, Quotes, "QP.QUOTE_LINE"));
    const QString name = QStringLiteral("quote_status");
    QVERIFY(session.changeMapping(BulkFix::withTrim(session.mapping(), name, false),
                                  QStringLiteral("Keep spaces")));
    QCOMPARE(errors(session, "quote_status"), 6); // "lost " too
    const IssueGroup group = sessionGroup(session, "quote_status", IssueCode::Enum);
    const AttributeMapping *current = session.mapping().find(name);
    if (!current)
        QFAIL("quote_status is not mapped");
    const Attribute &status = session.resource()->attributes.at(group.attribute);
    QVERIFY(BulkFix::offeredFor(group, status, current).contains(BulkFix::Kind::Trim));
    QVERIFY(
        session.changeMapping(BulkFix::withTrim(session.mapping(), name), QStringLiteral("Trim")));
    QCOMPARE(errors(session, "quote_status"), 5);
    QCOMPARE(session.undoStack()->count(), 2);
    session.undoStack()->undo();
    QCOMPARE(errors(session, "quote_status"), 6);
}

void TestBulkFix::reformatDatesInTheSession()
{
    ImportSession session(m_catalogue, m_network);
    QVERIFY(open(session, Orders, "INV.CUSTOMER_ORDERS"));
    const qsizetype before = errors(session, "order_date");
    QCOMPARE(before, 5); // four dates in no clear order or form, one empty
    const IssueGroup group = sessionGroup(session, "order_date", IssueCode::Format);
    QCOMPARE(group.cells, 4);
    const Attribute &date = session.resource()->attributes.at(group.attribute);
    QVERIFY(BulkFix::offeredFor(group, date).contains(BulkFix::Kind::ReformatDates));
    const AttributeMapping *current = session.mapping().find(date.name);
    if (!current)
        QFAIL("order_date is not mapped");
    const Values values = test::findingsOf(session).valuesOf(group);
    QCOMPARE(BulkFix::suggestDayOrder(*current, date, values), DayOrder::DayMonthYear);

    QVERIFY(session.changeMapping(
        BulkFix::withDateFormat(session.mapping(), date.name, DayOrder::DayMonthYear, QString()),
        QStringLiteral("Read order_date as day/month/year")));
    QVERIFY(waitForChecks(session));
    QCOMPARE(errors(session, "order_date"), 1); // the empty cell (dots read as well as slashes)
    QVERIFY(session.changeMapping(BulkFix::withDateFormat(session.mapping(), date.name,
                                                          DayOrder::DayMonthYear,
                                                          QStringLiteral("dd.MM.yyyy HH:mm")),
                                  QStringLiteral("Read order_date as dd.MM.yyyy HH:mm")));
    QCOMPARE(errors(session, "order_date"), 4); // the pattern wins: the slashed dates fail
    session.undoStack()->undo();
    QCOMPARE(errors(session, "order_date"), 1);
    session.undoStack()->undo();
    QCOMPARE(errors(session, "order_date"), before);
    session.undoStack()->redo();
    QCOMPARE(errors(session, "order_date"), 1);
}

void TestBulkFix::fillEmptyInTheSession()
{
    ImportSession session(m_catalogue, m_network);
    QVERIFY(open(session, Orders, "INV.CUSTOMER_ORDERS"));
    QCOMPARE(errors(session, "ordered_units"), 1);
    const qsizetype allErrors = test::findingsOf(session).errorCount();
    const IssueGroup group = sessionGroup(session, "ordered_units", IssueCode::Required);
    const Attribute &units = session.resource()->attributes.at(group.attribute);
    QVERIFY(BulkFix::offeredFor(group, units, session.mapping().find(units.name))
                .contains(BulkFix::Kind::FillEmpty));
    QVERIFY(session.changeMapping(
        BulkFix::withDefault(session.mapping(), units.name, QStringLiteral("0")),
        QStringLiteral("Fill")));
    QCOMPARE(errors(session, "ordered_units"), 0);
    QCOMPARE(test::findingsOf(session).errorCount(), allErrors - 1);
    session.undoStack()->undo();
    QCOMPARE(errors(session, "ordered_units"), 1);
    session.undoStack()->redo();
    QCOMPARE(errors(session, "ordered_units"), 0);
}

void TestBulkFix::excludeRowsInTheSession()
{
    ImportSession session(m_catalogue, m_network);
    QVERIFY(open(session, Orders, "INV.CUSTOMER_ORDERS"));
    const IssueGroup group = sessionGroup(session, "order_date", IssueCode::Format);
    const std::vector<qsizetype> rows = test::findingsOf(session).rowsOf(group);
    QCOMPARE(rows, (std::vector<qsizetype> {0, 1, 2, 3}));
    QVERIFY(session.setRowsExcluded(rows, true));
    QCOMPARE(errors(session, "order_date"), 1);    // the empty one, in another row
    QCOMPARE(errors(session, "ordered_units"), 0); // row 1 is left out too
    QVERIFY(session.isExcluded(1));
    session.undoStack()->undo();
    QCOMPARE(errors(session, "order_date"), 5);
    QVERIFY(!session.isExcluded(1));
}

QTEST_MAIN(TestBulkFix)
#include "tst_bulkfix.moc"

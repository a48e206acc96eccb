// SPDX-License-Identifier: MIT
// The row rules, duplicate keys, grouping by cause and re-validation after an edit.
#include "models/validation/validator.h"
#include "tests/support/catalogues.h"
#include "tests/support/stringrowsource.h"

#include <QTest>

using namespace sluice;
using test::StringRowSource;

namespace {

// A valid Customer Orders row; fields by attribute order of INV.CUSTOMER_ORDERS.
QStringList orderRow(const QString &orderId, const QString &lineId = QStringLiteral("10"))
{
    return {orderId,
            lineId,
            QStringLiteral("2025-01-10 09:00:00"),
            QStringLiteral("2025-01-17 00:00:00"),
            QStringLiteral("2025-01-17 00:00:00"),
            QStringLiteral("2025-01-16 14:30:00"),
            QStringLiteral("PROD-001"),
            QStringLiteral("LOC-001"),
            QStringLiteral("10"),
            QStringLiteral("249.9"),
            QStringLiteral("2025-01-16 14:30:00"),
            QStringLiteral("shipped"),
            QStringLiteral("10"),
            QStringLiteral("249.9")};
}

QList<IssueCode> codesOfRow(const IssueIndex &issues, qsizetype row)
{
    QList<IssueCode> codes;
    if (const auto *list = issues.issuesOfRow(row)) {
        for (const CellIssue &issue : *list)
            codes.append(issue.code);
    }
    return codes;
}

} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_catalogue = test::builtInCatalogue(); }

    void cleanRowsHaveNoIssues()
    {
        StringRowSource rows(orders(), {orderRow(u"A"_qs), orderRow(u"B"_qs)});
        Validator validator(orders());
        QVERIFY(validator.validateAll(rows));
        QCOMPARE(validator.issues().errorCount(), 0);
        QCOMPARE(validator.issues().warningCount(), 0);
    }

    void reportsEachRuleOnItsCell()
    {
        QList<QStringList> data(6, orderRow(u"X"_qs));
        for (qsizetype i = 0; i < data.size(); ++i)
            data[i][0] = QStringLiteral("ORD-%1").arg(i);
        data[0][6] = QString();                    // product_id: required, empty
        data[1][8] = QStringLiteral("ten");        // ordered_units: not an integer
        data[2][2] = QStringLiteral("2025-02-30"); // order_date: no such day
        data[3][12] = QStringLiteral("12");        // shipped_units above ordered_units (10)
        data[4][5] = QStringLiteral("2025-01-01 08:00:00"); // shipped before it was ordered
        data[5][5] = QString(); // actual_ship_date is optional: empty is fine
        StringRowSource rows(orders(), data);
        Validator validator(orders());
        QVERIFY(validator.validateAll(rows));
        const IssueIndex &issues = validator.issues();
        QCOMPARE(codesOfRow(issues, 0), QList<IssueCode> {IssueCode::Required});
        QCOMPARE(issues.issuesOfRow(0)->front().attribute, 6);
        QCOMPARE(issueCodeName(IssueCode::Required), QStringLiteral("DI_E_10001"));
        QCOMPARE(codesOfRow(issues, 1), QList<IssueCode> {IssueCode::Type});
        QVERIFY(issues.issuesOfRow(1)->front().message.contains(u"ten"));
        QCOMPARE(codesOfRow(issues, 2), QList<IssueCode> {IssueCode::Format});
        QCOMPARE(codesOfRow(issues, 3), QList<IssueCode> {IssueCode::Suspicious});
        QCOMPARE(issues.issuesOfRow(3)->front().severity, Severity::Warning);
        QVERIFY2(issues.issuesOfRow(3)->front().message.contains(u"more than ordered_units"),
                 qPrintable(issues.issuesOfRow(3)->front().message));
        QCOMPARE(codesOfRow(issues, 4), QList<IssueCode> {IssueCode::Suspicious});
        QVERIFY(issues.issuesOfRow(4)->front().message.contains(u"is after actual_ship_date"));
        QCOMPARE(codesOfRow(issues, 5), QList<IssueCode> {});
        QCOMPARE(issues.errorCount(), 3);
        QCOMPARE(issues.warningCount(), 2);
        QCOMPARE(issues.count(6, Severity::Error), 1);
        // Each issue offers a fix.
        QCOMPARE(issues.issuesOfRow(0)->front().suggestion,
                 u"fill the cell, or give the column a default value"_qs);
        QVERIFY(issues.issuesOfRow(1)->front().suggestion.contains(u"number format"));
        QVERIFY(issues.issuesOfRow(2)->front().suggestion.contains(u"day order"));
        QCOMPARE(issues.nextRow(0), std::optional<qsizetype>(1));
        QCOMPARE(issues.previousRow(3), std::optional<qsizetype>(2));
        QCOMPARE(issues.nextRow(4), std::nullopt);
    }

    void enumMembershipIsExactWithASuggestion()
    {
        const Resource &customer = *m_catalogue->resource(u"QP.CUSTOMER");
        const auto row = [](const QString &source) {
            return QStringList {u"C1"_qs, u"2025-01-28T10:00:00Z"_qs, u"Acme"_qs, {}, {}, {},
                                source};
        };
        StringRowSource rows(
            customer, {row(u"ERP"_qs), row(u"Peak"_qs), row(u"customr"_qs), row(u"peak"_qs)});
        rows.setCell(1, u"customer_id"_qs, u"C2"_qs);
        rows.setCell(2, u"customer_id"_qs, u"C3"_qs);
        rows.setCell(3, u"customer_id"_qs, u"C4"_qs);
        Validator validator(customer);
        QVERIFY(validator.validateAll(rows));
        const IssueIndex &issues = validator.issues();
        QCOMPARE(codesOfRow(issues, 0), QList<IssueCode> {IssueCode::Enum});
        QCOMPARE(issues.issuesOfRow(0)->front().suggestion, u"map the value to an allowed one"_qs);
        QVERIFY(issues.issuesOfRow(0)->front().message.contains(u"'ERP' is not an allowed source"));
        QCOMPARE(issues.issuesOfRow(1)->front().suggestion, u"did you mean 'peak'?"_qs);
        QCOMPARE(issues.issuesOfRow(2)->front().suggestion, u"did you mean 'customer'?"_qs);
        QCOMPARE(codesOfRow(issues, 3), QList<IssueCode> {});
        QCOMPARE(issueCodeName(IssueCode::Enum), QStringLiteral("DI_E_10004"));
    }

    void foreignKeysAgainstALoadedReference()
    {
        ReferenceSets references;
        references.insert(u"INV.PRODUCTS.product_id"_qs, {u"PROD-001"_qs});
        QList<QStringList> data {orderRow(u"A"_qs), orderRow(u"B"_qs)};
        data[1][6] = QStringLiteral("PROD-999");
        StringRowSource rows(orders(), data);
        Validator validator(orders(), references);
        QVERIFY(validator.validateAll(rows));
        QCOMPARE(codesOfRow(validator.issues(), 0), QList<IssueCode> {});
        QCOMPARE(codesOfRow(validator.issues(), 1), QList<IssueCode> {IssueCode::Reference});
        // Without a loaded set the reference is not checked.
        Validator unchecked(orders());
        QVERIFY(unchecked.validateAll(rows));
        QCOMPARE(unchecked.issues().errorCount(), 0);
    }

    void rangeAndLength()
    {
        QList<QStringList> data {orderRow(u"A"_qs), orderRow(u"B"_qs), orderRow(u"C"_qs)};
        data[1][10] = QStringLiteral("2025-04-10 25:00:00"); // updated_at: hour 25
        data[2][11] = QString(65536, u'x');                  // status: over 65,535 bytes
        StringRowSource rows(orders(), data);
        Validator validator(orders());
        QVERIFY(validator.validateAll(rows));
        QCOMPARE(codesOfRow(validator.issues(), 0), QList<IssueCode> {});
        QCOMPARE(codesOfRow(validator.issues(), 1), QList<IssueCode> {IssueCode::Range});
        QCOMPARE(codesOfRow(validator.issues(), 2), QList<IssueCode> {IssueCode::Length});
        QCOMPARE(issueCodeName(IssueCode::Length), QStringLiteral("SL_E_LENGTH"));
    }

    void nullWhereTheAttributeIsNotNullable()
    {
        Resource resource = orders();
        Attribute &status = resource.attributes[resource.attributeIndex(u"status")];
        status.nullable = false; // optional, but never null: no catalogue entry has this yet
        QList<QStringList> data {orderRow(u"A"_qs), orderRow(u"B"_qs)};
        data[1][11] = QString();
        StringRowSource rows(resource, data);
        Validator validator(resource);
        QVERIFY(validator.validateAll(rows));
        QCOMPARE(codesOfRow(validator.issues(), 0), QList<IssueCode> {});
        QCOMPARE(codesOfRow(validator.issues(), 1), QList<IssueCode> {IssueCode::Null});
        QCOMPARE(issueCodeName(IssueCode::Null), QStringLiteral("DI_E_10005"));
    }

    void everyRowSharingAKeyIsReported()
    {
        QList<QStringList> data {orderRow(u"A"_qs), orderRow(u"B"_qs), orderRow(u"A"_qs),
                                 orderRow(u"A"_qs), orderRow(u"A"_qs, u"20"_qs)};
        data[4][0] = QString(); // an incomplete key is a Required error, never a duplicate
        StringRowSource rows(orders(), data);
        Validator validator(orders());
        QVERIFY(validator.validateAll(rows, nullptr, 2));
        const IssueIndex &issues = validator.issues();
        for (const qsizetype row : {0, 2, 3})
            QCOMPARE(codesOfRow(issues, row), QList<IssueCode> {IssueCode::DuplicateKey});
        QCOMPARE(codesOfRow(issues, 1), QList<IssueCode> {});
        QCOMPARE(codesOfRow(issues, 4), QList<IssueCode> {IssueCode::Required});
        const QString message = issues.issuesOfRow(0)->front().message;
        QVERIFY2(message.contains(u"also on row(s) 4, 5"), qPrintable(message));
        QCOMPARE(issues.issuesOfRow(0)->front().suggestion,
                 u"keep one of these rows, or correct the key"_qs);
        QCOMPARE(issueCodeName(IssueCode::DuplicateKey), QStringLiteral("DI_E_10007"));
    }

    void groupsByCause()
    {
        QList<QStringList> data;
        const QStringList statuses {u"Shipped"_qs, u"SHIPPED"_qs, u"Shipped"_qs, u"open"_qs};
        const Resource &customer = *m_catalogue->resource(u"QP.CUSTOMER");
        for (int i = 0; i < 12; ++i)
            data.append({QStringLiteral("C%1").arg(i),
                         u"2025-01-28T10:00:00Z"_qs,
                         u"n"_qs,
                         {},
                         {},
                         {},
                         statuses.at(i % statuses.size())});
        data[11][1] = QStringLiteral("soon");
        StringRowSource rows(customer, data);
        Validator validator(customer);
        QVERIFY(validator.validateAll(rows));
        QStringList names;
        for (const Attribute &attribute : customer.attributes)
            names.append(attribute.name);
        const QList<IssueGroup> groups = validator.issues().groups(names);
        QCOMPARE(groups.size(), 2);
        const IssueGroup &statusGroup = groups.first();
        QCOMPARE(statusGroup.code, IssueCode::Enum);
        QCOMPARE(statusGroup.cells, 12);
        QCOMPARE(statusGroup.distinctValueCount, 3);
        QCOMPARE(statusGroup.topValues.first(), (QPair<QString, qsizetype>(u"Shipped"_qs, 6)));
        QVERIFY2(statusGroup.summary.startsWith(
                     u"12 rows: source is not one of peak, customer; 3 distinct values: Shipped, "),
                 qPrintable(statusGroup.summary));
        QCOMPARE(groups.at(1).code, IssueCode::Type); // "soon" is no timestamp at all
        QCOMPARE(groups.at(1).cells, 1);
    }

    void anEditReChecksTheRowAndItsKeyPartners()
    {
        QList<QStringList> data {orderRow(u"A"_qs), orderRow(u"A"_qs), orderRow(u"B"_qs)};
        StringRowSource rows(orders(), data);
        Validator validator(orders());
        QVERIFY(validator.validateAll(rows));
        QCOMPARE(validator.issues().count(IssueCode::DuplicateKey), 2);

        rows.setCell(1, u"order_id"_qs, u"C"_qs); // resolves the duplicate for both rows
        validator.revalidateRow(rows, 1);
        QCOMPARE(validator.issues().count(IssueCode::DuplicateKey), 0);
        QCOMPARE(validator.issues().errorCount(), 0);

        rows.setCell(2, u"order_id"_qs, u"C"_qs); // makes a new one with row 1
        validator.revalidateRow(rows, 2);
        QCOMPARE(codesOfRow(validator.issues(), 1), QList<IssueCode> {IssueCode::DuplicateKey});
        QCOMPARE(codesOfRow(validator.issues(), 2), QList<IssueCode> {IssueCode::DuplicateKey});

        rows.setCell(2, u"ordered_units"_qs, u"many"_qs); // adds a type error, keeps the key
        validator.revalidateRow(rows, 2);
        QCOMPARE(codesOfRow(validator.issues(), 2),
                 (QList<IssueCode> {IssueCode::DuplicateKey, IssueCode::Type}));
        QCOMPARE(validator.issues().errorCount(), 3);
    }

    void threadsDoNotChangeTheResult()
    {
        QList<QStringList> data;
        for (int i = 0; i < 5000; ++i) {
            data.append(orderRow(QStringLiteral("O%1").arg(i % 4000)));
            if (i % 7 == 0)
                data.last()[8] = QStringLiteral("x%1").arg(i);
        }
        StringRowSource rows(orders(), data);
        Validator one(orders());
        QVERIFY(one.validateAll(rows, nullptr, 1));
        Validator four(orders());
        QVERIFY(four.validateAll(rows, nullptr, 4));
        QCOMPARE(four.issues().errorCount(), one.issues().errorCount());
        QCOMPARE(four.issues().count(IssueCode::DuplicateKey), 2000);
        QCOMPARE(four.issues().count(IssueCode::Type), 715);
        QStringList a;
        QStringList b;
        one.issues().forEach([&](const CellIssue &issue) { a.append(issue.message); });
        four.issues().forEach([&](const CellIssue &issue) { b.append(issue.message); });
        QCOMPARE(a, b);
    }

    void cancelStops()
    {
        StringRowSource rows(orders(), QList<QStringList>(5000, orderRow(u"A"_qs)));
        const std::atomic_bool cancel {true};
        Validator validator(orders());
        QVERIFY(!validator.validateAll(rows, &cancel));
        QCOMPARE(validator.issues().count(IssueCode::DuplicateKey), 0);
    }

private:
    const Resource &orders() const { return *m_catalogue->resource(u"INV.CUSTOMER_ORDERS"); }

    std::shared_ptr<const Catalogue> m_catalogue;
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"

// SPDX-License-Identifier: MIT
// Placeholder until its author fills it in.
#include <QtTest>

class TestBulkFix : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QVERIFY(true); }
};

QTEST_MAIN(TestBulkFix)
#include "tst_bulkfix.moc"

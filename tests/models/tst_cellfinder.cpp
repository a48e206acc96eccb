// SPDX-License-Identifier: MIT
// Placeholder until its author fills it in.
#include <QtTest>

class TestCellFinder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QVERIFY(true); }
};

QTEST_MAIN(TestCellFinder)
#include "tst_cellfinder.moc"
